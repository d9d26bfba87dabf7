/**
 * Report ranges and buckets, as plain functions: the API buckets with them,
 * the screens label and preset with them, and a server imports them too.
 * Days are store days (America/New_York), written YYYY-MM-DD.
 */
import type {
  AbcClass,
  ProfitMeasures,
  ProfitQuery,
  ProfitReport,
  ProfitRow,
  SalesMeasures,
  SalesSummaryMeasures,
} from '../contract/report-schemas';
import { compareText } from './compare';
import { nextStoreDay } from './store-time';
import type { Comparison, Granularity } from '../contract/constants';

const DAY_MS = 86_400_000;
const toMs = (date: string) => Date.parse(`${date}T00:00:00Z`);
const toDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export function addDays(date: string, days: number): string {
  return toDate(toMs(date) + days * DAY_MS);
}

/** Days from `from` to `to`, both included. */
export function daysIn(from: string, to: string): number {
  return Math.round((toMs(to) - toMs(from)) / DAY_MS) + 1;
}

/** The same calendar day a year earlier; 29 February becomes the 28th. */
export function yearBefore(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  const last = new Date(Date.UTC(y! - 1, m!, 0)).getUTCDate();
  return toDate(Date.UTC(y! - 1, m! - 1, Math.min(d!, last)));
}

/** The period a range is compared with: as long, just before it; or the same dates a year earlier. */
export function comparisonRange(from: string, to: string, comparison: Comparison): { from: string; to: string } | null {
  if (comparison === 'none') return null;
  if (comparison === 'last_year') return { from: yearBefore(from), to: yearBefore(to) };
  const length = daysIn(from, to);
  return { from: addDays(from, -length), to: addDays(from, -1) };
}

/** Days for a month or so, weeks up to half a year, months beyond: a chart of 7 to 60 points. */
export function defaultGranularity(from: string, to: string): Granularity {
  const days = daysIn(from, to);
  return days <= 45 ? 'day' : days <= 190 ? 'week' : 'month';
}

/** The first day of the bucket a day falls in: itself, its week's Monday, or its month's first. */
export function bucketStart(date: string, granularity: Granularity): string {
  if (granularity === 'day') return date;
  if (granularity === 'month') return `${date.slice(0, 7)}-01`;
  const weekday = (new Date(toMs(date)).getUTCDay() + 6) % 7; // Monday = 0
  return addDays(date, -weekday);
}

/** Every bucket of a range, in order, each clipped to the range. */
export function buckets(from: string, to: string, granularity: Granularity): { start: string; from: string; to: string }[] {
  const out: { start: string; from: string; to: string }[] = [];
  for (let day = from; day <= to;) {
    const start = bucketStart(day, granularity);
    let end = day;
    while (nextStoreDay(end) <= to && bucketStart(nextStoreDay(end), granularity) === start) end = nextStoreDay(end);
    out.push({ start, from: day, to: end });
    day = nextStoreDay(end);
  }
  return out;
}

/** Average order value in whole cents, half a cent rounded up; 0 without orders. */
export function averageOrderValue(revenue: number, orders: number): number {
  return orders === 0 ? 0 : Math.floor((2 * revenue + orders) / (2 * orders));
}

/** What a range, a bucket or a breakdown row adds up: the measures every report shows, net and average worked out. */
export type SalesSums = { revenue: number; orders: number; units: number; refunds: number };

export function salesMeasures(s: SalesSums): SalesMeasures {
  return {
    revenue: s.revenue,
    orders: s.orders,
    units: s.units,
    averageOrderValue: averageOrderValue(s.revenue, s.orders),
    refunds: s.refunds,
    net: s.revenue - s.refunds,
  };
}

/** What the accountants' summary adds up, before net and total sales are worked out. */
export type SummarySums = { grossSales: number; discounts: number; returns: number; shipping: number; taxes: number };

/** A set of orders' sums by store day, whole and by state, as a structured clone keeps them (a kept shop's, mocks/shop-snapshot.ts). */
export type DaySums = [day: string, totals: SalesSums & SummarySums, byState: [state: string, sums: SalesSums & SummarySums][]][];

/** net sales = gross − discounts − returns; total sales = net sales + shipping + taxes (the sales report's net). */
export function summaryMeasures({ grossSales, discounts, returns, shipping, taxes }: SummarySums): SalesSummaryMeasures {
  const netSales = grossSales - discounts - returns;
  return { grossSales, discounts, returns, netSales, shipping, taxes, totalSales: netSales + shipping + taxes };
}

/** How one refund moves the summary: its lines' merchandise and any extra amount are returns; shipping and tax come off their own rows. */
export function refundSummary(
  refund: { amount: number; shipping: number },
  parts: readonly { tax: number }[],
): {
  returns: number;
  shipping: number;
  taxes: number;
} {
  let tax = 0;
  for (const p of parts) tax += p.tax;
  return { returns: refund.amount - refund.shipping - tax, shipping: refund.shipping, taxes: tax };
}

/** `part` ÷ `whole` in tenths of a percent, half away from zero; null when the whole is 0. */
export function tenthsOfPercent(part: number, whole: number): number | null {
  if (whole === 0) return null;
  const n = part * 1000;
  const q = Math.floor((2 * Math.abs(n) + whole) / (2 * whole));
  return n < 0 ? -q : q;
}

/** Sell-through: units sold ÷ units there were to sell (on hand at the start + received), in tenths of a percent; null with nothing to sell. */
export function sellThroughRate(r: { startOnHand: number; received: number; sold: number }): number | null {
  const available = r.startOnHand + r.received;
  return available > 0 ? tenthsOfPercent(r.sold, available) : null;
}

/** What the profit report adds up for a row, before gross profit and margin are worked out. */
export type ProfitSums = { units: number; sales: number; costedSales: number; cost: number; uncostedUnits: number };

export function profitMeasures(s: ProfitSums): ProfitMeasures {
  const grossProfit = s.costedSales - s.cost;
  return { ...s, grossProfit, margin: tenthsOfPercent(grossProfit, s.costedSales) };
}

/** What one order line adds to the profit report: sales after its discount, and its cost when it had one. */
export function lineProfit(line: { unitPrice: number; quantity: number; discount: number; unitCost: number | null }): ProfitSums {
  const sales = line.unitPrice * line.quantity - line.discount;
  return line.unitCost === null
    ? { units: line.quantity, sales, costedSales: 0, cost: 0, uncostedUnits: line.quantity }
    : { units: line.quantity, sales, costedSales: sales, cost: line.unitCost * line.quantity, uncostedUnits: 0 };
}

/**
 * ABC classes for rows ranked by sales, largest first: A while the sales before
 * a row are under 80 % of the whole (so the row that crosses 80 % is still A),
 * B under 95 %, C after. Whole-number comparisons, no ratios.
 */
export function abcClasses(salesDescending: readonly number[]): AbcClass[] {
  let whole = 0;
  for (const s of salesDescending) whole += s;
  let before = 0;
  return salesDescending.map((s) => {
    const cls: AbcClass = before * 100 < whole * 80 ? 'A' : before * 100 < whole * 95 ? 'B' : 'C';
    before += s;
    return cls;
  });
}

/**
 * A profit report from its rows (every row of the grouping, unsorted, `abc` null): by product each gets its ABC
 * class over every product (largest sales first, ties by key) before `abc` picks a class; then the sort (rows
 * without a margin last, either way; ties by key), the totals of the rows kept, and the page.
 */
export function profitPage(rows: ProfitRow[], query: Pick<ProfitQuery, 'by' | 'abc' | 'sort' | 'offset' | 'limit'>): ProfitReport {
  let kept = rows;
  if (query.by === 'product') {
    const ranked = [...rows].sort((a, b) => b.sales - a.sales || compareText(a.key, b.key));
    const classes = abcClasses(ranked.map((r) => r.sales));
    ranked.forEach((r, i) => (r.abc = classes[i]!));
    if (query.abc !== undefined) kept = rows.filter((r) => r.abc === query.abc);
  }
  const descending = query.sort.startsWith('-');
  const key = (descending ? query.sort.slice(1) : query.sort) as keyof ProfitMeasures | 'label';
  kept.sort((a, b) => {
    if (key === 'margin' && (a.margin === null) !== (b.margin === null)) return a.margin === null ? 1 : -1;
    const order = key === 'label' ? compareText(a.label.toLowerCase(), b.label.toLowerCase()) : (a[key] ?? 0) - (b[key] ?? 0);
    return (descending ? -order : order) || compareText(a.key, b.key);
  });
  const sums: ProfitSums = { units: 0, sales: 0, costedSales: 0, cost: 0, uncostedUnits: 0 };
  for (const r of kept) {
    sums.units += r.units;
    sums.sales += r.sales;
    sums.costedSales += r.costedSales;
    sums.cost += r.cost;
    sums.uncostedUnits += r.uncostedUnits;
  }
  return { items: kept.slice(query.offset, query.offset + query.limit), total: kept.length, totals: profitMeasures(sums) };
}

export const PRESETS = [
  'today',
  'yesterday',
  'last_7_days',
  'last_30_days',
  'last_90_days',
  'month_to_date',
  'year_to_date',
  'last_year',
] as const;
export type Preset = (typeof PRESETS)[number];

/** A preset's range, given today's store date. */
export function presetRange(preset: Preset, today: string): { from: string; to: string } {
  switch (preset) {
    case 'today':
      return { from: today, to: today };
    case 'yesterday':
      return { from: addDays(today, -1), to: addDays(today, -1) };
    case 'last_7_days':
      return { from: addDays(today, -6), to: today };
    case 'last_30_days':
      return { from: addDays(today, -29), to: today };
    case 'last_90_days':
      return { from: addDays(today, -89), to: today };
    case 'month_to_date':
      return { from: `${today.slice(0, 7)}-01`, to: today };
    case 'year_to_date':
      return { from: `${today.slice(0, 4)}-01-01`, to: today };
    case 'last_year': {
      const year = Number(today.slice(0, 4)) - 1;
      return { from: `${year}-01-01`, to: `${year}-12-31` };
    }
  }
}
