import {
  averageCents,
  customerOf,
  customerSearchOf,
  customerSummary,
  customerTotals,
  decideCustomerNote,
  matchesCustomer,
  type CustomerNotes,
} from './customer-rules';
import { CUSTOMER_TIMELINE_MAX, customerSchema } from '../contract/customer-schemas';
import type { Address, Order } from '../contract/order-schemas';
import { ProblemError } from '../contract/problems';
import type { OrderActor } from './order-decisions';

const support: OrderActor = { id: 'stf_support', name: 'Sam Support', role: 'support' };
const merchandiser: OrderActor = { id: 'stf_merch', name: 'Max Merch', role: 'merchandiser' };
const CUSTOMER = 'cus_000042';

const home: Address = { name: 'Pat Buyer', line1: '1 Main St', line2: null, city: 'Edison', state: 'NJ', zip: '08817' };
const work: Address = { name: 'Pat Buyer', line1: '500 Market St', line2: 'Floor 3', city: 'San Francisco', state: 'CA', zip: '94105' };

/** Order `number` of the customer, placed at `placedAt`, with a placed event then `events` (type, minutes after placing). */
function orderOf(
  number: number,
  placedAt: string,
  {
    total = 5_000,
    refunded = 0,
    address = home,
    name = 'Pat Buyer',
    email = 'pat@example.com',
    phone = '(555) 010-0042',
    events = [] as [Order['timeline'][number]['type'], number][],
  } = {},
): Order {
  const id = `ord_${String(number).padStart(7, '0')}`;
  const at = (minutes: number) => new Date(Date.parse(placedAt) + minutes * 60_000).toISOString();
  return {
    id,
    number,
    placedAt,
    customer: { id: CUSTOMER, name, email, phone },
    shippingAddress: address,
    locationId: 'edison-nj',
    lines: [
      {
        id: `li_${number}_1`,
        variantId: 'var_a',
        productId: 'prod_a',
        sku: 'SKU-A',
        title: 'Tee',
        variantTitle: 'M',
        quantity: 1,
        unitPrice: total,
        discount: 0,
        tax: 0,
        unitCost: null,
        fulfilledQuantity: 0,
        cancelledQuantity: 0,
        refundedQuantity: 0,
      },
    ],
    discountCode: null,
    subtotal: total,
    discount: 0,
    shipping: 0,
    tax: 0,
    total,
    refunded,
    net: total - refunded,
    status: 'open',
    paymentStatus: refunded === 0 ? 'paid' : refunded >= total ? 'refunded' : 'partially_refunded',
    fulfilmentStatus: 'unfulfilled',
    fulfilments: [],
    // One refund of the whole amount, paid back to the customer.
    refunds:
      refunded === 0
        ? []
        : [
            {
              id: `ref_${id.slice(4)}_1`,
              at: at(30),
              amount: refunded,
              shipping: 0,
              lines: [],
              restock: false,
              locationId: null,
              reason: 'Goodwill',
              by: { id: support.id, name: support.name },
              returnId: null,
              toExchange: 0,
            },
          ],
    returns: [],
    exchangeFor: null,
    balanceDue: 0,
    notes: [],
    timeline: [
      { id: `evt_${id.slice(4)}_1`, at: placedAt, type: 'placed', actor: null, message: `Order #${number} placed.` },
      ...events.map(([type, minutes], i) => ({
        id: `evt_${id.slice(4)}_${i + 2}`,
        at: at(minutes),
        type,
        actor: { id: support.id, name: support.name },
        message: `${type} on #${number}`,
      })),
    ],
    version: 1 + events.length,
  };
}

function refusal(decide: () => unknown): ProblemError {
  try {
    decide();
  } catch (error) {
    if (error instanceof ProblemError) return error;
    throw error;
  }
  throw new Error('The decision was accepted');
}

describe('customerTotals and averageCents', () => {
  it('adds up spend net of refunds in integer cents, with the first and last order', () => {
    const orders = [
      orderOf(1003, '2026-11-20T12:00:00.000Z', { total: 2_001 }),
      orderOf(1001, '2026-03-01T09:00:00.000Z', { total: 1_000 }),
      orderOf(1002, '2026-06-15T18:30:00.000Z', { total: 4_000, refunded: 1_500 }),
    ];
    expect(customerTotals(orders)).toEqual({
      orders: 3,
      spent: 2_001 + 1_000 + 2_500,
      refunded: 1_500,
      averageOrder: 1_834, // 5,501 ÷ 3 = 1,833.67
      firstOrderAt: '2026-03-01T09:00:00.000Z',
      lastOrderAt: '2026-11-20T12:00:00.000Z',
    });
  });

  it('counts as refunded what was paid back, not an exchange’s credit, and a replacement as no purchase', () => {
    const exchanged = orderOf(1001, '2026-01-01T00:00:00.000Z', { total: 2_960, refunded: 2_960 });
    exchanged.refunds[0] = { ...exchanged.refunds[0]!, toExchange: 2_643 };
    const replacement = {
      ...orderOf(1002, '2026-01-02T00:00:00.000Z', { total: 2_643 }),
      exchangeFor: { orderId: exchanged.id, number: 1001, returnId: 'ret_0001001_1', credit: 2_643 },
    };
    // One purchase: the replacement's money counts, not as an order, nor as the last one.
    expect(customerTotals([exchanged, replacement])).toEqual({
      orders: 1,
      spent: 2_643,
      refunded: 317,
      averageOrder: 2_643,
      firstOrderAt: exchanged.placedAt,
      lastOrderAt: exchanged.placedAt,
    });
  });

  it('rounds the average half up, to whole cents', () => {
    const two = [orderOf(1001, '2026-01-01T00:00:00.000Z', { total: 1_000 }), orderOf(1002, '2026-01-02T00:00:00.000Z', { total: 2_001 })];
    expect(customerTotals(two).averageOrder).toBe(1_501); // 1,500.5
    expect(averageCents(1, 2)).toBe(1);
    expect(averageCents(3, 2)).toBe(2);
    expect(averageCents(5, 3)).toBe(2);
    expect(averageCents(4, 3)).toBe(1);
    expect(averageCents(1_000, 8)).toBe(125);
    expect(averageCents(9_007_199_254, 7)).toBe(1_286_742_751); // 1,286,742,750.57
  });

  it('is zero with no orders', () => {
    expect(customerTotals([])).toEqual({ orders: 0, spent: 0, refunded: 0, averageOrder: 0, firstOrderAt: null, lastOrderAt: null });
    expect(averageCents(5, 0)).toBe(0);
    expect(customerSummary(CUSTOMER, [])).toBeNull();
    expect(customerOf(CUSTOMER, [], undefined)).toBeNull();
  });
});

describe('customerSummary and customerOf', () => {
  it('takes contact and state from the latest order (the higher number on a tie)', () => {
    const orders = [
      orderOf(1005, '2026-11-01T10:00:00.000Z', { address: work, email: 'pat@work.example.com' }),
      orderOf(1001, '2026-01-01T10:00:00.000Z', { name: 'Pat Old-Name' }),
      orderOf(1004, '2026-11-01T10:00:00.000Z', { address: home, email: 'pat@example.com' }),
    ];
    expect(customerSummary(CUSTOMER, orders)).toMatchObject({
      id: CUSTOMER,
      name: 'Pat Buyer',
      email: 'pat@work.example.com',
      phone: '(555) 010-0042',
      state: 'CA',
      orders: 3,
    });
  });

  it('lists every address once, the latest first, whatever the case it was typed in', () => {
    const shouted = { ...home, line1: '1 MAIN ST', city: 'EDISON' };
    const orders = [
      orderOf(1001, '2026-01-01T10:00:00.000Z', { address: home }),
      orderOf(1002, '2026-02-01T10:00:00.000Z', { address: work }),
      orderOf(1003, '2026-03-01T10:00:00.000Z', { address: shouted }),
      orderOf(1004, '2026-01-15T10:00:00.000Z', { address: work }),
    ];
    expect(customerOf(CUSTOMER, orders, undefined)?.addresses).toEqual([shouted, work]);
  });

  it('shows the history newest first, the customer’s notes among the orders’ events, each event naming its order', () => {
    const orders = [
      orderOf(1001, '2026-01-01T10:00:00.000Z', { events: [['fulfilled', 60]] }),
      orderOf(1002, '2026-02-01T10:00:00.000Z', { events: [['refunded', 30]] }),
    ];
    const stored: CustomerNotes = {
      notes: [
        { id: 'cnote_000042_1', at: '2026-01-20T10:00:00.000Z', author: { id: support.id, name: support.name }, text: 'Prefers email' },
      ],
      version: 2,
    };
    const customer = customerOf(CUSTOMER, orders, stored)!;
    expect(customer.timeline.map((e) => [e.at, e.type, e.message, e.order?.number ?? null])).toEqual([
      ['2026-02-01T10:30:00.000Z', 'refunded', 'refunded on #1002', 1002],
      ['2026-02-01T10:00:00.000Z', 'placed', 'Order #1002 placed.', 1002],
      ['2026-01-20T10:00:00.000Z', 'note_added', 'Note: Prefers email', null],
      ['2026-01-01T11:00:00.000Z', 'fulfilled', 'fulfilled on #1001', 1001],
      ['2026-01-01T10:00:00.000Z', 'placed', 'Order #1001 placed.', 1001],
    ]);
    expect(customer.timeline[2]).toMatchObject({ id: 'cnote_000042_1', actor: { id: support.id, name: support.name }, order: null });
    expect(customer.timeline[0]?.order).toEqual({ id: 'ord_0001002', number: 1002 });
    expect(customer).toMatchObject({ notes: stored.notes, version: 2, orders: 2, spent: 10_000 });
    expect(customerSchema.safeParse(customer).success).toBe(true);
    expect(customerOf(CUSTOMER, orders, undefined)).toMatchObject({ notes: [], version: 1 });
  });

  it(`keeps only the newest ${CUSTOMER_TIMELINE_MAX} events`, () => {
    // 60 orders a day apart, each placed and fulfilled an hour later: 120 events.
    const orders = Array.from({ length: 60 }, (_, i) =>
      orderOf(1001 + i, new Date(Date.UTC(2026, 0, 1 + i, 10)).toISOString(), { events: [['fulfilled', 60]] }),
    );
    const { timeline } = customerOf(CUSTOMER, orders, undefined)!;
    expect(timeline).toHaveLength(CUSTOMER_TIMELINE_MAX);
    expect(timeline[0]).toMatchObject({ type: 'fulfilled', order: { number: 1060 } });
    expect(timeline.at(-1)).toMatchObject({ type: 'placed', order: { number: 1011 } });
    expect(timeline.every((e, i) => i === 0 || timeline[i - 1]!.at >= e.at)).toBe(true);
  });

  it('shows events of one order at the same instant (shipped, then closed) newest first too', () => {
    const order = orderOf(1001, '2026-01-01T10:00:00.000Z', {
      events: [
        ['fulfilled', 60],
        ['closed', 60],
      ],
    });
    const { timeline } = customerOf(CUSTOMER, [order], undefined)!;
    expect(timeline.map((e) => e.type)).toEqual(['closed', 'fulfilled', 'placed']);
  });
});

describe('customer search', () => {
  const pat = { name: 'Pat Buyer', email: 'Pat.Buyer@Example.com', phone: '+1 (555) 010-0042' };
  const lee = { name: 'Lee Shopper', email: 'lee@example.org', phone: '555-867-5309' };
  const found = (q: string) => [pat, lee].filter((c) => matchesCustomer(customerSearchOf(q), c)).map((c) => c.name);

  it('reads 3 or more digits, with phone punctuation, as part of a phone number', () => {
    expect(customerSearchOf('555-0100')).toEqual({ phone: '5550100' });
    expect(customerSearchOf(' (555) 010 ')).toEqual({ phone: '555010' });
    expect(customerSearchOf('+1 555')).toEqual({ phone: '1555' });
    expect(customerSearchOf('555.867')).toEqual({ phone: '555867' });
    expect(customerSearchOf('42')).toEqual({ text: '42' });
    expect(customerSearchOf('Pat 555')).toEqual({ text: 'pat 555' });
    expect(found('010-0042')).toEqual(['Pat Buyer']);
    expect(found('(555)')).toEqual(['Pat Buyer', 'Lee Shopper']);
    expect(found('8675309')).toEqual(['Lee Shopper']);
    expect(found('999')).toEqual([]);
  });

  it('finds part of a name or an email in any case', () => {
    expect(customerSearchOf('  PAT  ')).toEqual({ text: 'pat' });
    expect(found('BUYER')).toEqual(['Pat Buyer']);
    expect(found('pat.buyer@example')).toEqual(['Pat Buyer']);
    expect(found('EXAMPLE.ORG')).toEqual(['Lee Shopper']);
    expect(found('shop')).toEqual(['Lee Shopper']);
    expect(found('example')).toEqual(['Pat Buyer', 'Lee Shopper']);
    expect(found('nobody')).toEqual([]);
  });
});

describe('decideCustomerNote', () => {
  const context = (actor: OrderActor, stored: CustomerNotes | undefined, now = '2026-11-27T15:00:00.000Z') => ({
    customerId: CUSTOMER,
    customerName: 'Pat Buyer',
    stored,
    actor,
    now,
  });

  it('lets support add a note, bumping the version, with an audit entry', () => {
    const first = decideCustomerNote(context(support, undefined), { text: 'Prefers email' });
    expect(first.stored).toEqual({
      notes: [
        { id: 'cnote_000042_1', at: '2026-11-27T15:00:00.000Z', author: { id: support.id, name: support.name }, text: 'Prefers email' },
      ],
      version: 2,
    });
    expect(first.audit).toEqual({
      entityType: 'customer',
      entityId: CUSTOMER,
      entityLabel: 'Pat Buyer',
      before: {},
      after: { note: 'Prefers email' },
    });
    const second = decideCustomerNote(context(support, first.stored, '2026-11-28T09:00:00.000Z'), { text: 'VIP' });
    expect(second.stored.version).toBe(3);
    expect(second.stored.notes.map((n) => [n.id, n.text])).toEqual([
      ['cnote_000042_1', 'Prefers email'],
      ['cnote_000042_2', 'VIP'],
    ]);
    expect(first.stored.notes).toHaveLength(1);
  });

  it('refuses a merchandiser with 403', () => {
    const no = refusal(() => decideCustomerNote(context(merchandiser, undefined), { text: 'Hi' }));
    expect(no.problem).toEqual({
      type: 'about:blank',
      status: 403,
      title: 'Not allowed',
      detail: 'Your role (Merchandiser) may not fulfil or cancel orders. Ask a manager or an admin.',
    });
  });
});
