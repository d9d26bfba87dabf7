/**
 * The mock's own reports: its running day sums (mocks/report-index.ts) against a
 * naive scan of every order in the store, seeded refunds included, which no
 * HTTP request can list. What the API's reports answer (agreeing with the order
 * list, filters, comparison, breakdowns, a new refund on its day, 400/403) is
 * held to both backends by tests/contract/reports.contract.test.ts.
 */
import { lineTotal } from '../src/domain/order-rules';
import { addDays } from '../src/domain/report-rules';
import { salesReportSchema } from '../src/contract/report-schemas';
import { storeDate } from '../src/domain/store-time';
import { testClock } from '../tests/clock';
import { mockDb, resetMockDb, server, signInAs } from './node';

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
});
