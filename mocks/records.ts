import type { Order } from '../src/contract/order-schemas';
import type { PricingChanges } from './pricing-state';
import type { MovementRecord, ProductRecord } from '../src/demo-shop/shop-records';

/** A remembered answer to an Idempotency-Key, so a retry gets it again instead of applying twice. */
export type IdempotencyRecord = {
  /** The sender's staff id and their Idempotency-Key (`staff_admin:<key>`): a key is its sender's only. */
  key: string;
  /** Method, path and body of the first request: the same key with another request is refused. */
  fingerprint: string;
  result: unknown;
};

/**
 * New prices for some variants of one product, kept instead of the whole
 * record: a bulk price change touches thousands of products, and saving each
 * whole (levels, images, description) cost seconds. Applied over the record
 * the write saw, it bumps the product's and each variant's version, as an edit would.
 */
export type PricePatch = {
  productId: string;
  at: string;
  variants: { id: string; price: number; compareAtPrice: number | null }[];
};

export function patchedRecord(record: ProductRecord, patch: PricePatch): ProductRecord {
  const prices = new Map(patch.variants.map((v) => [v.id, v]));
  const variants = record.product.variants.map((v) => {
    const next = prices.get(v.id);
    return next ? { ...v, price: next.price, compareAtPrice: next.compareAtPrice, version: v.version + 1 } : v;
  });
  return { ...record, product: { ...record.product, variants, updatedAt: patch.at, version: record.product.version + 1 } };
}

/** Everything one committed write changed: persisted as is, and sent to other tabs as is. */
export type ChangeSet = {
  /** Monotonic across tabs (kept in IndexedDB), so a tab can tell what it has not seen yet. */
  seq: number;
  products: ProductRecord[];
  orders: Order[];
  movements: MovementRecord[];
  idempotency: IdempotencyRecord[];
  /** Price batches and price history the change made, when it made any. */
  pricing?: PricingChanges;
};
