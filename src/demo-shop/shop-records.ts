/**
 * The records the demo shop is generated as, and the mock keeps: a product with
 * its stock levels, orders, and ledger rows.
 */
import type { Order } from '../contract/order-schemas';
import type { Product } from '../contract/schemas';
import type { StockMovement } from '../contract/stock-schemas';

/** One variant at one location. onHand and reserved are the sums of the ledger; nothing else sets them. */
export type LevelState = {
  onHand: number;
  reserved: number;
  threshold: number;
  version: number;
  /** Reorder settings set by hand (absent: suggested from sales, DEFAULT_SAFETY_DAYS). */
  reorderPoint?: number | null;
  reorderQuantity?: number | null;
  safetyDays?: number;
};

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

/**
 * An order as the store keeps it: all but its timeline. A seeded order's timeline follows from the rest
 * (order-timeline.ts, `withTimeline`), so the 600,000 events of a 200,000-order shop are made only for the orders
 * someone opens; an order written since keeps its own, and is an OrderRecord too.
 */
export type OrderRecord = Omit<Order, 'timeline'>;

/** A ledger row as stored; the on-hand balance after it is worked out when the ledger is read. */
export type MovementRecord = Omit<StockMovement, 'onHandAfter'>;

export function sumOnHand(levels: readonly LevelState[] | undefined): number {
  let sum = 0;
  if (levels) for (const level of levels) sum += level.onHand;
  return sum;
}

export function emptyLevels(locations: number, threshold = 5): LevelState[] {
  return Array.from({ length: locations }, () => ({ onHand: 0, reserved: 0, threshold, version: 1 }));
}
