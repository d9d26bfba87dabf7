/**
 * The mock's own order list: its index (mocks/order-index.ts) against a naive
 * scan of every order in the store. The API's order rules (search, filters,
 * fulfilling, cancelling, refunds, notes, 403/409/422, idempotency) are held to
 * both backends by tests/contract/orders.contract.test.ts; the seeded orders'
 * invariants by src/demo-shop/order-seed.test.ts.
 */
import { orderListQuerySchema, orderListSchema, type OrderSummary } from '../src/contract/order-schemas';
import { storeDate } from '../src/domain/store-time';
import { mockDb, resetMockDb, server, signInAs } from './node';
import { OrderIndex } from './order-index';
import { DEFAULT_ORDERS } from '../src/demo-shop/seed';

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());
beforeEach(() => {
  resetMockDb();
  signInAs('support');
});

async function list(query = ''): Promise<{ items: OrderSummary[]; total: number }> {
  const response = await fetch(`/api/orders?${query}`);
  expect(response.status).toBe(200);
  return orderListSchema.parse(await response.json());
}

async function all(query = ''): Promise<OrderSummary[]> {
  const rows: OrderSummary[] = [];
  for (let offset = 0; ; offset += 500) {
    const page = await list(`limit=500&offset=${offset}${query}`);
    rows.push(...page.items);
    if (rows.length >= page.total) return rows;
  }
}

const ids = (rows: readonly { id: string }[]) => rows.map((o) => o.id).sort();

describe('the order index', () => {
  it('filters by store day, total, state and SKU, and sorts, like a naive scan of every order', async () => {
    const orders = [...mockDb().allOrders()];
    const everything = await all();
    expect(everything.length).toBe(DEFAULT_ORDERS);
    expect(ids(everything)).toEqual(ids(orders));

    const sample = orders[1234]!;
    const day = storeDate(Date.parse(sample.placedAt));
    const expected = orders
      .filter((o) => storeDate(Date.parse(o.placedAt)) === day && o.total >= 1000)
      .sort((a, b) => b.total - a.total || b.number - a.number);
    const res = await list(`from=${day}&to=${day}&totalMin=1000&sort=-total`);
    expect(res.total).toBe(expected.length);
    expect(res.items.map((o) => o.id)).toEqual(expected.slice(0, 25).map((o) => o.id));

    expect(ids(await all('&state=CA'))).toEqual(ids(orders.filter((o) => o.shippingAddress.state === 'CA')));
    const sku = sample.lines[0]!.sku;
    expect(ids(await all(`&sku=${encodeURIComponent(sku.toLowerCase())}`))).toEqual(
      ids(orders.filter((o) => o.lines.some((l) => l.sku === sku))),
    );
  });
});

describe('the order index', () => {
  it('made a slice at a time, with orders written in between, lists what an index made at once lists', () => {
    const orders = [...mockDb().allOrders()];
    const index = new OrderIndex(orders);
    expect(index.buildSome(1_000)).toBe(true);
    // One order whose entry is made, one whose is not yet: each cancelled with a new total.
    const written = [orders[10]!, orders[4_000]!].map((order) => ({
      ...order,
      status: 'cancelled' as const,
      total: order.total + 1,
      version: order.version + 1,
    }));
    for (const order of written) index.replace(order);
    const fresh = new OrderIndex(orders.map((o) => written.find((w) => w.id === o.id) ?? o));
    for (const sort of ['placedAt', '-total'] as const) {
      const query = orderListQuerySchema.parse({ limit: '500', sort });
      expect(index.list(query)).toEqual(fresh.list(query));
      expect(index.list({ ...query, status: ['cancelled'] })).toEqual(fresh.list({ ...query, status: ['cancelled'] }));
    }
  });
});
