/**
 * Orders: fulfilling moves the ledger, cancelling (all, the unshipped rest, or
 * chosen units) releases reservations and refunds those units in the same step,
 * refunds never exceed what was paid (support only up to its limit per order
 * per store day), one effect per Idempotency-Key, notes. Each test claims an
 * order of its own from a filtered list.
 */
import { lineRefundAmount, lineTotal, refundable } from '../../src/domain/order-rules';
import { orderListSchema, orderSchema, type Order } from '../../src/contract/order-schemas';
import { SUPPORT_REFUND_LIMIT_CENTS } from '../../src/contract/permissions';
import { addDays } from '../../src/domain/report-rules';
import { auditListSchema } from '../../src/contract/schemas';
import { storeDate } from '../../src/domain/store-time';
import { testClock } from '../clock';
import { idOf, newKey, signIn, type ApiClient } from './driver';
import {
  auditOf,
  expectLedgerExplainsLevels,
  expectOk,
  expectProblem,
  getOrder,
  ledgerOf,
  levelAt,
  listOrders,
  orderClaimer,
  ship,
  shipEverything,
  stockCovers,
  UPS_TRACKING,
} from './fixtures';

const claim = orderClaimer();
let support: ApiClient;
let manager: ApiClient;
beforeAll(async () => {
  support = await signIn('support');
  manager = await signIn('manager');
});

const openWithStock = (minLines = 1) =>
  claim(
    support,
    { status: 'open', fulfilmentStatus: 'unfulfilled' },
    async (o) => o.lines.length >= minLines && (await stockCovers(support, o)),
  );
const closedUnrefunded = (filter: Record<string, string | number> = {}) =>
  // Nothing on a return either: on a server the returns file, run before, returns units of orders like these.
  claim(support, { status: 'closed', paymentStatus: 'paid', ...filter }, (o) => o.refunded === 0 && o.returns.length === 0 && o.total > 0);

const fulfil = (
  api: ApiClient,
  order: Order,
  lines: { lineId: string; quantity: number }[],
  over: Record<string, unknown> = {},
  key = newKey(),
) =>
  api.post(`/orders/${order.id}/fulfilments`, {
    body: { version: order.version, locationId: order.locationId, carrier: 'UPS', trackingNumber: UPS_TRACKING, lines, ...over },
    idempotencyKey: key,
  });
const refund = (api: ApiClient, order: Order, over: Record<string, unknown>, key = newKey()) =>
  api.post(`/orders/${order.id}/refunds`, {
    body: {
      version: order.version,
      lines: [],
      shipping: false,
      amount: 0,
      restock: false,
      locationId: null,
      reason: 'Contract test',
      ...over,
    },
    idempotencyKey: key,
  });

describe('GET /orders', () => {
  it('filters by status and fulfilment, finds by number, and answers 400 to a bad filter', async () => {
    const open = orderListSchema.parse(
      expectOk(
        await support.get('/orders', { query: { status: 'open', fulfilmentStatus: 'unfulfilled,partially_fulfilled', limit: 100 } }),
      ),
    );
    expect(open.total).toBeGreaterThan(0);
    expect(open.items.every((o) => o.status === 'open' && o.fulfilmentStatus !== 'fulfilled')).toBe(true);
    const one = open.items[0]!;
    const byNumber = orderListSchema.parse(expectOk(await support.get('/orders', { query: { q: `#${one.number}` } })));
    expect(byNumber).toEqual({
      total: 1,
      items: [expect.objectContaining({ id: one.id, number: one.number })],
      totals: expect.objectContaining({ orders: 1, units: one.units, total: one.total, refunded: one.refunded, net: one.net }),
    });
    const problem = expectProblem(await support.get('/orders', { query: { state: 'California', from: '27/11/2026' } }), 400);
    expect(Object.keys(problem.errors ?? {}).sort()).toEqual(['from', 'state']);
  });

  it('finds an order by part of its customer’s email or name, whatever the case (q)', async () => {
    const sample = orderListSchema.parse(expectOk(await support.get('/orders', { query: { sort: '-placedAt', limit: 1, offset: 40 } })))
      .items[0]!;
    const byEmail = await listOrders(support, { q: sample.customerEmail.toUpperCase() });
    expect(byEmail.map((o) => o.id)).toContain(sample.id);
    for (const o of byEmail) expect(o.customerEmail.toLowerCase()).toContain(sample.customerEmail.toLowerCase());
    const surname = sample.customerName.split(' ').at(-1)!.toLowerCase();
    const byName = await listOrders(support, { q: surname });
    expect(byName.map((o) => o.id)).toContain(sample.id);
    for (const o of byName) expect(`${o.customerName} ${o.customerEmail}`.toLowerCase()).toContain(surname);
  });

  it('filters by store day, total, state and SKU, and sorts by total, as filtering the whole list would', async () => {
    const sample = orderListSchema.parse(expectOk(await support.get('/orders', { query: { sort: '-placedAt', limit: 1, offset: 60 } })))
      .items[0]!;
    const ids = (rows: { id: string }[]) => rows.map((o) => o.id).sort();
    const day = storeDate(Date.parse(sample.placedAt));
    const thatDay = await listOrders(support, { from: day, to: day });
    expect(thatDay.map((o) => o.id)).toContain(sample.id);
    for (const o of thatDay) expect(storeDate(Date.parse(o.placedAt))).toBe(day);

    const [from, to] = [addDays(day, -6), day];
    const week = await listOrders(support, { from, to });
    expect(ids(week)).toEqual(expect.arrayContaining(ids(thatDay)));
    const median = [...week.map((o) => o.total)].sort((a, b) => a - b)[Math.floor(week.length / 2)]!;
    const big = await listOrders(support, { from, to, totalMin: median, sort: '-total' });
    expect(ids(big)).toEqual(ids(week.filter((o) => o.total >= median)));
    expect(big.length).toBeLessThan(week.length);
    const totals = big.map((o) => o.total);
    expect(totals).toEqual([...totals].sort((a, b) => b - a));

    const inState = await listOrders(support, { from, to, state: sample.state });
    expect(ids(inState)).toEqual(ids(week.filter((o) => o.state === sample.state)));
    expect(inState.length).toBeLessThan(week.length);

    const sku = (await getOrder(support, sample.id)).lines[0]!.sku;
    const withSku = await listOrders(support, { from, to, sku: sku.toLowerCase() });
    expect(ids(withSku)).toContain(sample.id);
    for (const o of withSku) expect((await getOrder(support, o.id)).lines.map((l) => l.sku.toUpperCase())).toContain(sku.toUpperCase());
  });

  it('sums up every order: total = subtotal − discount + shipping + tax, net = total − refunded', async () => {
    const biggest = orderListSchema.parse(
      expectOk(await support.get('/orders', { query: { status: 'closed', sort: '-total', limit: 1 } })),
    );
    const order = await getOrder(support, biggest.items[0]!.id);
    expect(order.total).toBe(order.subtotal - order.discount + order.shipping + order.tax);
    expect(order.lines.reduce((n, l) => n + lineTotal(l), 0) + order.shipping).toBe(order.total);
    expect(order.net).toBe(order.total - order.refunded);
  });
});

describe('fulfilling', () => {
  it('ships part of an order: a sale row in the ledger, the rest stays reserved and open', async () => {
    const order = await openWithStock(2);
    const [first, second] = order.lines;
    const before = await levelAt(support, first!.variantId, order.locationId);
    const res = await fulfil(support, order, [{ lineId: first!.id, quantity: first!.quantity }]);
    const after = orderSchema.parse(expectOk(res));
    expect(res.headers.get('ETag')).toBe(`"${after.version}"`);
    expect(after).toMatchObject({ fulfilmentStatus: 'partially_fulfilled', status: 'open', version: order.version + 1 });
    expect(after.lines[1]).toMatchObject({ id: second!.id, fulfilledQuantity: 0 });
    expect(after.fulfilments.at(-1)).toMatchObject({ carrier: 'UPS', trackingNumber: UPS_TRACKING, by: { id: idOf('support') } });
    expect(after.timeline.at(-1)).toMatchObject({ type: 'fulfilled', actor: { id: idOf('support') } });
    const level = await levelAt(support, first!.variantId, order.locationId);
    expect([level.onHand, level.reserved]).toEqual([before.onHand - first!.quantity, before.reserved - first!.quantity]);
    const rows = await ledgerOf(support, first!.variantId, order.locationId);
    expect(rows.at(-1)).toMatchObject({
      reason: 'sale',
      quantity: -first!.quantity,
      reservedChange: -first!.quantity,
      orderId: order.id,
      orderNumber: order.number,
      onHandAfter: level.onHand,
    });
    await expectLedgerExplainsLevels(support, first!.variantId);
  });

  it('ships the whole order: fulfilled, every line in the ledger', async () => {
    const order = await openWithStock(1);
    const res = await fulfil(
      support,
      order,
      order.lines.map((l) => ({ lineId: l.id, quantity: l.quantity })),
    );
    const after = orderSchema.parse(expectOk(res));
    expect(after.fulfilmentStatus).toBe('fulfilled');
    expect(after.lines.every((l) => l.fulfilledQuantity === l.quantity)).toBe(true);
    for (const line of order.lines) {
      expect(
        (await ledgerOf(support, line.variantId, order.locationId))
          .filter((r) => r.orderId === order.id && r.reason === 'sale')
          .reduce((n, r) => n - r.quantity, 0),
      ).toBe(line.quantity);
      await expectLedgerExplainsLevels(support, line.variantId);
    }
  });

  it('refuses a bad tracking number and more than is left to ship (422 per field), and a stale version (409), changing nothing', async () => {
    const order = await openWithStock(1);
    const line = order.lines[0]!;
    const wrong = expectProblem(
      await fulfil(support, order, [{ lineId: line.id, quantity: line.quantity + 1 }], { trackingNumber: '12345' }),
      422,
    );
    expect(Object.keys(wrong.errors ?? {}).sort()).toEqual(['lines.0.quantity', 'trackingNumber']);
    expect(await getOrder(support, order.id)).toEqual(order);

    const noted = orderSchema.parse(
      expectOk(await support.post(`/orders/${order.id}/notes`, { body: { text: 'Customer called' }, idempotencyKey: newKey() })),
    );
    const stale = expectProblem(await fulfil(support, order, [{ lineId: line.id, quantity: 1 }]), 409);
    expect(orderSchema.parse(stale.current)).toEqual(noted);
    expect((await getOrder(support, order.id)).fulfilments).toEqual(order.fulfilments);
  });

  it('says what is wrong with a line’s quantity: no number, a fraction, a minus sign (422 per line)', async () => {
    const order = await openWithStock(1);
    const lineId = order.lines[0]!.id;
    const wrong = expectProblem(
      await fulfil(support, order, [
        { lineId, quantity: '1' as unknown as number },
        { lineId, quantity: 1.5 },
        { lineId, quantity: -4 },
      ]),
      422,
    );
    expect(wrong.errors).toEqual({
      'lines.0.quantity': 'Enter a number of units',
      'lines.1.quantity': 'Enter a whole number of units',
      'lines.2.quantity': 'Enter 0 or more units',
    });
    expect(await getOrder(support, order.id)).toEqual(order);
  });

  it('ships once when the same request is sent twice with one key', async () => {
    const order = await openWithStock(1);
    const line = order.lines[0]!;
    const key = newKey();
    const [a, b] = await Promise.all([
      fulfil(support, order, [{ lineId: line.id, quantity: 1 }], {}, key),
      fulfil(support, order, [{ lineId: line.id, quantity: 1 }], {}, key),
    ]);
    expectOk(a);
    expect(b.json).toEqual(a.json);
    expect((await getOrder(support, order.id)).lines[0]!.fulfilledQuantity).toBe(1);
    expect(
      (await ledgerOf(support, line.variantId, order.locationId)).filter((r) => r.orderId === order.id && r.reason === 'sale'),
    ).toHaveLength(1);
  });

  it('needs an Idempotency-Key (400)', async () => {
    const order = await openWithStock(1);
    const res = await support.post(`/orders/${order.id}/fulfilments`, {
      body: {
        version: order.version,
        locationId: order.locationId,
        carrier: 'UPS',
        trackingNumber: UPS_TRACKING,
        lines: [{ lineId: order.lines[0]!.id, quantity: 1 }],
      },
    });
    expectProblem(res, 400);
    expect(await getOrder(support, order.id)).toEqual(order);
  });
});

describe('cancelling', () => {
  it('releases every reservation and refunds in the same step; nothing ships after', async () => {
    const order = await openWithStock(1);
    const before = await Promise.all(order.lines.map((l) => levelAt(manager, l.variantId, order.locationId)));
    const after = orderSchema.parse(
      expectOk(
        await manager.post(`/orders/${order.id}/cancel`, {
          body: { version: order.version, reason: 'Customer changed their mind', refund: true },
          idempotencyKey: newKey(),
        }),
      ),
    );
    expect(after).toMatchObject({ status: 'cancelled', paymentStatus: 'refunded', refunded: order.total, net: 0 });
    for (const [i, line] of order.lines.entries()) {
      const level = await levelAt(manager, line.variantId, order.locationId);
      // Lines of one variant release together; compare per level, not per line.
      const sameVariant = order.lines.filter((l) => l.variantId === line.variantId).reduce((n, l) => n + l.quantity, 0);
      expect([level.onHand, level.reserved]).toEqual([before[i]!.onHand, before[i]!.reserved - sameVariant]);
      await expectLedgerExplainsLevels(manager, line.variantId);
    }
    const again = expectProblem(await fulfil(manager, after, [{ lineId: order.lines[0]!.id, quantity: 1 }]), 422);
    expect(again.detail).toMatch(/cancelled: nothing can ship/);
  });

  const cancel = (api: ApiClient, order: Order, over: Record<string, unknown> = {}, key = newKey()) =>
    api.post(`/orders/${order.id}/cancel`, {
      body: { version: order.version, reason: 'Customer no longer wants it', refund: true, ...over },
      idempotencyKey: key,
    });
  /** Reserved and on hand per variant of `lines` at the order's warehouse. */
  const unitsAt = async (order: Order, lines: Order['lines']) =>
    new Map(
      await Promise.all(
        [...new Set(lines.map((l) => l.variantId))].map(async (v) => {
          const level = await levelAt(manager, v, order.locationId);
          return [v, { onHand: level.onHand, reserved: level.reserved }] as const;
        }),
      ),
    );
  const unitsOf = (lines: { variantId: string }[], quantities: number[], variantId: string) =>
    lines.reduce((n, l, i) => n + (l.variantId === variantId ? quantities[i]! : 0), 0);

  it('cancels the unshipped rest of a partly shipped order: released, those units refunded in the same step, the order closed', async () => {
    const order = await openWithStock(2);
    const [first, ...rest] = order.lines;
    const shipped = await ship(support, order, [{ lineId: first!.id, quantity: first!.quantity }]);
    expect(shipped).toMatchObject({ status: 'open', fulfilmentStatus: 'partially_fulfilled' });
    const before = await unitsAt(order, rest);

    const after = orderSchema.parse(expectOk(await cancel(manager, shipped, { reason: 'Customer no longer wants the rest' })));
    // Whole lines cancelled: each is refunded at exactly what it was charged; the shipping stays paid (something shipped).
    const amount = rest.reduce((n, l) => n + lineTotal(l), 0);
    expect(after).toMatchObject({
      status: 'closed',
      fulfilmentStatus: 'fulfilled',
      paymentStatus: 'partially_refunded',
      refunded: order.refunded + amount,
      net: order.net - amount,
    });
    expect(after.lines[0]).toMatchObject({ fulfilledQuantity: first!.quantity, cancelledQuantity: 0, refundedQuantity: 0 });
    for (const [i, line] of rest.entries())
      expect(after.lines[i + 1]).toMatchObject({ fulfilledQuantity: 0, cancelledQuantity: line.quantity, refundedQuantity: line.quantity });
    expect(after.refunds).toEqual([
      ...order.refunds,
      expect.objectContaining({
        amount,
        shipping: 0,
        lines: rest.map((l) => ({ lineId: l.id, quantity: l.quantity })),
        restock: false,
        returnId: null,
        toExchange: 0,
        by: { id: idOf('manager'), name: expect.any(String) },
      }),
    ]);
    expect(after.timeline.slice(-3).map((e) => e.type)).toEqual(['cancelled', 'refunded', 'closed']);

    for (const [variantId, was] of before) {
      const units = unitsOf(
        rest,
        rest.map((l) => l.quantity),
        variantId,
      );
      const level = await levelAt(manager, variantId, order.locationId);
      expect({ variantId, onHand: level.onHand, reserved: level.reserved }).toEqual({
        variantId,
        onHand: was.onHand,
        reserved: was.reserved - units,
      });
      const released = (await ledgerOf(manager, variantId, order.locationId)).filter(
        (r) => r.orderId === order.id && r.reason === 'released',
      );
      expect(released.reduce((n, r) => n + r.reservedChange, 0)).toBe(-units);
      expect(released.every((r) => r.quantity === 0)).toBe(true);
      await expectLedgerExplainsLevels(manager, variantId);
    }
    const audit = await auditOf(manager, 'order', order.id);
    expect(audit[0]).toMatchObject({ action: 'order cancelled', actor: { id: idOf('manager') } });
  });

  it('cancels chosen lines and quantities: the rest stays reserved and ships as before', async () => {
    const order = await claim(
      support,
      { status: 'open', fulfilmentStatus: 'unfulfilled' },
      async (o) => o.lines.some((l) => l.quantity >= 2) && (await stockCovers(support, o)),
    );
    const i = order.lines.findIndex((l) => l.quantity >= 2);
    const line = order.lines[i]!;
    const before = await unitsAt(order, order.lines);
    const asked = order.lines.map((l) => (l.id === line.id ? 1 : 0));

    const after = orderSchema.parse(
      expectOk(await cancel(manager, order, { lines: order.lines.map((l, k) => ({ lineId: l.id, quantity: asked[k]! })) })),
    );
    const amount = lineRefundAmount(line, 0, 1);
    expect(amount).toBeGreaterThan(0);
    expect(amount).toBeLessThan(lineTotal(line));
    expect(after).toMatchObject({
      status: 'open',
      fulfilmentStatus: 'unfulfilled',
      refunded: order.refunded + amount,
      paymentStatus: 'partially_refunded',
    });
    expect(after.lines.map((l) => [l.cancelledQuantity, l.refundedQuantity])).toEqual(asked.map((n) => [n, n]));
    expect(after.refunds.at(-1)).toMatchObject({ amount, shipping: 0, lines: [{ lineId: line.id, quantity: 1 }] });
    for (const [variantId, was] of before) {
      const level = await levelAt(manager, variantId, order.locationId);
      expect({ variantId, reserved: level.reserved }).toEqual({
        variantId,
        reserved: was.reserved - unitsOf(order.lines, asked, variantId),
      });
    }

    // What was not cancelled still ships, and then the order is done.
    const shipped = await shipEverything(support, after);
    expect(shipped.lines.map((l) => l.fulfilledQuantity)).toEqual(order.lines.map((l, k) => l.quantity - asked[k]!));
    expect(shipped).toMatchObject({ status: 'closed', fulfilmentStatus: 'fulfilled' });
    for (const variantId of before.keys()) await expectLedgerExplainsLevels(manager, variantId);
  });

  it('refuses more than is unshipped beside lines.N.quantity (422), changing nothing', async () => {
    const order = await openWithStock(2);
    const [first, second] = order.lines;
    const shipped = await ship(support, order, [{ lineId: first!.id, quantity: first!.quantity }]);
    const before = await unitsAt(order, order.lines);
    const problem = expectProblem(
      await cancel(manager, shipped, {
        lines: [
          { lineId: second!.id, quantity: second!.quantity + 1 },
          { lineId: first!.id, quantity: 1 },
        ],
      }),
      422,
    );
    expect(problem.errors).toEqual({
      'lines.0.quantity': expect.stringContaining(`${second!.quantity}`),
      'lines.1.quantity': expect.any(String),
    });
    expect(await getOrder(manager, order.id)).toEqual(shipped);
    expect(await unitsAt(order, order.lines)).toEqual(before);
  });

  it('says there is nothing left to cancel once everything has shipped, or once cancelled (422)', async () => {
    const order = await openWithStock(1);
    const shipped = await shipEverything(support, order);
    const none = expectProblem(await cancel(manager, shipped, { reason: 'Too late' }), 422);
    expect(none.detail).toMatch(/has shipped/);
    expect(await getOrder(manager, order.id)).toEqual(shipped);

    const other = await openWithStock(1);
    const cancelled = orderSchema.parse(expectOk(await cancel(manager, other)));
    expect(cancelled.status).toBe('cancelled');
    const again = expectProblem(await cancel(manager, cancelled), 422);
    expect(again.detail).toMatch(/already cancelled/);
    expect(await getOrder(manager, other.id)).toEqual(cancelled);
  });

  it('cancels once when the same request is sent twice with one key', async () => {
    const order = await openWithStock(1);
    const key = newKey();
    const [a, b] = await Promise.all([cancel(manager, order, {}, key), cancel(manager, order, {}, key)]);
    const after = orderSchema.parse(expectOk(a));
    expect(b.json).toEqual(a.json);
    expect(after).toMatchObject({ status: 'cancelled', refunded: order.total });
    expect(after.refunds).toHaveLength(order.refunds.length + 1);
    expect(after.timeline.filter((e) => e.type === 'cancelled')).toHaveLength(1);
    for (const variantId of new Set(order.lines.map((l) => l.variantId))) {
      const released = (await ledgerOf(manager, variantId, order.locationId)).filter(
        (r) => r.orderId === order.id && r.reason === 'released',
      );
      expect(released.reduce((n, r) => n + r.reservedChange, 0)).toBe(
        -unitsOf(
          order.lines,
          order.lines.map((l) => l.quantity),
          variantId,
        ),
      );
      await expectLedgerExplainsLevels(manager, variantId);
    }
  });
});

describe('refunding', () => {
  it('never refunds more than was paid, and changes nothing when it refuses', async () => {
    const order = await closedUnrefunded();
    const problem = expectProblem(await refund(manager, order, { amount: refundable(order) + 1 }), 422);
    expect(Object.keys(problem.errors ?? {})).toEqual(['amount']);
    expect(await getOrder(manager, order.id)).toEqual(order);
    // Up to the total is fine, and then nothing more.
    const full = orderSchema.parse(expectOk(await refund(manager, order, { amount: order.total })));
    expect(full).toMatchObject({ refunded: order.total, net: 0, paymentStatus: 'refunded' });
    expectProblem(await refund(manager, full, { amount: 1 }), 422);
  });

  it(`lets support refund up to the limit (${SUPPORT_REFUND_LIMIT_CENTS} cents) and no more`, async () => {
    const order = await closedUnrefunded({ totalMin: SUPPORT_REFUND_LIMIT_CENTS + 1 });
    const over = expectProblem(await refund(support, order, { amount: SUPPORT_REFUND_LIMIT_CENTS + 1 }), 403);
    expect(over.detail).toMatch(/\$500\.00/);
    expect(await getOrder(support, order.id)).toEqual(order);
    const within = orderSchema.parse(expectOk(await refund(support, order, { amount: SUPPORT_REFUND_LIMIT_CENTS })));
    expect(within.refunded).toBe(SUPPORT_REFUND_LIMIT_CENTS);
    // A manager has no such limit.
    const more = orderSchema.parse(expectOk(await refund(manager, within, { amount: 1 })));
    expect(more.refunded).toBe(SUPPORT_REFUND_LIMIT_CENTS + 1);
  });

  it('counts support’s refunds on one order over the store day: a second $450 is refused (403), a manager may, another order may', async () => {
    const order = await closedUnrefunded({ totalMin: 95_000 });
    const first = orderSchema.parse(expectOk(await refund(support, order, { amount: 45_000 })));
    // Today on the injected clock, in the store's zone: the day the limit counts.
    expect(storeDate(Date.parse(first.refunds.at(-1)!.at))).toBe(storeDate(testClock()));
    const second = expectProblem(await refund(support, first, { amount: 45_000 }), 403);
    expect(second.detail).toMatch(/\$500\.00/);
    expect(second.detail).toMatch(/\$450\.00 on order #\d+ today/);
    expect(await getOrder(support, order.id)).toEqual(first);
    // Less than what is left of the limit still goes through.
    const small = orderSchema.parse(expectOk(await refund(support, first, { amount: 5_000 })));
    expect(small.refunded).toBe(50_000);
    expectProblem(await refund(support, small, { amount: 1 }), 403);
    const byManager = orderSchema.parse(expectOk(await refund(manager, small, { amount: 45_000 })));
    expect(byManager).toMatchObject({ refunded: 95_000, net: order.total - 95_000 });
    // The limit is per order: support may refund $450 on another one the same day.
    const other = await closedUnrefunded({ totalMin: 45_000 });
    expect(orderSchema.parse(expectOk(await refund(support, other, { amount: 45_000 }))).refunded).toBe(45_000);
    // The next store day starting afresh is the domain tests' to show: the suite's clock runs at real speed.
  });

  it('refunds a unit with restock once per key, and puts it back on the shelf', async () => {
    const order = await closedUnrefunded();
    const line = order.lines[0]!;
    const before = await levelAt(support, line.variantId, order.locationId);
    const key = newKey();
    const body = { lines: [{ lineId: line.id, quantity: 1 }], restock: true, locationId: order.locationId, reason: 'Arrived damaged' };
    const [a, b] = await Promise.all([refund(support, order, body, key), refund(support, order, body, key)]);
    expectOk(a);
    expect(b.json).toEqual(a.json);
    const after = await getOrder(support, order.id);
    expect(after.refunds).toHaveLength(1);
    expect(after.refunded).toBe(Math.floor(lineTotal(line) / line.quantity));
    // One unit of a one-unit order without shipping or tax (a state without sales tax) is all that was paid.
    expect(after.paymentStatus).toBe(after.refunded < order.total ? 'partially_refunded' : 'refunded');
    expect((await levelAt(support, line.variantId, order.locationId)).onHand).toBe(before.onHand + 1);
    const rows = (await ledgerOf(support, line.variantId, order.locationId)).filter(
      (r) => r.orderId === order.id && r.reason === 'refund_restock',
    );
    expect(rows.map((r) => r.quantity)).toEqual([1]);
    await expectLedgerExplainsLevels(support, line.variantId);
  });

  it('records who refunded in the timeline and the audit log', async () => {
    const admin = await signIn('admin');
    const order = await closedUnrefunded();
    expectOk(await refund(admin, order, { amount: 300, reason: 'Late delivery' }));
    const after = await getOrder(admin, order.id);
    expect(after.timeline.at(-1)).toMatchObject({
      type: 'refunded',
      actor: { id: idOf('admin') },
      message: 'Refunded $3.00: Late delivery.',
    });
    const log = auditListSchema.parse(expectOk(await admin.get('/audit', { query: { entityType: 'order', entityId: order.id } })));
    expect(log.items[0]).toMatchObject({ action: 'order refunded', after: { refund: 300 }, actor: { id: idOf('admin') } });
  });
});

describe('notes', () => {
  it('are added once when the same note is sent twice with one key', async () => {
    const order = await claim(support, { status: 'open' });
    const key = newKey();
    const [a, b] = await Promise.all([
      support.post(`/orders/${order.id}/notes`, { body: { text: 'Called the customer' }, idempotencyKey: key }),
      support.post(`/orders/${order.id}/notes`, { body: { text: 'Called the customer' }, idempotencyKey: key }),
    ]);
    expect(b.json).toEqual(expectOk(a));
    const after = await getOrder(support, order.id);
    expect(after.notes.filter((n) => n.text === 'Called the customer')).toHaveLength(
      order.notes.filter((n) => n.text === 'Called the customer').length + 1,
    );
    expect(after.notes.at(-1)).toMatchObject({ text: 'Called the customer', author: { id: idOf('support') } });
    expect(after.timeline.at(-1)).toMatchObject({ type: 'note_added', actor: { id: idOf('support') } });
  });

  it('refuse an empty note (422 on text)', async () => {
    const order = await claim(support, { status: 'open' });
    const problem = expectProblem(await support.post(`/orders/${order.id}/notes`, { body: { text: '   ' } }), 422);
    expect(Object.keys(problem.errors ?? {})).toEqual(['text']);
  });
});
