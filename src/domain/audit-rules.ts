/**
 * Before/after of a change, field by field, as the audit log keeps it: only
 * what changed, so an entry reads as "price 1999 → 1799", not as two products.
 */
import type { AuditEntityType } from '../contract/constants';
import type { Product, Staff } from '../contract/schemas';

export type Diff = { before: Record<string, unknown>; after: Record<string, unknown> };
export type AuditDraft = Diff & { entityType: AuditEntityType; entityId: string; entityLabel: string };

const PRICE_FIELDS = ['price', 'compareAtPrice', 'cost'] as const;
const VARIANT_FIELDS = ['sku', 'barcode', 'optionValues', 'weightGrams'] as const;
const PRODUCT_FIELDS = ['title', 'handle', 'description', 'categoryId', 'tags', 'status', 'images', 'options'] as const;
const STAFF_FIELDS = ['email', 'name', 'role', 'active'] as const;

function same(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

function compare(into: Diff, key: string, before: unknown, after: unknown): void {
  // Absent and null are both "no value": a new variant without a compare-at price records nothing for it, not "null → null".
  if (same(before ?? null, after ?? null)) return;
  into.before[key] = before ?? null;
  into.after[key] = after ?? null;
}

function empty(diff: Diff): boolean {
  return Object.keys(diff.before).length === 0;
}

/** A product change as up to two entries: its prices (kind "price") and everything else (kind "product"). */
export function productAudit(before: Product | undefined, after: Product): AuditDraft[] {
  const product: Diff = { before: {}, after: {} };
  const prices: Diff = { before: {}, after: {} };
  for (const field of PRODUCT_FIELDS) compare(product, field, before?.[field], after[field]);
  const old = new Map((before?.variants ?? []).map((v) => [v.id, v]));
  for (const v of after.variants) {
    const was = old.get(v.id);
    old.delete(v.id);
    for (const field of VARIANT_FIELDS) compare(product, `variants.${v.sku}.${field}`, was?.[field], v[field]);
    for (const field of PRICE_FIELDS) compare(prices, `variants.${v.sku}.${field}`, was?.[field], v[field]);
  }
  for (const gone of old.values()) compare(product, `variants.${gone.sku}`, { sku: gone.sku, price: gone.price }, null);
  const label = after.title;
  return [
    ...(empty(product) ? [] : [{ entityType: 'product' as const, entityId: after.id, entityLabel: label, ...product }]),
    ...(empty(prices) ? [] : [{ entityType: 'price' as const, entityId: after.id, entityLabel: label, ...prices }]),
  ];
}

/** Only public fields: a password or its hash never reaches the log. */
export function staffAudit(before: Staff | undefined, after: Staff): AuditDraft[] {
  const diff: Diff = { before: {}, after: {} };
  for (const field of STAFF_FIELDS) compare(diff, field, before?.[field], after[field]);
  return empty(diff) ? [] : [{ entityType: 'staff', entityId: after.id, entityLabel: after.name, ...diff }];
}
