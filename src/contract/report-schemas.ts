/**
 * The reports part of the contract. The API computes every figure from the
 * orders (the browser never aggregates raw orders); days are store days in
 * America/New_York. Money is integer cents.
 */
import { z } from 'zod';
import { COMPARISONS, GRANULARITIES } from './constants';
import { storeDateSchema } from './order-schemas';
import { queryNumber } from './schemas';

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
    /** For variants, the SKU; for products, the first variant's; empty otherwise. */
    sku: z.string(),
  })
  .meta({ id: 'BreakdownRow' });
export type BreakdownRow = z.infer<typeof breakdownRowSchema>;

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
