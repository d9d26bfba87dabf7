/**
 * The reports part of the contract. The API computes every figure from the
 * orders (the browser never aggregates raw orders); days are store days in
 * America/New_York. Money is integer cents.
 */
import { z } from 'zod';
import { COMPARISONS, GRANULARITIES } from './constants';
import { storeDateSchema } from './order-schemas';
import { isoDateTimeSchema, queryNumber } from './schemas';

/** A sum of many orders: whole cents with no upper bound (a single price stops at $1,000,000; a year of sales does not). */
const totalCents = z.number().int('Use whole cents').min(0);

/**
 * revenue: what customers were charged for orders placed in the period (order totals:
 * merchandise after discounts, shipping and tax), cancelled orders included;
 * refunds: money returned in the period, on the day it was returned; net = revenue − refunds.
 * With a category filter, revenue and refunds count only that category's lines (no shipping).
 */
export const salesMeasuresSchema = z
  .object({
    revenue: totalCents,
    orders: z.number().int().min(0),
    units: z.number().int().min(0),
    averageOrderValue: totalCents,
    refunds: totalCents,
    net: z.number().int(),
  })
  .meta({ id: 'SalesMeasures' });
export type SalesMeasures = z.infer<typeof salesMeasuresSchema>;

const rangeSchema = z.object({ from: storeDateSchema, to: storeDateSchema });

export const salesPointSchema = salesMeasuresSchema.extend({
  /** The bucket's first day (a Monday for weeks, the 1st for months), and the days of the range it covers. */
  start: storeDateSchema,
  from: storeDateSchema,
  to: storeDateSchema,
});
export type SalesPoint = z.infer<typeof salesPointSchema>;

export const salesReportSchema = z
  .object({
    range: rangeSchema,
    comparison: rangeSchema.nullable(),
    granularity: z.enum(GRANULARITIES),
    totals: salesMeasuresSchema,
    comparisonTotals: salesMeasuresSchema.nullable(),
    series: z.array(salesPointSchema),
    /** The comparison period's buckets, aligned by position with `series`. */
    comparisonSeries: z.array(salesPointSchema).nullable(),
  })
  .meta({ id: 'SalesReport' });
export type SalesReport = z.infer<typeof salesReportSchema>;

const reportFilters = {
  from: storeDateSchema,
  to: storeDateSchema,
  categoryId: z.string().min(1).optional(),
  state: z
    .string()
    .regex(/^[A-Z]{2}$/, 'Use a two-letter state code')
    .optional(),
};

function checkRange(v: { from: string; to: string }, ctx: z.RefinementCtx) {
  if (v.from > v.to) ctx.addIssue({ code: 'custom', path: ['to'], message: 'The range ends before it starts' });
  else if (Date.parse(v.to) - Date.parse(v.from) > 3 * 366 * 86_400_000) {
    ctx.addIssue({ code: 'custom', path: ['to'], message: 'Ask for three years at most' });
  }
}

export const salesReportQuerySchema = z
  .object({
    ...reportFilters,
    granularity: z.enum(GRANULARITIES).optional(),
    compare: z.enum(COMPARISONS).default('previous'),
  })
  .superRefine(checkRange);
export type SalesReportQuery = z.infer<typeof salesReportQuerySchema>;

export const BREAKDOWNS = ['product', 'variant', 'category', 'state'] as const;
export type Breakdown = (typeof BREAKDOWNS)[number];
export const BREAKDOWN_SORT_KEYS = ['revenue', 'orders', 'units', 'refunds', 'net', 'label'] as const;

/** One row of a breakdown: a product, a variant, a category or a state. */
export const breakdownRowSchema = salesMeasuresSchema
  .extend({
    key: z.string(),
    label: z.string(),
    /** For variants, the SKU; empty otherwise. */
    sku: z.string(),
  })
  .meta({ id: 'BreakdownRow' });
export type BreakdownRow = z.infer<typeof breakdownRowSchema>;

/** `totals` are the report's figures for the same filters: `orders` counts each order once, however many rows it is in. */
export const breakdownSchema = z
  .object({ items: z.array(breakdownRowSchema), total: z.number().int().min(0), totals: salesMeasuresSchema })
  .meta({ id: 'SalesBreakdown' });
export type SalesBreakdown = z.infer<typeof breakdownSchema>;

export const breakdownQuerySchema = z
  .object({
    ...reportFilters,
    by: z.enum(BREAKDOWNS),
    sort: z.enum(BREAKDOWN_SORT_KEYS.flatMap((k) => [k, `-${k}`] as const)).default('-revenue'),
    offset: queryNumber(z.number().int().min(0)).default(0),
    limit: queryNumber(z.number().int().min(1).max(500)).default(10),
  })
  .superRefine(checkRange);
export type BreakdownQuery = z.infer<typeof breakdownQuerySchema>;

/** The store's "today", so presets mean the same days for everyone, wherever they sit. */
export const storeClockSchema = z.object({ today: storeDateSchema, timeZone: z.string() }).meta({ id: 'StoreClock' });

// ---------------------------------------------------------------- drill-down: the records behind a figure

/** The report filters, and one product or variant: what a breakdown row or a chart point opens. */
const drillFilters = {
  ...reportFilters,
  productId: z.string().min(1).optional(),
  variantId: z.string().min(1).optional(),
};
const drillPage = {
  offset: queryNumber(z.number().int().min(0)).default(0),
  limit: queryNumber(z.number().int().min(1).max(500)).default(50),
};

const personSchema = z.object({ id: z.string(), name: z.string() });

/**
 * A refund made in the range: the records behind the Refunds figure. With a
 * category, product or variant filter, `amount` is what the refund returned for
 * those lines only (no shipping, no extra amount), as the filtered figure counts.
 */
export const refundRecordSchema = z
  .object({
    orderId: z.string(),
    orderNumber: z.number().int(),
    refundId: z.string(),
    at: isoDateTimeSchema,
    /** The order's shipping state. */
    state: z.string(),
    amount: totalCents,
    /** Units the refund named (under a filter, of the lines that match). */
    units: z.number().int().min(0),
    shipping: totalCents,
    restock: z.boolean(),
    reason: z.string(),
    by: personSchema,
  })
  .meta({ id: 'RefundRecord' });
export type RefundRecord = z.infer<typeof refundRecordSchema>;

export const refundRecordListSchema = z
  .object({
    items: z.array(refundRecordSchema),
    total: z.number().int().min(0),
    /** Over every matching refund, not just the page: `amount` equals the report's Refunds for the same filters. */
    totals: z.object({ refunds: z.number().int().min(0), amount: totalCents, units: z.number().int().min(0) }),
  })
  .meta({ id: 'RefundRecordList' });
export type RefundRecordList = z.infer<typeof refundRecordListSchema>;

export const REFUND_RECORD_SORTS = ['at', '-at', 'amount', '-amount'] as const;
export const refundRecordQuerySchema = z
  .object({ ...drillFilters, ...drillPage, sort: z.enum(REFUND_RECORD_SORTS).default('-at') })
  .superRefine(checkRange);
export type RefundRecordQuery = z.infer<typeof refundRecordQuerySchema>;

/** An order line placed in the range: the records behind a filtered Revenue, Orders or Units figure. */
export const saleLineSchema = z
  .object({
    orderId: z.string(),
    orderNumber: z.number().int(),
    placedAt: isoDateTimeSchema,
    state: z.string(),
    lineId: z.string(),
    productId: z.string(),
    variantId: z.string(),
    sku: z.string(),
    title: z.string(),
    variantTitle: z.string(),
    quantity: z.number().int().min(1),
    /** What the customer paid for the line: units × price − its discount + its tax. */
    revenue: totalCents,
  })
  .meta({ id: 'SaleLine' });
export type SaleLine = z.infer<typeof saleLineSchema>;

export const saleLineListSchema = z
  .object({
    items: z.array(saleLineSchema),
    total: z.number().int().min(0),
    /** Over every matching line: revenue, distinct orders and units equal the report's figures for the same filters. */
    totals: z.object({
      lines: z.number().int().min(0),
      orders: z.number().int().min(0),
      units: z.number().int().min(0),
      revenue: totalCents,
    }),
  })
  .meta({ id: 'SaleLineList' });
export type SaleLineList = z.infer<typeof saleLineListSchema>;

export const SALE_LINE_SORTS = ['placedAt', '-placedAt', 'revenue', '-revenue', 'quantity', '-quantity'] as const;
export const saleLineQuerySchema = z
  .object({ ...drillFilters, ...drillPage, sort: z.enum(SALE_LINE_SORTS).default('-placedAt') })
  .superRefine(checkRange);
export type SaleLineQuery = z.infer<typeof saleLineQuerySchema>;

// ---------------------------------------------------------------- the sales summary, as accountants read it

/**
 * grossSales: units × price of orders placed in the period; discounts: their discounts;
 * returns: what refunds made in the period returned for merchandise (after its discount, before tax),
 * with any extra amount refunded; netSales = grossSales − discounts − returns;
 * shipping: charged on orders placed, less shipping refunded in the period; taxes: likewise;
 * totalSales = netSales + shipping + taxes, which is the sales report's net (revenue − refunds).
 */
export const salesSummaryMeasuresSchema = z
  .object({
    grossSales: totalCents,
    discounts: totalCents,
    returns: totalCents,
    netSales: z.number().int(),
    shipping: z.number().int(),
    taxes: z.number().int(),
    totalSales: z.number().int(),
  })
  .meta({ id: 'SalesSummaryMeasures' });
export type SalesSummaryMeasures = z.infer<typeof salesSummaryMeasuresSchema>;

export const salesSummarySchema = z
  .object({
    range: rangeSchema,
    granularity: z.enum(GRANULARITIES),
    totals: salesSummaryMeasuresSchema,
    series: z.array(salesSummaryMeasuresSchema.extend({ start: storeDateSchema, from: storeDateSchema, to: storeDateSchema })),
  })
  .meta({ id: 'SalesSummary' });
export type SalesSummary = z.infer<typeof salesSummarySchema>;

export const salesSummaryQuerySchema = z
  .object({ from: storeDateSchema, to: storeDateSchema, state: reportFilters.state, granularity: z.enum(GRANULARITIES).optional() })
  .superRefine(checkRange);
export type SalesSummaryQuery = z.infer<typeof salesSummaryQuerySchema>;

// ---------------------------------------------------------------- profit

export const ABC_CLASSES = ['A', 'B', 'C'] as const;
export type AbcClass = (typeof ABC_CLASSES)[number];

/**
 * One row of the profit report, over the lines of orders placed in the range.
 * sales: units × price − discount (no tax, no shipping); cost: units × the
 * variant's cost when the order was placed, over the lines that had one;
 * grossProfit = costedSales − cost, where costedSales are the sales of those
 * lines; margin = grossProfit ÷ costedSales in tenths of a percent (null
 * without costed sales). Refunds are not deducted: see Returns in the summary.
 */
export const profitMeasuresSchema = z
  .object({
    units: z.number().int().min(0),
    sales: totalCents,
    costedSales: totalCents,
    cost: totalCents,
    grossProfit: z.number().int(),
    margin: z.number().int().nullable(),
    /** Units sold of variants that had no cost then: left out of cost and profit. */
    uncostedUnits: z.number().int().min(0),
  })
  .meta({ id: 'ProfitMeasures' });
export type ProfitMeasures = z.infer<typeof profitMeasuresSchema>;

export const profitRowSchema = profitMeasuresSchema
  .extend({
    key: z.string(),
    label: z.string(),
    sku: z.string(),
    /**
     * By product only: A for the products that make the first 80 % of sales (ranked by sales, largest first),
     * B for the next 15 %, C for the rest; null for other groupings.
     */
    abc: z.enum(ABC_CLASSES).nullable(),
  })
  .meta({ id: 'ProfitRow' });
export type ProfitRow = z.infer<typeof profitRowSchema>;

export const profitReportSchema = z
  .object({ items: z.array(profitRowSchema), total: z.number().int().min(0), totals: profitMeasuresSchema })
  .meta({ id: 'ProfitReport' });
export type ProfitReport = z.infer<typeof profitReportSchema>;

export const PROFIT_SORT_KEYS = ['sales', 'cost', 'grossProfit', 'margin', 'units', 'label'] as const;
export const profitQuerySchema = z
  .object({
    ...reportFilters,
    by: z.enum(BREAKDOWNS),
    /** By product only: the rows of one ABC class (classes are worked out over every product first). */
    abc: z.enum(ABC_CLASSES).optional(),
    sort: z.enum(PROFIT_SORT_KEYS.flatMap((k) => [k, `-${k}`] as const)).default('-sales'),
    offset: queryNumber(z.number().int().min(0)).default(0),
    limit: queryNumber(z.number().int().min(1).max(500)).default(10),
  })
  .superRefine(checkRange);
export type ProfitQuery = z.infer<typeof profitQuerySchema>;

// ---------------------------------------------------------------- sell-through

/**
 * Per product and warehouse: units sold (shipped from it) in the range ÷ units
 * it had to sell (on hand at the start of the range + received in the range),
 * in tenths of a percent; null when it had none. From the stock ledger.
 */
export const sellThroughRowSchema = z
  .object({
    productId: z.string(),
    title: z.string(),
    locationId: z.string(),
    startOnHand: z.number().int(),
    received: z.number().int().min(0),
    sold: z.number().int().min(0),
    rate: z.number().int().nullable(),
  })
  .meta({ id: 'SellThroughRow' });
export type SellThroughRow = z.infer<typeof sellThroughRowSchema>;

export const sellThroughReportSchema = z
  .object({
    items: z.array(sellThroughRowSchema),
    total: z.number().int().min(0),
    totals: sellThroughRowSchema.pick({ startOnHand: true, received: true, sold: true, rate: true }),
  })
  .meta({ id: 'SellThroughReport' });
export type SellThroughReport = z.infer<typeof sellThroughReportSchema>;

export const SELL_THROUGH_SORT_KEYS = ['rate', 'sold', 'received', 'title'] as const;
export const sellThroughQuerySchema = z
  .object({
    from: storeDateSchema,
    to: storeDateSchema,
    categoryId: reportFilters.categoryId,
    locationId: z.string().min(1).optional(),
    sort: z.enum(SELL_THROUGH_SORT_KEYS.flatMap((k) => [k, `-${k}`] as const)).default('-rate'),
    offset: queryNumber(z.number().int().min(0)).default(0),
    limit: queryNumber(z.number().int().min(1).max(500)).default(25),
  })
  .superRefine(checkRange);
export type SellThroughQuery = z.infer<typeof sellThroughQuerySchema>;
