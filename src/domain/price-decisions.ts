/**
 * The decisions of bulk pricing, once for the mock (mocks/price-writes.ts) and
 * the server (server/src/plugin/pricing/): given the selected variants as they
 * are now and a change, the preview rows and totals; given those rows, the
 * batch and its items (or the problem that refuses it); given a batch's items
 * and the prices now, which variants move and which are conflicts; the batch
 * after a start, end or revert; the audit draft and the price history rows.
 * Storage, transactions and the selection query are the caller's.
 */
import { formatCents } from '../contract/values/money';
import {
  applyPriceChange,
  formatBasisPoints,
  PRICE_FLAG_LABELS,
  priceTotals,
  samePrice,
  type PricePoint,
  type PriceTotals,
} from './price-rules';
import type { AuditDraft } from './audit-rules';
import type {
  PriceBatch,
  PriceBatchItem,
  PriceChangeInput,
  PriceConflict,
  PriceHistoryEntry,
  PricePreviewRow,
  PriceSelection,
} from '../contract/pricing-schemas';
import { ProblemError, validationProblem } from '../contract/problems';
import { variantTitle } from './product-rules';
import type { Product } from '../contract/schemas';

/** One variant of a selection as it is now: what a plan needs to know of it. */
export type SelectedVariant = {
  productId: string;
  variantId: string;
  sku: string;
  /** The variant's label: the product title, then its option values. */
  title: string;
  price: number;
  compareAtPrice: number | null;
  cost: number | null;
};

export type PricePlan = { rows: PricePreviewRow[]; totals: PriceTotals };

/**
 * The products a `kind: "products"` selection names, deduplicated in the order given;
 * an unknown id is a 422 naming it (`selection.ids.<i>`).
 */
export function selectedProductIds(selection: Extract<PriceSelection, { kind: 'products' }>, exists: (id: string) => boolean): string[] {
  const errors: Record<string, string> = {};
  const ids: string[] = [];
  const seen = new Set<string>();
  selection.ids.forEach((id, i) => {
    if (!exists(id)) errors[`selection.ids.${i}`] = `No product has the id ${id}`;
    else if (!seen.has(id)) ids.push(id);
    seen.add(id);
  });
  if (Object.keys(errors).length)
    throw validationProblem(errors, 'Some selected products no longer exist. Refresh the list and choose again.');
  return ids;
}

/** Every selected variant (in selection order) with what the change would do to it, and the totals. */
export function planPrices(variants: Iterable<SelectedVariant>, change: PriceChangeInput): PricePlan {
  const totals = priceTotals();
  const rows: PricePreviewRow[] = [];
  for (const v of variants) {
    const from: PricePoint = { price: v.price, compareAtPrice: v.compareAtPrice };
    const outcome = applyPriceChange(v, change);
    totals.add(from, outcome);
    rows.push({
      productId: v.productId,
      variantId: v.variantId,
      sku: v.sku,
      title: v.title,
      cost: v.cost,
      from,
      to: outcome.to,
      marginBefore: outcome.marginBefore,
      marginAfter: outcome.marginAfter,
      flags: outcome.flags,
      floored: outcome.floored,
    });
  }
  return { rows, totals: totals.result() };
}

/** One page of a plan; `totals` counts every row. */
export function previewPageOf(plan: PricePlan, page: { offset: number; limit: number; flaggedOnly: boolean }) {
  const shown = page.flaggedOnly ? plan.rows.filter((r) => r.flags.length) : plan.rows;
  return { items: shown.slice(page.offset, page.offset + page.limit), total: shown.length, totals: plan.totals };
}

export type PriceBatchRequest = {
  label: string;
  selection: PriceSelection;
  change: PriceChangeInput;
  skipFlagged: boolean;
  startsAt: string | null;
  endsAt: string | null;
};

/** Checked before the selection is read, as the mock always did. */
export function checkBatchEnd(input: { endsAt: string | null }, now: string): void {
  if (input.endsAt !== null && Date.parse(input.endsAt) <= Date.parse(now)) {
    throw validationProblem({ endsAt: 'The end must be in the future' });
  }
}

const MAX_LISTED_FLAGS = 20;

/**
 * The batch a plan makes, with its items (the variants that move), or the 422
 * that refuses it: flagged variants without `skipFlagged`, or nothing to change.
 * `scheduled`: its items wait for `startsAt`; otherwise they move now (and the
 * caller adds the start report with what moved).
 */
export function decideBatch(
  rows: readonly PricePreviewRow[],
  input: PriceBatchRequest,
  made: { id: string; now: string; actor: { id: string; name: string } },
): { batch: PriceBatch; items: PriceBatchItem[]; scheduled: boolean } {
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

  const nowMs = Date.parse(made.now);
  const scheduled = input.startsAt !== null && Date.parse(input.startsAt) > nowMs;
  const batch: PriceBatch = {
    id: made.id,
    label: input.label,
    status: scheduled ? 'scheduled' : 'applied',
    change: input.change,
    createdAt: made.now,
    createdBy: { id: made.actor.id, name: made.actor.name },
    startsAt: scheduled && input.startsAt ? new Date(input.startsAt).toISOString() : made.now,
    endsAt: input.endsAt ? new Date(input.endsAt).toISOString() : null,
    revertedAt: null,
    variantCount: items.length,
    skipped: flagged.length,
    reports: [],
    version: 1,
  };
  return { batch, items, scheduled };
}

/** A new batch id, as the mock makes them. */
export function newPriceBatchId(): string {
  return `pb_${crypto.randomUUID().replaceAll('-', '').slice(0, 12)}`;
}

export type PriceMove = { item: PriceBatchItem; target: PricePoint };

/**
 * Which of a batch's items move to `target` now: those whose variant still has the
 * `expected` price. The others (changed since, or gone: `current` undefined) are
 * conflicts and keep their price. Grouped by product in order of first appearance.
 */
export function decideMoves(
  items: readonly PriceBatchItem[],
  current: (item: PriceBatchItem) => PricePoint | undefined,
  pick: (item: PriceBatchItem) => { expected: PricePoint; target: PricePoint },
): { moves: PriceMove[]; conflicts: PriceConflict[] } {
  const byProduct = new Map<string, PriceBatchItem[]>();
  for (const item of items) {
    const list = byProduct.get(item.productId);
    if (list) list.push(item);
    else byProduct.set(item.productId, [item]);
  }
  const moves: PriceMove[] = [];
  const conflicts: PriceConflict[] = [];
  for (const list of byProduct.values()) {
    for (const item of list) {
      const { expected, target } = pick(item);
      const now = current(item);
      if (!now || !samePrice(now, expected)) {
        conflicts.push({ variantId: item.variantId, sku: item.sku, title: item.title, expected, current: now ?? null });
      } else if (!samePrice(expected, target)) moves.push({ item, target });
    }
  }
  return { moves, conflicts };
}

/** Forward (start) or back (end, revert). */
export const moveForward = (item: PriceBatchItem) => ({ expected: item.from, target: item.to });
export const moveBack = (item: PriceBatchItem) => ({ expected: item.to, target: item.from });

export function priceBatchNotFound(id: string): ProblemError {
  return new ProblemError({ status: 404, title: 'Price batch not found', detail: `No price batch has the id ${id}.` });
}

/** Reverting an ended or reverted batch is a 409 with the batch; null when it may be reverted. */
export function revertRefusal(batch: PriceBatch): ProblemError | null {
  if (batch.status !== 'reverted' && batch.status !== 'ended') return null;
  return new ProblemError({
    status: 409,
    title: `This batch has already ${batch.status}`,
    detail: batch.status === 'ended' ? 'Its prices already returned to what they were when it ended.' : 'It was reverted before.',
    current: batch,
  });
}

/** The batch after a revert; only an applied batch has prices to move back (a scheduled one is cancelled). */
export function revertedBatch(batch: PriceBatch, now: string, changed: number, conflicts: PriceConflict[]): PriceBatch {
  return {
    ...batch,
    status: 'reverted',
    revertedAt: now,
    reports: [...batch.reports, { step: 'revert', at: now, changed, conflicts }],
    version: batch.version + 1,
  };
}

/** Who performs a schedule's steps: the shop itself, on behalf of whoever scheduled the batch. */
export const SCHEDULER = { id: 'system', name: 'Schedule', role: 'admin' } as const;

export type ScheduleStep = { batchId: string; step: 'start' | 'end'; at: string };

/** The status a batch must have for a step to run; a step another request already took is skipped. */
export function stepApplies(batch: PriceBatch, step: 'start' | 'end'): boolean {
  return batch.status === (step === 'start' ? 'scheduled' : 'applied');
}

export function steppedBatch(
  batch: PriceBatch,
  step: 'start' | 'end',
  at: string,
  changed: number,
  conflicts: PriceConflict[],
): PriceBatch {
  return {
    ...batch,
    status: step === 'start' ? 'applied' : 'ended',
    reports: [...batch.reports, { step, at, changed, conflicts }],
    version: batch.version + 1,
  };
}

export const STEP_ACTIONS = { start: 'scheduled price change started', end: 'scheduled price change ended' } as const;

/** Scheduled starts and ends due at `nowMs`, earliest first. */
export function dueSteps(batches: Iterable<PriceBatch>, nowMs: number): ScheduleStep[] {
  const steps: ScheduleStep[] = [];
  for (const b of batches) {
    if (b.status === 'scheduled' && Date.parse(b.startsAt) <= nowMs) {
      steps.push({ batchId: b.id, step: 'start', at: b.startsAt });
      if (b.endsAt && Date.parse(b.endsAt) <= nowMs) steps.push({ batchId: b.id, step: 'end', at: b.endsAt });
    } else if (b.status === 'applied' && b.endsAt && Date.parse(b.endsAt) <= nowMs)
      steps.push({ batchId: b.id, step: 'end', at: b.endsAt });
  }
  return steps.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
}

/** "lower by 20 %, ending .99, start sale": the audit's words for a change. */
export function describeChange(change: PriceChangeInput): string {
  const amount = change.unit === 'percent' ? formatBasisPoints(change.value) : formatCents(change.value);
  const parts = [change.op === 'keep' ? 'prices kept' : change.op === 'set' ? `set to ${amount}` : `${change.op} by ${amount}`];
  if (change.ending !== 'none') parts.push(change.ending === 'whole' ? 'whole dollars' : `ending .${change.ending}`);
  if (change.compareAt === 'start-sale') parts.push('start sale');
  if (change.compareAt === 'end-sale') parts.push('end sale');
  if (change.minMarginBp !== null) parts.push(`margin ≥ ${formatBasisPoints(change.minMarginBp)}`);
  return parts.join(', ');
}

/** A batch's one audit entry per step: it stands for every product the step repriced. */
export function batchAudit(batch: PriceBatch, step: string, changed: number, conflicts: number): AuditDraft {
  return {
    entityType: 'price' as const,
    entityId: batch.id,
    entityLabel: `Price batch “${batch.label}”`,
    before: {},
    after: { step, change: describeChange(batch.change), variants: changed, ...(conflicts ? { conflicts } : {}) },
  };
}

/** Who and which batch a price history entry names. */
export type HistoryContext = {
  at: string;
  actor: { id: string; name: string };
  action: string;
  batch: { id: string; label: string } | null;
};

/** One history entry per variant whose price or compare-at a write changed (or created). */
export function priceHistoryOf(
  before: Product | undefined,
  after: Product,
  ctx: HistoryContext,
  nextId: () => string,
): PriceHistoryEntry[] {
  const old = new Map((before?.variants ?? []).map((v) => [v.id, v]));
  const entries: PriceHistoryEntry[] = [];
  for (const v of after.variants) {
    const was = old.get(v.id);
    if (was && was.price === v.price && was.compareAtPrice === v.compareAtPrice) continue;
    entries.push({
      id: nextId(),
      at: ctx.at,
      productId: after.id,
      variantId: v.id,
      sku: v.sku,
      title: variantTitle(after.title, v.optionValues),
      batchId: ctx.batch?.id ?? null,
      batchLabel: ctx.batch?.label ?? null,
      actor: ctx.actor,
      action: ctx.action,
      from: was ? { price: was.price, compareAtPrice: was.compareAtPrice } : null,
      to: { price: v.price, compareAtPrice: v.compareAtPrice },
    });
  }
  return entries;
}
