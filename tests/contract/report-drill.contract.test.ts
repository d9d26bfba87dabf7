/**
 * Numbers you can check: every figure equals the totals of the records behind
 * it (the order list, the refunds made, the lines sold), the accountants'
 * summary adds up, profit keeps the cost of the day of the sale, and
 * sell-through is the ledger's. On both backends, for ranges drawn at random
 * (from a fixed seed) and the ones that cross daylight saving time.
 */
import { orderListSchema, orderSchema } from '../../src/contract/order-schemas';
import {
  breakdownSchema,
  profitReportSchema,
  refundRecordListSchema,
  saleLineListSchema,
  salesReportSchema,
  salesSummarySchema,
  sellThroughReportSchema,
  storeClockSchema,
  type ProfitRow,
  type SellThroughRow,
} from '../../src/contract/report-schemas';
import { productToInput } from '../../src/contract/product-input';
import { addDays, sellThroughRate, tenthsOfPercent } from '../../src/domain/report-rules';
import { storeDate, storeDayStartMs } from '../../src/domain/store-time';
import { newKey, signIn, type ApiClient, type Query } from './driver';
import { expectOk, expectProblem, getOrder, getProduct, locationIds, orderClaimer, receive } from './fixtures';

let api: ApiClient;
let today: string;
beforeAll(async () => {
  api = await signIn('manager');
  today = storeClockSchema.parse(expectOk(await api.get('/reports/clock'))).today;
});

const get = async <T>(path: string, query: Query, schema: { parse(v: unknown): T }): Promise<T> =>
  schema.parse(expectOk(await api.get(path, { query })));
const sales = (query: Query) => get('/reports/sales', { compare: 'none', ...query }, salesReportSchema);
const orderTotals = async (query: Query) => (await get('/orders', { ...query, limit: 1 }, orderListSchema)).totals;
const refundTotals = async (query: Query) => (await get('/reports/refunds', { ...query, limit: 1 }, refundRecordListSchema)).totals;
const lineTotals = async (query: Query) => (await get('/reports/lines', { ...query, limit: 1 }, saleLineListSchema)).totals;
const summary = (query: Query) => get('/reports/summary', query, salesSummarySchema);

/** A small deterministic generator, so the "random" ranges are the same on every run and on both backends. */
function seeded(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1_103_515_245 + 12_345) % 2_147_483_648;
    return s / 2_147_483_648;
  };
}

/** The last store day before `before` whose length is `hours` (23 when DST starts, 25 when it ends). */
function dstDay(before: string, hours: number): string {
  let day = addDays(before, -1);
  while ((storeDayStartMs(addDays(day, 1)) - storeDayStartMs(day)) / 3_600_000 !== hours) day = addDays(day, -1);
  return day;
}

/** Ten ranges: the last week (refunds of orders placed before it), both DST changes, and seven drawn at random in the past year. */
function ranges(): [string, string][] {
  const next = seeded(19);
  const out: [string, string][] = [[addDays(today, -6), today]];
  for (const hours of [23, 25]) {
    const change = dstDay(today, hours);
    out.push([addDays(change, -3), addDays(change, 3)]);
  }
  while (out.length < 10) {
    const start = addDays(today, -Math.floor(next() * 360));
    const end = addDays(start, Math.floor(next() * 45));
    out.push([start, end < today ? end : today]);
  }
  return out;
}

describe('each figure equals the totals of the records behind it', () => {
  const NAMES = [
    'the last week',
    'the week daylight saving time starts',
    'the week it ends',
    ...Array.from({ length: 7 }, (_, i) => `random range ${i + 1}`),
  ];
  it.each(NAMES.map((name, i) => [name, i] as const))('over %s', async (_, index) => {
    const [from, to] = ranges()[index]!;
    const [report, orders, refunds, accounts] = await Promise.all([
      sales({ from, to }),
      orderTotals({ from, to }),
      refundTotals({ from, to }),
      summary({ from, to }),
    ]);
    // Revenue, orders and units are the order list's for the days placed; refunds are the refunds made on these days.
    expect(orders).toMatchObject({ orders: report.totals.orders, units: report.totals.units, total: report.totals.revenue });
    expect(refunds.amount).toBe(report.totals.refunds);
    expect(report.totals.orders).toBeGreaterThan(0);
    // The accountants' view adds up, and its total sales are the report's net.
    const t = accounts.totals;
    expect(t.netSales).toBe(t.grossSales - t.discounts - t.returns);
    expect(t.totalSales).toBe(t.netSales + t.shipping + t.taxes);
    expect(t.totalSales).toBe(report.totals.net);
    for (const [i, point] of accounts.series.entries()) {
      expect(point.netSales).toBe(point.grossSales - point.discounts - point.returns);
      expect(point.totalSales).toBe(report.series[i]!.net);
    }
    expect(accounts.series.reduce((n, p) => n + p.grossSales, 0)).toBe(t.grossSales);
    // Gross sales and discounts open the order list: its totals hold them, and its money adds up to its total.
    expect(orders).toMatchObject({ subtotal: t.grossSales, discount: t.discounts });
    expect(orders.subtotal - orders.discount + orders.shipping + orders.tax).toBe(orders.total);
  });

  it('holds under a state filter and under a category filter (lines, no shipping)', async () => {
    const [from, to] = [addDays(today, -29), today];
    const byState = await sales({ from, to, state: 'CA' });
    expect(await orderTotals({ from, to, state: 'CA' })).toMatchObject({ orders: byState.totals.orders, total: byState.totals.revenue });
    expect((await refundTotals({ from, to, state: 'CA' })).amount).toBe(byState.totals.refunds);
    expect((await summary({ from, to, state: 'CA' })).totals.totalSales).toBe(byState.totals.net);

    const categories = await get('/reports/breakdown', { from, to, by: 'category', limit: 100 }, breakdownSchema);
    for (const row of categories.items.slice(0, 2)) {
      const inCategory = await sales({ from, to, categoryId: row.key });
      const lines = await lineTotals({ from, to, categoryId: row.key });
      expect(lines).toMatchObject({ orders: inCategory.totals.orders, units: inCategory.totals.units, revenue: inCategory.totals.revenue });
      expect((await refundTotals({ from, to, categoryId: row.key })).amount).toBe(inCategory.totals.refunds);
      expect(row).toMatchObject({ revenue: inCategory.totals.revenue, refunds: inCategory.totals.refunds });
    }
  });

  it('holds for a product’s and a variant’s breakdown row', async () => {
    const [from, to] = [addDays(today, -89), today];
    const report = await sales({ from, to });
    for (const by of ['product', 'variant'] as const) {
      const rows = await get('/reports/breakdown', { from, to, by, limit: 3, sort: '-refunds' }, breakdownSchema);
      // An order with lines in two rows is one order in the totals, as in the report.
      expect(rows.totals.orders).toBe(report.totals.orders);
      const row = rows.items[0]!;
      const filter = by === 'product' ? { productId: row.key } : { variantId: row.key };
      expect(await lineTotals({ from, to, ...filter })).toMatchObject({ orders: row.orders, units: row.units, revenue: row.revenue });
      expect((await refundTotals({ from, to, ...filter })).amount).toBe(row.refunds);
    }
  });

  it('lists the refunds made in the range, including refunds of orders placed before it, newest first', async () => {
    const [from, to] = [addDays(today, -6), today];
    const list = await get('/reports/refunds', { from, to, limit: 500 }, refundRecordListSchema);
    expect(list.items.length).toBe(Math.min(list.total, 500));
    const days = list.items.map((r) => storeDate(Date.parse(r.at)));
    expect(days.every((d) => d >= from && d <= to)).toBe(true);
    expect(list.items.map((r) => r.at)).toEqual([...list.items.map((r) => r.at)].sort().reverse());
    const older = await Promise.all(list.items.slice(0, 40).map((r) => getOrder(api, r.orderId)));
    expect(older.some((o) => storeDate(Date.parse(o.placedAt)) < from)).toBe(true);
    for (const r of list.items.slice(0, 5)) {
      const order = older.find((o) => o.id === r.orderId)!;
      const refund = order.refunds.find((x) => x.id === r.refundId)!;
      expect(r).toMatchObject({ orderNumber: order.number, amount: refund.amount, reason: refund.reason, by: refund.by });
    }
  });
});

describe('a refund made today', () => {
  it('joins today’s refunds list, and the summary splits it into returns and the tax it gave back', async () => {
    const claim = orderClaimer();
    const order = await claim(api, { status: 'closed', paymentStatus: 'paid', totalMin: 3000 });
    const line = order.lines.find((l) => l.tax > 0 && l.fulfilledQuantity - l.refundedQuantity > 0) ?? order.lines[0]!;
    const before = await summary({ from: today, to: today });
    const res = await api.post(`/orders/${order.id}/refunds`, {
      body: {
        version: order.version,
        lines: [{ lineId: line.id, quantity: 1 }],
        shipping: false,
        amount: 100,
        restock: false,
        locationId: null,
        reason: 'Arrived scratched',
      },
      idempotencyKey: newKey(),
    });
    const after = orderSchema.parse(expectOk(res));
    const refund = after.refunds.at(-1)!;
    const list = await get('/reports/refunds', { from: today, to: today, limit: 500 }, refundRecordListSchema);
    expect(list.items).toContainEqual(
      expect.objectContaining({ orderId: order.id, refundId: refund.id, amount: refund.amount, units: 1, reason: 'Arrived scratched' }),
    );
    const now = await summary({ from: today, to: today });
    // The line's tax share for one unit, as the refund replays it (⌊tax × n / quantity⌋ steps).
    const taxBack =
      Math.floor((line.tax * (line.refundedQuantity + 1)) / line.quantity) - Math.floor((line.tax * line.refundedQuantity) / line.quantity);
    expect(now.totals.taxes).toBe(before.totals.taxes - taxBack);
    expect(now.totals.returns).toBe(before.totals.returns + refund.amount - taxBack);
    expect(now.totals.shipping).toBe(before.totals.shipping);
    expect(now.totals.grossSales).toBe(before.totals.grossSales);
  });
});

describe('profit', () => {
  const profit = (query: Query) => get('/reports/profit', query, profitReportSchema);

  it('adds its rows up to its totals, works margin out in tenths of a percent, and ranks products A, B, C by sales', async () => {
    const [from, to] = [addDays(today, -89), today];
    const byCategory = await profit({ from, to, by: 'category', limit: 500 });
    expect(byCategory.items).toHaveLength(byCategory.total);
    for (const key of ['units', 'sales', 'costedSales', 'cost', 'uncostedUnits', 'grossProfit'] as const) {
      expect(byCategory.items.reduce((n, r) => n + r[key], 0)).toBe(byCategory.totals[key]);
    }
    for (const r of [...byCategory.items, byCategory.totals]) {
      expect(r.grossProfit).toBe(r.costedSales - r.cost);
      expect(r.margin).toBe(tenthsOfPercent(r.grossProfit, r.costedSales));
    }
    // Units are the lines sold; sales are before tax, so below the lines' revenue.
    const lines = await lineTotals({ from, to });
    expect(byCategory.totals.units).toBe(lines.units);
    expect(byCategory.totals.sales).toBeLessThan(lines.revenue);

    const products: ProfitRow[] = [];
    for (let offset = 0; ; offset += 500) {
      const page = await profit({ from, to, by: 'product', limit: 500, offset });
      products.push(...page.items);
      if (offset + 500 >= page.total) break;
    }
    expect(products.map((r) => r.sales)).toEqual([...products.map((r) => r.sales)].sort((a, b) => b - a));
    const classes = products.map((r) => r.abc).join('');
    expect(classes).toMatch(/^A+B*C*$/);
    // A is the first 80 % of sales: the sales before the last A are under 80 % of the whole.
    const whole = products.reduce((n, r) => n + r.sales, 0);
    const lastA = classes.lastIndexOf('A');
    expect(products.slice(0, lastA).reduce((n, r) => n + r.sales, 0) * 100).toBeLessThan(whole * 80);
    expect(products.slice(0, lastA + 1).reduce((n, r) => n + r.sales, 0) * 100).toBeGreaterThanOrEqual(whole * 80);
    expect((await profit({ from, to, by: 'state', limit: 1 })).items[0]!.abc).toBeNull();
    // One class alone: its rows, and their sums as the totals.
    const onlyB = await profit({ from, to, by: 'product', abc: 'B', limit: 500 });
    expect(onlyB.items.map((r) => r.key)).toEqual(products.filter((r) => r.abc === 'B').map((r) => r.key));
    expect(onlyB.totals.sales).toBe(onlyB.items.reduce((n, r) => n + r.sales, 0));
  });

  it('keeps the cost of the day of the sale: a cost changed later does not rewrite it', async () => {
    const [from, to] = [addDays(today, -29), today];
    const top = (await profit({ from, to, by: 'variant', limit: 20 })).items.find((r) => r.uncostedUnits === 0 && r.cost > 0)!;
    const before = await profit({ from, to, by: 'variant', limit: 500 });
    const lines = await get('/reports/lines', { from, to, variantId: top.key, limit: 1 }, saleLineListSchema);
    const product = await getProduct(api, lines.items[0]!.productId);
    const edited = productToInput(product);
    const i = product.variants.findIndex((v) => v.id === top.key);
    edited.variants[i] = { ...edited.variants[i]!, cost: Math.min(edited.variants[i]!.price - 1, (edited.variants[i]!.cost ?? 100) + 50) };
    expectOk(await api.put(`/products/${product.id}`, { body: edited, ifMatch: product.version }));
    const after = await profit({ from, to, by: 'variant', limit: 500 });
    expect(after.items.find((r) => r.key === top.key)).toEqual(before.items.find((r) => r.key === top.key));
  });

  it('refuses a sort it does not know (400) and support (403)', async () => {
    const problem = expectProblem(
      await api.get('/reports/profit', { query: { from: today, to: today, by: 'product', sort: 'price' } }),
      400,
    );
    expect(Object.keys(problem.errors ?? {})).toEqual(['sort']);
    const support = await signIn('support');
    for (const path of [
      '/reports/profit?by=product',
      '/reports/refunds?',
      '/reports/lines?',
      '/reports/summary?',
      '/reports/sell-through?',
    ]) {
      expectProblem(await support.get(`${path}&from=${today}&to=${today}`), 403);
    }
  });
});

describe('sell-through', () => {
  const sellThrough = (query: Query) => get('/reports/sell-through', query, sellThroughReportSchema);

  it('is units sold ÷ (on hand at the start + received), row by row and in total', async () => {
    const [from, to] = [addDays(today, -29), today];
    const rows: SellThroughRow[] = [];
    let report = await sellThrough({ from, to, limit: 1 });
    for (let offset = 0; ; offset += 500) {
      report = await sellThrough({ from, to, limit: 500, offset });
      rows.push(...report.items);
      if (offset + 500 >= report.total) break;
    }
    expect(rows.length).toBe(report.total);
    for (const r of rows.slice(0, 200)) expect(r.rate).toBe(sellThroughRate(r));
    for (const key of ['startOnHand', 'received', 'sold'] as const) expect(rows.reduce((n, r) => n + r[key], 0)).toBe(report.totals[key]);
    expect(report.totals.sold).toBeGreaterThan(0);
    const rates = rows.filter((r) => r.rate !== null).map((r) => r.rate!);
    expect(rates).toEqual([...rates].sort((a, b) => b - a));
  });

  it('counts a receipt made today at its warehouse', async () => {
    const [from, to] = [addDays(today, -6), today];
    const row = (await sellThrough({ from, to, limit: 5, sort: '-sold' })).items[0]!;
    const product = await getProduct(api, row.productId);
    expect((await locationIds(api)).includes(row.locationId)).toBe(true);
    await receive(api, product.variants[0]!.id, row.locationId, 7);
    const after = (await sellThrough({ from, to, limit: 500, locationId: row.locationId, sort: '-sold' })).items.find(
      (r) => r.productId === row.productId,
    )!;
    expect(after).toMatchObject({ startOnHand: row.startOnHand, received: row.received + 7, sold: row.sold });
    expect(after.rate).toBe(sellThroughRate(after));
  });
});
