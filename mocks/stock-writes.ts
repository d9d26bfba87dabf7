/**
 * Stock changes, each one write through the store's single path: the role,
 * the idempotency key and the audit entry are checked and recorded there;
 * the level versions, the ledger rows and "never below zero" here. A level
 * only changes together with the movement that explains it.
 */
import type { AdjustmentReason } from '../src/api/constants';
import {
  adjustmentInputSchema,
  receiptInputSchema,
  thresholdInputSchema,
  transferInputSchema,
  type InventoryLevel,
  type ReceiptResult,
  type ReceiptRowResult,
  type StockChangeResult,
  type StockMovement,
} from '../src/api/stock-schemas';
import { adjustmentDelta } from '../src/api/stock-rules';
import { LOCATIONS } from './catalogue';
import { parseBody, ProblemError, validationProblem } from './problems';
import type { LevelState, MovementRecord, ProductRecord } from './records';
import { locationIndex } from './stock-seed';
import type { Actor, MockDb, WriteTx } from './store';

type Idempotency = { key: string; fingerprint: string };

const REASON_WORDS: Record<AdjustmentReason, string> = {
  received: 'received',
  count_correction: 'count corrected',
  damaged: 'written off as damaged',
  lost: 'written off as lost',
};

export function locationName(id: string): string {
  return LOCATIONS.find((l) => l.id === id)?.name ?? id;
}

/**
 * The levels one write changes, staged on copies of their product records:
 * several changes to one product (both ends of a transfer, many receipt
 * rows) land in one record, which is put once at the end.
 */
export class StagedLevels {
  private records = new Map<string, ProductRecord>();
  private touched: { variantId: string; locationId: string }[] = [];
  readonly movements: MovementRecord[] = [];

  constructor(
    private readonly db: MockDb,
    private readonly tx: WriteTx,
  ) {}

  /** The level as it stands in this write; 404/422 when the variant or the location does not exist. */
  get(
    variantId: string,
    locationId: string,
    field = 'locationId',
  ): { state: LevelState; sku: string; record: ProductRecord; index: number } {
    const owner = this.db.variantOwner(variantId);
    if (!owner) throw new ProblemError({ status: 404, title: 'Variant not found', detail: `No variant has the id ${variantId}.` });
    const loc = locationIndex(locationId);
    if (loc === undefined) throw validationProblem({ [field]: 'Choose one of the shop’s locations' });
    const id = owner.record.product.id;
    let record = this.records.get(id);
    if (!record) {
      const current = this.tx.get(id) ?? owner.record;
      // Copies of the rows this write may change; the rest is shared with the stored record.
      record = { ...current, levels: current.levels.map((row) => row.map((level) => ({ ...level }))) };
      this.records.set(id, record);
    }
    const state = record.levels[owner.index]?.[loc];
    const sku = record.product.variants[owner.index]?.sku ?? '';
    if (!state) throw new ProblemError({ status: 404, title: 'Level not found', detail: `${sku} has no stock level at ${locationId}.` });
    return { state, sku, record, index: owner.index };
  }

  /** The level is about to change: a new version, and it is part of the answer. */
  touch(variantId: string, locationId: string): ReturnType<StagedLevels['get']> {
    const level = this.get(variantId, locationId);
    level.state.version += 1;
    this.touched.push({ variantId, locationId });
    return level;
  }

  /** Moves a level and writes the ledger row that says why. */
  move(
    variantId: string,
    locationId: string,
    change: {
      quantity: number;
      reservedChange?: number;
      reason: MovementRecord['reason'];
      note: string;
      transferId?: string | null;
      order?: { id: string; number: number };
    },
  ): void {
    const { state, sku } = this.touch(variantId, locationId);
    state.onHand += change.quantity;
    state.reserved += change.reservedChange ?? 0;
    this.movements.push(
      this.tx.move({
        variantId,
        sku,
        locationId,
        reason: change.reason,
        quantity: change.quantity,
        reservedChange: change.reservedChange ?? 0,
        note: change.note,
        orderId: change.order?.id ?? null,
        orderNumber: change.order?.number ?? null,
        transferId: change.transferId ?? null,
      }),
    );
  }

  /** Puts every changed record (with each variant's stock total) and returns the changed levels as the API shows them. */
  commit(): InventoryLevel[] {
    for (const record of this.records.values()) {
      const variants = record.product.variants.map((v, i) => ({ ...v, stock: (record.levels[i] ?? []).reduce((n, l) => n + l.onHand, 0) }));
      // Stock is not an edit of the product: its version stays, so nobody's open editor becomes stale.
      this.tx.put({ ...record, product: { ...record.product, variants } });
    }
    return this.touched.map(({ variantId, locationId }) => {
      const { state, record, index } = this.get(variantId, locationId);
      return this.db.levelView(record.product, index, locationId, state);
    });
  }
}

function staleLevel(levels: InventoryLevel[], seen: number, now: number): ProblemError {
  const level = levels[0];
  return new ProblemError({
    status: 409,
    title: 'The stock changed since you looked',
    detail: `${level ? `${level.sku} at ${locationName(level.locationId)}` : 'This level'} is now at version ${now} (you saw version ${seen}): on hand ${level?.onHand ?? '?'}, reserved ${level?.reserved ?? '?'}. Check the new numbers and try again.`,
    current: { levels },
  });
}

function checkVersion(db: MockDb, variantId: string, locationId: string, seen: number, actual: number): void {
  if (seen === actual) return;
  const level = db.level(variantId, locationId);
  throw staleLevel(level ? [level] : [], seen, actual);
}

function belowZero(sku: string, locationId: string, onHand: number): string {
  return `On hand cannot go below zero: ${sku} has ${onHand} at ${locationName(locationId)}.`;
}

export async function adjustStock(db: MockDb, actor: Actor, body: unknown, idempotency: Idempotency): Promise<StockChangeResult> {
  const input = parseBody(adjustmentInputSchema, body);
  const { result } = await db.write({ actor, permission: 'stock.edit', action: 'stock adjusted', idempotency }, (tx) => {
    const staged = new StagedLevels(db, tx);
    const { state, sku } = staged.get(input.variantId, input.locationId);
    checkVersion(db, input.variantId, input.locationId, input.version, state.version);
    const delta = adjustmentDelta(input.reason, input.quantity, state.onHand);
    if (state.onHand + delta < 0) throw validationProblem({ quantity: belowZero(sku, input.locationId, state.onHand) });
    const before = state.onHand;
    staged.move(input.variantId, input.locationId, { quantity: delta, reason: input.reason, note: input.note });
    const levels = staged.commit();
    tx.audit({
      entityType: 'stock',
      entityId: input.variantId,
      entityLabel: `${sku} at ${locationName(input.locationId)}`,
      before: { onHand: before },
      after: { onHand: before + delta, reason: REASON_WORDS[input.reason], ...(input.note ? { note: input.note } : {}) },
    });
    return { levels, movements: withBalances(staged.movements, levels) };
  });
  return result;
}

export async function transferStock(db: MockDb, actor: Actor, body: unknown, idempotency: Idempotency): Promise<StockChangeResult> {
  const input = parseBody(transferInputSchema, body);
  const { result } = await db.write({ actor, permission: 'stock.edit', action: 'stock transferred', idempotency }, (tx) => {
    const staged = new StagedLevels(db, tx);
    const from = staged.get(input.variantId, input.fromLocationId, 'fromLocationId');
    const to = staged.get(input.variantId, input.toLocationId, 'toLocationId');
    if (from.state.version !== input.fromVersion || to.state.version !== input.toVersion) {
      const levels = [db.level(input.variantId, input.fromLocationId), db.level(input.variantId, input.toLocationId)].filter(
        (l): l is InventoryLevel => l !== undefined,
      );
      const [seen, now] =
        from.state.version !== input.fromVersion ? [input.fromVersion, from.state.version] : [input.toVersion, to.state.version];
      throw staleLevel(levels, seen, now);
    }
    const free = from.state.onHand - from.state.reserved;
    if (input.quantity > free) {
      throw validationProblem({
        quantity: `Only ${Math.max(0, free)} available at ${locationName(input.fromLocationId)} (${from.state.onHand} on hand, ${from.state.reserved} reserved).`,
      });
    }
    const transferId = `trf_${crypto.randomUUID().replaceAll('-', '').slice(0, 12)}`;
    const fromBefore = from.state.onHand;
    const toBefore = to.state.onHand;
    staged.move(input.variantId, input.fromLocationId, { quantity: -input.quantity, reason: 'transfer_out', note: input.note, transferId });
    staged.move(input.variantId, input.toLocationId, { quantity: input.quantity, reason: 'transfer_in', note: input.note, transferId });
    const levels = staged.commit();
    tx.audit({
      entityType: 'stock',
      entityId: input.variantId,
      entityLabel: `${from.sku}: ${locationName(input.fromLocationId)} → ${locationName(input.toLocationId)}`,
      before: { [input.fromLocationId]: fromBefore, [input.toLocationId]: toBefore },
      after: { [input.fromLocationId]: fromBefore - input.quantity, [input.toLocationId]: toBefore + input.quantity },
    });
    return { levels, movements: withBalances(staged.movements, levels) };
  });
  return result;
}

export async function setThreshold(
  db: MockDb,
  actor: Actor,
  variantId: string,
  locationId: string,
  version: number | null,
  body: unknown,
): Promise<InventoryLevel> {
  const input = parseBody(thresholdInputSchema, body);
  const { result } = await db.write({ actor, permission: 'stock.edit', action: 'threshold changed' }, (tx) => {
    const staged = new StagedLevels(db, tx);
    const { state, sku } = staged.get(variantId, locationId);
    if (version === null) {
      throw new ProblemError({ status: 428, title: 'Version required', detail: 'Send the level’s version in an If-Match header.' });
    }
    checkVersion(db, variantId, locationId, version, state.version);
    const before = state.threshold;
    staged.touch(variantId, locationId);
    state.threshold = input.threshold;
    tx.audit({
      entityType: 'stock',
      entityId: variantId,
      entityLabel: `${sku} at ${locationName(locationId)}`,
      before: { threshold: before },
      after: { threshold: input.threshold },
    });
    const [level] = staged.commit();
    return level!;
  });
  return result;
}

/** The balances the new rows left: each level's on hand after all of this write, walked back row by row. */
function withBalances(movements: MovementRecord[], levels: InventoryLevel[]): StockMovement[] {
  const balance = new Map(levels.map((l) => [`${l.variantId}@${l.locationId}`, l.onHand]));
  const rows: StockMovement[] = [];
  for (let i = movements.length - 1; i >= 0; i--) {
    const m = movements[i]!;
    const key = `${m.variantId}@${m.locationId}`;
    const after = balance.get(key) ?? 0;
    rows.unshift({ ...m, onHandAfter: after });
    balance.set(key, after - m.quantity);
  }
  return rows;
}

const LOCATION_BY_TEXT = new Map<string, string>(
  LOCATIONS.flatMap((l) => [[l.id.toLowerCase(), l.id] as const, [l.name.toLowerCase(), l.id] as const]),
);

/** Checks every row of a delivery; the file's header is line 1, so the first row is line 2. */
function checkReceipt(db: MockDb, rows: { sku: string; location: string; quantity: string }[]): ReceiptRowResult[] {
  return rows.map((row, i) => {
    const errors: Record<string, string> = {};
    const sku = row.sku.trim();
    const owner = sku ? db.ownerOfSku(sku) : undefined;
    if (!sku) errors.sku = 'Enter a SKU';
    else if (!owner) errors.sku = `No variant has the SKU ${sku}`;
    const locationId = LOCATION_BY_TEXT.get(row.location.trim().toLowerCase()) ?? null;
    if (!row.location.trim()) errors.location = 'Enter a location';
    else if (!locationId) errors.location = `Unknown location “${row.location.trim()}”: use ${LOCATIONS.map((l) => l.id).join(', ')}`;
    const text = row.quantity.trim();
    const quantity = /^\d+$/.test(text) ? Number(text) : NaN;
    if (!text) errors.quantity = 'Enter a quantity';
    else if (!Number.isSafeInteger(quantity)) errors.quantity = `“${text}” is not a whole number of units`;
    else if (quantity < 1) errors.quantity = 'Receive at least 1 unit';
    else if (quantity > 1_000_000) errors.quantity = 'That is more than this shop stocks';
    return {
      line: i + 2,
      sku: row.sku,
      location: row.location,
      quantity: row.quantity,
      ok: Object.keys(errors).length === 0,
      errors,
      variantId: owner?.variant.id ?? null,
      locationId,
      title: owner ? [owner.product.title, ...owner.variant.optionValues].join(' — ') : null,
    };
  });
}

function summarise(rows: ReceiptRowResult[], applied: boolean): ReceiptResult {
  const ok = rows.filter((r) => r.ok);
  return {
    applied,
    rows,
    okRows: ok.length,
    errorRows: rows.length - ok.length,
    units: ok.reduce((n, r) => n + Number(r.quantity.trim()), 0),
  };
}

/** A dry run reports every row and changes nothing; otherwise the whole file applies in one write, or nothing does. */
export async function receiveDelivery(db: MockDb, actor: Actor, body: unknown, idempotency: Idempotency | null): Promise<ReceiptResult> {
  const input = parseBody(receiptInputSchema, body);
  if (input.dryRun) return summarise(checkReceipt(db, input.rows), false);
  if (!idempotency) {
    throw new ProblemError({
      status: 400,
      title: 'Idempotency-Key required',
      detail: 'Receiving stock needs an Idempotency-Key header so a retry or a double click applies it once.',
    });
  }
  const { result } = await db.write({ actor, permission: 'stock.edit', action: 'delivery received', idempotency }, (tx) => {
    // Checked inside the write: a SKU renamed a moment ago must not slip through.
    const rows = checkReceipt(db, input.rows);
    const wrong = rows.filter((r) => !r.ok);
    if (wrong.length) {
      const errors: Record<string, string> = {};
      rows.forEach((r, i) => {
        for (const [column, message] of Object.entries(r.errors)) errors[`rows.${i}.${column}`] = `Line ${r.line}: ${message}`;
      });
      throw validationProblem(
        errors,
        `${wrong.length} of ${rows.length} rows need attention. Nothing was received; fix the file and try again.`,
      );
    }
    const staged = new StagedLevels(db, tx);
    const note = input.note || 'Delivery received from CSV';
    for (const row of rows)
      staged.move(row.variantId!, row.locationId!, { quantity: Number(row.quantity.trim()), reason: 'received', note });
    staged.commit();
    const units = rows.reduce((n, r) => n + Number(r.quantity.trim()), 0);
    tx.audit({
      entityType: 'stock',
      entityId: 'delivery',
      entityLabel: `Delivery of ${units} units in ${rows.length} rows`,
      before: {},
      after: { units, rows: rows.length, ...(input.note ? { note: input.note } : {}) },
    });
    return summarise(rows, true);
  });
  return result;
}
