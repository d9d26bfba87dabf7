/**
 * The dashboard's and the reports page's views as they live in the URL. zod/mini,
 * because the shell's router reads them before any screen (and the full zod) has loaded.
 * A range is a preset (`range=last_90_days`) or two store days (`from`, `to`);
 * without either it is the last 30 days. Granularity left out is the API's choice.
 */
import * as z from 'zod/mini';
import { pageParam, pageSizeParam } from '@/components/data-table/list-search';
import type { Comparison, Granularity } from '@/contract/constants';
import type { AbcClass } from '@/contract/report-schemas';
import type { Preset } from '@/domain/report-rules';

/**
 * The report rules' lists (src/domain/report-rules.ts), written out: that module brings the
 * store's clock arithmetic, which the shell need not load. A test checks they agree.
 */
export const RANGE_PRESETS = [
  'today',
  'yesterday',
  'last_7_days',
  'last_30_days',
  'last_90_days',
  'month_to_date',
  'year_to_date',
  'last_year',
] as const satisfies readonly Preset[];
export const RANGE_COMPARISONS = ['previous', 'last_year', 'none'] as const satisfies readonly Comparison[];
export const RANGE_GRANULARITIES = ['day', 'week', 'month'] as const satisfies readonly Granularity[];

/** The API's breakdowns and sort keys (src/contract/report-schemas.ts), written out so the shell needs no full zod. */
export const BREAKDOWN_KINDS = ['product', 'variant', 'category', 'state'] as const;
export type BreakdownKind = (typeof BREAKDOWN_KINDS)[number];
const BREAKDOWN_SORT_VALUES = [
  '-revenue',
  'revenue',
  '-orders',
  'orders',
  '-units',
  'units',
  '-refunds',
  'refunds',
  '-net',
  'net',
  'label',
  '-label',
] as const;
export type BreakdownSort = (typeof BREAKDOWN_SORT_VALUES)[number];

const day = z.string().check(
  z.regex(/^\d{4}-\d{2}-\d{2}$/),
  z.refine((v) => !Number.isNaN(Date.parse(v)) && new Date(v).toISOString().startsWith(v)),
);

const rangeShape = {
  range: z.optional(z.enum(RANGE_PRESETS)),
  from: z.optional(day),
  to: z.optional(day),
  compare: z._default(z.enum(RANGE_COMPARISONS), 'previous'),
  granularity: z.optional(z.enum(RANGE_GRANULARITIES)),
};

export const dashboardSearchSchema = z.object(rangeShape);
export type DashboardSearch = z.infer<typeof dashboardSearchSchema>;
export const DASHBOARD_DEFAULTS = { compare: 'previous' } as const satisfies Partial<DashboardSearch>;

export const reportsSearchSchema = z.object({
  ...rangeShape,
  by: z._default(z.enum(BREAKDOWN_KINDS), 'product'),
  categoryId: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(100))),
  state: z.optional(z.string().check(z.regex(/^[A-Z]{2}$/))),
  sort: z._default(z.enum(BREAKDOWN_SORT_VALUES), '-revenue'),
  page: pageParam,
  pageSize: pageSizeParam(),
});
export type ReportsSearch = z.infer<typeof reportsSearchSchema>;
export const REPORTS_DEFAULTS = {
  compare: 'previous',
  by: 'product',
  sort: '-revenue',
  page: 1,
  pageSize: 25,
} as const satisfies Partial<ReportsSearch>;

export type RangeView = Pick<DashboardSearch, 'range' | 'from' | 'to' | 'compare' | 'granularity'>;

// ---------------------------------------------------------------- the records behind a figure, and the other reports

const id = z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(100)));
const stateCode = z.optional(z.string().check(z.regex(/^[A-Z]{2}$/)));

/** What a drill-down names besides the range: the report's filters, and one product or variant. */
const drillShape = {
  ...rangeShape,
  categoryId: id,
  state: stateCode,
  productId: id,
  variantId: id,
  page: pageParam,
  pageSize: pageSizeParam(),
};

/** The API's sort keys (src/contract/report-schemas.ts REFUND_RECORD_SORTS and friends), written out for the shell. */
export const REFUND_LIST_SORTS = ['-at', 'at', '-amount', 'amount'] as const;
export type RefundListSort = (typeof REFUND_LIST_SORTS)[number];
export const refundListSearchSchema = z.object({ ...drillShape, sort: z._default(z.enum(REFUND_LIST_SORTS), '-at') });
export type RefundListSearch = z.infer<typeof refundListSearchSchema>;
export const REFUND_LIST_DEFAULTS = {
  compare: 'previous',
  sort: '-at',
  page: 1,
  pageSize: 25,
} as const satisfies Partial<RefundListSearch>;

export const SALE_LINE_SORTS = ['-placedAt', 'placedAt', '-revenue', 'revenue', '-quantity', 'quantity'] as const;
export type SaleLineSort = (typeof SALE_LINE_SORTS)[number];
export const saleLineSearchSchema = z.object({ ...drillShape, sort: z._default(z.enum(SALE_LINE_SORTS), '-placedAt') });
export type SaleLineSearch = z.infer<typeof saleLineSearchSchema>;
export const SALE_LINE_DEFAULTS = {
  compare: 'previous',
  sort: '-placedAt',
  page: 1,
  pageSize: 25,
} as const satisfies Partial<SaleLineSearch>;

export const summarySearchSchema = z.object({ ...rangeShape, state: stateCode });
export type SummarySearch = z.infer<typeof summarySearchSchema>;
export const SUMMARY_DEFAULTS = { compare: 'previous' } as const satisfies Partial<SummarySearch>;

export const PROFIT_SORTS = [
  '-sales',
  'sales',
  '-cost',
  'cost',
  '-grossProfit',
  'grossProfit',
  '-margin',
  'margin',
  '-units',
  'units',
  'label',
  '-label',
] as const;
export type ProfitSort = (typeof PROFIT_SORTS)[number];
/** The report rules' ABC classes (src/contract/report-schemas.ts ABC_CLASSES), written out for the shell. */
export const ABC_CLASS_VALUES = ['A', 'B', 'C'] as const satisfies readonly AbcClass[];
export const profitSearchSchema = z.object({
  ...rangeShape,
  by: z._default(z.enum(BREAKDOWN_KINDS), 'product'),
  categoryId: id,
  state: stateCode,
  /** By product only: the products of one ABC class. */
  abc: z.optional(z.enum(ABC_CLASS_VALUES)),
  sort: z._default(z.enum(PROFIT_SORTS), '-sales'),
  page: pageParam,
  pageSize: pageSizeParam(),
});
export type ProfitSearch = z.infer<typeof profitSearchSchema>;
export const PROFIT_DEFAULTS = {
  compare: 'previous',
  by: 'product',
  sort: '-sales',
  page: 1,
  pageSize: 25,
} as const satisfies Partial<ProfitSearch>;

export const SELL_THROUGH_SORTS = ['-rate', 'rate', '-sold', 'sold', '-received', 'received', 'title', '-title'] as const;
export type SellThroughSort = (typeof SELL_THROUGH_SORTS)[number];
export const sellThroughSearchSchema = z.object({
  ...rangeShape,
  categoryId: id,
  locationId: id,
  sort: z._default(z.enum(SELL_THROUGH_SORTS), '-rate'),
  page: pageParam,
  pageSize: pageSizeParam(),
});
export type SellThroughSearch = z.infer<typeof sellThroughSearchSchema>;
export const SELL_THROUGH_DEFAULTS = {
  compare: 'previous',
  sort: '-rate',
  page: 1,
  pageSize: 25,
} as const satisfies Partial<SellThroughSearch>;
