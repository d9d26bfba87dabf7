/**
 * Reports: figures computed by the API agree with the order list to the cent,
 * the breakdown agrees with the report, and a refund shows on the day it is made.
 */
import { lineTotal } from '../../src/domain/order-rules';
import { orderListSchema, orderSchema } from '../../src/contract/order-schemas';
import { addDays, yearBefore } from '../../src/domain/report-rules';
import { productListResponseSchema } from '../../src/contract/schemas';
import { storeDate, storeDayStartMs } from '../../src/domain/store-time';
import { breakdownSchema, salesReportSchema, storeClockSchema } from '../../src/contract/report-schemas';
import { stateName } from '../../src/contract/values/us-address';
import { newKey, signIn, type ApiClient, type Query } from './driver';
import { expectOk, expectProblem, getOrder, listOrders, orderClaimer } from './fixtures';

let api: ApiClient;
let today: string;
beforeAll(async () => {
  api = await signIn('manager');
  today = storeClockSchema.parse(expectOk(await api.get('/reports/clock'))).today;
});

/** A store day `days` before `date` (calendar arithmetic on the date alone). */
function daysBefore(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
}

const sales = async (query: Query) =>
  salesReportSchema.parse(expectOk(await api.get('/reports/sales', { query: { compare: 'none', ...query } })));

/**
 * Holds the report over these days to the order list: its orders, revenue and units, bucket by bucket.
 * Answers how many orders the list gave.
 */
async function reportAgreesWithList(from: string, to: string): Promise<number> {
  const report = await sales({ from, to });
  const orders = await listOrders(api, { from, to });
  // Each order the list gives for these days was placed on one of them, in the store's zone.
  for (const o of orders) expect(storeDate(Date.parse(o.placedAt)) >= from && storeDate(Date.parse(o.placedAt)) <= to).toBe(true);
  expect(report.range).toEqual({ from, to });
  expect(report.totals).toMatchObject({
    orders: orders.length,
    revenue: orders.reduce((n, o) => n + o.total, 0),
    units: orders.reduce((n, o) => n + o.units, 0),
  });
  expect(report.totals.net).toBe(report.totals.revenue - report.totals.refunds);
  // Each bucket holds the orders placed on its store days.
  const placedIn = (p: { from: string; to: string }) =>
    orders.filter((o) => storeDate(Date.parse(o.placedAt)) >= p.from && storeDate(Date.parse(o.placedAt)) <= p.to);
  expect(report.series.map((p) => [p.from, p.to, p.orders, p.revenue])).toEqual(
    report.series.map((p) => [p.from, p.to, placedIn(p).length, placedIn(p).reduce((n, o) => n + o.total, 0)]),
  );
  expect(report.series.reduce((n, p) => n + p.revenue, 0)).toBe(report.totals.revenue);
  expect(report.series.reduce((n, p) => n + p.orders, 0)).toBe(report.totals.orders);
  expect(report.series[0]!.from).toBe(from);
  expect(report.series.at(-1)!.to).toBe(to);
  return orders.length;
}

describe('the sales report agrees with the order list to the cent', () => {
  it.each([
    ['today', 0, 0],
    ['yesterday', 1, 1],
    ['a single day a week ago', 7, 7],
    ['the last 7 days', 6, 0],
    ['the last 30 days', 30, 0],
    ['a quarter ending 60 days ago', 150, 60],
  ])('over %s', async (_, back, end) => {
    // The shop is made at the API's now, so every one of these days has orders (today's so far included).
    expect(await reportAgreesWithList(daysBefore(today, back), daysBefore(today, end))).toBeGreaterThan(0);
  });

  it.each([
    ['starts', 23],
    ['ends', 25],
  ])('over the fortnight around the last day daylight saving time %s (a %i-hour store day)', async (_, hours) => {
    let change = daysBefore(today, 7);
    while ((storeDayStartMs(addDays(change, 1)) - storeDayStartMs(change)) / 3_600_000 !== hours) change = daysBefore(change, 1);
    expect(await reportAgreesWithList(daysBefore(change, 6), addDays(change, 6))).toBeGreaterThan(0);
  });

  it('filtered by state, agrees with the order list filtered the same way', async () => {
    const [from, to] = [daysBefore(today, 90), today];
    const ny = await sales({ from, to, state: 'NY' });
    const orders = await listOrders(api, { from, to, state: 'NY' });
    expect(ny.totals.orders).toBe(orders.length);
    expect(ny.totals.revenue).toBe(orders.reduce((n, o) => n + o.total, 0));
  });

  it('filtered by category, counts only that category’s lines (no shipping), and the orders holding one', async () => {
    // Yesterday (every order is read line by line), and its second-best category: the best one's lines lie outside it.
    const [from, to] = [daysBefore(today, 1), daysBefore(today, 1)];
    const byCategory = breakdownSchema.parse(
      expectOk(await api.get('/reports/breakdown', { query: { from, to, by: 'category', limit: 100 } })),
    );
    const categoryId = byCategory.items[1]!.key;
    const inCategory = new Set<string>();
    for (let offset = 0; ; offset += 500) {
      const page = productListResponseSchema.parse(
        expectOk(await api.get('/products', { query: { categoryId, status: 'active,draft,archived', limit: 500, offset } })),
      );
      for (const p of page.items) inCategory.add(p.id);
      if (offset + 500 >= page.total) break;
    }
    const orders = await Promise.all((await listOrders(api, { from, to })).map((o) => getOrder(api, o.id)));
    const lines = orders.flatMap((o) => o.lines.filter((l) => inCategory.has(l.productId)).map((l) => ({ order: o.id, line: l })));
    expect(lines.length).toBeGreaterThan(0);
    const report = await sales({ from, to, categoryId });
    expect(report.totals).toMatchObject({
      revenue: lines.reduce((n, { line }) => n + lineTotal(line), 0),
      units: lines.reduce((n, { line }) => n + line.quantity, 0),
      orders: new Set(lines.map(({ order }) => order)).size,
    });
  });

  it('compares with the same days a year earlier', async () => {
    const [from, to] = [daysBefore(today, 60), daysBefore(today, 30)];
    const report = salesReportSchema.parse(expectOk(await api.get('/reports/sales', { query: { from, to, compare: 'last_year' } })));
    expect(report.comparison).toEqual({ from: yearBefore(from), to: yearBefore(to) });
    const lastYear = await listOrders(api, { from: report.comparison!.from, to: report.comparison!.to });
    expect(report.comparisonTotals?.revenue).toBe(lastYear.reduce((n, o) => n + o.total, 0));
    expect(report.comparisonSeries).toHaveLength(report.series.length);
  });
});

describe('the seeded orders', () => {
  it('ends at the API’s today and starts two years before it (the guard against a seed that does not move with the clock)', async () => {
    const newest = orderListSchema.parse(expectOk(await api.get('/orders', { query: { sort: '-placedAt', limit: 1 } }))).items[0]!;
    const oldest = orderListSchema.parse(expectOk(await api.get('/orders', { query: { sort: 'placedAt', limit: 1 } }))).items[0]!;
    expect(storeDate(Date.parse(newest.placedAt))).toBe(today);
    expect(storeDate(Date.parse(oldest.placedAt)) >= daysBefore(today, 731)).toBe(true);
  });
});

describe('the breakdown', () => {
  it('by state has the report’s totals, and its rows add up to them', async () => {
    const [from, to] = [daysBefore(today, 120), today];
    const report = await sales({ from, to });
    const byState = breakdownSchema.parse(expectOk(await api.get('/reports/breakdown', { query: { from, to, by: 'state', limit: 100 } })));
    expect(byState.totals).toEqual(report.totals);
    expect(byState.items.length).toBe(byState.total);
    expect(byState.items.reduce((n, r) => n + r.revenue, 0)).toBe(report.totals.revenue);
    expect(byState.items.reduce((n, r) => n + r.orders, 0)).toBe(report.totals.orders);
    for (const r of byState.items) expect(r.label).toBe(stateName(r.key));
    const revenue = byState.items.map((r) => r.revenue);
    expect(revenue).toEqual([...revenue].sort((a, b) => b - a));
    // One state's row is that state's report.
    const row = byState.items[0]!;
    expect((await sales({ from, to, state: row.key })).totals).toMatchObject({
      revenue: row.revenue,
      orders: row.orders,
      units: row.units,
    });
  });

  it('by product and by category count lines alike (no shipping), and page', async () => {
    const [from, to] = [daysBefore(today, 120), today];
    const report = await sales({ from, to });
    const byCategory = breakdownSchema.parse(
      expectOk(await api.get('/reports/breakdown', { query: { from, to, by: 'category', sort: 'label' } })),
    );
    expect(byCategory.items.map((r) => r.label)).toEqual([...byCategory.items.map((r) => r.label)].sort());
    const byProduct = breakdownSchema.parse(
      expectOk(await api.get('/reports/breakdown', { query: { from, to, by: 'product', limit: 5 } })),
    );
    expect(byProduct.totals.revenue).toBe(byCategory.totals.revenue);
    expect(byProduct.totals.revenue).toBeLessThan(report.totals.revenue);
    expect(byProduct.items).toHaveLength(5);
    expect(byProduct.total).toBeGreaterThan(5);
  });
});

describe('refunds in reports', () => {
  it('show on the day they are made, at once, leaving revenue as it was', async () => {
    const before = await sales({ from: today, to: today });
    const claim = orderClaimer();
    const order = await claim(api, { status: 'closed', paymentStatus: 'paid', totalMin: 1000 });
    const res = await api.post(`/orders/${order.id}/refunds`, {
      body: { version: order.version, lines: [], shipping: false, amount: 250, restock: false, locationId: null, reason: 'Goodwill' },
      idempotencyKey: newKey(),
    });
    expect(orderSchema.parse(expectOk(res)).refunded).toBe(250);
    const after = await sales({ from: today, to: today });
    expect(after.totals).toMatchObject({
      refunds: before.totals.refunds + 250,
      net: before.totals.net - 250,
      revenue: before.totals.revenue,
    });
  });
});

describe('report requests', () => {
  it('refuse a backwards range (400 on to) and anyone who may not see reports (403)', async () => {
    const problem = expectProblem(await api.get('/reports/sales', { query: { from: today, to: daysBefore(today, 5) } }), 400);
    expect(Object.keys(problem.errors ?? {})).toEqual(['to']);
    const support = await signIn('support');
    expectProblem(await support.get('/reports/sales', { query: { from: today, to: today } }), 403);
    expectProblem(await support.get('/reports/breakdown', { query: { from: today, to: today, by: 'state' } }), 403);
  });
});
