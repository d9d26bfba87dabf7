/**
 * The mock's own reports: its running day sums (mocks/report-index.ts) against a
 * naive scan of every order in the store, seeded refunds included, which no
 * HTTP request can list. What the API's reports answer (agreeing with the order
 * list, filters, comparison, breakdowns, a new refund on its day, 400/403) is
 * held to both backends by tests/contract/reports.contract.test.ts.
 */
import { lineTotal } from '../src/domain/order-rules';
import { addDays } from '../src/domain/report-rules';
import { orderListQuerySchema, type Order } from '../src/contract/order-schemas';
import { salesReportSchema } from '../src/contract/report-schemas';
import { productListQuerySchema } from '../src/contract/schemas';
import { storeDate } from '../src/domain/store-time';
import { testClock } from '../tests/clock';
import { adoptKeptShop, keepShop, lastSeededShop } from '../src/demo-shop/seeded-shop';
import type { SeededOrders } from '../src/demo-shop/stock-seed';
import { mockDb, resetMockDb, server, signInAs } from './node';
import { daySumsOf } from './report-index';

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());
beforeEach(() => {
  resetMockDb();
  signInAs('manager');
});

async function sales(query: string) {
  const res = await fetch(`/api/reports/sales?compare=none&${query}`);
  expect(res.status).toBe(200);
  return salesReportSchema.parse(await res.json());
}

const day = (iso: string) => storeDate(Date.parse(iso));

/** A goodwill refund of `amount` cents on the whole order, as support sends it; the answer's status. */
async function refund(order: Pick<Order, 'id' | 'version'>, amount: number, key: string): Promise<number> {
  const res = await fetch(`/api/orders/${order.id}/refunds`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': key },
    body: JSON.stringify({
      version: order.version,
      lines: [],
      shipping: false,
      amount,
      restock: false,
      locationId: null,
      reason: 'Goodwill',
    }),
  });
  return res.status;
}

/** The tests' shop as made, and what makes it. */
function shopAsMade() {
  const db = mockDb();
  const settings = { seed: db.settings.seed, products: db.settings.products, orders: db.settings.orders, anchorMs: db.anchorMs };
  return { settings, made: lastSeededShop(settings)! };
}

/** The store made again from the shop as a browser keeps it (levels and day sums, through a structured clone): its seeded orders, not made yet. */
function reloadKept({ settings, made }: ReturnType<typeof shopAsMade>): SeededOrders {
  adoptKeptShop(settings, structuredClone(keepShop(made, daySumsOf(made.stock.orders.each()))));
  resetMockDb();
  signInAs('manager');
  return lastSeededShop(settings)!.stock.orders;
}

describe('the report index', () => {
  it('sums orders on the day placed and refunds on the day made, by category too, like a naive scan of the store', async () => {
    const db = mockDb();
    const orders = [...db.allOrders()];
    // 250 days up to yesterday: across at least one change of daylight saving time, whatever the tests' today.
    const to = addDays(storeDate(testClock()), -1);
    const from = addDays(to, -249);
    const within = (iso: string) => day(iso) >= from && day(iso) <= to;
    const placed = orders.filter((o) => within(o.placedAt));
    const refunds = orders.flatMap((o) => o.refunds).filter((r) => within(r.at));
    // Refunds made in the range on orders placed before it are counted too.
    expect(refunds.some((r) => !within(orders.find((o) => o.refunds.includes(r))!.placedAt))).toBe(true);

    const report = await sales(`from=${from}&to=${to}`);
    expect(report.totals).toMatchObject({
      orders: placed.length,
      revenue: placed.reduce((n, o) => n + o.total, 0),
      units: placed.reduce((n, o) => n + o.lines.reduce((u, l) => u + l.quantity, 0), 0),
      refunds: refunds.reduce((n, r) => n + r.amount, 0),
    });

    const audio = await sales(`from=${from}&to=${to}&categoryId=audio`);
    const lines = placed.flatMap((o) => o.lines.filter((l) => db.getProduct(l.productId)?.categoryId === 'audio').map((l) => ({ o, l })));
    expect(lines.length).toBeGreaterThan(0);
    expect(audio.totals).toMatchObject({
      revenue: lines.reduce((n, { l }) => n + lineTotal(l), 0),
      units: lines.reduce((n, { l }) => n + l.quantity, 0),
      orders: new Set(lines.map(({ o }) => o.id)).size,
    });
  });

  it('sums placements newest first, as far back as a report reaches: a refund on an order it has not reached yet counts once', async () => {
    const db = mockDb();
    const today = storeDate(testClock());
    const week = `from=${addDays(today, -6)}&to=${today}`;
    const before = await sales(week);
    const orders = [...db.allOrders()];
    const refundable = (o: (typeof orders)[number]) => o.status === 'closed' && o.paymentStatus === 'paid' && o.refunded === 0;
    // Placed long before the week the index has reached, and within it.
    const old = orders.find((o) => day(o.placedAt) < addDays(today, -300) && refundable(o))!;
    const recent = orders.findLast((o) => day(o.placedAt) >= addDays(today, -6) && o.paymentStatus === 'paid' && o.refunded === 0)!;
    for (const order of [old, recent]) expect(await refund(order, 100, `refund-${order.id}`)).toBe(200);
    expect((await sales(week)).totals.refunds).toBe(before.totals.refunds + 200);
    // The week's refunds listed (facts gathered for the week only so far), then a year's: each refund once.
    const refundsIn = async (range: string) => {
      const res = await fetch(`/api/reports/refunds?${range}&limit=1`);
      expect(res.status).toBe(200);
      return ((await res.json()) as { total: number }).total;
    };
    const madeIn = (from: string) =>
      [...db.allOrders()].flatMap((o) => o.refunds).filter((r) => day(r.at) >= from && day(r.at) <= today).length;
    expect(await refundsIn(week)).toBe(madeIn(addDays(today, -6)));
    expect(await refundsIn(`from=${addDays(today, -400)}&to=${today}`)).toBe(madeIn(addDays(today, -400)));

    // Reaching back a year now: every placement and refund once, the changed orders as they are.
    const from = addDays(today, -400);
    const now = [...db.allOrders()];
    const within = (iso: string) => day(iso) >= from && day(iso) <= today;
    const placed = now.filter((o) => within(o.placedAt));
    const year = await sales(`from=${from}&to=${today}`);
    expect(year.totals).toMatchObject({
      orders: placed.length,
      revenue: placed.reduce((n, o) => n + o.total, 0),
      refunds: now
        .flatMap((o) => o.refunds)
        .filter((r) => within(r.at))
        .reduce((n, r) => n + r.amount, 0),
    });
  });

  it("answers from a kept shop's day sums what it answers from the orders, and makes no order for the sums alone", async () => {
    const db = mockDb();
    const shop = shopAsMade();
    const today = storeDate(testClock());
    const range = `from=${addDays(today, -89)}&to=${today}`;
    const asked = async (paths: string[]) =>
      Promise.all(
        paths.map(async (path) => {
          const res = await fetch(`/api/reports/${path}`);
          expect(res.status).toBe(200);
          return res.json() as Promise<unknown>;
        }),
      );
    const sumsOnly = [`sales?${range}&compare=previous`, `summary?${range}`, `breakdown?${range}&by=state`];
    const facts = [`sales?${range}&compare=none&categoryId=audio`, `breakdown?${range}&by=product`, `breakdown?${range}&by=category`];
    const fromOrders = await asked([...sumsOnly, ...facts]);

    const seeded = reloadKept(shop);
    expect(seeded.made).toBe(false);
    expect(await asked(sumsOnly)).toEqual(fromOrders.slice(0, sumsOnly.length));
    expect(seeded.made).toBe(false);
    expect(await asked(facts)).toEqual(fromOrders.slice(sumsOnly.length));

    // A refund on an order from before the range moves today's sums, once.
    const before = salesReportSchema.parse((await asked([`sales?${range}&compare=none`]))[0]);
    const order = [...db.allOrders()].find((o) => day(o.placedAt) < addDays(today, -200) && o.status === 'closed' && o.refunded === 0)!;
    expect(await refund(order, 250, 'kept-refund')).toBe(200);
    const after = salesReportSchema.parse((await asked([`sales?${range}&compare=none`]))[0]);
    expect(after.totals).toEqual({ ...before.totals, refunds: before.totals.refunds + 250, net: before.totals.net - 250 });
  });

  it("in the browser's way, a request that needs a kept shop's orders waits while they are made in slices, and others are answered meanwhile", async () => {
    const db = mockDb();
    const shop = shopAsMade();
    const query = orderListQuerySchema.parse({ limit: '5' });
    const listed = db.listOrders(query);
    const order = [...shop.made.stock.orders.each()].find((o) => o.status === 'closed' && o.refunded === 0)!;

    const seeded = reloadKept(shop);
    db.makeOrdersInSlices = () => new Promise((resolve) => setTimeout(resolve, 0));
    try {
      const orders = db.serve(() => db.listOrders(query));
      // Not made in one go: the request waits, and another is answered meanwhile.
      expect(seeded.made).toBe(false);
      expect((await db.serve(() => db.listProducts(productListQuerySchema.parse({ limit: '5' })))).items).toHaveLength(5);
      expect(seeded.made).toBe(false);
      expect(await orders).toEqual(listed);
      expect(seeded.made).toBe(true);

      // A write stopped that way runs once, when it runs again.
      expect(reloadKept(shop).made).toBe(false);
      expect(await refund(order, 100, 'sliced-refund')).toBe(200);
      expect(db.getOrder(order.id)!.refunds).toHaveLength(order.refunds.length + 1);
    } finally {
      db.makeOrdersInSlices = null;
    }
  });
});
