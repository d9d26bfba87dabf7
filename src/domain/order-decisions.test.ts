import {
  decideCancel,
  decideFulfilment,
  decideNote,
  decideRefund,
  levelKeys,
  type LevelSnapshot,
  type OrderActor,
  type OrderContext,
} from './order-decisions';
import type { Order } from '../contract/order-schemas';
import { MAX_STOCK_UNITS } from '../contract/constants';
import { ProblemError } from '../contract/problems';

const NOW = '2026-11-27T15:00:00.000Z';
const HOME = 'edison-nj';
const OTHER = 'dallas-tx';
const LOCATIONS = [
  { id: HOME, name: 'Edison, NJ' },
  { id: OTHER, name: 'Dallas, TX' },
];
const support: OrderActor = { id: 'stf_support', name: 'Sam Support', role: 'support' };
const manager: OrderActor = { id: 'stf_manager', name: 'Mia Manager', role: 'manager' };
const merchandiser: OrderActor = { id: 'stf_merch', name: 'Max Merch', role: 'merchandiser' };
const UPS = '1Z999AA10123456784';

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
    customer: { name: 'Pat Buyer', email: 'pat@example.com', phone: '555-0100' },
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
    notes: [],
    timeline: [{ id: 'evt_0000042_1', at: '2026-11-26T10:00:00.000Z', type: 'placed', actor: null, message: 'Order placed.' }],
    version: 1,
  };
}

/** Each line's variant at both warehouses: 10 on hand at Edison with the order's units reserved, 4 at Dallas. */
function levelsFor(order: Order): LevelSnapshot[] {
  return levelKeys(order, [OTHER]).map(({ variantId, locationId }) => ({
    variantId,
    locationId,
    sku: `SKU-${variantId}`,
    onHand: locationId === HOME ? 10 : 4,
    reserved: locationId === HOME ? (order.lines.find((l) => l.variantId === variantId)?.quantity ?? 0) : 0,
    version: 7,
  }));
}

function contextOf(order: Order, actor: OrderActor = support, levels = levelsFor(order)): OrderContext {
  return { order, actor, now: NOW, locations: LOCATIONS, levels };
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
      detail: 'Support may refund up to $500.00 at once; this refund is $630.00. Ask a manager.',
    });
    expect(decideCancel(contextOf(order), { version: 1, reason: 'Fraud', refund: false }).order.status).toBe('cancelled');
  });

  it('is refused once something has shipped, or twice', () => {
    const order = openOrder();
    const part = decideFulfilment(contextOf(order), fulfilInput(order, [{ lineId: 'line_a', quantity: 1 }])).order;
    const shipped = refusal(() => decideCancel(contextOf(part), { version: part.version, reason: 'Too late', refund: false }));
    expect(shipped.problem).toMatchObject({ status: 422, errors: {} });
    expect(shipped.problem.detail).toMatch(/has shipped, so it cannot be cancelled/);
    const cancelled = decideCancel(contextOf(order), { version: 1, reason: 'Gone', refund: false }).order;
    const again = refusal(() => decideCancel(contextOf(cancelled), { version: cancelled.version, reason: 'Again', refund: false }));
    expect(again.problem.detail).toBe('Order #1042 is already cancelled.');
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

  it('lets support refund up to $500 at once, and says so in plain words above it', () => {
    const order = shippedOrder(30_000);
    const over = refusal(() => decideRefund(contextOf(order), refundInput(order, { amount: 50_001 })));
    expect(over.problem).toEqual({
      type: 'about:blank',
      status: 403,
      title: 'Not allowed',
      detail: 'Support may refund up to $500.00 at once; this refund is $500.01. Ask a manager.',
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
