/**
 * Discounts (issue 21): codes customers type and automatic offers, what they
 * take off (a percent, an amount, the shipping), of what (the order, or the
 * lines of some categories, products or variants), when, how often and with
 * what else. How a discount prices a basket is src/domain/discount-rules.ts,
 * the same rule the orders use; a discount's status comes from the store's clock.
 */
import { z } from 'zod';
import { DISCOUNT_KINDS, DISCOUNT_SCOPES, DISCOUNT_SORTS, DISCOUNT_STATUSES, DISCOUNT_TYPES, MAX_CENTS } from './constants';
import { storeDateSchema } from './order-schemas';
import { centsSchema, commaList, isoDateTimeSchema, listResponseSchema, queryNumber } from './schemas';

export const DISCOUNT_CODE_MAX = 40;
export const DISCOUNT_TARGETS_MAX = 500;
export const BASKET_LINES_MAX = 50;

export const discountKindSchema = z.enum(DISCOUNT_KINDS).meta({ id: 'DiscountKind' });
export const discountTypeSchema = z.enum(DISCOUNT_TYPES).meta({ id: 'DiscountType' });
export const discountScopeSchema = z.enum(DISCOUNT_SCOPES).meta({ id: 'DiscountScope' });
export const discountStatusSchema = z.enum(DISCOUNT_STATUSES).meta({ id: 'DiscountStatus' });

/** Letters, digits, - and _; kept as typed, compared without case (HOLIDAY20 and holiday20 are one code). */
const codeSchema = z
  .string({ error: 'Enter a code' })
  .trim()
  .min(3, 'Use at least 3 characters')
  .max(DISCOUNT_CODE_MAX, `Use at most ${DISCOUNT_CODE_MAX} characters`)
  .regex(/^[A-Za-z0-9_-]+$/, 'Use letters, digits, - and _ only');

const fields = {
  kind: discountKindSchema,
  /** The code customers type; null for an automatic offer. */
  code: codeSchema.nullable(),
  /** What merchandisers call it, and what an automatic offer shows at checkout. */
  title: z.string({ error: 'Enter a title' }).trim().min(1, 'Enter a title').max(120, 'Use at most 120 characters'),
  type: discountTypeSchema,
  /** percent: basis points, 1–10,000 (1500 = 15 %); amount: cents; free_shipping: 0. */
  value: z.number({ error: 'Enter a value' }).int('Use a whole number'),
  scope: discountScopeSchema,
  /** The categories, products or variants it applies to; empty for the whole order. */
  targetIds: z.array(z.string().min(1)).max(DISCOUNT_TARGETS_MAX, `At most ${DISCOUNT_TARGETS_MAX} items`),
  /** The basket's subtotal (before discounts) must be at least this; null for none. */
  minimumSubtotal: centsSchema.max(MAX_CENTS).nullable(),
  /** Units of the lines it applies to must be at least this; null for none. */
  minimumQuantity: z.number().int('Use a whole number').min(1, 'At least 1').max(10_000).nullable(),
  /** How many orders may use it in all; null for no limit. */
  usageLimit: z.number().int('Use a whole number').min(1, 'At least 1').max(1_000_000).nullable(),
  oncePerCustomer: z.boolean(),
  startsAt: isoDateTimeSchema,
  /** Null: it runs until disabled. */
  endsAt: isoDateTimeSchema.nullable(),
  /** Whether it may apply together with another discount on one order. */
  combines: z.boolean(),
  /** False: disabled at once, whatever its dates. */
  enabled: z.boolean(),
};

type DiscountFields = {
  kind: string;
  code: string | null;
  type: string;
  value: number;
  scope: string;
  targetIds: string[];
  startsAt: string;
  endsAt: string | null;
};

/** The rules between fields, each reported beside the field to fix. */
function checkDiscount(d: DiscountFields, ctx: z.RefinementCtx) {
  if (d.kind === 'code' && d.code === null) ctx.addIssue({ code: 'custom', path: ['code'], message: 'Enter the code customers type' });
  if (d.kind === 'automatic' && d.code !== null)
    ctx.addIssue({ code: 'custom', path: ['code'], message: 'An automatic offer has no code' });
  if (d.type === 'percent' && (d.value < 1 || d.value > 10_000))
    ctx.addIssue({ code: 'custom', path: ['value'], message: 'Enter a percent between 0.01 and 100' });
  if (d.type === 'amount' && (d.value < 1 || d.value > MAX_CENTS))
    ctx.addIssue({ code: 'custom', path: ['value'], message: 'Enter an amount between $0.01 and $1,000,000' });
  if (d.type === 'free_shipping' && d.value !== 0) ctx.addIssue({ code: 'custom', path: ['value'], message: 'Free shipping has no value' });
  if (d.type === 'free_shipping' && d.scope !== 'order')
    ctx.addIssue({ code: 'custom', path: ['scope'], message: 'Free shipping applies to the whole order' });
  if (d.scope !== 'order' && d.targetIds.length === 0)
    ctx.addIssue({ code: 'custom', path: ['targetIds'], message: `Choose the ${d.scope} it applies to` });
  if (d.scope === 'order' && d.targetIds.length > 0)
    ctx.addIssue({ code: 'custom', path: ['targetIds'], message: 'A discount on the whole order names no items' });
  if (new Set(d.targetIds).size !== d.targetIds.length) ctx.addIssue({ code: 'custom', path: ['targetIds'], message: 'Each item once' });
  if (d.endsAt !== null && Date.parse(d.endsAt) <= Date.parse(d.startsAt))
    ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'It must end after it starts' });
}

export const discountInputSchema = z.object(fields).superRefine(checkDiscount).meta({ id: 'DiscountInput' });
export type DiscountInput = z.infer<typeof discountInputSchema>;

/** An edit: every field again, with the version it was read at. */
export const discountUpdateInputSchema = discountInputSchema;

/** What a discount has done: orders placed with it, their revenue (order totals) and the money it took off. */
export const discountUsageSchema = z
  .object({
    uses: z.number().int().min(0),
    revenue: z.number().int().min(0),
    discountGiven: z.number().int().min(0),
  })
  .meta({ id: 'DiscountUsage' });
export type DiscountUsage = z.infer<typeof discountUsageSchema>;

export const discountSchema = z
  .object({
    id: z.string(),
    ...fields,
    status: discountStatusSchema,
    ...discountUsageSchema.shape,
    createdAt: isoDateTimeSchema,
    updatedAt: isoDateTimeSchema,
    version: z.number().int().min(1),
  })
  .meta({ id: 'Discount' });
export type Discount = z.infer<typeof discountSchema>;

export const discountListSchema = listResponseSchema(discountSchema).meta({ id: 'DiscountList' });
export type DiscountList = z.infer<typeof discountListSchema>;

export const discountListQuerySchema = z.object({
  offset: queryNumber(z.number().int().min(0)).default(0),
  limit: queryNumber(z.number().int().min(1).max(500)).default(25),
  sort: z.enum(DISCOUNT_SORTS).default('-startsAt'),
  /** Part of the code or the title, any case. */
  q: z.string().trim().min(1).max(120).optional(),
  status: commaList(discountStatusSchema).optional(),
  kind: commaList(discountKindSchema).optional(),
  type: commaList(discountTypeSchema).optional(),
});
export type DiscountListQuery = z.infer<typeof discountListQuerySchema>;

// ---------------------------------------------------------------- performance

export const discountPerformanceQuerySchema = z
  .object({ from: storeDateSchema, to: storeDateSchema })
  .refine((v) => v.from <= v.to, { path: ['to'], message: 'The range ends before it starts' });
export type DiscountPerformanceQuery = z.infer<typeof discountPerformanceQuerySchema>;

const dayUsageSchema = discountUsageSchema.extend({ date: storeDateSchema });

export const discountPerformanceSchema = z
  .object({
    range: z.object({ from: storeDateSchema, to: storeDateSchema }),
    /** Store days with their orders that used the discount (days without any are left out). */
    days: z.array(dayUsageSchema),
    totals: discountUsageSchema,
    /** Average order (total) with the discount, and of the other orders placed in the range; whole cents. */
    averageOrderWith: z.number().int().min(0),
    averageOrderWithout: z.number().int().min(0),
  })
  .meta({ id: 'DiscountPerformance' });
export type DiscountPerformance = z.infer<typeof discountPerformanceSchema>;

// ---------------------------------------------------------------- preview and uses

export const basketLineSchema = z.object({
  variantId: z.string().min(1),
  quantity: z.number().int('Enter a whole number of units').min(1, 'At least 1 unit').max(1000),
});

export const discountPreviewInputSchema = z
  .object({
    /** The discount as it stands in the form, saved or not. */
    discount: discountInputSchema,
    basket: z.array(basketLineSchema).min(1, 'Add a variant to the basket').max(BASKET_LINES_MAX),
    /** Ship-to state, for the sales tax. */
    state: z.string().regex(/^[A-Z]{2}$/, 'Use a two-letter state code'),
  })
  .meta({ id: 'DiscountPreviewInput' });
export type DiscountPreviewInput = z.infer<typeof discountPreviewInputSchema>;

export const discountPreviewSchema = z
  .object({
    lines: z.array(
      z.object({
        variantId: z.string(),
        sku: z.string(),
        title: z.string(),
        quantity: z.number().int(),
        unitPrice: centsSchema,
        /** Whether the discount applies to this line. */
        eligible: z.boolean(),
        discount: centsSchema,
        tax: centsSchema,
        /** units × price − discount + tax. */
        total: centsSchema,
      }),
    ),
    subtotal: centsSchema,
    discount: centsSchema,
    shipping: centsSchema,
    tax: centsSchema,
    total: centsSchema,
    /** Whether the discount took anything off; when not, `reason` says why (a minimum not met, nothing eligible). */
    applied: z.boolean(),
    reason: z.string().nullable(),
  })
  .meta({ id: 'DiscountPreview' });
export type DiscountPreview = z.infer<typeof discountPreviewSchema>;

/** A checkout (the storefront, or support taking an order by phone) claims one use of a code for a customer. */
export const discountUseInputSchema = z
  .object({ customerEmail: z.email({ error: 'Enter the customer’s email' }).max(200) })
  .meta({ id: 'DiscountUseInput' });
export type DiscountUseInput = z.infer<typeof discountUseInputSchema>;
