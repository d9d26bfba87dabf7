/**
 * The contract's resources, shared by the client (to parse answers), the mock
 * (to validate requests like a real server) and the OpenAPI document (generated
 * from these, not written twice). Money is integer cents everywhere.
 */
import { z } from 'zod';
import { HANDLE_PATTERN } from './values/handle';
import { isValidUpcA } from './values/upc';
import { AUDIT_ENTITY_TYPES, MAX_CENTS, PRODUCT_SORTS, PRODUCT_STATUSES } from './constants';
import { ROLES } from './permissions';

export { MAX_CENTS, PRODUCT_SORT_KEYS, PRODUCT_STATUSES, type ProductSortKey } from './constants';

export const centsSchema = z
  .number({ error: 'Enter an amount in dollars and cents, like 19.99' })
  .int('Use whole cents')
  .min(0, 'Must not be negative')
  .max(MAX_CENTS, 'Must be under $1,000,000');

export const isoDateTimeSchema = z.iso.datetime({ offset: true });

// ---------------------------------------------------------------- problems

/** RFC 9457 problem details; `errors` maps a field path (as the form names it) to its message. */
export const problemSchema = z
  .object({
    type: z.string().default('about:blank'),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    instance: z.string().optional(),
    errors: z.record(z.string(), z.string()).optional(),
    /** On 409: the resource as the server has it now, so the client can show what changed. */
    current: z.unknown().optional(),
    /** On 429: how many seconds to wait before trying again (also sent as Retry-After). */
    retryAfter: z.number().int().min(0).optional(),
  })
  .meta({ id: 'Problem' });
export type Problem = z.infer<typeof problemSchema>;

export function listResponseSchema<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), total: z.number().int().min(0) });
}
export type ListResponse<T> = { items: T[]; total: number };

// ---------------------------------------------------------------- catalogue

export const productStatusSchema = z.enum(PRODUCT_STATUSES).meta({ id: 'ProductStatus' });
export type ProductStatus = z.infer<typeof productStatusSchema>;

export const categorySchema = z.object({ id: z.string(), name: z.string(), productCount: z.number().int() }).meta({ id: 'Category' });
export type Category = z.infer<typeof categorySchema>;

/** A character of a URL's path or query (RFC 3986), less quotes, parentheses and brackets, which could end an HTML attribute, a CSS url() or a string. */
const URL_CHAR = String.raw`(?:[A-Za-z0-9\-._~!$&*+,;=:@]|%[0-9A-Fa-f]{2})`;
/** https, a host name (no port, no user or password), a path, maybe a query and a fragment: nothing else. */
const PLAIN_HTTPS_URL = new RegExp(
  String.raw`^https://[A-Za-z0-9.-]+(?:/${URL_CHAR}*)*(?:\?(?:${URL_CHAR}|[/?])*)?(?:#(?:${URL_CHAR}|[/?])*)?$`,
);

/**
 * A picture's address, fetched by every browser that shows the product: https
 * (no mixed content), a named host (no IP address, so no "image" on the
 * private network of whoever looks) and only plain characters, so it reads the
 * same in HTML, CSS and CSV. https://images.stockroom.test/… (the demo's) is one.
 */
export const imageUrlSchema = z
  .url({ protocol: /^https$/, hostname: z.regexes.domain, error: 'Enter an https:// address, like https://images.example.com/photo.jpg' })
  .max(2000, 'Keep the address under 2,000 characters')
  .regex(PLAIN_HTTPS_URL, 'Use a plain address: no spaces, quotes, brackets, port or password')
  // The pattern would otherwise replace the format in the OpenAPI document.
  .meta({ format: 'uri' });

const altSchema = z.string().trim().max(200, 'Keep alt text under 200 characters');

export const imageSchema = z.object({ url: imageUrlSchema, alt: altSchema }).meta({ id: 'Image' });

/**
 * An image as a product answers it: any address, so a product saved before
 * the rules above still opens, and its form says beside the field what to fix.
 */
const storedImageSchema = z.object({ url: z.string(), alt: z.string() }).meta({ id: 'StoredImage' });

export const optionSchema = z
  .object({
    name: z.string().trim().min(1, 'Name the option').max(30),
    values: z.array(z.string().trim().min(1, 'A value cannot be empty').max(40)).min(1, 'Add at least one value').max(30),
  })
  .meta({ id: 'ProductOption' });
export type ProductOption = z.infer<typeof optionSchema>;

const skuSchema = z
  .string()
  .trim()
  .min(1, 'Enter a SKU')
  .max(40, 'Keep the SKU under 40 characters')
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'Letters, digits, dot, dash and underscore only');

const barcodeSchema = z
  .string()
  .regex(/^\d{12}$/, 'A UPC-A barcode is 12 digits')
  .refine((v) => !/^\d{12}$/.test(v) || isValidUpcA(v), 'The check digit does not match: check the barcode');

export const variantInputSchema = z
  .object({
    id: z.string().optional(),
    optionValues: z.array(z.string()),
    sku: skuSchema,
    barcode: barcodeSchema.nullable(),
    price: centsSchema.min(1, 'Enter a price above $0.00'),
    compareAtPrice: centsSchema.nullable(),
    cost: centsSchema.nullable(),
    weightGrams: z.number().int('Use whole grams').min(0).max(100_000).nullable(),
  })
  .meta({ id: 'VariantInput' });
export type VariantInput = z.infer<typeof variantInputSchema>;

export const variantSchema = variantInputSchema
  .extend({
    id: z.string(),
    productId: z.string(),
    /** Units on hand summed over every location. */
    stock: z.number().int(),
    version: z.number().int().min(1),
  })
  .meta({ id: 'Variant' });
export type Variant = z.infer<typeof variantSchema>;

const productFields = {
  title: z.string().trim().min(1, 'Enter a title').max(150, 'Keep the title under 150 characters'),
  handle: z.string().trim().min(1, 'Enter a handle').max(80).regex(HANDLE_PATTERN, 'Lowercase letters, digits and single dashes'),
  description: z.string().max(5000, 'Keep the description under 5,000 characters'),
  categoryId: z.string().min(1, 'Choose a category'),
  tags: z.array(z.string().trim().min(1).max(40)).max(30),
  status: productStatusSchema,
  images: z.array(imageSchema).max(20),
  options: z.array(optionSchema).max(3, 'Up to three options'),
};

/**
 * The rules a product must satisfy whoever sends it: the form checks them as
 * the person types and the API checks them again, because it never trusts a client.
 */
function checkProductRules(p: { options: ProductOption[]; variants: VariantInput[] }, ctx: z.RefinementCtx) {
  const seenSku = new Map<string, number>();
  const seenCombo = new Map<string, number>();
  const names = new Set<string>();
  p.options.forEach((o, i) => {
    const key = o.name.trim().toLowerCase();
    if (names.has(key)) ctx.addIssue({ code: 'custom', path: ['options', i, 'name'], message: 'Another option has this name' });
    names.add(key);
    const values = new Set<string>();
    o.values.forEach((v, j) => {
      if (values.has(v.toLowerCase()))
        ctx.addIssue({ code: 'custom', path: ['options', i, 'values', j], message: 'This value is listed twice' });
      values.add(v.toLowerCase());
    });
  });
  p.variants.forEach((v, i) => {
    if (v.compareAtPrice != null && v.compareAtPrice <= v.price) {
      ctx.addIssue({ code: 'custom', path: ['variants', i, 'compareAtPrice'], message: 'Compare-at price must be above the price' });
    }
    const sku = v.sku.trim().toUpperCase();
    const firstSku = seenSku.get(sku);
    if (firstSku !== undefined)
      ctx.addIssue({ code: 'custom', path: ['variants', i, 'sku'], message: `Same SKU as variant ${firstSku + 1}` });
    else seenSku.set(sku, i);
    if (v.optionValues.length !== p.options.length || v.optionValues.some((val, k) => !p.options[k]?.values.includes(val))) {
      ctx.addIssue({ code: 'custom', path: ['variants', i, 'optionValues'], message: 'Option values do not match the options' });
    }
    const combo = v.optionValues.join('\u0000');
    const firstCombo = seenCombo.get(combo);
    if (firstCombo !== undefined)
      ctx.addIssue({ code: 'custom', path: ['variants', i, 'optionValues'], message: `Same options as variant ${firstCombo + 1}` });
    else seenCombo.set(combo, i);
  });
}

function hasProductShape(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const { options, variants } = value as { options?: unknown; variants?: unknown };
  return (
    Array.isArray(options) &&
    options.every((o) => typeof o?.name === 'string' && Array.isArray(o?.values)) &&
    Array.isArray(variants) &&
    variants.every((v) => typeof v === 'object' && v !== null && Array.isArray(v.optionValues) && typeof v.sku === 'string')
  );
}

export const productInputSchema = z
  .object({
    ...productFields,
    variants: z.array(variantInputSchema).min(1, 'A product needs at least one variant').max(100, 'Up to 100 variants'),
  })
  // The cross-field rules run even while other fields are still wrong, so a person sees every problem at once.
  .superRefine(checkProductRules, { when: ({ value }) => hasProductShape(value) })
  .meta({ id: 'ProductInput' });
export type ProductInput = z.infer<typeof productInputSchema>;

export const productSchema = z
  .object({
    id: z.string(),
    ...productFields,
    images: z.array(storedImageSchema).max(20),
    variants: z.array(variantSchema),
    createdAt: isoDateTimeSchema,
    updatedAt: isoDateTimeSchema,
    version: z.number().int().min(1),
  })
  .meta({ id: 'Product' });
export type Product = z.infer<typeof productSchema>;

/** A row of the product list: what the table shows, no more. */
export const productSummarySchema = z
  .object({
    id: z.string(),
    handle: z.string(),
    title: z.string(),
    status: productStatusSchema,
    categoryId: z.string(),
    tags: z.array(z.string()),
    imageUrl: z.string().nullable(),
    variantCount: z.number().int(),
    skus: z.array(z.string()),
    priceMin: centsSchema,
    priceMax: centsSchema,
    stock: z.number().int(),
    updatedAt: isoDateTimeSchema,
    version: z.number().int(),
  })
  .meta({ id: 'ProductSummary' });
export type ProductSummary = z.infer<typeof productSummarySchema>;

export const productListResponseSchema = listResponseSchema(productSummarySchema).meta({ id: 'ProductList' });

/**
 * A whole number in a query string, in decimal digits only: `z.coerce` would
 * read `0x10` as 16, `1e3` as 1000, ` 7 ` as 7 and an empty value as 0.
 * `schema` says which numbers are allowed.
 */
export const queryNumber = <T extends z.ZodType<number>>(schema: T) =>
  z.preprocess((value, ctx) => {
    if (typeof value !== 'string') return value;
    if (/^\d+$/.test(value)) return Number(value);
    ctx.addIssue({ code: 'custom', message: 'Use a whole number in decimal digits, like 25', input: value });
    return z.NEVER;
  }, schema);

/** A query parameter listing values, `a,b` (or repeated): at least one. */
export const commaList = <T extends z.ZodType>(item: T) =>
  z.preprocess((v) => (typeof v === 'string' ? v.split(',').filter(Boolean) : v), z.array(item).min(1));

/**
 * The query string of GET /api/products, as strings arrive over HTTP. The API
 * rejects a bad one with 400; the screen reads the same shape leniently from its URL.
 */
export const productListQuerySchema = z.object({
  offset: queryNumber(z.number().int().min(0)).default(0),
  limit: queryNumber(z.number().int().min(1).max(500)).default(25),
  sort: z.enum(PRODUCT_SORTS).default('-updatedAt'),
  q: z.string().trim().min(1).max(200).optional(),
  status: commaList(productStatusSchema).optional(),
  categoryId: z.string().min(1).optional(),
  tag: z.string().min(1).optional(),
  priceMin: queryNumber(centsSchema).optional(),
  priceMax: queryNumber(centsSchema).optional(),
});
export type ProductListQuery = z.infer<typeof productListQuerySchema>;

export const bulkStatusInputSchema = z
  .object({
    ids: z.array(z.string()).min(1, 'Select at least one product').max(500, 'Up to 500 products at a time'),
    status: productStatusSchema,
  })
  .meta({ id: 'BulkStatusInput' });
export type BulkStatusInput = z.infer<typeof bulkStatusInputSchema>;
export const bulkStatusResultSchema = z.object({ updated: z.number().int() }).meta({ id: 'BulkStatusResult' });

export const tagListSchema = z
  .object({ items: z.array(z.object({ tag: z.string(), productCount: z.number().int() })) })
  .meta({ id: 'TagList' });
export const categoryListSchema = z.object({ items: z.array(categorySchema) }).meta({ id: 'CategoryList' });

// ---------------------------------------------------------------- staff, sessions, audit

export const roleSchema = z.enum(ROLES).meta({ id: 'Role' });

export const staffSchema = z
  .object({
    id: z.string(),
    email: z.email(),
    name: z.string(),
    role: roleSchema,
    active: z.boolean(),
    createdAt: isoDateTimeSchema,
    updatedAt: isoDateTimeSchema,
    version: z.number().int().min(1),
  })
  .meta({ id: 'Staff' });
export type Staff = z.infer<typeof staffSchema>;
export const staffListSchema = listResponseSchema(staffSchema).meta({ id: 'StaffList' });

const passwordSchema = z.string().min(10, 'Use at least 10 characters').max(200);

/** An email address someone types: at most 254 characters, the longest a mail server takes (RFC 5321). */
const emailInputSchema = (message: string) => z.email(message).max(254, 'An email address has at most 254 characters').trim().toLowerCase();

export const signInInputSchema = z
  .object({
    email: emailInputSchema('Enter the email you sign in with'),
    password: z.string().min(1, 'Enter your password').max(200),
  })
  .meta({ id: 'SignInInput' });
export type SignInInput = z.infer<typeof signInInputSchema>;

export const sessionSchema = z.object({ user: staffSchema, expiresAt: isoDateTimeSchema }).meta({ id: 'Session' });
export type Session = z.infer<typeof sessionSchema>;

export const staffCreateInputSchema = z
  .object({
    email: emailInputSchema('Enter a valid email'),
    name: z.string().trim().min(1, 'Enter a name').max(100),
    role: roleSchema,
    password: passwordSchema,
  })
  .meta({ id: 'StaffCreateInput' });
export type StaffCreateInput = z.infer<typeof staffCreateInputSchema>;

export const staffUpdateInputSchema = z
  .object({ role: roleSchema.optional(), active: z.boolean().optional() })
  .refine((v) => v.role !== undefined || v.active !== undefined, 'Send a role, active, or both')
  .meta({ id: 'StaffUpdateInput' });
export type StaffUpdateInput = z.infer<typeof staffUpdateInputSchema>;

export const auditEntityTypeSchema = z.enum(AUDIT_ENTITY_TYPES).meta({ id: 'AuditEntityType' });

export const auditEntrySchema = z
  .object({
    id: z.string(),
    at: isoDateTimeSchema,
    actor: z.object({ id: z.string(), name: z.string(), role: roleSchema }),
    entityType: auditEntityTypeSchema,
    entityId: z.string(),
    /** What the entity is called, so the log reads without a lookup. */
    entityLabel: z.string(),
    action: z.string(),
    /** Only the fields that changed: a path (`variants.SKU-1.price`) to its value before and after. */
    before: z.record(z.string(), z.unknown()),
    after: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'AuditEntry' });
export type AuditEntry = z.infer<typeof auditEntrySchema>;
export const auditListSchema = listResponseSchema(auditEntrySchema).meta({ id: 'AuditList' });

export const auditListQuerySchema = z.object({
  offset: queryNumber(z.number().int().min(0)).default(0),
  limit: queryNumber(z.number().int().min(1).max(500)).default(25),
  sort: z.enum(['at', '-at']).default('-at'),
  actorId: z.string().min(1).optional(),
  entityType: auditEntityTypeSchema.optional(),
  entityId: z.string().min(1).optional(),
  from: isoDateTimeSchema.optional(),
  to: isoDateTimeSchema.optional(),
});
export type AuditListQuery = z.infer<typeof auditListQuerySchema>;
