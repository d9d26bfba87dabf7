import type { Product } from '../src/api/schemas';
import type { PricingChanges } from './pricing-state';

/**
 * What the store keeps per product: the contract's Product plus what the
 * contract does not expose yet (on-hand per location). It is also the unit
 * of the persisted overlay and of the messages between tabs, so one record
 * always carries everything needed to replace a product wholesale.
 */
export type ProductRecord = {
  product: Product;
  /**
   * On-hand units: one row per variant, in the order of product.variants,
   * each row aligned with LOCATIONS. Arrays rather than objects keyed by
   * variant id, because 150,000 objects with unique keys cost the seed its speed.
   */
  onHand: number[][];
};

/** A remembered answer to an Idempotency-Key, so a retry gets it again instead of applying twice. */
export type IdempotencyRecord = {
  key: string;
  /** Method, path and body of the first request: the same key with another request is refused. */
  fingerprint: string;
  result: unknown;
};

/** Everything one committed write changed: persisted as is, and sent to other tabs as is. */
export type ChangeSet = {
  /** Monotonic across tabs (kept in IndexedDB), so a tab can tell what it has not seen yet. */
  seq: number;
  products: ProductRecord[];
  idempotency: IdempotencyRecord[];
  /** Price batches and price history the change made, when it made any. */
  pricing?: PricingChanges;
};

export function sumOnHand(levels: readonly number[] | undefined): number {
  let sum = 0;
  if (levels) for (const n of levels) sum += n;
  return sum;
}
