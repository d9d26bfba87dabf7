import {
  decideCancel,
  decideFulfilment,
  decideNote,
  decideRefund,
  levelKeys,
  type CancelRequest,
  type LevelSnapshot,
  type OrderActor,
  type OrderContext,
} from './order-decisions';
import type { Order } from '../contract/order-schemas';
import { MAX_STOCK_UNITS } from '../contract/constants';
import { ProblemError } from '../contract/problems';
import { lineRefundAmount, orderTotals, unitsToShip } from './order-rules';

const NOW = '2026-11-27T15:00:00.000Z';
const HOME = 'edison-nj';
const OTHER = 'dallas-tx';
const LOCATIONS = [
  { id: HOME, name: 'Edison, NJ' },
  { id: OTHER, name: 'Dallas, TX' },
];
const support: OrderActor = { id: 'stf_support', name: 'Sam Support', role: 'support' };
const support2: OrderActor = { id: 'stf_support_2', name: 'Sue Support', role: 'support' };
const manager: OrderActor = { id: 'stf_manager', name: 'Mia Manager', role: 'manager' };
const merchandiser: OrderActor = { id: 'stf_merch', name: 'Max Merch', role: 'merchandiser' };
const UPS = '1Z999AA10123456784';
/** Who is in support now: both support people, not the manager. */
const SUPPORT_STAFF: ReadonlySet<string> = new Set([support.id, support2.id]);

/** An open, unshipped order of two lines at Edison: 3 × $10.00 and 2 × `secondPrice`, free shipping, no tax. */
function openOrder(secondPrice = 2_500): Order {
  const line = (id: string, variantId: string, quantity: number, unitPrice: number) => ({
    id,
    variantId,
    productId: `prod_${variantId}`,
    sku: `SKU-${variantId}`,
    title: 'Tee',
    variantTitle: 'M',
    quantity,
    unitPrice,
    discount: 0,
    tax: 0,
    unitCost: null,
    fulfilledQuantity: 0,
    cancelledQuantity: 0,
    refundedQuantity: 0,
  });
  const total = 3 * 1_000 + 2 * secondPrice;
  return {
    id: 'ord_0000042',
    number: 1042,
    placedAt: '2026-11-26T10:00:00.000Z',
    customer: { id: 'cus_000042', name: 'Pat Buyer', email: 'pat@example.com', phone: '555-0100' },
    shippingAddress: { name: 'Pat Buyer', line1: '1 Main St', line2: null, city: 'Edison', state: 'NJ', zip: '08817' },
    locationId: HOME,
    lines: [line('line_a', 'var_a', 3, 1_000), line('line_b', 'var_b', 2, secondPrice)],
    discountCode: null,
    subtotal: total,
    discount: 0,
    shipping: 0,
    tax: 0,
    total,
    refunded: 0,
    net: total,
    status: 'open',
    paymentStatus: 'paid',
    fulfilmentStatus: 'unfulfilled',
    fulfilments: [],
    refunds: [],
    returns: [],
    exchangeFor: null,
    balanceDue: 0,
    notes: [],
    timeline: [{ id: 'evt_0000042_1', at: '2026-11-26T10:00:00.000Z', type: 'placed', actor: null, message: 'Order placed.' }],
    version: 1,
  };
}

/** Each line's variant at both warehouses: 10 on hand at Edison with the order's units still to ship reserved, 4 at Dallas. */
function levelsFor(order: Order): LevelSnapshot[] {
  return levelKeys(order, [OTHER]).map(({ variantId, locationId }) => {
    const line = order.lines.find((l) => l.variantId === variantId);
    return {
      variantId,
      locationId,
      sku: `SKU-${variantId}`,
      onHand: locationId === HOME ? 10 : 4,
      reserved: locationId === HOME && line ? unitsToShip(line) : 0,
      version: 7,
    };
  });
}

function contextOf(order: Order, actor: OrderActor = support, levels = levelsFor(order), now = NOW): OrderContext {
  return { order, actor, now, locations: LOCATIONS, levels, supportStaffIds: SUPPORT_STAFF, familyRefunds: [] };
}

/**
 * An open, unshipped order like openOrder, but as the storefront prices it: a $8.00 discount spread over the lines,
 * NJ sales tax on the rest (so a unit's refund is not a round number) and $14.99 shipping.
 */
function taxedOrder(): Order {
  const order = openOrder();
  const t = orderTotals(order.lines, 1_499, 'NJ', 800);
  order.lines.forEach((l, i) => Object.assign(l, t.lines[i]));
  return { ...order, subtotal: t.subtotal, discount: t.discount, shipping: t.shipping, tax: t.tax, total: t.total, net: t.total };
}

const fulfilInput = (order: Order, lines: { lineId: string; quantity: number }[], locationId = HOME) => ({
  version: order.version,
  locationId,
  carrier: 'UPS' as const,
  trackingNumber: UPS,
  lines,
});

const refundInput = (order: Order, over: Partial<Parameters<typeof decideRefund>[1]> = {}) => ({
  version: order.version,
  lines: [],
  shipping: false,
  amount: 0,
  restock: false,
  locationId: null,
  reason: 'Arrived damaged',
  ...over,
});

/** The order with every unit shipped from Edison. */
function shippedOrder(secondPrice?: number): Order {
  const order = openOrder(secondPrice);
  return decideFulfilment(
    contextOf(order),
    fulfilInput(
      order,
      order.lines.map((l) => ({ lineId: l.id, quantity: l.quantity })),
    ),
  ).order;
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

describe('decideFulfilment', () => {
  it('ships part of an order: sells from the warehouse, releases its reservation, and keeps the rest open', () => {
    const order = openOrder();
    const stored = structuredClone(order);
    const decision = decideFulfilment(contextOf(order), fulfilInput(order, [{ lineId: 'line_a', quantity: 2 }]));

    expect(decision.levels).toEqual([{ variantId: 'var_a', locationId: HOME, sku: 'SKU-var_a', onHand: 8, reserved: 1, version: 8 }]);
    expect(decision.movements).toEqual([
      {
        variantId: 'var_a',
        sku: 'SKU-var_a',
        locationId: HOME,
        reason: 'sale',
        quantity: -2,
        reservedChange: -2,
        note: '',
        orderId: order.id,
        orderNumber: 1042,
        transferId: null,
        purchaseOrderId: null,
        purchaseOrderNumber: null,
      },
    ]);
    expect(decision.order).toMatchObject({ status: 'open', fulfilmentStatus: 'partially_fulfilled', version: 2 });
    expect(decision.order.lines.map((l) => l.fulfilledQuantity)).toEqual([2, 0]);
    expect(decision.order.fulfilments).toEqual([
      {
        id: 'ful_0000042_1',
        at: NOW,
        locationId: HOME,
        carrier: 'UPS',
        trackingNumber: UPS,
        lines: [{ lineId: 'line_a', quantity: 2 }],
        by: { id: support.id, name: support.name },
      },
    ]);
    expect(decision.order.timeline.at(-1)).toEqual({
      id: 'evt_0000042_2',
      at: NOW,
      type: 'fulfilled',
      actor: { id: support.id, name: support.name },
      message: `Shipped 2 units from Edison, NJ by UPS (${UPS}).`,
    });
    expect(decision.audit).toEqual([
      {
        entityType: 'order',
        entityId: order.id,
        entityLabel: 'Order #1042',
        before: { fulfilmentStatus: 'unfulfilled' },
        after: { fulfilmentStatus: 'partially_fulfilled', shipped: 2, carrier: 'UPS', trackingNumber: UPS },
      },
    ]);
    expect(order).toEqual(stored);
  });

  it('ships from another warehouse: releases the reservation at home and sells there', () => {
    const order = openOrder();
    const decision = decideFulfilment(contextOf(order), fulfilInput(order, [{ lineId: 'line_b', quantity: 1 }], OTHER));
    expect(decision.levels).toEqual([
      { variantId: 'var_b', locationId: HOME, sku: 'SKU-var_b', onHand: 10, reserved: 1, version: 8 },
      { variantId: 'var_b', locationId: OTHER, sku: 'SKU-var_b', onHand: 3, reserved: 0, version: 8 },
    ]);
    expect(decision.movements.map((m) => [m.locationId, m.reason, m.quantity, m.reservedChange])).toEqual([
      [HOME, 'released', 0, -1],
      [OTHER, 'sale', -1, 0],
    ]);
  });

  it('closes the order once everything has shipped', () => {
    const order = shippedOrder();
    expect(order).toMatchObject({ status: 'closed', fulfilmentStatus: 'fulfilled', version: 3 });
    expect(order.timeline.map((e) => e.type)).toEqual(['placed', 'fulfilled', 'closed']);
  });

  it('refuses a wrong tracking number, more than is left or on hand, a stranger warehouse and a vanished variant', () => {
    const order = openOrder();
    const levels = levelsFor(order).map((l) => (l.variantId === 'var_b' ? { ...l, onHand: 1 } : l));
    const wrong = refusal(() =>
      decideFulfilment(contextOf(order, support, levels), {
        ...fulfilInput(order, [
          { lineId: 'line_a', quantity: 4 },
          { lineId: 'line_b', quantity: 2 },
        ]),
        trackingNumber: '12345',
      }),
    );
    expect(wrong.problem).toMatchObject({ status: 422 });
    expect(wrong.problem.errors).toEqual({
      trackingNumber: expect.stringMatching(/^A UPS tracking number/),
      'lines.0.quantity': 'Only 3 units left to ship',
      'lines.1.quantity': 'Only 1 unit on hand at Edison, NJ: ship from another warehouse or receive stock first',
    });

    const nowhere = refusal(() => decideFulfilment(contextOf(order), fulfilInput(order, [{ lineId: 'line_a', quantity: 1 }], 'moon')));
    expect(nowhere.problem.errors).toEqual({ locationId: 'Choose one of the shop’s warehouses' });

    const gone = refusal(() =>
      decideFulfilment(
        contextOf(
          order,
          support,
          levelsFor(order).filter((l) => l.variantId !== 'var_a'),
        ),
        fulfilInput(order, [{ lineId: 'line_a', quantity: 1 }]),
      ),
    );
    expect(gone.problem).toMatchObject({ status: 404, title: 'Variant not found' });
  });

  it('answers 409 with the stored order when the version is stale, before anything else', () => {
    const order = openOrder();
    const noted = decideNote(contextOf(order), { text: 'Customer called' }).order;
    const stale = refusal(() => decideFulfilment(contextOf(noted), { ...fulfilInput(order, []), trackingNumber: 'nope' }));
    expect(stale.problem).toMatchObject({
      status: 409,
      title: 'Someone else changed this order',
      detail: 'You were looking at version 1, but order #1042 is now at version 2: Note: Customer called Check it again before you act.',
    });
    expect(stale.problem.current).toBe(noted);
  });

  it('refuses a role that may not fulfil', () => {
    const order = openOrder();
    const no = refusal(() => decideFulfilment(contextOf(order, merchandiser), fulfilInput(order, [{ lineId: 'line_a', quantity: 1 }])));
    expect(no.problem).toMatchObject({ status: 403, detail: expect.stringMatching(/^Your role \(Merchandiser\) may not fulfil/) });
  });
});

describe('decideCancel', () => {
  it('releases every reservation at the order’s warehouse and leaves on hand alone', () => {
    const order = openOrder();
    const decision = decideCancel(contextOf(order), { version: 1, reason: 'Customer changed their mind', refund: false });
    expect(decision.levels.map((l) => [l.variantId, l.locationId, l.onHand, l.reserved, l.version])).toEqual([
      ['var_a', HOME, 10, 0, 8],
      ['var_b', HOME, 10, 0, 8],
    ]);
    expect(decision.movements.map((m) => [m.variantId, m.reason, m.quantity, m.reservedChange, m.note])).toEqual([
      ['var_a', 'released', 0, -3, 'Customer changed their mind'],
      ['var_b', 'released', 0, -2, 'Customer changed their mind'],
    ]);
    expect(decision.order).toMatchObject({ status: 'cancelled', paymentStatus: 'paid', refunded: 0, version: 2 });
    expect(decision.order.lines.map((l) => l.cancelledQuantity)).toEqual([3, 2]);
    expect(decision.order.timeline.at(-1)?.message).toBe('Cancelled 5 units: Customer changed their mind.');
  });

  it('refunds everything in the same step when asked', () => {
    const order = openOrder();
    const decision = decideCancel(contextOf(order, manager), { version: 1, reason: 'Fraud', refund: true });
    expect(decision.order).toMatchObject({ status: 'cancelled', paymentStatus: 'refunded', refunded: order.total, net: 0, version: 3 });
    expect(decision.order.refunds).toEqual([
      expect.objectContaining({
        amount: order.total,
        lines: [
          { lineId: 'line_a', quantity: 3 },
          { lineId: 'line_b', quantity: 2 },
        ],
        restock: false,
      }),
    ]);
    expect(decision.audit[0]?.after).toMatchObject({ status: 'cancelled', paymentStatus: 'refunded', reason: 'Fraud', released: 5 });
  });

  it('keeps support within its refund limit when the cancellation refunds', () => {
    const order = openOrder(30_000);
    const over = refusal(() => decideCancel(contextOf(order), { version: 1, reason: 'Fraud', refund: true }));
    expect(over.problem).toMatchObject({
      status: 403,
      detail: 'Support may refund up to $500.00 on an order a day; this refund is $630.00. Ask a manager.',
    });
    expect(decideCancel(contextOf(order), { version: 1, reason: 'Fraud', refund: false }).order.status).toBe('cancelled');
  });

  it('cancels the unshipped rest of a partly shipped order, refunds exactly those units with no shipping, and closes it', () => {
    const order = taxedOrder();
    const part = decideFulfilment(contextOf(order), fulfilInput(order, [{ lineId: 'line_a', quantity: 1 }])).order;
    const decision = decideCancel(contextOf(part, manager), { version: part.version, reason: 'Out of stock', refund: true });

    // The reservations of the 2 + 2 units still to ship are released at the order's warehouse; nothing leaves the shelf.
    expect(decision.levels.map((l) => [l.variantId, l.locationId, l.onHand, l.reserved])).toEqual([
      ['var_a', HOME, 10, 0],
      ['var_b', HOME, 10, 0],
    ]);
    expect(decision.movements.map((m) => [m.variantId, m.locationId, m.reason, m.quantity, m.reservedChange, m.note])).toEqual([
      ['var_a', HOME, 'released', 0, -2, 'Out of stock'],
      ['var_b', HOME, 'released', 0, -2, 'Out of stock'],
    ]);
    expect(decision.order.lines.map((l) => [l.fulfilledQuantity, l.cancelledQuantity, l.refundedQuantity])).toEqual([
      [1, 2, 2],
      [0, 2, 2],
    ]);
    const [a, b] = part.lines;
    const expected = lineRefundAmount(a!, 0, 2) + lineRefundAmount(b!, 0, 2);
    expect(expected).toBe(1_919 + 4_798); // line a: ⌊($30 − $3 + $1.79) × 2/3⌋; line b: all of $50 − $5 + $2.98
    expect(decision.order.refunds).toEqual([
      {
        id: 'ref_0000042_1',
        at: NOW,
        amount: expected,
        shipping: 0,
        lines: [
          { lineId: 'line_a', quantity: 2 },
          { lineId: 'line_b', quantity: 2 },
        ],
        restock: false,
        locationId: null,
        reason: 'Out of stock',
        by: { id: manager.id, name: manager.name },
        returnId: null,
        toExchange: 0,
      },
    ]);
    expect(decision.order).toMatchObject({
      status: 'closed',
      fulfilmentStatus: 'fulfilled',
      paymentStatus: 'partially_refunded',
      refunded: expected,
      net: order.total - expected,
    });
    expect(decision.order.timeline.slice(-3).map((e) => [e.type, e.message])).toEqual([
      ['cancelled', 'Cancelled 4 units not shipped yet: Out of stock.'],
      ['refunded', 'Refunded $67.17 for 4 units: Out of stock.'],
      ['closed', 'Everything has shipped; the order is closed.'],
    ]);
  });

  it('cancels the rest without a refund when not asked, and the shipped units stay refundable', () => {
    const order = openOrder();
    const part = decideFulfilment(contextOf(order), fulfilInput(order, [{ lineId: 'line_b', quantity: 2 }])).order;
    const decision = decideCancel(contextOf(part), { version: part.version, reason: 'Discontinued', refund: false });
    expect(decision.order).toMatchObject({ status: 'closed', refunded: 0, paymentStatus: 'paid', refunds: [] });
    expect(decision.order.lines.map((l) => l.cancelledQuantity)).toEqual([3, 0]);
    expect(decision.movements.map((m) => [m.variantId, m.reservedChange])).toEqual([['var_a', -3]]);
  });

  it('cancels chosen lines and quantities, keeping the order open while units are left to ship', () => {
    const order = taxedOrder();
    const part = decideFulfilment(contextOf(order), fulfilInput(order, [{ lineId: 'line_a', quantity: 1 }])).order;
    const input: CancelRequest = {
      version: part.version,
      reason: 'Customer wants fewer',
      refund: true,
      lines: [
        { lineId: 'line_a', quantity: 0 },
        { lineId: 'line_b', quantity: 1 },
      ],
    };
    const decision = decideCancel(contextOf(part), input);
    expect(decision.movements.map((m) => [m.variantId, m.locationId, m.reason, m.reservedChange])).toEqual([
      ['var_b', HOME, 'released', -1],
    ]);
    expect(decision.levels).toEqual([{ variantId: 'var_b', locationId: HOME, sku: 'SKU-var_b', onHand: 10, reserved: 1, version: 8 }]);
    expect(decision.order.lines.map((l) => l.cancelledQuantity)).toEqual([0, 1]);
    const amount = lineRefundAmount(part.lines[1]!, 0, 1);
    expect(decision.order.refunds.map((r) => [r.amount, r.shipping, r.lines])).toEqual([[amount, 0, [{ lineId: 'line_b', quantity: 1 }]]]);
    expect(decision.order).toMatchObject({ status: 'open', fulfilmentStatus: 'partially_fulfilled', refunded: amount });
    expect(decision.order.timeline.at(-2)?.message).toBe('Cancelled 1 unit not shipped yet: Customer wants fewer.');
  });

  it('cancels chosen lines of an unshipped order: open and the shipping kept until the last unit goes, then all refunded', () => {
    const order = taxedOrder();
    const first = decideCancel(contextOf(order, manager), {
      version: 1,
      reason: 'Smaller order',
      refund: true,
      lines: [{ lineId: 'line_a', quantity: 3 }],
    }).order;
    expect(first).toMatchObject({ status: 'open', fulfilmentStatus: 'unfulfilled' });
    expect(first.refunds.map((r) => [r.amount, r.shipping])).toEqual([[lineRefundAmount(order.lines[0]!, 0, 3), 0]]);
    const rest = decideCancel(contextOf(first, manager), {
      version: first.version,
      reason: 'Changed mind',
      refund: true,
      lines: [{ lineId: 'line_b', quantity: 2 }],
    }).order;
    expect(rest.refunds.map((r) => r.shipping)).toEqual([0, 1_499]);
    expect(rest).toMatchObject({ status: 'cancelled', refunded: order.total, paymentStatus: 'refunded', net: 0 });
  });

  it('refuses more than is unshipped beside the line, and nothing left to cancel', () => {
    const order = openOrder();
    const part = decideFulfilment(contextOf(order), fulfilInput(order, [{ lineId: 'line_a', quantity: 1 }])).order;
    const tooMany = refusal(() =>
      decideCancel(contextOf(part), {
        version: part.version,
        reason: 'Too many',
        refund: false,
        lines: [
          { lineId: 'line_b', quantity: 2 },
          { lineId: 'line_a', quantity: 3 },
        ],
      }),
    );
    expect(tooMany.problem).toMatchObject({ status: 422, errors: { 'lines.1.quantity': 'Only 2 units not shipped yet' } });

    const shipped = shippedOrder();
    const none = refusal(() =>
      decideCancel(contextOf(shipped), {
        version: shipped.version,
        reason: 'Too late',
        refund: false,
        lines: [{ lineId: 'line_a', quantity: 1 }],
      }),
    );
    expect(none.problem.errors).toEqual({ 'lines.0.quantity': 'Nothing left to cancel on this line' });
    const nothing = refusal(() => decideCancel(contextOf(shipped), { version: shipped.version, reason: 'Too late', refund: false }));
    expect(nothing.problem).toMatchObject({
      status: 422,
      errors: {},
      detail: 'Everything on order #1042 has shipped: refund or return the units instead.',
    });
  });

  it('is refused twice', () => {
    const order = openOrder();
    const cancelled = decideCancel(contextOf(order), { version: 1, reason: 'Gone', refund: false }).order;
    const again = refusal(() => decideCancel(contextOf(cancelled), { version: cancelled.version, reason: 'Again', refund: false }));
    expect(again.problem).toMatchObject({ status: 422, detail: 'Order #1042 is already cancelled.' });
  });
});

describe('decideRefund', () => {
  it('refunds a shipped unit and puts it back on the shelf', () => {
    const order = shippedOrder();
    const decision = decideRefund(
      contextOf(order),
      refundInput(order, { lines: [{ lineId: 'line_a', quantity: 1 }], restock: true, locationId: OTHER }),
    );
    expect(decision.order).toMatchObject({ refunded: 1_000, net: order.total - 1_000, paymentStatus: 'partially_refunded' });
    expect(decision.order.timeline.at(-1)?.message).toBe('Refunded $10.00 for 1 unit, restocked at Dallas, TX: Arrived damaged.');
    expect(decision.levels).toEqual([{ variantId: 'var_a', locationId: OTHER, sku: 'SKU-var_a', onHand: 5, reserved: 0, version: 8 }]);
    expect(decision.movements).toEqual([
      expect.objectContaining({ reason: 'refund_restock', quantity: 1, reservedChange: 0, note: 'Arrived damaged', orderId: order.id }),
    ]);
  });

  it('puts units back on a shelf up to the limit and not past it, beside the line', () => {
    const order = shippedOrder();
    const nearlyFull = (onHand: number) =>
      levelsFor(order).map((l) => (l.variantId === 'var_b' && l.locationId === OTHER ? { ...l, onHand } : l));
    const restock = refundInput(order, {
      lines: [
        { lineId: 'line_a', quantity: 1 },
        { lineId: 'line_b', quantity: 2 },
      ],
      restock: true,
      locationId: OTHER,
    });
    const fits = decideRefund(contextOf(order, manager, nearlyFull(MAX_STOCK_UNITS - 2)), restock);
    expect(fits.levels.find((l) => l.variantId === 'var_b')?.onHand).toBe(MAX_STOCK_UNITS);
    const over = refusal(() => decideRefund(contextOf(order, manager, nearlyFull(MAX_STOCK_UNITS - 1)), restock));
    expect(over.problem).toMatchObject({
      status: 422,
      errors: { 'lines.1.quantity': 'SKU-var_b at Dallas, TX would have 1,000,001 on hand: a level holds at most 1,000,000 units.' },
    });
  });

  it('refuses more than can still be refunded, with the amount that is left', () => {
    const order = shippedOrder();
    const most = refusal(() => decideRefund(contextOf(order, manager), refundInput(order, { amount: order.total + 1 })));
    expect(most.problem).toMatchObject({
      status: 422,
      detail: 'Order #1042 has $80.00 left to refund. Nothing was refunded.',
      errors: { amount: 'At most $80.00 can still be refunded; this refund is $80.01' },
    });
    const units = refusal(() =>
      decideRefund(contextOf(order, manager), refundInput(order, { lines: [{ lineId: 'line_a', quantity: 4 }] })),
    );
    expect(units.problem.errors).toEqual({ 'lines.0.quantity': 'At most 3 units can be refunded' });
    const open = openOrder();
    const unshipped = refusal(() => decideRefund(contextOf(open), refundInput(open, { lines: [{ lineId: 'line_a', quantity: 1 }] })));
    expect(unshipped.problem.errors).toEqual({ 'lines.0.quantity': 'Every unit of this line is refunded or not shipped yet' });
  });

  it('lets support refund up to $500 on an order, and says so in plain words above it', () => {
    const order = shippedOrder(30_000);
    const over = refusal(() => decideRefund(contextOf(order), refundInput(order, { amount: 50_001 })));
    expect(over.problem).toEqual({
      type: 'about:blank',
      status: 403,
      title: 'Not allowed',
      detail: 'Support may refund up to $500.00 on an order a day; this refund is $500.01. Ask a manager.',
    });
    expect(decideRefund(contextOf(order), refundInput(order, { amount: 50_000 })).order.refunded).toBe(50_000);
    expect(decideRefund(contextOf(order, manager), refundInput(order, { amount: 50_001 })).order.refunded).toBe(50_001);
  });

  it('answers 409 to a stale version', () => {
    const order = shippedOrder();
    const stale = refusal(() => decideRefund(contextOf(order, manager), refundInput(order, { version: 1, amount: 100 })));
    expect(stale.problem).toMatchObject({ status: 409, current: order });
  });
});

describe('support’s daily refund limit', () => {
  /** 10:00 in New York on Nov 27; the store day ends at 05:00 UTC on Nov 28. */
  const LATE_SAME_DAY = '2026-11-28T04:30:00.000Z';
  const NEXT_DAY = '2026-11-28T05:30:00.000Z';
  const goodwill = (order: Order, amount = 45_000) => refundInput(order, { amount, reason: 'Goodwill' });
  const refundBy = (order: Order, actor: OrderActor, now = NOW, amount = 45_000) =>
    decideRefund(contextOf(order, actor, levelsFor(order), now), goodwill(order, amount)).order;

  it('refuses support a second $450 on one order the same store day, naming what was refunded today', () => {
    const order = shippedOrder(60_000);
    const once = refundBy(order, support);
    expect(once.refunded).toBe(45_000);
    const twice = refusal(() => decideRefund(contextOf(once, support, levelsFor(once), LATE_SAME_DAY), goodwill(once)));
    expect(twice.problem).toEqual({
      type: 'about:blank',
      status: 403,
      title: 'Not allowed',
      detail:
        'Support may refund up to $500.00 on an order a day; support has refunded $450.00 on order #1042 today and this refund is $450.00. Ask a manager.',
    });
    // Up to the limit is fine the same day.
    expect(refundBy(once, support, LATE_SAME_DAY, 5_000).refunded).toBe(50_000);
  });

  it('lets support refund again the next store day', () => {
    const once = refundBy(shippedOrder(60_000), support);
    const next = refundBy(once, support, NEXT_DAY);
    expect(next).toMatchObject({ refunded: 90_000, paymentStatus: 'partially_refunded' });
    expect(next.refunds.map((r) => r.at)).toEqual([NOW, NEXT_DAY]);
  });

  it('does not limit a manager, and a manager’s refund does not count toward support’s', () => {
    const once = refundBy(shippedOrder(60_000), support);
    const managed = refundBy(once, manager);
    expect(managed.refunded).toBe(90_000);
    expect(refundBy(managed, manager, NOW, 1_000).refunded).toBe(91_000);
    const afterManager = refundBy(refundBy(shippedOrder(60_000), manager), support);
    expect(afterManager.refunded).toBe(90_000);
  });

  it('counts another support person’s refunds that day, but not someone no longer in support', () => {
    const bySue = refundBy(shippedOrder(60_000), support2);
    const refused = refusal(() => decideRefund(contextOf(bySue), goodwill(bySue)));
    expect(refused.problem).toMatchObject({
      status: 403,
      detail: expect.stringContaining('support has refunded $450.00 on order #1042 today'),
    });
    // Sue has since become a manager: what she refunded is no longer support's.
    const sueMoved = decideRefund({ ...contextOf(bySue), supportStaffIds: new Set([support.id]) }, goodwill(bySue));
    expect(sueMoved.order.refunded).toBe(90_000);
  });

  it('counts a cancellation’s refund', () => {
    const order = openOrder(40_000);
    const first = decideCancel(contextOf(order), {
      version: 1,
      reason: 'Fewer',
      refund: true,
      lines: [{ lineId: 'line_b', quantity: 1 }],
    }).order;
    expect(first.refunded).toBe(40_000);
    const more = refusal(() => decideRefund(contextOf(first), goodwill(first, 10_001)));
    expect(more.problem.detail).toBe(
      'Support may refund up to $500.00 on an order a day; support has refunded $400.00 on order #1042 today and this refund is $100.01. Ask a manager.',
    );
  });

  it('does not count credit that paid for an exchange, only what went back to the customer', () => {
    const order = shippedOrder(60_000);
    const exchanged: Order = {
      ...order,
      refunded: 45_000,
      refunds: [
        {
          id: 'ref_0000042_1',
          at: NOW,
          amount: 45_500,
          shipping: 0,
          lines: [],
          restock: false,
          locationId: null,
          reason: 'Exchange for order #1043',
          by: { id: support.id, name: support.name },
          returnId: 'ret_0000042_1',
          toExchange: 45_000,
        },
      ],
    };
    // $5.00 of that refund reached the customer: $450 more makes $455.
    expect(refundBy(exchanged, support).refunded).toBe(90_000);
    const over = refusal(() => decideRefund(contextOf(exchanged), goodwill(exchanged, 49_501)));
    expect(over.problem.detail).toBe(
      'Support may refund up to $500.00 on an order a day; support has refunded $5.00 on order #1042 today and this refund is $495.01. Ask a manager.',
    );
  });
});

describe('decideNote', () => {
  it('appends a note and its event without a version check or stock', () => {
    const order = openOrder();
    const decision = decideNote({ order, actor: support, now: NOW }, { text: 'Customer called' });
    expect(decision.order.notes).toEqual([
      { id: 'note_0000042_1', at: NOW, author: { id: support.id, name: support.name }, text: 'Customer called' },
    ]);
    expect(decision.order).toMatchObject({ version: 2 });
    expect(decision).toMatchObject({ levels: [], movements: [], audit: [{ before: {}, after: { note: 'Customer called' } }] });
  });
});
