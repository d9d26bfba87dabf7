/**
 * Returns and exchanges: a return takes shipped units only (never more than
 * shipped less already returned); it is received at a chosen warehouse, each
 * unit restocked or written off (ledger `returned`, then `damaged`); then it is
 * refunded (at most what the units were paid, within support's limit per order
 * per store day) or exchanged for another variant of the same product (a new
 * order, paid by a credit), or closed. One effect per Idempotency-Key, 409 on a
 * stale version, and the returns list. Each test ships or claims an order of its
 * own and does every step over the API.
 */
import { orderListSchema, orderSchema, returnListSchema, type Order, type Return } from '../../src/contract/order-schemas';
import { productListResponseSchema } from '../../src/contract/schemas';
import { lineRefundAmount, lineTotal } from '../../src/domain/order-rules';
import { salesTax } from '../../src/domain/sales-tax';
import { idOf, newKey, signIn, type ApiClient, type Query } from './driver';
import {
  auditOf,
  expectLedgerExplainsLevels,
  expectOk,
  expectProblem,
  getOrder,
  getProduct,
  ledgerOf,
  levelAt,
  locationIds,
  orderClaimer,
  receive,
  ship,
  shipEverything,
  stockCovers,
} from './fixtures';

const claim = orderClaimer();
let support: ApiClient;
let manager: ApiClient;
beforeAll(async () => {
  support = await signIn('support');
  manager = await signIn('manager');
});

type Check = (o: Order) => boolean | Promise<boolean>;
type Units = { lineId: string; quantity: number }[];

/** An open order of this test's own, nothing refunded, with stock for every line, shipped in full by support over the API. */
async function shippedOrder(check: Check = () => true): Promise<Order> {
  const order = await claim(
    support,
    { status: 'open', fulfilmentStatus: 'unfulfilled', paymentStatus: 'paid' },
    async (o) => o.refunds.length === 0 && (await check(o)) && (await stockCovers(support, o)),
  );
  return shipEverything(support, order);
}

/** A seeded order that shipped long ago, nothing refunded or returned. */
const shippedLongAgo = (check: Check = () => true, filter: Query = {}) =>
  claim(
    support,
    { status: 'closed', paymentStatus: 'paid', ...filter } as Record<string, string | number>,
    (o) => o.refunded === 0 && o.returns.length === 0 && o.total > 0 && check(o),
  );

/**
 * Another variant of the first line's product whose price passes `wanted` (compared with what the line was sold
 * at), with units free at the order's warehouse for a replacement of the whole line.
 */
async function otherVariant(order: Order, wanted: (price: number, soldAt: number) => boolean) {
  const line = order.lines[0]!;
  const product = await getProduct(support, line.productId);
  for (const v of product.variants) {
    if (v.id === line.variantId || !wanted(v.price, line.unitPrice)) continue;
    if ((await levelAt(support, v.id, order.locationId)).available >= line.quantity) return v;
  }
  return null;
}

const openReturn = (api: ApiClient, order: Order, lines: Units, over: Record<string, unknown> = {}, key = newKey()) =>
  api.post(`/orders/${order.id}/returns`, {
    body: { version: order.version, reason: 'defective', note: 'Left earbud is silent', lines, ...over },
    idempotencyKey: key,
  });
const receiveReturn = (
  api: ApiClient,
  order: Order,
  returnId: string,
  locationId: string,
  lines: { lineId: string; restock: number; writeOff: number }[],
) =>
  api.post(`/orders/${order.id}/returns/${returnId}/receipt`, {
    body: { version: order.version, locationId, lines },
    idempotencyKey: newKey(),
  });
const refundReturn = (api: ApiClient, order: Order, returnId: string, amount: number) =>
  api.post(`/orders/${order.id}/returns/${returnId}/refund`, { body: { version: order.version, amount }, idempotencyKey: newKey() });
const exchange = (api: ApiClient, order: Order, returnId: string, lines: { lineId: string; variantId: string }[], key = newKey()) =>
  api.post(`/orders/${order.id}/returns/${returnId}/exchange`, { body: { version: order.version, lines }, idempotencyKey: key });
const closeReturn = (api: ApiClient, order: Order, returnId: string, reason = 'Never sent back') =>
  api.post(`/orders/${order.id}/returns/${returnId}/close`, { body: { version: order.version, reason }, idempotencyKey: newKey() });

const parsed = (res: Awaited<ReturnType<ApiClient['get']>>) => orderSchema.parse(expectOk(res));

/** Opens a return of every unit of the first line and receives it onto the shelf at the order's warehouse. */
async function receivedReturn(order: Order, reason = 'defective'): Promise<{ order: Order; ret: Return }> {
  const line = order.lines[0]!;
  const opened = parsed(await openReturn(support, order, [{ lineId: line.id, quantity: line.quantity }], { reason }));
  const ret = opened.returns.at(-1)!;
  const received = parsed(
    await receiveReturn(support, opened, ret.id, order.locationId, [{ lineId: line.id, restock: line.quantity, writeOff: 0 }]),
  );
  return { order: received, ret: received.returns.find((r) => r.id === ret.id)! };
}

const customerOrders = async (customerId: string) =>
  orderListSchema.parse(expectOk(await support.get('/orders', { query: { customerId, limit: 100 } })));

describe('opening a return', () => {
  it('takes shipped units only: 422 beside each line beyond what shipped less what is already on a return, changing nothing', async () => {
    const order = await claim(
      support,
      { status: 'open', fulfilmentStatus: 'unfulfilled', paymentStatus: 'paid' },
      async (o) => o.refunds.length === 0 && o.lines.length >= 2 && (await stockCovers(support, o)),
    );
    const [first, second] = order.lines;
    const shipped = await ship(support, order, [{ lineId: first!.id, quantity: first!.quantity }]);
    const level = await levelAt(support, first!.variantId, order.locationId);

    const wrong = expectProblem(
      await openReturn(support, shipped, [
        { lineId: first!.id, quantity: first!.quantity + 1 },
        { lineId: second!.id, quantity: 1 },
      ]),
      422,
    );
    expect(wrong.errors).toEqual({
      'lines.0.quantity': expect.stringContaining(`${first!.quantity}`),
      'lines.1.quantity': expect.stringMatching(/shipped/),
    });
    expect(await getOrder(support, order.id)).toEqual(shipped);

    const opened = parsed(await openReturn(support, shipped, [{ lineId: first!.id, quantity: 1 }]));
    expect(opened.version).toBeGreaterThan(shipped.version);
    expect(opened.returns).toEqual([
      expect.objectContaining({
        status: 'requested',
        reason: 'defective',
        note: 'Left earbud is silent',
        lines: [{ lineId: first!.id, quantity: 1, restocked: 0, writtenOff: 0 }],
        requestedBy: { id: idOf('support'), name: expect.any(String) },
        locationId: null,
        receivedAt: null,
        refundId: null,
        closeReason: null,
        exchangeOrder: null,
      }),
    ]);
    expect(opened.timeline.at(-1)).toMatchObject({ type: 'return_requested', actor: { id: idOf('support') } });
    // Opening moves no stock and no money.
    expect(opened).toMatchObject({ refunded: 0, refunds: [] });
    const still = await levelAt(support, first!.variantId, order.locationId);
    expect([still.onHand, still.reserved]).toEqual([level.onHand, level.reserved]);

    // The unit on a return cannot go on another one.
    const again = expectProblem(await openReturn(support, opened, [{ lineId: first!.id, quantity: first!.quantity }]), 422);
    expect(Object.keys(again.errors ?? {})).toEqual(['lines.0.quantity']);
    expect(await getOrder(support, order.id)).toEqual(opened);
    const merchandiser = await signIn('merchandiser');
    expectProblem(await openReturn(merchandiser, opened, [{ lineId: first!.id, quantity: 1 }]), 403);
    expect(await getOrder(support, order.id)).toEqual(opened);
  });

  it('opens one return when the same request is sent twice with one key', async () => {
    const order = await shippedOrder();
    const key = newKey();
    const units = [{ lineId: order.lines[0]!.id, quantity: 1 }];
    const [a, b] = await Promise.all([openReturn(support, order, units, {}, key), openReturn(support, order, units, {}, key)]);
    expectOk(a);
    expect(b.json).toEqual(a.json);
    const after = await getOrder(support, order.id);
    expect(after.returns).toHaveLength(1);
    expect(after.timeline.filter((e) => e.type === 'return_requested')).toHaveLength(1);
  });

  it('refuses a stale version (409 with the order as it is now), changing nothing', async () => {
    const order = await shippedOrder();
    const noted = parsed(await support.post(`/orders/${order.id}/notes`, { body: { text: 'Customer emailed about a return' } }));
    const stale = expectProblem(await openReturn(support, order, [{ lineId: order.lines[0]!.id, quantity: 1 }]), 409);
    expect(orderSchema.parse(stale.current)).toEqual(noted);
    expect(await getOrder(support, order.id)).toEqual(noted);
  });
});

describe('receiving a return', () => {
  it('at a chosen warehouse: restocked units go on the shelf (returned), written-off ones come in and leave (returned, damaged)', async () => {
    const order = await shippedOrder((o) => o.lines[0]!.quantity >= 2);
    const line = order.lines[0]!;
    const elsewhere = (await locationIds(support)).find((id) => id !== order.locationId)!;
    const opened = parsed(await openReturn(support, order, [{ lineId: line.id, quantity: 2 }]));
    const ret = opened.returns[0]!;
    const before = await levelAt(support, line.variantId, elsewhere);

    const short = expectProblem(
      await receiveReturn(support, opened, ret.id, elsewhere, [{ lineId: line.id, restock: 1, writeOff: 0 }]),
      422,
    );
    expect(Object.keys(short.errors ?? {})).toEqual(['lines.0.restock']);
    expect(await getOrder(support, order.id)).toEqual(opened);

    const received = parsed(await receiveReturn(support, opened, ret.id, elsewhere, [{ lineId: line.id, restock: 1, writeOff: 1 }]));
    expect(received.returns[0]).toMatchObject({
      status: 'received',
      locationId: elsewhere,
      receivedBy: { id: idOf('support') },
      lines: [{ lineId: line.id, quantity: 2, restocked: 1, writtenOff: 1 }],
    });
    expect(received.timeline.at(-1)).toMatchObject({ type: 'return_received', actor: { id: idOf('support') } });
    // Receiving moves stock, not money.
    expect(received.refunded).toBe(0);

    const after = await levelAt(support, line.variantId, elsewhere);
    expect([after.onHand, after.reserved]).toEqual([before.onHand + 1, before.reserved]);
    const rows = (await ledgerOf(support, line.variantId, elsewhere)).filter((r) => r.orderId === order.id);
    expect(rows.map((r) => [r.reason, r.quantity, r.reservedChange])).toEqual([
      ['returned', 2, 0],
      ['damaged', -1, 0],
    ]);
    expect(rows.at(-1)!.onHandAfter).toBe(after.onHand);
    await expectLedgerExplainsLevels(support, line.variantId);
    expect((await auditOf(manager, 'order', order.id))[0]).toMatchObject({ action: 'return received', actor: { id: idOf('support') } });

    const twice = expectProblem(
      await receiveReturn(support, received, ret.id, elsewhere, [{ lineId: line.id, restock: 2, writeOff: 0 }]),
      422,
    );
    expect(twice.detail).toMatch(/already received/);
  });
});

describe('refunding a return', () => {
  it('refunds at most what the units were paid, only once received, and names the return on the refund', async () => {
    const order = await shippedOrder((o) => lineTotal(o.lines[0]!) <= 50_000);
    const line = order.lines[0]!;
    const opened = parsed(await openReturn(support, order, [{ lineId: line.id, quantity: line.quantity }]));
    const ret = opened.returns[0]!;
    const early = expectProblem(await refundReturn(support, opened, ret.id, 100), 422);
    expect(early.detail).toMatch(/receive it first/);
    const received = parsed(
      await receiveReturn(support, opened, ret.id, order.locationId, [{ lineId: line.id, restock: line.quantity, writeOff: 0 }]),
    );

    // Every unit of the line came back: what they were paid is what the line was charged, its discount and tax shares included.
    const paid = lineTotal(line);
    const over = expectProblem(await refundReturn(support, received, ret.id, paid + 1), 422);
    expect(Object.keys(over.errors ?? {})).toEqual(['amount']);
    expect(await getOrder(support, order.id)).toEqual(received);

    const refunded = parsed(await refundReturn(support, received, ret.id, paid));
    const refund = refunded.refunds.at(-1)!;
    expect(refund).toMatchObject({
      amount: paid,
      shipping: 0,
      lines: [{ lineId: line.id, quantity: line.quantity }],
      returnId: ret.id,
      toExchange: 0,
      by: { id: idOf('support') },
    });
    expect(refunded).toMatchObject({ refunded: paid, net: order.total - paid });
    expect(refunded.paymentStatus).toBe(paid === order.total ? 'refunded' : 'partially_refunded');
    expect(refunded.lines[0]!.refundedQuantity).toBe(line.quantity);
    expect(refunded.returns[0]).toMatchObject({ status: 'refunded', refundId: refund.id, settledBy: { id: idOf('support') } });
    expect(refunded.timeline.at(-1)).toMatchObject({ type: 'refunded', actor: { id: idOf('support') } });

    expectProblem(await refundReturn(support, refunded, ret.id, 1), 422);
    expect((await auditOf(manager, 'order', order.id)).map((e) => e.action)).toEqual(
      expect.arrayContaining(['return opened', 'return received', 'return refunded']),
    );
    const row = returnListSchema.parse(expectOk(await support.get('/returns', { query: { q: `#${order.number}` } }))).items;
    expect(row).toEqual([expect.objectContaining({ id: ret.id, status: 'refunded', refunded: paid, units: line.quantity })]);
  });

  it('proposes a part of a line at what those units were paid', async () => {
    const order = await shippedLongAgo((o) => o.lines[0]!.quantity >= 2);
    const line = order.lines[0]!;
    const opened = parsed(await openReturn(support, order, [{ lineId: line.id, quantity: 1 }], { reason: 'changed_mind', note: '' }));
    const ret = opened.returns[0]!;
    const received = parsed(await receiveReturn(support, opened, ret.id, order.locationId, [{ lineId: line.id, restock: 1, writeOff: 0 }]));
    const paid = lineRefundAmount(line, 0, 1);
    expect(paid).toBeLessThan(lineTotal(line));
    expect(Object.keys(expectProblem(await refundReturn(manager, received, ret.id, paid + 1), 422).errors ?? {})).toEqual(['amount']);
    // Editable down: less than proposed is fine.
    const refunded = parsed(await refundReturn(manager, received, ret.id, paid - 1));
    expect(refunded.refunds.at(-1)).toMatchObject({ amount: paid - 1, returnId: ret.id, lines: [{ lineId: line.id, quantity: 1 }] });
  });

  it('counts toward support’s limit on the order for the day: over it 403 saying so, a manager may', async () => {
    const order = await shippedLongAgo((o) => lineTotal(o.lines[0]!) > 5_000, { totalMin: 60_000 });
    const plain = parsed(
      await support.post(`/orders/${order.id}/refunds`, {
        body: {
          version: order.version,
          lines: [],
          shipping: false,
          amount: 45_000,
          restock: false,
          locationId: null,
          reason: 'Late delivery',
        },
        idempotencyKey: newKey(),
      }),
    );
    const { order: received, ret } = await receivedReturn(plain);
    const credit = Math.min(lineTotal(order.lines[0]!), order.total - 45_000);
    expect(45_000 + credit).toBeGreaterThan(50_000);

    const refused = expectProblem(await refundReturn(support, received, ret.id, credit), 403);
    expect(refused.detail).toMatch(/\$500\.00/);
    expect(refused.detail).toMatch(/\$450\.00 on order #\d+ today/);
    expect(await getOrder(support, order.id)).toEqual(received);
    const byManager = parsed(await refundReturn(manager, received, ret.id, credit));
    expect(byManager).toMatchObject({ refunded: 45_000 + credit });
    expect(byManager.returns[0]).toMatchObject({ status: 'refunded', settledBy: { id: idOf('manager') } });
  });
});

describe('exchanging a return', () => {
  it('for a variant at the same price: a new order paid by the credit, no money moving, reserved at the warehouse', async () => {
    const order = await shippedOrder(async (o) => (await otherVariant(o, (price, soldAt) => price === soldAt)) !== null);
    const line = order.lines[0]!;
    const variant = (await otherVariant(order, (price, soldAt) => price === soldAt))!;
    const { order: received, ret } = await receivedReturn(order, 'wrong_item');
    const customerBefore = await customerOrders(order.customer.id);
    const before = await levelAt(support, variant.id, order.locationId);

    // Only a variant of the same product.
    const products = productListResponseSchema.parse(expectOk(await support.get('/products', { query: { limit: 5 } }))).items;
    const stranger = (await getProduct(support, products.find((p) => p.id !== line.productId)!.id)).variants[0]!;
    const wrong = expectProblem(await exchange(support, received, ret.id, [{ lineId: line.id, variantId: stranger.id }]), 422);
    expect(Object.keys(wrong.errors ?? {})).toEqual(['lines.0.variantId']);
    expect(await getOrder(support, order.id)).toEqual(received);

    const exchanged = parsed(await exchange(support, received, ret.id, [{ lineId: line.id, variantId: variant.id }]));
    const credit = lineTotal(line);
    const returned = exchanged.returns.find((r) => r.id === ret.id)!;
    expect(returned).toMatchObject({ status: 'exchanged', exchangeOrder: { id: expect.any(String), number: expect.any(Number) } });
    expect(exchanged.refunds.at(-1)).toMatchObject({ amount: credit, toExchange: credit, returnId: ret.id, id: returned.refundId });
    expect(exchanged).toMatchObject({ refunded: credit, net: order.total - credit });
    expect(exchanged.timeline.at(-1)).toMatchObject({ type: 'exchanged', actor: { id: idOf('support') } });

    const replacement = await getOrder(support, returned.exchangeOrder!.id);
    expect(replacement).toMatchObject({
      number: returned.exchangeOrder!.number,
      customer: order.customer,
      shippingAddress: order.shippingAddress,
      locationId: order.locationId,
      exchangeFor: { orderId: order.id, number: order.number, returnId: ret.id, credit },
      total: credit,
      shipping: 0,
      refunded: 0,
      balanceDue: 0,
      status: 'open',
      paymentStatus: 'paid',
      fulfilmentStatus: 'unfulfilled',
    });
    expect(replacement.lines).toEqual([
      expect.objectContaining({ variantId: variant.id, quantity: line.quantity, unitPrice: line.unitPrice, fulfilledQuantity: 0 }),
    ]);
    // Net revenue holds: what the original lost, the replacement carries.
    expect(exchanged.net + replacement.net).toBe(order.net);
    expect((await customerOrders(order.customer.id)).total).toBe(customerBefore.total + 1);

    const level = await levelAt(support, variant.id, order.locationId);
    expect([level.onHand, level.reserved]).toEqual([before.onHand, before.reserved + line.quantity]);
    const reserved = (await ledgerOf(support, variant.id, order.locationId)).filter((r) => r.orderId === replacement.id);
    expect(reserved.map((r) => [r.reason, r.quantity, r.reservedChange, r.orderNumber])).toEqual([
      ['reserved', 0, line.quantity, replacement.number],
    ]);
    await expectLedgerExplainsLevels(support, variant.id);

    // The replacement ships like any order.
    await receive(manager, variant.id, order.locationId, line.quantity);
    expect(await shipEverything(support, replacement)).toMatchObject({
      status: 'closed',
      fulfilmentStatus: 'fulfilled',
      paymentStatus: 'paid',
    });
  });

  it('for a dearer variant: the difference is owed on the new order (balanceDue, payment pending)', async () => {
    const dearer = (o: Order) => otherVariant(o, (price, soldAt) => price > soldAt);
    const order = await shippedLongAgo(async (o) => (await dearer(o)) !== null);
    const line = order.lines[0]!;
    const variant = (await dearer(order))!;
    const { order: received, ret } = await receivedReturn(order, 'wrong_item');
    const exchanged = parsed(await exchange(support, received, ret.id, [{ lineId: line.id, variantId: variant.id }]));
    const credit = lineTotal(line);
    expect(exchanged.refunds.at(-1)).toMatchObject({ amount: credit, toExchange: credit, returnId: ret.id });

    const replacement = await getOrder(support, exchanged.returns[0]!.exchangeOrder!.id);
    const subtotal = variant.price * line.quantity;
    expect(replacement.lines).toEqual([
      expect.objectContaining({ variantId: variant.id, unitPrice: variant.price, quantity: line.quantity }),
    ]);
    expect(replacement).toMatchObject({
      subtotal,
      tax: salesTax(subtotal - replacement.discount, order.shippingAddress.state),
      total: subtotal - replacement.discount + replacement.tax,
      exchangeFor: { orderId: order.id, credit },
      balanceDue: replacement.total - credit,
      paymentStatus: 'pending',
    });
    expect(replacement.balanceDue).toBeGreaterThan(0);
    const pending = orderListSchema.parse(
      expectOk(await support.get('/orders', { query: { q: `#${replacement.number}`, paymentStatus: 'pending' } })),
    );
    expect(pending.items.map((o) => o.id)).toEqual([replacement.id]);
  });

  it('counts the replacement’s refunds with the original’s toward support’s limit: cancelling it cannot pay out past it', async () => {
    const same = (o: Order) => otherVariant(o, (price, soldAt) => price === soldAt);
    const order = await shippedLongAgo(
      async (o) => lineTotal(o.lines[0]!) > 5_000 && o.total - lineTotal(o.lines[0]!) >= 45_000 && (await same(o)) !== null,
      { totalMin: 50_000 },
    );
    const variant = (await same(order))!;
    const goodwill = { lines: [], shipping: false, amount: 45_000, restock: false, locationId: null, reason: 'Late delivery' };
    const plain = parsed(
      await support.post(`/orders/${order.id}/refunds`, { body: { version: order.version, ...goodwill }, idempotencyKey: newKey() }),
    );
    const { order: received, ret } = await receivedReturn(plain, 'wrong_item');
    const exchanged = parsed(await exchange(support, received, ret.id, [{ lineId: order.lines[0]!.id, variantId: variant.id }]));
    const replacement = await getOrder(support, exchanged.returns[0]!.exchangeOrder!.id);
    expect(replacement.total).toBeGreaterThan(5_000);

    // The replacement has no refund of its own, but it is the same sale: $450 went back on it today already.
    const cancel = (api: ApiClient) =>
      api.post(`/orders/${replacement.id}/cancel`, {
        body: { version: replacement.version, reason: 'Changed mind', refund: true },
        idempotencyKey: newKey(),
      });
    const refused = expectProblem(await cancel(support), 403);
    expect(refused.detail).toMatch(/\$450\.00 on order #\d+ and its exchanges today/);
    expect(await getOrder(support, replacement.id)).toEqual(replacement);
    expect(parsed(await cancel(manager))).toMatchObject({ status: 'cancelled', refunded: replacement.total });
  });

  it('places one replacement order when the same exchange is sent twice with one key', async () => {
    const same = (o: Order) => otherVariant(o, (price, soldAt) => price === soldAt);
    const order = await shippedLongAgo(async (o) => (await same(o)) !== null);
    const variant = (await same(order))!;
    const { order: received, ret } = await receivedReturn(order, 'wrong_item');
    const customerBefore = await customerOrders(order.customer.id);
    const key = newKey();
    const lines = [{ lineId: order.lines[0]!.id, variantId: variant.id }];
    const [a, b] = await Promise.all([exchange(support, received, ret.id, lines, key), exchange(support, received, ret.id, lines, key)]);
    expectOk(a);
    expect(b.json).toEqual(a.json);
    const after = await getOrder(support, order.id);
    expect(after.refunds.filter((r) => r.returnId === ret.id)).toHaveLength(1);
    expect((await customerOrders(order.customer.id)).total).toBe(customerBefore.total + 1);
    const level = await levelAt(support, variant.id, order.locationId);
    const rows = (await ledgerOf(support, variant.id, order.locationId)).filter((r) => r.orderId === after.returns[0]!.exchangeOrder!.id);
    expect(rows).toHaveLength(1);
    expect(level.reserved).toBeGreaterThanOrEqual(order.lines[0]!.quantity);
  });
});

describe('closing a return', () => {
  it('ends it with no money moving; the units of one closed before it arrived may go on a new return', async () => {
    const order = await shippedOrder();
    const unit = [{ lineId: order.lines[0]!.id, quantity: 1 }];
    const opened = parsed(await openReturn(support, order, unit, { reason: 'not_as_described' }));
    const ret = opened.returns[0]!;
    const closed = parsed(await closeReturn(support, opened, ret.id));
    expect(closed.returns[0]).toMatchObject({
      status: 'closed',
      settledBy: { id: idOf('support') },
      refundId: null,
      closeReason: 'Never sent back',
    });
    expect(closed).toMatchObject({ refunded: 0, refunds: [] });
    expect(closed.timeline.at(-1)).toMatchObject({ type: 'return_closed', actor: { id: idOf('support') } });
    expect(expectProblem(await closeReturn(support, closed, ret.id), 422).detail).toMatch(/already closed/);
    expectProblem(await refundReturn(manager, closed, ret.id, 1), 422);
    expectProblem(
      await support.post(`/orders/${order.id}/returns/ret_nope/close`, {
        body: { version: closed.version, reason: 'No such return' },
        idempotencyKey: newKey(),
      }),
      404,
    );

    const reopened = parsed(await openReturn(support, closed, unit));
    expect(reopened.returns.map((r) => r.status)).toEqual(['closed', 'requested']);
  });
});

describe('the returns list', () => {
  it('filters by status and finds an order’s returns by its number', async () => {
    const order = await shippedOrder();
    const unit = [{ lineId: order.lines[0]!.id, quantity: 1 }];
    const first = parsed(await openReturn(support, order, unit));
    const closed = parsed(await closeReturn(support, first, first.returns[0]!.id));
    const both = parsed(await openReturn(support, closed, unit, { reason: 'wrong_item' }));
    const [gone, open] = both.returns;
    const list = async (query: Query) =>
      returnListSchema.parse(expectOk(await support.get('/returns', { query: { limit: 500, ...query } })));

    const byNumber = await list({ q: `#${order.number}` });
    expect(byNumber.items.map((r) => r.id).sort()).toEqual([gone!.id, open!.id].sort());
    expect((await list({ q: String(order.number) })).total).toBe(2);
    expect(byNumber.items.find((r) => r.id === open!.id)).toEqual({
      id: open!.id,
      orderId: order.id,
      orderNumber: order.number,
      customerName: order.customer.name,
      status: 'requested',
      reason: 'wrong_item',
      units: 1,
      requestedAt: open!.requestedAt,
      updatedAt: open!.requestedAt,
      refunded: 0,
    });
    expect((await list({ q: `#${order.number}`, status: 'closed' })).items.map((r) => r.id)).toEqual([gone!.id]);
    expect((await list({ q: `#${order.number}`, status: 'requested,received' })).items.map((r) => r.id)).toEqual([open!.id]);
    expect((await list({ q: `#${order.number}`, status: 'refunded,exchanged' })).total).toBe(0);

    const requested = await list({ status: 'requested' });
    expect(requested.items.map((r) => r.id)).toContain(open!.id);
    expect(requested.items.every((r) => r.status === 'requested')).toBe(true);
    expectProblem(await support.get('/returns', { query: { status: 'lost' } }), 400);
  });
});
