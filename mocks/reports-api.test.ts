import { lineTotal } from '../src/api/order-rules';
import { orderListSchema, orderSchema, type OrderSummary } from '../src/api/order-schemas';
import { breakdownSchema, salesReportSchema } from '../src/api/report-schemas';
import { storeDate } from '../src/api/store-time';
import { mockDb, resetMockDb, server, signInAs } from './node';
import { testClock } from '../tests/clock';

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());
beforeEach(() => {
  resetMockDb();
  signInAs('manager');
});

async function get(path: string) {
  const res = await fetch(path);
  return { status: res.status, json: (await res.json()) as unknown };
}

async function orderList(query: string): Promise<OrderSummary[]> {
  const rows: OrderSummary[] = [];
  for (let offset = 0; ; offset += 500) {
    const page = orderListSchema.parse((await get(`/api/orders?limit=500&offset=${offset}&${query}`)).json);
    rows.push(...page.items);
    if (rows.length >= page.total) return rows;
  }
}

const day = (iso: string) => storeDate(Date.parse(iso));

describe('the sales report agrees with the order list to the cent', () => {
  it.each([
    ['across the end of daylight saving time', '2026-10-25', '2026-11-07'],
    ['across its start', '2026-03-01', '2026-03-14'],
    ['over a quarter', '2026-08-01', '2026-10-31'],
  ])('%s (%s … %s)', async (_, from, to) => {
    const report = salesReportSchema.parse((await get(`/api/reports/sales?from=${from}&to=${to}&compare=none`)).json);
    const orders = await orderList(`from=${from}&to=${to}`);
    expect(orders.length).toBeGreaterThan(0);
    expect(report.totals.orders).toBe(orders.length);
    expect(report.totals.revenue).toBe(orders.reduce((n, o) => n + o.total, 0));
    expect(report.totals.units).toBe(orders.reduce((n, o) => n + o.units, 0));
    // Refunds count on the day they were made, whenever the order was placed.
    const refunds = [...mockDb().allOrders()]
      .flatMap((o) => o.refunds)
      .filter((r) => day(r.at) >= from && day(r.at) <= to)
      .reduce((n, r) => n + r.amount, 0);
    expect(report.totals.refunds).toBe(refunds);
    expect(report.totals.net).toBe(report.totals.revenue - refunds);
    // The buckets add up to the totals.
    expect(report.series.reduce((n, p) => n + p.revenue, 0)).toBe(report.totals.revenue);
    expect(report.series[0]!.from).toBe(from);
    expect(report.series.at(-1)!.to).toBe(to);
  });

  it('filters by state and by category, and compares with the same days a year earlier', async () => {
    const [from, to] = ['2026-09-01', '2026-11-20'];
    const ny = salesReportSchema.parse((await get(`/api/reports/sales?from=${from}&to=${to}&state=NY&compare=last_year`)).json);
    const nyOrders = await orderList(`from=${from}&to=${to}&state=NY`);
    expect(ny.totals.revenue).toBe(nyOrders.reduce((n, o) => n + o.total, 0));
    expect(ny.comparison).toEqual({ from: '2025-09-01', to: '2025-11-20' });
    const lastYear = await orderList('from=2025-09-01&to=2025-11-20&state=NY');
    expect(ny.comparisonTotals?.revenue).toBe(lastYear.reduce((n, o) => n + o.total, 0));
    expect(ny.comparisonSeries).toHaveLength(ny.series.length);

    const audio = salesReportSchema.parse((await get(`/api/reports/sales?from=${from}&to=${to}&categoryId=audio&compare=none`)).json);
    const db = mockDb();
    const lines = [...db.allOrders()]
      .filter((o) => day(o.placedAt) >= from && day(o.placedAt) <= to)
      .flatMap((o) => o.lines.filter((l) => db.getProduct(l.productId)?.categoryId === 'audio').map((l) => ({ o, l })));
    expect(audio.totals.revenue).toBe(lines.reduce((n, { l }) => n + lineTotal(l), 0));
    expect(audio.totals.orders).toBe(new Set(lines.map(({ o }) => o.id)).size);
  });

  it('breaks the same figures down by state, product and category', async () => {
    const q = 'from=2026-06-01&to=2026-11-25';
    const report = salesReportSchema.parse((await get(`/api/reports/sales?${q}&compare=none`)).json);
    const byState = breakdownSchema.parse((await get(`/api/reports/breakdown?${q}&by=state&limit=100`)).json);
    expect(byState.totals).toEqual(report.totals);
    expect(byState.items[0]!.revenue).toBeGreaterThanOrEqual(byState.items[1]!.revenue);
    expect(byState.items.find((r) => r.key === 'CA')?.label).toBe('California');

    const byCategory = breakdownSchema.parse((await get(`/api/reports/breakdown?${q}&by=category&sort=label`)).json);
    expect(byCategory.items.map((r) => r.label)).toEqual([...byCategory.items.map((r) => r.label)].sort());
    const byProduct = breakdownSchema.parse((await get(`/api/reports/breakdown?${q}&by=product&limit=5`)).json);
    // Products and categories count lines, so shipping (which belongs to no product) is left out of both alike.
    expect(byProduct.totals.revenue).toBe(byCategory.totals.revenue);
    expect(byProduct.totals.revenue).toBeLessThan(report.totals.revenue);
    expect(byProduct.items).toHaveLength(5);
    expect(byProduct.total).toBeGreaterThan(5);
  });

  it('shows a refund on the day it is made, at once', async () => {
    const today = storeDate(testClock());
    const before = salesReportSchema.parse((await get(`/api/reports/sales?from=${today}&to=${today}&compare=none`)).json);
    const order = [...mockDb().allOrders()].find((o) => o.status === 'closed' && o.refunded === 0)!;
    const res = await fetch(`/api/orders/${order.id}/refunds`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': 'report-refund' },
      body: JSON.stringify({
        version: order.version,
        lines: [],
        shipping: false,
        amount: 250,
        restock: false,
        locationId: null,
        reason: 'Goodwill',
      }),
    });
    expect(orderSchema.parse(await res.json()).refunded).toBe(250);
    const after = salesReportSchema.parse((await get(`/api/reports/sales?from=${today}&to=${today}&compare=none`)).json);
    expect(after.totals.refunds).toBe(before.totals.refunds + 250);
    expect(after.totals.net).toBe(before.totals.net - 250);
    expect(after.totals.revenue).toBe(before.totals.revenue);
  });

  it('refuses a backwards range and answers only people who may see reports', async () => {
    const backwards = await get('/api/reports/sales?from=2026-11-20&to=2026-11-01');
    expect(backwards.status).toBe(400);
    signInAs('support');
    expect((await get('/api/reports/sales?from=2026-11-01&to=2026-11-20')).status).toBe(403);
  });
});
