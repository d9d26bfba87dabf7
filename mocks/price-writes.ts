/**
 * Bulk price changes over the store: preview (read only), apply now or on a
 * schedule, the schedule's start and end, and revert. Every write goes through
 * `db.write`, so the role, the Idempotency-Key, atomicity and the audit apply.
 * Preview and apply share `plan`, so what the preview shows is what apply does.
 */
import {
  batchAudit,
  checkBatchEnd,
  decideBatch,
  decideMoves,
  moveBack,
  moveForward,
  newPriceBatchId,
  planPrices,
  previewPageOf,
  priceBatchNotFound,
  revertedBatch,
  revertRefusal,
  SCHEDULER,
  selectedProductIds,
  STEP_ACTIONS,
  stepApplies,
  steppedBatch,
  type PriceBatchRequest,
  type PricePlan,
  type SelectedVariant,
} from '../src/domain/price-decisions';
import { variantTitle } from '../src/domain/product-rules';
import type {
  PriceBatch,
  PriceBatchItem,
  PriceBatchListQuery,
  PriceConflict,
  PriceHistoryQuery,
  PriceSelection,
} from '../src/contract/pricing-schemas';
import type { PriceChangeInput } from '../src/contract/pricing-schemas';
import type { Product } from '../src/contract/schemas';
import type { PricePoint } from '../src/domain/price-rules';
import type { Idempotency } from '../src/contract/protocol';
import { writeOf } from './routes/write-of';
import type { Actor, MockDb, WriteTx } from './store';

export type { PriceBatchRequest } from '../src/domain/price-decisions';

/** The products a selection names, in a stable order (title, then id); unknown ids are a 422 naming them. */
function selectedProducts(db: MockDb, selection: PriceSelection): Product[] {
  if (selection.kind === 'products') {
    return selectedProductIds(selection, (id) => db.getProduct(id) !== undefined).flatMap((id) => db.getProduct(id) ?? []);
  }
  const { kind: _kind, ...filter } = selection;
  const { items } = db.listProducts({ ...filter, sort: 'title', offset: 0, limit: Number.MAX_SAFE_INTEGER });
  const products: Product[] = [];
  for (const summary of items) {
    const product = db.getProduct(summary.id);
    if (product) products.push(product);
  }
  return products;
}

function* variantsOf(products: readonly Product[]): Generator<SelectedVariant> {
  for (const p of products) {
    for (const v of p.variants) {
      yield {
        productId: p.id,
        variantId: v.id,
        sku: v.sku,
        title: variantTitle(p.title, v.optionValues),
        price: v.price,
        compareAtPrice: v.compareAtPrice,
        cost: v.cost,
      };
    }
  }
}

/** Every variant of the selection with what the change would do to it, and the totals. */
export function plan(db: MockDb, selection: PriceSelection, change: PriceChangeInput): PricePlan {
  return planPrices(variantsOf(selectedProducts(db, selection)), change);
}

export function previewPage(
  db: MockDb,
  input: { selection: PriceSelection; change: PriceChangeInput; offset: number; limit: number; flaggedOnly: boolean },
) {
  return previewPageOf(plan(db, input.selection, input.change), input);
}

/** Sets variants to new prices, one patch per product; variants whose price is not `expected` are conflicts. */
function moveTo(
  tx: WriteTx,
  items: readonly PriceBatchItem[],
  pick: (item: PriceBatchItem) => { expected: PricePoint; target: PricePoint },
): { changed: number; conflicts: PriceConflict[] } {
  const current = (item: PriceBatchItem): PricePoint | undefined => {
    const variant = tx.get(item.productId)?.product.variants.find((v) => v.id === item.variantId);
    return variant ? { price: variant.price, compareAtPrice: variant.compareAtPrice } : undefined;
  };
  const { moves, conflicts } = decideMoves(items, current, pick);
  const byProduct = new Map<string, { id: string; price: number; compareAtPrice: number | null }[]>();
  for (const { item, target } of moves) {
    const list = byProduct.get(item.productId) ?? [];
    list.push({ id: item.variantId, price: target.price, compareAtPrice: target.compareAtPrice });
    byProduct.set(item.productId, list);
  }
  for (const [productId, variants] of byProduct) tx.setPrices({ productId, variants });
  return { changed: moves.length, conflicts };
}

/**
 * Makes a batch: applied at once (all or nothing), or scheduled with its
 * items fixed now, so the preview a person approved is exactly what starts.
 */
export async function createPriceBatch(db: MockDb, actor: Actor, input: PriceBatchRequest, idempotency: Idempotency): Promise<PriceBatch> {
  const id = newPriceBatchId();
  const { result } = await db.write(
    { actor, ...writeOf('pricing.createBatch'), idempotency, pricing: { batch: { id, label: input.label } } },
    (tx) => {
      checkBatchEnd(input, tx.now);
      const { rows } = plan(db, input.selection, input.change);
      const { batch, items, scheduled } = decideBatch(rows, input, { id, now: tx.now, actor });
      if (!scheduled) {
        // Nothing can have moved since the plan: the same write read it.
        const { changed } = moveTo(tx, items, moveForward);
        batch.reports = [{ step: 'start', at: tx.now, changed, conflicts: [] }];
      }
      tx.putPriceBatch(batch, items);
      tx.auditAs(batchAudit(batch, scheduled ? 'scheduled' : 'applied', items.length, 0));
      return batch;
    },
  );
  return result;
}

/** A scheduled start or end, effective at `at`; a step another tab already took is skipped. */
async function runStep(db: MockDb, batchId: string, step: 'start' | 'end', at: string): Promise<void> {
  const current = db.pricing.batches.get(batchId);
  if (!current) return;
  await db.write(
    {
      actor: SCHEDULER,
      // The schedule carries out what the batch's route was allowed to schedule.
      permission: writeOf('pricing.createBatch').permission,
      action: STEP_ACTIONS[step],
      pricing: { batch: { id: batchId, label: current.label }, at },
    },
    (tx) => {
      const batch = tx.getPriceBatch(batchId);
      if (!batch || !stepApplies(batch, step)) return;
      const items = db.pricing.items.get(batchId) ?? [];
      const { changed, conflicts } = moveTo(tx, items, step === 'start' ? moveForward : moveBack);
      const next = steppedBatch(batch, step, at, changed, conflicts);
      tx.putPriceBatch(next);
      tx.auditAs(batchAudit(next, step === 'start' ? 'started' : 'ended', changed, conflicts.length));
    },
  );
}

/**
 * Brings prices up to the schedule before a request reads or writes them:
 * a sale due to start at midnight has started for the first request after
 * midnight, whether or not anyone had the app open then. O(1) when nothing is due.
 */
export async function settleSchedule(db: MockDb): Promise<void> {
  for (const { batchId, step, at } of db.pricing.dueSteps(db.now())) await runStep(db, batchId, step, at);
}

/**
 * Restores the prices the batch replaced, for the variants that still have
 * the batch's prices; the others changed since and are reported, not overwritten.
 * A scheduled batch that has not started is cancelled.
 */
export async function revertPriceBatch(db: MockDb, actor: Actor, batchId: string, idempotency: Idempotency): Promise<PriceBatch> {
  const found = db.pricing.batches.get(batchId);
  const { result } = await db.write(
    {
      actor,
      ...writeOf('pricing.revert'),
      idempotency,
      pricing: { batch: found ? { id: batchId, label: found.label } : null },
    },
    (tx) => {
      const batch = tx.getPriceBatch(batchId);
      if (!batch) throw priceBatchNotFound(batchId);
      const refused = revertRefusal(batch);
      if (refused) throw refused;
      let changed = 0;
      let conflicts: PriceConflict[] = [];
      if (batch.status === 'applied') ({ changed, conflicts } = moveTo(tx, db.pricing.items.get(batchId) ?? [], moveBack));
      const next = revertedBatch(batch, tx.now, changed, conflicts);
      tx.putPriceBatch(next);
      tx.auditAs(batchAudit(next, 'reverted', changed, conflicts.length));
      return next;
    },
  );
  return result;
}

// ---------------------------------------------------------------- reads

export function listPriceBatches(db: MockDb, query: PriceBatchListQuery): { items: PriceBatch[]; total: number } {
  let all = [...db.pricing.newestFirst()];
  if (query.status) all = all.filter((b) => b.status === query.status);
  if (query.sort === 'createdAt') all.reverse();
  else if (query.sort === 'startsAt' || query.sort === '-startsAt') {
    const sign = query.sort === 'startsAt' ? 1 : -1;
    all.sort((a, b) => sign * (a.startsAt < b.startsAt ? -1 : a.startsAt > b.startsAt ? 1 : 0));
  }
  return { items: all.slice(query.offset, query.offset + query.limit), total: all.length };
}

export function getPriceBatch(db: MockDb, id: string): PriceBatch {
  const batch = db.pricing.batches.get(id);
  if (!batch) throw priceBatchNotFound(id);
  return batch;
}

export function listBatchItems(db: MockDb, id: string, page: { offset: number; limit: number }) {
  getPriceBatch(db, id);
  const items = db.pricing.items.get(id) ?? [];
  return { items: items.slice(page.offset, page.offset + page.limit), total: items.length };
}

/** A variant's price history, newest first; by variant id or by SKU. */
export function listPriceHistory(db: MockDb, query: PriceHistoryQuery) {
  const variantId = query.variantId ?? (query.sku ? db.ownerOfSku(query.sku)?.variant.id : undefined);
  const rows = variantId ? (db.pricing.history.get(variantId) ?? []) : [];
  const newest = [...rows].reverse();
  return { items: newest.slice(query.offset, query.offset + query.limit), total: newest.length };
}
