/**
 * The contract's fixed vocabularies, free of zod, so the app shell can name
 * them (for instance to read a list's URL) without loading the schemas.
 * src/api/schemas.ts builds its enums from these.
 */
export const MAX_CENTS = 100_000_000; // $1,000,000: nothing this shop sells costs more

export const PRODUCT_STATUSES = ['draft', 'active', 'archived'] as const;
export type ProductStatus = (typeof PRODUCT_STATUSES)[number];

export const PRODUCT_SORT_KEYS = ['title', 'variantCount', 'price', 'stock', 'updatedAt'] as const;
export type ProductSortKey = (typeof PRODUCT_SORT_KEYS)[number];
export const PRODUCT_SORTS = PRODUCT_SORT_KEYS.flatMap((k) => [k, `-${k}`] as const);
export type ProductSort = (typeof PRODUCT_SORTS)[number];

/** Every kind of record the audit log follows; orders and stock join when their APIs exist. */
export const AUDIT_ENTITY_TYPES = ['product', 'price', 'stock', 'order', 'staff'] as const;
export type AuditEntityType = (typeof AUDIT_ENTITY_TYPES)[number];
