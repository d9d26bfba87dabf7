import { lineTotal } from '../src/api/order-rules';
import { orderListSchema, orderSchema, type Order, type OrderSummary } from '../src/api/order-schemas';
import { problemSchema } from '../src/api/schemas';
import { storeDate } from '../src/api/store-time';
import { inventoryListSchema, stockMovementListSchema } from '../src/api/stock-schemas';
import { mockDb, resetMockDb, server, signInAs } from './node';
import { DEFAULT_ORDERS } from './seed';

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());
beforeEach(() => {
  resetMockDb();
  signInAs('support');
});

let keys = 0;
const newKey = () => `order-key-${++keys}`;

async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(path, {
    method,
    headers: { 'Content-Type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, json: (await response.json()) as unknown };
}
const post = (path: string, body: unknown, key: string | null = newKey()) =>
  call('POST', path, body, key ? { 'Idempotency-Key': key } : {});
const getOrder = async (id: string) => orderSchema.parse((await call('GET', `/api/orders/${id}`)).json);
const problemOf = (json: unknown) => problemSchema.parse(json);

async function levelOf(variantId: string, locationId: string) {
  const res = await call('GET', `/api/inventory?variantId=${variantId}&locationId=${locationId}`);
  return inventoryListSchema.parse(res.json).items[0]!;
}

/** An open, unshipped order with two lines, each of whose variants has stock at the order's warehouse. */
function openOrder(): Order {
  const db = mockDb();
  const found = [...db.allOrders()].find(
    (o) =>
      o.status === 'open' &&
      o.lines.length >= 2 &&
      o.lines.every((l) => l.fulfilledQuantity === 0 && (db.level(l.variantId, o.locationId)?.onHand ?? 0) >= l.quantity),
  );
  if (!found) throw new Error('The seed has no open two-line order with stock');
  return found;
}

const trackingFor = { UPS: '1Z999AA10123456784' } as const;

describe('the seeded orders', () => {
  it('add up to the cent and follow the contract', () => {
    const orders = [...mockDb().allOrders()];
    expect(orders.length).toBe(DEFAULT_ORDERS);
    for (const o of orders) {
      expect(o.total).toBe(o.subtotal - o.discount + o.shipping + o.tax);
      expect(o.lines.reduce((n, l) => n + lineTotal(l), 0) + o.shipping).toBe(o.total);
      expect(o.refunded).toBeLessThanOrEqual(o.total);
      expect(o.net).toBe(o.total - o.refunded);
    }
    expect(() => orders.slice(0, 200).forEach((o) => orderSchema.parse(o))).not.toThrow();
  });
});

describe('GET /api/orders', () => {
  async function all(query = ''): Promise<OrderSummary[]> {
    const rows: OrderSummary[] = [];
    for (let offset = 0; ; offset += 500) {
      const page = orderListSchema.parse((await call('GET', `/api/orders?limit=500&offset=${offset}${query}`)).json);
      rows.push(...page.items);
      if (rows.length >= page.total) return rows;
    }
  }

  it('finds an order by email, by name, and by number', async () => {
    const order = openOrder();
    const byEmail = orderListSchema.parse(
      (await call('GET', `/api/orders?q=${encodeURIComponent(order.customer.email.toUpperCase())}`)).json,
    );
    expect(byEmail.items.map((o) => o.id)).toContain(order.id);
    expect(byEmail.items.every((o) => o.customerEmail === order.customer.email)).toBe(true);
    const byNumber = orderListSchema.parse((await call('GET', `/api/orders?q=%23${order.number}`)).json);
    expect(byNumber).toEqual({ total: 1, items: [expect.objectContaining({ id: order.id, number: order.number })] });
  });

  it('filters by status, store days, state, total and SKU, and sorts on the server', async () => {
    const everything = await all();
    expect(everything.length).toBe(DEFAULT_ORDERS);
    const sample = everything[1234]!;
    const day = storeDate(Date.parse(sample.placedAt));
    const expected = everything
      .filter((o) => storeDate(Date.parse(o.placedAt)) === day && o.total >= 1000)
      .sort((a, b) => b.total - a.total || b.number - a.number);
    const res = orderListSchema.parse((await call('GET', `/api/orders?from=${day}&to=${day}&totalMin=1000&sort=-total`)).json);
    expect(res.items.map((o) => o.id)).toEqual(expected.slice(0, 25).map((o) => o.id));

    const open = await all('&status=open&fulfilmentStatus=unfulfilled,partially_fulfilled');
    expect(open.length).toBeGreaterThan(0);
    expect(open.every((o) => o.status === 'open' && o.fulfilmentStatus !== 'fulfilled')).toBe(true);

    const ca = await all('&state=CA');
    expect(ca.length).toBeGreaterThan(everything.filter((o) => o.state === 'WY').length);
    const order = openOrder();
    const withSku = await all(`&sku=${encodeURIComponent(order.lines[0]!.sku.toLowerCase())}`);
    expect(withSku.map((o) => o.id)).toContain(order.id);
    for (const o of withSku.slice(0, 20))
      expect(
        mockDb()
          .getOrder(o.id)!
          .lines.some((l) => l.sku === order.lines[0]!.sku),
      ).toBe(true);

    expect((await call('GET', '/api/orders?state=California&from=27/11/2026')).status).toBe(400);
  });
});

describe('fulfilling', () => {
  it('ships part of an order: the ledger records the sale, the rest stays reserved and open', async () => {
    const order = openOrder();
    const [first, second] = order.lines;
    const before = await levelOf(first!.variantId, order.locationId);
    const res = await post(`/api/orders/${order.id}/fulfilments`, {
      version: order.version,
      locationId: order.locationId,
      carrier: 'UPS',
      trackingNumber: trackingFor.UPS,
      lines: [{ lineId: first!.id, quantity: first!.quantity }],
    });
    expect(res.status).toBe(200);
    const after = orderSchema.parse(res.json);
    expect(after).toMatchObject({ fulfilmentStatus: 'partially_fulfilled', status: 'open', version: order.version + 1 });
    expect(after.lines[1]).toMatchObject({ id: second!.id, fulfilledQuantity: 0 });
    expect(after.timeline.at(-1)).toMatchObject({ type: 'fulfilled', actor: { name: 'Sam Support' } });
    expect(after.fulfilments.at(-1)).toMatchObject({ carrier: 'UPS', trackingNumber: trackingFor.UPS });

    const level = await levelOf(first!.variantId, order.locationId);
    expect([level.onHand, level.reserved]).toEqual([before.onHand - first!.quantity, before.reserved - first!.quantity]);
    const ledger = stockMovementListSchema.parse(
      (await call('GET', `/api/inventory/ledger?variantId=${first!.variantId}&locationId=${order.locationId}&limit=1`)).json,
    );
    expect(ledger.items[0]).toMatchObject({
      reason: 'sale',
      quantity: -first!.quantity,
      orderNumber: order.number,
      onHandAfter: level.onHand,
    });
  });

  it('refuses a tracking number of the wrong format, more than is left to ship, and a stale version', async () => {
    const order = openOrder();
    const line = order.lines[0]!;
    const body = {
      version: order.version,
      locationId: order.locationId,
      carrier: 'UPS',
      trackingNumber: '12345',
      lines: [{ lineId: line.id, quantity: line.quantity + 1 }],
    };
    const wrong = await post(`/api/orders/${order.id}/fulfilments`, body);
    expect(wrong.status).toBe(422);
    expect(Object.keys(problemOf(wrong.json).errors ?? {}).sort()).toEqual(['lines.0.quantity', 'trackingNumber']);

    await post(`/api/orders/${order.id}/notes`, { text: 'Customer called' }, null);
    const stale = await post(`/api/orders/${order.id}/fulfilments`, {
      ...body,
      trackingNumber: trackingFor.UPS,
      lines: [{ lineId: line.id, quantity: 1 }],
    });
    expect(stale.status).toBe(409);
    expect(orderSchema.parse(problemOf(stale.json).current).notes.at(-1)?.text).toBe('Customer called');
    expect((await getOrder(order.id)).fulfilments).toEqual(order.fulfilments);
  });

  it('ships once when the same request is sent twice', async () => {
    const order = openOrder();
    const line = order.lines[0]!;
    const body = {
      version: order.version,
      locationId: order.locationId,
      carrier: 'UPS',
      trackingNumber: trackingFor.UPS,
      lines: [{ lineId: line.id, quantity: 1 }],
    };
    const key = newKey();
    const [a, b] = await Promise.all([
      post(`/api/orders/${order.id}/fulfilments`, body, key),
      post(`/api/orders/${order.id}/fulfilments`, body, key),
    ]);
    expect(b.json).toEqual(a.json);
    expect((await getOrder(order.id)).lines[0]!.fulfilledQuantity).toBe(1);
  });
});

describe('notes', () => {
  it('are added once when the same note is sent twice with one key', async () => {
    const order = openOrder();
    const key = newKey();
    const [a, b] = await Promise.all([
      post(`/api/orders/${order.id}/notes`, { text: 'Called the customer' }, key),
      post(`/api/orders/${order.id}/notes`, { text: 'Called the customer' }, key),
    ]);
    expect(b.json).toEqual(a.json);
    const after = await getOrder(order.id);
    expect(after.notes.filter((n) => n.text === 'Called the customer')).toHaveLength(1);
    expect(after.timeline.at(-1)).toMatchObject({ type: 'note_added', actor: { name: 'Sam Support' } });
  });
});

describe('cancelling', () => {
  it('releases every reservation and refunds the payment in the same step', async () => {
    signInAs('manager');
    const order = openOrder();
    const line = order.lines[0]!;
    const before = await levelOf(line.variantId, order.locationId);
    const res = await post(`/api/orders/${order.id}/cancel`, {
      version: order.version,
      reason: 'Customer changed their mind',
      refund: true,
    });
    expect(res.status).toBe(200);
    const after = orderSchema.parse(res.json);
    expect(after).toMatchObject({ status: 'cancelled', paymentStatus: 'refunded', refunded: order.total, net: 0 });
    expect((await levelOf(line.variantId, order.locationId)).reserved).toBe(before.reserved - line.quantity);
    expect((await levelOf(line.variantId, order.locationId)).onHand).toBe(before.onHand);

    const again = await post(`/api/orders/${order.id}/fulfilments`, {
      version: after.version,
      locationId: order.locationId,
      carrier: 'UPS',
      trackingNumber: trackingFor.UPS,
      lines: [{ lineId: line.id, quantity: 1 }],
    });
    expect(again.status).toBe(422);
    expect(problemOf(again.json).detail).toMatch(/cancelled: nothing can ship/);
  });

  it('is refused once something has shipped', async () => {
    const shipped = [...mockDb().allOrders()].find((o) => o.status === 'open' && o.fulfilmentStatus === 'partially_fulfilled')!;
    const res = await post(`/api/orders/${shipped.id}/cancel`, { version: shipped.version, reason: 'Too late', refund: false });
    expect(res.status).toBe(422);
    expect(problemOf(res.json).detail).toMatch(/has shipped/);
  });
});

describe('refunding', () => {
  function shippedOrder(): Order {
    return [...mockDb().allOrders()].find(
      (o) => o.status === 'closed' && o.refunded === 0 && o.total < 40_000 && o.lines[0]!.quantity >= 1,
    )!;
  }

  it('refunds a unit with restock once, even when submitted twice, and puts it back on the shelf', async () => {
    const order = shippedOrder();
    const line = order.lines[0]!;
    const before = await levelOf(line.variantId, order.locationId);
    const body = {
      version: order.version,
      lines: [{ lineId: line.id, quantity: 1 }],
      shipping: false,
      amount: 0,
      restock: true,
      locationId: order.locationId,
      reason: 'Arrived damaged',
    };
    const key = newKey();
    const [a, b] = await Promise.all([
      post(`/api/orders/${order.id}/refunds`, body, key),
      post(`/api/orders/${order.id}/refunds`, body, key),
    ]);
    expect(a.status).toBe(200);
    expect(b.json).toEqual(a.json);
    const after = await getOrder(order.id);
    expect(after.refunds).toHaveLength(1);
    expect(after.refunded).toBe(Math.floor(lineTotal(line) / line.quantity));
    expect(after.paymentStatus).toBe('partially_refunded');
    expect((await levelOf(line.variantId, order.locationId)).onHand).toBe(before.onHand + 1);
  });

  it('never refunds more than was paid, and changes nothing when it refuses', async () => {
    signInAs('manager');
    const order = shippedOrder();
    const res = await post(`/api/orders/${order.id}/refunds`, {
      version: order.version,
      lines: [],
      shipping: false,
      amount: order.total + 1,
      restock: false,
      locationId: null,
      reason: 'Too generous',
    });
    expect(res.status).toBe(422);
    expect(problemOf(res.json).errors?.amount).toMatch(/^At most \$[\d,.]+ can still be refunded/);
    expect(await getOrder(order.id)).toEqual(order);
  });

  it('lets support refund up to $500 and no more', async () => {
    const order = [...mockDb().allOrders()].find((o) => o.status === 'closed' && o.refunded === 0 && o.total > 50_000)!;
    const res = await post(`/api/orders/${order.id}/refunds`, {
      version: order.version,
      lines: [],
      shipping: false,
      amount: 50_001,
      restock: false,
      locationId: null,
      reason: 'Price match',
    });
    expect(res.status).toBe(403);
    expect(problemOf(res.json).detail).toMatch(/Support may refund up to \$500\.00/);
    const within = await post(`/api/orders/${order.id}/refunds`, {
      version: order.version,
      lines: [],
      shipping: false,
      amount: 50_000,
      restock: false,
      locationId: null,
      reason: 'Price match',
    });
    expect(orderSchema.parse(within.json).refunded).toBe(50_000);
  });

  it('records who refunded in the timeline and the audit log', async () => {
    signInAs('admin');
    const order = shippedOrder();
    await post(`/api/orders/${order.id}/refunds`, {
      version: order.version,
      lines: [],
      shipping: false,
      amount: 300,
      restock: false,
      locationId: null,
      reason: 'Late delivery',
    });
    const after = await getOrder(order.id);
    expect(after.timeline.at(-1)).toMatchObject({
      type: 'refunded',
      actor: { name: 'Ada Admin' },
      message: 'Refunded $3.00: Late delivery.',
    });
    expect(mockDb().auth.audit.at(-1)).toMatchObject({
      entityType: 'order',
      entityId: order.id,
      action: 'order refunded',
      after: { refund: 300 },
    });
  });
});
