/**
 * The mock's pricing tables: price batches, their items (the from → to of
 * every variant a batch changed) and the price history of every variant.
 * Written only through `db.write` (which stages them into the ChangeSet, so
 * they persist and reach other tabs like products do); read by the pricing routes.
 */
import type { PriceBatch, PriceBatchItem, PriceHistoryEntry } from '../src/contract/pricing-schemas';
import { dueSteps } from '../src/domain/price-decisions';
import type { PricePatch } from './records';

export type PricingChanges = {
  batches: PriceBatch[];
  /** Items are fixed when a batch is made, so they travel once, not with every step of the batch. */
  items: { batchId: string; items: PriceBatchItem[] }[];
  history: PriceHistoryEntry[];
  /** The new prices themselves, per product (absent in changes saved before patches existed). */
  prices?: PricePatch[];
};

export function emptyPricingChanges(): PricingChanges {
  return { batches: [], items: [], history: [], prices: [] };
}

export function hasPricingChanges(c: PricingChanges): boolean {
  return c.batches.length > 0 || c.items.length > 0 || c.history.length > 0 || (c.prices?.length ?? 0) > 0;
}

export class PricingState {
  readonly batches = new Map<string, PriceBatch>();
  /** Newest first, so the list's default order is a slice. */
  private batchOrder: PriceBatch[] = [];
  readonly items = new Map<string, PriceBatchItem[]>();
  /** Per variant, oldest first. */
  readonly history = new Map<string, PriceHistoryEntry[]>();
  /** Changes applied here; a change reaches a tab both by broadcast and from IndexedDB, and must count once. */
  private applied = new Set<number>();
  /** The earliest start or end still to come, so a request checks the schedule in O(1). */
  nextDueMs = Infinity;

  apply(seq: number, changes: PricingChanges): void {
    if (this.applied.has(seq)) return;
    this.applied.add(seq);
    for (const { batchId, items } of changes.items) this.items.set(batchId, items);
    for (const batch of changes.batches) this.batches.set(batch.id, batch);
    for (const entry of changes.history) {
      let rows = this.history.get(entry.variantId);
      if (!rows) this.history.set(entry.variantId, (rows = []));
      rows.push(entry);
    }
    if (changes.batches.length) {
      this.batchOrder = [...this.batches.values()].sort((a, b) =>
        a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : a.id < b.id ? 1 : -1,
      );
      this.nextDueMs = Infinity;
      for (const b of this.batches.values()) {
        const due = b.status === 'scheduled' ? b.startsAt : b.status === 'applied' ? b.endsAt : null;
        if (due) this.nextDueMs = Math.min(this.nextDueMs, Date.parse(due));
      }
    }
  }

  /** Batches newest first. */
  newestFirst(): readonly PriceBatch[] {
    return this.batchOrder;
  }

  /** Scheduled starts and ends due at `nowMs`, earliest first. */
  dueSteps(nowMs: number): { batchId: string; step: 'start' | 'end'; at: string }[] {
    if (this.nextDueMs > nowMs) return [];
    return dueSteps(this.batches.values(), nowMs);
  }
}

export { priceHistoryOf, type HistoryContext } from '../src/domain/price-decisions';
