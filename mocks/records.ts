import type { Order } from '../src/api/order-schemas';
import type { Product } from '../src/api/schemas';
import type { PricingChanges } from './pricing-state';
import type { StockMovement } from '../src/api/stock-schemas';

/** One variant at one location. onHand and reserved are the sums of the ledger; nothing else sets them. */
export type LevelState = { onHand: number; reserved: number; threshold: number; version: number };

/**
 * What the store keeps per product: the contract's Product plus its stock
 * levels. It is also the unit of the persisted overlay and of the messages
 * between tabs, so one record always carries everything needed to replace a
 * product wholesale.
 */
export type ProductRecord = {
  product: Product;
  /**
   * One row per variant, in the order of product.variants, each row aligned
   * with LOCATIONS. Arrays rather than objects keyed by variant id, because
   * 150,000 objects with unique keys cost the seed its speed.
   */
  levels: LevelState[][];
};

/** A ledger row as stored; the on-hand balance after it is worked out when the ledger is read. */
export type MovementRecord = Omit<StockMovement, 'onHandAfter'>;

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

export function sumOnHand(levels: readonly LevelState[] | undefined): number {
  let sum = 0;
  if (levels) for (const level of levels) sum += level.onHand;
  return sum;
}

export function emptyLevels(locations: number, threshold = 5): LevelState[] {
  return Array.from({ length: locations }, () => ({ onHand: 0, reserved: 0, threshold, version: 1 }));
}
