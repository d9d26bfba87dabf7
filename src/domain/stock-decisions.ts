/**
 * The stock rules as plain, synchronous functions: the mock and the real
 * server both call them inside their own write (transaction), with the levels
 * they loaded, and store what comes back. Each one either throws the
 * ProblemError the contract promises (404, 409 with the fresh levels, 422
 * beside the field, 428) or returns the decision: the levels as they stand
 * after the write, the ledger rows to append and the audit entries to record.
 * Nothing here reads a clock, a database or a random source; the caller
 * stamps each ledger row with its id, time and actor.
 */
import type { z } from 'zod';
import type { AuditDraft } from './audit-rules';
import { MAX_STOCK_UNITS, type AdjustmentReason, type StockReason } from '../contract/constants';
import { changedMeanwhile, ProblemError, validationProblem } from '../contract/problems';
import { idempotencyKeyRequired } from '../contract/protocol';
import { adjustmentDelta, available, daysOfCover, levelLimitProblem, stockState } from './stock-rules';
import type {
  adjustmentInputSchema,
  InventoryLevel,
  Location,
  receiptInputSchema,
  ReceiptResult,
  ReceiptRowResult,
  StockMovement,
  thresholdInputSchema,
  transferInputSchema,
  TransitTransfer,
} from '../contract/stock-schemas';
import type { ReorderPolicyInput } from '../contract/replenishment-schemas';
import { variantNotFound } from './product-rules';

/** The request bodies once parsed (parseBody with the schemas of stock-schemas.ts). */
export type AdjustmentCommand = z.output<typeof adjustmentInputSchema>;
export type TransferCommand = z.output<typeof transferInputSchema>;
export type ReceiptCommand = z.output<typeof receiptInputSchema>;
export type ThresholdCommand = z.output<typeof thresholdInputSchema>;

/** A variant the request names, as the caller found it (by id, or for a receipt by SKU). */
export type StockVariant = {
  id: string;
  productId: string;
  sku: string;
  /** The product's title. */
  title: string;
  optionValues: readonly string[];
};

/**
 * What the caller loaded before deciding. A variant or level missing from it
 * is taken not to exist (404), so load every one the request names.
 */
export type StockSnapshot = {
  /** Every location of the shop (GET /api/locations). */
  locations: readonly Location[];
  /** The variants the request names that exist. */
  variants: readonly StockVariant[];
  /** Their levels as they stand now, as the API shows them; the decision answers in the same shape. */
  levels: readonly InventoryLevel[];
};

/** A ledger row to append: the caller adds id, at and actor. onHandAfter is the level's balance right after it. */
export type MovementDraft = Omit<StockMovement, 'id' | 'at' | 'actor'>;

export type StockDecision = {
  /**
   * Every level the write changes, as it stands afterwards, in the order they
   * were first touched. Store onHand, reserved, threshold and version; the
   * rest (available, state, daysOfCover) is worked out from them.
   */
  levels: InventoryLevel[];
  /** In the order they happened. */
  movements: MovementDraft[];
  audit: AuditDraft[];
};

export type ReceiptDecision = StockDecision & { result: ReceiptResult };

const REASON_WORDS: Record<AdjustmentReason, string> = {
  received: 'received',
  count_correction: 'count corrected',
  damaged: 'written off as damaged',
  lost: 'written off as lost',
};

function locationName(locations: readonly Location[], id: string): string {
  return locations.find((l) => l.id === id)?.name ?? id;
}

const levelKey = (variantId: string, locationId: string): string => `${variantId}@${locationId}`;

type LevelChange = {
  quantity: number;
  reservedChange?: number;
  reason: StockReason;
  note: string;
  transferId?: string | null;
  purchaseOrder?: { id: string; number: number } | null;
  /** What is coming to the level after this change, when it moves that too (a transfer or an order arriving). */
  incoming?: Partial<Pick<InventoryLevel, 'onOrder' | 'inTransit'>>;
  /** The request's field a refusal of this change goes beside (a level past MAX_STOCK_UNITS). */
  field: string;
};

/** What a level's settings may change to (threshold, reorder settings), beside on hand and reserved. */
type LevelSettings = Partial<
  Pick<InventoryLevel, 'onHand' | 'reserved' | 'threshold' | 'reorderPoint' | 'reorderQuantity' | 'safetyDays' | 'onOrder' | 'inTransit'>
>;

/**
 * The levels one write changes, on copies of the snapshot: several changes to
 * one level (many receipt rows) add up, and each change is one new version
 * and one ledger row, so a level only moves together with the row that explains it.
 */
/**
 * A level with new numbers or settings, and the next version: what is derived
 * from them (available, state, days of cover) follows. Days of cover count what
 * is on order and in transit too (src/domain/reorder-rules.ts position).
 */
export function levelWith(level: InventoryLevel, state: LevelSettings): InventoryLevel {
  const onHand = state.onHand ?? level.onHand;
  const reserved = state.reserved ?? level.reserved;
  const threshold = state.threshold ?? level.threshold;
  const free = available({ onHand, reserved });
  return {
    ...level,
    ...state,
    onHand,
    reserved,
    available: free,
    threshold,
    state: stockState(free, threshold),
    daysOfCover: daysOfCover(free + (state.onOrder ?? level.onOrder) + (state.inTransit ?? level.inTransit), level.sold28),
    version: level.version + 1,
  };
}

export class Staged {
  private readonly variants: Map<string, StockVariant>;
  private readonly loaded: Map<string, InventoryLevel>;
  private readonly changed = new Map<string, InventoryLevel>();
  readonly movements: MovementDraft[] = [];

  constructor(private readonly snapshot: StockSnapshot) {
    this.variants = new Map(snapshot.variants.map((v) => [v.id, v]));
    this.loaded = new Map(snapshot.levels.map((l) => [levelKey(l.variantId, l.locationId), l]));
  }

  /** The level as it stands in this write; 404 for an unknown variant or level, 422 on `field` for an unknown location. */
  get(variantId: string, locationId: string, field = 'locationId'): InventoryLevel {
    const variant = this.variants.get(variantId);
    if (!variant) throw variantNotFound(variantId);
    if (!this.snapshot.locations.some((l) => l.id === locationId)) {
      throw validationProblem({ [field]: 'Choose one of the shop’s locations' });
    }
    const key = levelKey(variantId, locationId);
    const level = this.changed.get(key) ?? this.loaded.get(key);
    if (!level)
      throw new ProblemError({ status: 404, title: 'Level not found', detail: `${variant.sku} has no stock level at ${locationId}.` });
    return level;
  }

  /** A new version of the level, with the fields given; the derived ones follow. */
  private set(level: InventoryLevel, state: LevelSettings): InventoryLevel {
    const next = levelWith(level, state);
    this.changed.set(levelKey(level.variantId, level.locationId), next);
    return next;
  }

  /** Moves a level and writes the ledger row that says why; 422 on the change's field when it takes the level past the limit. */
  move(variantId: string, locationId: string, change: LevelChange): void {
    const level = this.get(variantId, locationId);
    const reservedChange = change.reservedChange ?? 0;
    const after = { onHand: level.onHand + change.quantity, reserved: level.reserved + reservedChange };
    const tooMuch = levelLimitProblem(level, after, `${level.sku} at ${locationName(this.snapshot.locations, locationId)}`);
    if (tooMuch) throw validationProblem({ [change.field]: tooMuch });
    const next = this.set(level, { ...after, ...change.incoming });
    this.movements.push({
      variantId,
      sku: level.sku,
      locationId,
      reason: change.reason,
      quantity: change.quantity,
      reservedChange,
      note: change.note,
      orderId: null,
      orderNumber: null,
      transferId: change.transferId ?? null,
      purchaseOrderId: change.purchaseOrder?.id ?? null,
      purchaseOrderNumber: change.purchaseOrder?.number ?? null,
      onHandAfter: next.onHand,
    });
  }

  settle(variantId: string, locationId: string, settings: LevelSettings): void {
    this.set(this.get(variantId, locationId), settings);
  }

  decision(audit: AuditDraft[]): StockDecision {
    return { levels: [...this.changed.values()], movements: this.movements, audit };
  }
}

function staleLevel(locations: readonly Location[], levels: InventoryLevel[], seen: number, now: number): ProblemError {
  const level = levels[0];
  return new ProblemError({
    status: 409,
    title: 'The stock changed since you looked',
    detail: `${level ? `${level.sku} at ${locationName(locations, level.locationId)}` : 'This level'} is now at version ${now} (you saw version ${seen}): on hand ${level?.onHand ?? '?'}, reserved ${level?.reserved ?? '?'}. Check the new numbers and try again.`,
    current: { levels },
  });
}

/** A write by hand: units received, damaged or lost, or a count that replaces on hand by what is on the shelf. */
export function decideAdjustment(input: AdjustmentCommand, snapshot: StockSnapshot): StockDecision {
  const { locations } = snapshot;
  const staged = new Staged(snapshot);
  const level = staged.get(input.variantId, input.locationId);
  if (input.version !== level.version) throw staleLevel(locations, [level], input.version, level.version);
  const delta = adjustmentDelta(input.reason, input.quantity, level.onHand);
  if (level.onHand + delta < 0) {
    throw validationProblem({
      quantity: `On hand cannot go below zero: ${level.sku} has ${level.onHand} at ${locationName(locations, input.locationId)}.`,
    });
  }
  staged.move(input.variantId, input.locationId, { quantity: delta, reason: input.reason, note: input.note, field: 'quantity' });
  return staged.decision([
    {
      entityType: 'stock',
      entityId: input.variantId,
      entityLabel: `${level.sku} at ${locationName(locations, input.locationId)}`,
      before: { onHand: level.onHand },
      after: { onHand: level.onHand + delta, reason: REASON_WORDS[input.reason], ...(input.note ? { note: input.note } : {}) },
    },
  ]);
}

/**
 * Units from one location to another: two ledger rows sharing `transferId`,
 * which the caller makes (it has the random source). Only what is available
 * (on hand − reserved) may leave. In one step by default; `inTransit`, the
 * units leave now and the transfer (`transfer`, for the caller to store) is on
 * the road until received (decideTransferReceipt): counted as in transit at its
 * destination and nowhere on hand, so once.
 */
export function decideTransfer(
  input: TransferCommand,
  snapshot: StockSnapshot,
  transferId: string,
): StockDecision & { transfer: Omit<TransitTransfer, 'sentAt' | 'receivedAt'> | null } {
  const { locations } = snapshot;
  const staged = new Staged(snapshot);
  const from = staged.get(input.variantId, input.fromLocationId, 'fromLocationId');
  const to = staged.get(input.variantId, input.toLocationId, 'toLocationId');
  if (from.version !== input.fromVersion || to.version !== input.toVersion) {
    const [seen, now] = from.version !== input.fromVersion ? [input.fromVersion, from.version] : [input.toVersion, to.version];
    throw staleLevel(locations, [from, to], seen, now);
  }
  const free = available(from);
  if (input.quantity > free) {
    throw validationProblem({
      quantity: `Only ${Math.max(0, free)} available at ${locationName(locations, input.fromLocationId)} (${from.onHand} on hand, ${from.reserved} reserved).`,
    });
  }
  const moved = { note: input.note, transferId, field: 'quantity' };
  staged.move(input.variantId, input.fromLocationId, { ...moved, quantity: -input.quantity, reason: 'transfer_out' });
  if (!input.inTransit) staged.move(input.variantId, input.toLocationId, { ...moved, quantity: input.quantity, reason: 'transfer_in' });
  const route = `${locationName(locations, input.fromLocationId)} → ${locationName(locations, input.toLocationId)}`;
  const decision = staged.decision([
    {
      entityType: 'stock',
      entityId: input.variantId,
      entityLabel: `${from.sku}: ${route}`,
      before: { [input.fromLocationId]: from.onHand, [input.toLocationId]: to.onHand },
      after: input.inTransit
        ? { [input.fromLocationId]: from.onHand - input.quantity, inTransit: input.quantity }
        : { [input.fromLocationId]: from.onHand - input.quantity, [input.toLocationId]: to.onHand + input.quantity },
    },
  ]);
  const transfer = input.inTransit
    ? {
        id: transferId,
        variantId: input.variantId,
        sku: from.sku,
        title: [from.title, from.variantTitle].filter(Boolean).join(' — '),
        fromLocationId: input.fromLocationId,
        toLocationId: input.toLocationId,
        quantity: input.quantity,
        status: 'in_transit' as const,
        note: input.note,
        version: 1,
      }
    : null;
  return { ...decision, transfer };
}

/**
 * A transfer in transit arrives: one `transfer_in` row at its destination.
 * `version` is the transfer's (If-Match); one received already is 409 with
 * it as it stands, so a second click or a second person cannot add it twice.
 */
export function decideTransferReceipt(
  transfer: TransitTransfer,
  version: number,
  snapshot: StockSnapshot,
): StockDecision & { transfer: TransitTransfer } {
  if (transfer.version !== version) throw changedMeanwhile('transfer', version, transfer);
  if (transfer.status !== 'in_transit') {
    throw new ProblemError({
      status: 409,
      title: 'This transfer was received already',
      detail:
        `${transfer.quantity} × ${transfer.sku} arrived at ${locationName(snapshot.locations, transfer.toLocationId)} ${transfer.receivedAt ?? ''}.`.trim(),
      current: transfer,
    });
  }
  const staged = new Staged(snapshot);
  const to = staged.get(transfer.variantId, transfer.toLocationId, 'toLocationId');
  staged.move(transfer.variantId, transfer.toLocationId, {
    quantity: transfer.quantity,
    reason: 'transfer_in',
    note: transfer.note,
    transferId: transfer.id,
    // On the shelf now, so no longer on the road: counted once.
    incoming: { inTransit: Math.max(0, to.inTransit - transfer.quantity) },
    field: 'quantity',
  });
  const decision = staged.decision([
    {
      entityType: 'stock',
      entityId: transfer.variantId,
      entityLabel: `${transfer.sku}: ${locationName(snapshot.locations, transfer.fromLocationId)} → ${locationName(snapshot.locations, transfer.toLocationId)}`,
      before: { [transfer.toLocationId]: to.onHand, inTransit: transfer.quantity },
      after: { [transfer.toLocationId]: to.onHand + transfer.quantity, inTransit: 0 },
    },
  ]);
  return { ...decision, transfer: { ...transfer, status: 'received', version: transfer.version + 1 } };
}

/**
 * A level's reorder point, reorder quantity and safety days (PUT …/reorder,
 * If-Match the level's version). Null leaves the point or the quantity to the
 * suggestion from sales. A new version, no ledger row.
 */
export function decideReorderPolicy(
  level: { variantId: string; locationId: string; version: number },
  input: ReorderPolicyInput,
  snapshot: StockSnapshot,
): StockDecision {
  const staged = new Staged(snapshot);
  const current = staged.get(level.variantId, level.locationId);
  if (level.version !== current.version) throw staleLevel(snapshot.locations, [current], level.version, current.version);
  staged.settle(level.variantId, level.locationId, input);
  const words = (n: number | null) => (n === null ? 'suggested' : n);
  return staged.decision([
    {
      entityType: 'stock',
      entityId: level.variantId,
      entityLabel: `${current.sku} at ${locationName(snapshot.locations, level.locationId)}`,
      before: {
        reorderPoint: words(current.reorderPoint),
        reorderQuantity: words(current.reorderQuantity),
        safetyDays: current.safetyDays,
      },
      after: { reorderPoint: words(input.reorderPoint), reorderQuantity: words(input.reorderQuantity), safetyDays: input.safetyDays },
    },
  ]);
}

/**
 * Units received against a purchase order: one `received` row per line that
 * came in, naming the order (src/domain/purchase-decisions.ts decides what
 * may be received; this only moves the levels).
 */
export function receivedMoves(
  snapshot: StockSnapshot,
  purchaseOrder: { id: string; number: number; locationId: string },
  lines: readonly { variantId: string; quantity: number; field: string; stillToCome: number }[],
  note: string,
): Pick<StockDecision, 'levels' | 'movements'> {
  const staged = new Staged(snapshot);
  for (const line of lines) {
    if (line.quantity <= 0) continue;
    const level = staged.get(line.variantId, purchaseOrder.locationId);
    staged.move(line.variantId, purchaseOrder.locationId, {
      quantity: line.quantity,
      reason: 'received',
      note,
      purchaseOrder: { id: purchaseOrder.id, number: purchaseOrder.number },
      // Arrived, so no longer on order (an over-delivery takes off no more than was still to come).
      incoming: { onOrder: Math.max(0, level.onOrder - Math.min(line.quantity, line.stillToCome)) },
      field: line.field,
    });
  }
  const { levels, movements } = staged.decision([]);
  return { levels, movements };
}

/**
 * A level's low-stock threshold (PUT …/levels/:variantId/:locationId/threshold).
 * `version` is the one in If-Match (the protocol answers 428 when it is missing).
 * A new version but no ledger row: on hand does not move.
 */
export function decideThreshold(
  level: { variantId: string; locationId: string; version: number },
  input: ThresholdCommand,
  snapshot: StockSnapshot,
): StockDecision {
  const staged = new Staged(snapshot);
  const current = staged.get(level.variantId, level.locationId);
  if (level.version !== current.version) throw staleLevel(snapshot.locations, [current], level.version, current.version);
  staged.settle(level.variantId, level.locationId, { threshold: input.threshold });
  return staged.decision([
    {
      entityType: 'stock',
      entityId: level.variantId,
      entityLabel: `${current.sku} at ${locationName(snapshot.locations, level.locationId)}`,
      before: { threshold: current.threshold },
      after: { threshold: input.threshold },
    },
  ]);
}

/** A transfer's id, shared by its two ledger rows (out of one location, into the other). */
export function newTransferId(): string {
  return `trf_${crypto.randomUUID().replaceAll('-', '').slice(0, 12)}`;
}

/** Applying a delivery without an Idempotency-Key: a retry or a double click would receive it twice. */
export function receiptKeyRequired(): ProblemError {
  return idempotencyKeyRequired('Deliveries');
}

/** A minus sign as a file may have it: a hyphen, or the "−" and dashes that spreadsheets and word processors write. */
const NEGATIVE = /^[-\u2212\u2012\u2013]\s*\d+(?:[.,]\d+)?$/;

/**
 * What is wrong with a delivery row's quantity, or null: only digits are taken
 * (a file's "1.5", "-4", "1,200" or "12 units" is refused, never read as something
 * else), and each refusal says what is wrong with this one: a minus sign (a
 * hyphen or a spreadsheet's "−"), a fraction, commas, zero, too many, or no number.
 */
export function receiptQuantityProblem(quantity: string): string | null {
  const text = quantity.trim();
  if (!text) return 'Enter a quantity';
  if (NEGATIVE.test(text)) return 'Receive at least 1 unit: a delivery only adds stock';
  if (/^\d{1,3}(,\d{3})+$/.test(text)) return `Write “${text}” without commas: ${text.replace(/,/g, '')}`;
  if (/^\+?\d+[.,]\d+$/.test(text)) return `“${text}” is not a whole number of units`;
  if (!/^\d+$/.test(text)) return `“${text}” is not a number of units: write it in digits only, like 12`;
  const units = Number(text);
  if (units < 1) return 'Receive at least 1 unit';
  if (units > MAX_STOCK_UNITS) return 'That is more than this shop stocks';
  return null;
}

/**
 * Checks every row of a delivery, each column with its message; the file's
 * header is line 1, so the first row is line 2. `variants` are those whose SKU
 * (compared trimmed and case-insensitively) a row names; `levels`, their
 * levels now. Rows that land on one level add up: when together they would
 * take it past MAX_STOCK_UNITS, each of them says so on its quantity. A level
 * not given counts as empty, so the file alone is still held to the limit.
 */
export function checkReceiptRows(
  rows: ReceiptCommand['rows'],
  snapshot: Pick<StockSnapshot, 'locations' | 'variants'> & Partial<Pick<StockSnapshot, 'levels'>>,
): ReceiptRowResult[] {
  const { locations } = snapshot;
  const bySku = new Map(snapshot.variants.map((v) => [v.sku.toUpperCase(), v]));
  const byText = new Map<string, string>(
    locations.flatMap((l) => [[l.id.toLowerCase(), l.id] as const, [l.name.toLowerCase(), l.id] as const]),
  );
  const checked = rows.map((row, i) => {
    const errors: Record<string, string> = {};
    const sku = row.sku.trim();
    const variant = sku ? bySku.get(sku.toUpperCase()) : undefined;
    if (!sku) errors.sku = 'Enter a SKU';
    else if (!variant) errors.sku = `No variant has the SKU ${sku}`;
    const locationId = byText.get(row.location.trim().toLowerCase()) ?? null;
    if (!row.location.trim()) errors.location = 'Enter a location';
    else if (!locationId) errors.location = `Unknown location “${row.location.trim()}”: use ${locations.map((l) => l.id).join(', ')}`;
    const quantityProblem = receiptQuantityProblem(row.quantity);
    if (quantityProblem) errors.quantity = quantityProblem;
    return {
      line: i + 2,
      sku: row.sku,
      location: row.location,
      quantity: row.quantity,
      ok: Object.keys(errors).length === 0,
      errors,
      variantId: variant?.id ?? null,
      locationId,
      title: variant ? [variant.title, ...variant.optionValues].join(' — ') : null,
    } satisfies ReceiptRowResult;
  });
  const onLevel = new Map<string, ReceiptRowResult[]>();
  for (const row of checked) {
    if (!row.ok || !row.variantId || !row.locationId) continue;
    const key = levelKey(row.variantId, row.locationId);
    onLevel.set(key, [...(onLevel.get(key) ?? []), row]);
  }
  const levels = new Map((snapshot.levels ?? []).map((l) => [levelKey(l.variantId, l.locationId), l]));
  for (const [key, together] of onLevel) {
    const { variantId, locationId } = together[0]!;
    const sku = snapshot.variants.find((v) => v.id === variantId)?.sku ?? variantId;
    const before = levels.get(key) ?? { onHand: 0, reserved: 0 };
    const units = together.reduce((n, r) => n + Number(r.quantity.trim()), 0);
    const rowsWord = together.length === 1 ? 'this row' : `the ${together.length} rows of this file`;
    const where = `With ${rowsWord}, ${sku} at ${locationName(locations, locationId!)}`;
    const tooMuch = levelLimitProblem(before, { onHand: before.onHand + units, reserved: before.reserved }, where);
    if (!tooMuch) continue;
    for (const row of together) {
      row.errors.quantity = tooMuch;
      row.ok = false;
    }
  }
  return checked;
}

/** A delivery's answer: every row, how many are fine and wrong, the units of the fine ones. */
export function summariseReceipt(rows: ReceiptRowResult[], applied: boolean): ReceiptResult {
  const ok = rows.filter((r) => r.ok);
  return {
    applied,
    rows,
    okRows: ok.length,
    errorRows: rows.length - ok.length,
    units: ok.reduce((n, r) => n + Number(r.quantity.trim()), 0),
  };
}

/** 422 with `rows.<i>.<column>` for each message, when a row is wrong: a delivery applies whole or not at all. */
export function refuseWrongRows(rows: readonly ReceiptRowResult[]): void {
  const wrong = rows.filter((r) => !r.ok);
  if (!wrong.length) return;
  const errors: Record<string, string> = {};
  rows.forEach((r, i) => {
    for (const [column, message] of Object.entries(r.errors)) errors[`rows.${i}.${column}`] = `Line ${r.line}: ${message}`;
  });
  throw validationProblem(
    errors,
    `${wrong.length} of ${rows.length} rows need attention. Nothing was received; fix the file and try again.`,
  );
}

/**
 * A delivery from a CSV. A dry run reports every row and changes nothing.
 * Otherwise the whole file applies, or, while one row is wrong, nothing does:
 * 422 with `rows.<i>.<column>` for each message. Both need the levels of every
 * (variant, location) the rows name, to hold their sum to the limit (a dry run
 * without them holds only the file to it); each row applied is one ledger row
 * and one new version of its level.
 */
export function decideReceipt(input: ReceiptCommand, snapshot: StockSnapshot): ReceiptDecision {
  const rows = checkReceiptRows(input.rows, snapshot);
  if (input.dryRun) return { result: summariseReceipt(rows, false), levels: [], movements: [], audit: [] };
  refuseWrongRows(rows);
  const staged = new Staged(snapshot);
  const note = input.note || 'Delivery received from CSV';
  rows.forEach((row, i) =>
    staged.move(row.variantId!, row.locationId!, {
      quantity: Number(row.quantity.trim()),
      reason: 'received',
      note,
      field: `rows.${i}.quantity`,
    }),
  );
  const units = rows.reduce((n, r) => n + Number(r.quantity.trim()), 0);
  const decision = staged.decision([
    {
      entityType: 'stock',
      entityId: 'delivery',
      entityLabel: `Delivery of ${units} units in ${rows.length} rows`,
      before: {},
      after: { units, rows: rows.length, ...(input.note ? { note: input.note } : {}) },
    },
  ]);
  return { ...decision, result: summariseReceipt(rows, true) };
}
