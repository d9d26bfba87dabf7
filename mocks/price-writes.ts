/**
 * Bulk price changes over the store: preview (read only), apply now or on a
 * schedule, the schedule's start and end, and revert. Every write goes through
 * `db.write`, so the role, the Idempotency-Key, atomicity and the audit apply.
 * Preview and apply share `plan`, so what the preview shows is what apply does.
 */
import type {
  PriceBatch,
  PriceBatchItem,
  PriceBatchListQuery,
  PriceConflict,
  PriceHistoryQuery,
  PricePreviewRow,
  PriceSelection,
} from '../src/api/pricing-schemas';
import type { PriceChangeInput } from '../src/api/pricing-schemas';
import type { Product, Variant } from '../src/api/schemas';
import {
  applyPriceChange,
  formatBasisPoints,
  PRICE_FLAG_LABELS,
  priceTotals,
  samePrice,
  type PricePoint,
  type PriceTotals,
} from '../src/lib/price-rules';
import { formatCents } from '../src/lib/money';
import { ProblemError, validationProblem } from './problems';
import type { ProductRecord } from './records';
import { variantLabel, type Actor, type MockDb, type WriteTx } from './store';

type PlannedRow = PricePreviewRow;

/** The products a selection names, in a stable order (title, then id); unknown ids are a 422 naming them. */
function selectedProducts(db: MockDb, selection: PriceSelection): Product[] {
  if (selection.kind === 'products') {
    const errors: Record<string, string> = {};
    const products: Product[] = [];
    const seen = new Set<string>();
    selection.ids.forEach((id, i) => {
      const product = db.getProduct(id);
      if (!product) errors[`selection.ids.${i}`] = `No product has the id ${id}`;
      else if (!seen.has(id)) products.push(product);
      seen.add(id);
    });
    if (Object.keys(errors).length)
      throw validationProblem(errors, 'Some selected products no longer exist. Refresh the list and choose again.');
    return products;
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

function pointOf(v: Variant): PricePoint {
  return { price: v.price, compareAtPrice: v.compareAtPrice };
}

/** Every variant of the selection with what the change would do to it, and the totals. */
export function plan(db: MockDb, selection: PriceSelection, change: PriceChangeInput): { rows: PlannedRow[]; totals: PriceTotals } {
  const totals = priceTotals();
  const rows: PlannedRow[] = [];
  for (const product of selectedProducts(db, selection)) {
    for (const v of product.variants) {
      const from = pointOf(v);
      const outcome = applyPriceChange(v, change);
      totals.add(from, outcome);
      rows.push({
        productId: product.id,
        variantId: v.id,
        sku: v.sku,
        title: variantLabel(product, v),
        cost: v.cost,
        from,
        to: outcome.to,
        marginBefore: outcome.marginBefore,
        marginAfter: outcome.marginAfter,
        flags: outcome.flags,
        floored: outcome.floored,
      });
    }
  }
  return { rows, totals: totals.result() };
}

export function previewPage(
  db: MockDb,
  input: { selection: PriceSelection; change: PriceChangeInput; offset: number; limit: number; flaggedOnly: boolean },
) {
  const { rows, totals } = plan(db, input.selection, input.change);
  const shown = input.flaggedOnly ? rows.filter((r) => r.flags.length) : rows;
  return { items: shown.slice(input.offset, input.offset + input.limit), total: shown.length, totals };
}

/** Sets variants to new prices, one patch per product; variants whose price is not `expected` are conflicts. */
function moveTo(
  tx: WriteTx,
  items: readonly PriceBatchItem[],
  pick: (item: PriceBatchItem) => { expected: PricePoint; target: PricePoint },
): { changed: number; conflicts: PriceConflict[] } {
  const byProduct = new Map<string, PriceBatchItem[]>();
  for (const item of items) {
    const list = byProduct.get(item.productId);
    if (list) list.push(item);
    else byProduct.set(item.productId, [item]);
  }
  let changed = 0;
  const conflicts: PriceConflict[] = [];
  for (const [productId, list] of byProduct) {
    const record: ProductRecord | undefined = tx.get(productId);
    const targets = new Map<string, PricePoint>();
    for (const item of list) {
      const { expected, target } = pick(item);
      const variant = record?.product.variants.find((v) => v.id === item.variantId);
      if (!variant || !samePrice(pointOf(variant), expected)) {
        conflicts.push({
          variantId: item.variantId,
          sku: item.sku,
          title: item.title,
          expected,
          current: variant ? pointOf(variant) : null,
        });
      } else if (!samePrice(expected, target)) targets.set(item.variantId, target);
    }
    if (!record || targets.size === 0) continue;
    tx.setPrices({ productId, variants: [...targets].map(([id, { price, compareAtPrice }]) => ({ id, price, compareAtPrice })) });
    changed += targets.size;
  }
  return { changed, conflicts };
}

function describeChange(change: PriceChangeInput): string {
  const amount = change.unit === 'percent' ? formatBasisPoints(change.value) : formatCents(change.value);
  const parts = [change.op === 'keep' ? 'prices kept' : change.op === 'set' ? `set to ${amount}` : `${change.op} by ${amount}`];
  if (change.ending !== 'none') parts.push(change.ending === 'whole' ? 'whole dollars' : `ending .${change.ending}`);
  if (change.compareAt === 'start-sale') parts.push('start sale');
  if (change.compareAt === 'end-sale') parts.push('end sale');
  if (change.minMarginBp !== null) parts.push(`margin ≥ ${formatBasisPoints(change.minMarginBp)}`);
  return parts.join(', ');
}

function batchAudit(batch: PriceBatch, step: string, changed: number, conflicts: number) {
  return {
    entityType: 'price' as const,
    entityId: batch.id,
    entityLabel: `Price batch “${batch.label}”`,
    before: {},
    after: { step, change: describeChange(batch.change), variants: changed, ...(conflicts ? { conflicts } : {}) },
  };
}

export type PriceBatchRequest = {
  label: string;
  selection: PriceSelection;
  change: PriceChangeInput;
  skipFlagged: boolean;
  startsAt: string | null;
  endsAt: string | null;
};

const MAX_LISTED_FLAGS = 20;

/**
 * Makes a batch: applied at once (all or nothing), or scheduled with its
 * items fixed now, so the preview a person approved is exactly what starts.
 */
export async function createPriceBatch(
  db: MockDb,
  actor: Actor,
  input: PriceBatchRequest,
  idempotency: { key: string; fingerprint: string },
): Promise<PriceBatch> {
  const id = `pb_${crypto.randomUUID().replaceAll('-', '').slice(0, 12)}`;
  const { result } = await db.write(
    { actor, permission: 'products.edit', action: 'bulk price change', idempotency, pricing: { batch: { id, label: input.label } } },
    (tx) => {
      const nowMs = Date.parse(tx.now);
      if (input.endsAt !== null && Date.parse(input.endsAt) <= nowMs) {
        throw validationProblem({ endsAt: 'The end must be in the future' });
      }
      const { rows } = plan(db, input.selection, input.change);
      const flagged = rows.filter((r) => r.flags.length);
      if (flagged.length && !input.skipFlagged) {
        const errors: Record<string, string> = {};
        for (const row of flagged.slice(0, MAX_LISTED_FLAGS))
          errors[`variants.${row.sku}`] = row.flags.map((f) => PRICE_FLAG_LABELS[f]).join(', ');
        throw validationProblem(
          errors,
          `${flagged.length} variant${flagged.length === 1 ? '' : 's'} would break a price rule. Nothing was changed: adjust the change, or leave the flagged variants out.`,
        );
      }
      const items: PriceBatchItem[] = rows
        .filter((r) => !r.flags.length && !samePrice(r.from, r.to))
        .map(({ productId, variantId, sku, title, from, to }) => ({ productId, variantId, sku, title, from, to }));
      if (!items.length) throw validationProblem({ change: 'This change leaves every selected price as it is' }, 'Nothing would change.');

      const scheduled = input.startsAt !== null && Date.parse(input.startsAt) > nowMs;
      const batch: PriceBatch = {
        id,
        label: input.label,
        status: scheduled ? 'scheduled' : 'applied',
        change: input.change,
        createdAt: tx.now,
        createdBy: { id: actor.id, name: actor.name },
        startsAt: scheduled && input.startsAt ? new Date(input.startsAt).toISOString() : tx.now,
        endsAt: input.endsAt ? new Date(input.endsAt).toISOString() : null,
        revertedAt: null,
        variantCount: items.length,
        skipped: flagged.length,
        reports: [],
        version: 1,
      };
      let changed = 0;
      if (!scheduled) {
        // Nothing can have moved since the plan: the same write read it.
        changed = moveTo(tx, items, (item) => ({ expected: item.from, target: item.to })).changed;
        batch.reports = [{ step: 'start', at: tx.now, changed, conflicts: [] }];
      }
      tx.putPriceBatch(batch, items);
      tx.auditAs(batchAudit(batch, scheduled ? 'scheduled' : 'applied', items.length, 0));
      return batch;
    },
  );
  return result;
}

/** Who performs a schedule's steps: the shop itself, on behalf of whoever scheduled the batch. */
const SCHEDULER: Actor = { id: 'system', name: 'Schedule', role: 'admin' };

/** A scheduled start or end, effective at `at`; a step another tab already took is skipped. */
async function runStep(db: MockDb, batchId: string, step: 'start' | 'end', at: string): Promise<void> {
  const current = db.pricing.batches.get(batchId);
  if (!current) return;
  await db.write(
    {
      actor: SCHEDULER,
      permission: 'products.edit',
      action: step === 'start' ? 'scheduled price change started' : 'scheduled price change ended',
      pricing: { batch: { id: batchId, label: current.label }, at },
    },
    (tx) => {
      const batch = tx.getPriceBatch(batchId);
      if (!batch || batch.status !== (step === 'start' ? 'scheduled' : 'applied')) return;
      const items = db.pricing.items.get(batchId) ?? [];
      const { changed, conflicts } = moveTo(tx, items, (item) =>
        step === 'start' ? { expected: item.from, target: item.to } : { expected: item.to, target: item.from },
      );
      const next: PriceBatch = {
        ...batch,
        status: step === 'start' ? 'applied' : 'ended',
        reports: [...batch.reports, { step, at, changed, conflicts }],
        version: batch.version + 1,
      };
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
export async function revertPriceBatch(
  db: MockDb,
  actor: Actor,
  batchId: string,
  idempotency: { key: string; fingerprint: string },
): Promise<PriceBatch> {
  const found = db.pricing.batches.get(batchId);
  const { result } = await db.write(
    {
      actor,
      permission: 'products.edit',
      action: 'price batch reverted',
      idempotency,
      pricing: { batch: found ? { id: batchId, label: found.label } : null },
    },
    (tx) => {
      const batch = tx.getPriceBatch(batchId);
      if (!batch) throw new ProblemError({ status: 404, title: 'Price batch not found', detail: `No price batch has the id ${batchId}.` });
      if (batch.status === 'reverted' || batch.status === 'ended') {
        throw new ProblemError({
          status: 409,
          title: `This batch has already ${batch.status}`,
          detail: batch.status === 'ended' ? 'Its prices already returned to what they were when it ended.' : 'It was reverted before.',
          current: batch,
        });
      }
      let changed = 0;
      let conflicts: PriceConflict[] = [];
      if (batch.status === 'applied') {
        ({ changed, conflicts } = moveTo(tx, db.pricing.items.get(batchId) ?? [], (item) => ({ expected: item.to, target: item.from })));
      }
      const next: PriceBatch = {
        ...batch,
        status: 'reverted',
        revertedAt: tx.now,
        reports: [...batch.reports, { step: 'revert', at: tx.now, changed, conflicts }],
        version: batch.version + 1,
      };
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
  if (!batch) throw new ProblemError({ status: 404, title: 'Price batch not found', detail: `No price batch has the id ${id}.` });
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
