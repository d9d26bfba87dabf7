/**
 * The contract of bulk pricing, price history and product import: shared by
 * the client (to parse answers), the mock (to validate requests) and a real
 * server. Money is integer cents; percents are basis points (20 % = 2000).
 */
import { z } from 'zod';
import { COMPARE_AT_MODES, PRICE_ENDINGS, PRICE_FLAGS, PRICE_OPS, PRICE_UNITS } from './constants';
import { MAX_CENTS, PRODUCT_STATUSES } from './constants';
import { isoDateTimeSchema, listResponseSchema, queryNumber } from './schemas';

const cents = z.number().int('Use whole cents').min(0, 'Must not be negative').max(MAX_CENTS, 'Must be under $1,000,000');

export const priceChangeSchema = z
  .object({
    op: z.enum(PRICE_OPS),
    unit: z.enum(PRICE_UNITS),
    /** Cents for amounts, basis points for percents. */
    value: z.number().int().min(0, 'Must not be negative').max(MAX_CENTS),
    ending: z.enum(PRICE_ENDINGS),
    compareAt: z.enum(COMPARE_AT_MODES),
    minMarginBp: z.number().int().min(0).max(9_900, 'A margin must be under 99 %').nullable(),
  })
  .superRefine((c, ctx) => {
    if (c.op === 'set' && c.value < 1) ctx.addIssue({ code: 'custom', path: ['value'], message: 'Enter a price above $0.00' });
    if (c.op === 'set' && c.unit !== 'amount') ctx.addIssue({ code: 'custom', path: ['unit'], message: 'Set a price as an amount' });
    if (c.op === 'lower' && c.unit === 'percent' && c.value > 10_000)
      ctx.addIssue({ code: 'custom', path: ['value'], message: 'Lower by at most 100 %' });
    if (c.op !== 'keep' && c.op !== 'set' && c.value === 0)
      ctx.addIssue({ code: 'custom', path: ['value'], message: 'Enter how much to change' });
    if (c.op === 'keep' && c.compareAt === 'keep') ctx.addIssue({ code: 'custom', path: ['op'], message: 'Choose a change' });
  })
  .meta({ id: 'PriceChange' });
export type PriceChangeInput = z.infer<typeof priceChangeSchema>;

/** Which variants: those of chosen products, or of every product matching a filter (as the product list filters). */
export const priceSelectionSchema = z
  .discriminatedUnion('kind', [
    z.object({
      kind: z.literal('products'),
      ids: z.array(z.string().min(1)).min(1, 'Select at least one product').max(500, 'Up to 500 products at a time'),
    }),
    z.object({
      kind: z.literal('filter'),
      q: z.string().trim().min(1).max(200).optional(),
      status: z.array(z.enum(PRODUCT_STATUSES)).min(1).optional(),
      categoryId: z.string().min(1).optional(),
      tag: z.string().min(1).optional(),
      priceMin: cents.optional(),
      priceMax: cents.optional(),
    }),
  ])
  .meta({ id: 'PriceSelection' });
export type PriceSelection = z.infer<typeof priceSelectionSchema>;

export const pricePointSchema = z
  .object({ price: z.number().int(), compareAtPrice: z.number().int().nullable() })
  .meta({ id: 'PricePoint' });

export const pricePreviewInputSchema = z
  .object({
    selection: priceSelectionSchema,
    change: priceChangeSchema,
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(500).default(25),
    /** Only the rows with a flag. */
    flaggedOnly: z.boolean().default(false),
  })
  .meta({ id: 'PricePreviewInput' });
export type PricePreviewInput = z.input<typeof pricePreviewInputSchema>;

export const pricePreviewRowSchema = z
  .object({
    productId: z.string(),
    variantId: z.string(),
    sku: z.string(),
    title: z.string(),
    cost: z.number().int().nullable(),
    from: pricePointSchema,
    to: pricePointSchema,
    marginBefore: z.number().int().nullable(),
    marginAfter: z.number().int().nullable(),
    flags: z.array(z.enum(PRICE_FLAGS)),
    floored: z.boolean(),
  })
  .meta({ id: 'PricePreviewRow' });
export type PricePreviewRow = z.infer<typeof pricePreviewRowSchema>;

export const priceTotalsSchema = z
  .object({
    variants: z.number().int(),
    changed: z.number().int(),
    flagged: z.number().int(),
    floored: z.number().int(),
    marginBefore: z.number().int().nullable(),
    marginAfter: z.number().int().nullable(),
  })
  .meta({ id: 'PriceTotals' });

export const pricePreviewSchema = listResponseSchema(pricePreviewRowSchema)
  .extend({ totals: priceTotalsSchema })
  .meta({ id: 'PricePreview' });
export type PricePreview = z.infer<typeof pricePreviewSchema>;

export const priceBatchInputSchema = z
  .object({
    label: z.string().trim().min(1, 'Name the change, e.g. “Black Friday audio sale”').max(100),
    selection: priceSelectionSchema,
    change: priceChangeSchema,
    /** Leave the flagged variants as they are; otherwise a single flag refuses the whole batch. */
    skipFlagged: z.boolean().default(false),
    /** Null: now. */
    startsAt: isoDateTimeSchema.nullable().default(null),
    /** When prices return to what they were; null: never. */
    endsAt: isoDateTimeSchema.nullable().default(null),
  })
  .superRefine((b, ctx) => {
    if (b.endsAt !== null && b.startsAt !== null && Date.parse(b.endsAt) <= Date.parse(b.startsAt))
      ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'End after the start' });
  })
  .meta({ id: 'PriceBatchInput' });
export type PriceBatchInput = z.input<typeof priceBatchInputSchema>;

export const PRICE_BATCH_STATUSES = ['scheduled', 'applied', 'ended', 'reverted'] as const;
export type PriceBatchStatus = (typeof PRICE_BATCH_STATUSES)[number];

export const priceConflictSchema = z
  .object({
    variantId: z.string(),
    sku: z.string(),
    title: z.string(),
    /** What the batch left, and what the variant has now. */
    expected: pricePointSchema,
    current: pricePointSchema.nullable(),
  })
  .meta({ id: 'PriceConflict' });
export type PriceConflict = z.infer<typeof priceConflictSchema>;

/** What the last step of a batch (start, end, revert) did. */
export const priceBatchReportSchema = z
  .object({
    step: z.enum(['start', 'end', 'revert']),
    at: isoDateTimeSchema,
    changed: z.number().int(),
    conflicts: z.array(priceConflictSchema),
  })
  .meta({ id: 'PriceBatchReport' });

export const priceBatchSchema = z
  .object({
    id: z.string(),
    label: z.string(),
    status: z.enum(PRICE_BATCH_STATUSES),
    change: priceChangeSchema,
    createdAt: isoDateTimeSchema,
    createdBy: z.object({ id: z.string(), name: z.string() }),
    startsAt: isoDateTimeSchema,
    endsAt: isoDateTimeSchema.nullable(),
    revertedAt: isoDateTimeSchema.nullable(),
    variantCount: z.number().int(),
    skipped: z.number().int(),
    reports: z.array(priceBatchReportSchema),
    version: z.number().int().min(1),
  })
  .meta({ id: 'PriceBatch' });
export type PriceBatch = z.infer<typeof priceBatchSchema>;
export const priceBatchListSchema = listResponseSchema(priceBatchSchema).meta({ id: 'PriceBatchList' });

export const PRICE_BATCH_SORTS = ['createdAt', '-createdAt', 'startsAt', '-startsAt'] as const;

export const priceBatchListQuerySchema = z.object({
  offset: queryNumber(z.number().int().min(0)).default(0),
  limit: queryNumber(z.number().int().min(1).max(500)).default(25),
  sort: z.enum(PRICE_BATCH_SORTS).default('-createdAt'),
  status: z.enum(PRICE_BATCH_STATUSES).optional(),
});
export type PriceBatchListQuery = z.infer<typeof priceBatchListQuerySchema>;

export const priceBatchItemSchema = z
  .object({
    productId: z.string(),
    variantId: z.string(),
    sku: z.string(),
    title: z.string(),
    from: pricePointSchema,
    to: pricePointSchema,
  })
  .meta({ id: 'PriceBatchItem' });
export type PriceBatchItem = z.infer<typeof priceBatchItemSchema>;
export const priceBatchItemListSchema = listResponseSchema(priceBatchItemSchema).meta({ id: 'PriceBatchItemList' });

export const pageQuerySchema = z.object({
  offset: queryNumber(z.number().int().min(0)).default(0),
  limit: queryNumber(z.number().int().min(1).max(500)).default(25),
});

export const priceHistoryEntrySchema = z
  .object({
    id: z.string(),
    at: isoDateTimeSchema,
    productId: z.string(),
    variantId: z.string(),
    sku: z.string(),
    title: z.string(),
    batchId: z.string().nullable(),
    batchLabel: z.string().nullable(),
    actor: z.object({ id: z.string(), name: z.string() }),
    action: z.string(),
    from: pricePointSchema.nullable(),
    to: pricePointSchema,
  })
  .meta({ id: 'PriceHistoryEntry' });
export type PriceHistoryEntry = z.infer<typeof priceHistoryEntrySchema>;
export const priceHistoryListSchema = listResponseSchema(priceHistoryEntrySchema).meta({ id: 'PriceHistoryList' });

export const priceHistoryQuerySchema = pageQuerySchema.extend({
  sku: z.string().trim().min(1).max(40).optional(),
  variantId: z.string().min(1).optional(),
});
export type PriceHistoryQuery = z.infer<typeof priceHistoryQuerySchema>;

// ---------------------------------------------------------------- CSV import

export const productImportInputSchema = z
  .object({
    csv: z.string().min(1, 'Choose a CSV file').max(5_000_000, 'Up to 5 MB at a time'),
    dryRun: z.boolean(),
  })
  .meta({ id: 'ProductImportInput' });
export type ProductImportInput = z.infer<typeof productImportInputSchema>;

export const importErrorSchema = z.object({ row: z.number().int(), column: z.string(), message: z.string() }).meta({ id: 'ImportError' });
export type ImportError = z.infer<typeof importErrorSchema>;

export const importRowSchema = z
  .object({
    /** The line of the file (the header is line 1). */
    row: z.number().int(),
    sku: z.string(),
    action: z.enum(['create', 'update', 'unchanged', 'error']),
    productId: z.string().nullable(),
    /** Field → [before, after]; before is null for a new product. */
    changes: z.record(z.string(), z.tuple([z.unknown(), z.unknown()])),
    errors: z.array(importErrorSchema),
  })
  .meta({ id: 'ImportRow' });
export type ImportRow = z.infer<typeof importRowSchema>;

export const productImportResultSchema = z
  .object({
    dryRun: z.boolean(),
    applied: z.boolean(),
    created: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
    errors: z.array(importErrorSchema),
    rows: z.array(importRowSchema),
  })
  .meta({ id: 'ProductImportResult' });
export type ProductImportResult = z.infer<typeof productImportResultSchema>;
