/**
 * Stock changes over the mock's store. The rules (versions, "never below
 * zero", what each ledger row and audit entry says) are the shared ones in
 * src/domain/stock-decisions.ts, which a real server calls the same way; here
 * only the loading and the staging: each write reads the levels it names from
 * its transaction, asks for the decision, and stages the levels, the ledger
 * rows and the audit entry in one write through the store's single path
 * (role, idempotency key and audit are checked and recorded there).
 */
import type { InventoryLevel, ReceiptResult, StockChangeResult, TransitTransfer } from '../src/contract/stock-schemas';
import type { ReorderPolicyInput } from '../src/contract/replenishment-schemas';
import type { Idempotency } from '../src/contract/protocol';
import {
  decideAdjustment,
  decideReceipt,
  decideThreshold,
  decideReorderPolicy,
  decideTransfer,
  decideTransferReceipt,
  newTransferId,
  receiptKeyRequired,
  type AdjustmentCommand,
  type ReceiptCommand,
  type StockSnapshot,
  type ThresholdCommand,
  type TransferCommand,
} from '../src/domain/stock-decisions';
import { LOCATIONS } from '../src/demo-shop/catalogue';
import { ProblemError, validationProblem } from './problems';
import type { LevelState, MovementRecord, ProductRecord } from '../src/demo-shop/shop-records';
import { locationIndex } from '../src/demo-shop/catalogue';
import { writeOf } from './routes/write-of';
import { putWithStock, snapshotOf, stage } from './stock-staging';
import { receiveDeliveryAgainst } from './replenishment-writes';
import type { Actor, MockDb, WriteTx } from './store';
import { variantNotFound } from '../src/domain/product-rules';

export function locationName(id: string): string {
  return LOCATIONS.find((l) => l.id === id)?.name ?? id;
}

/**
 * The levels one write changes, staged on copies of their product records:
 * several changes to one product (both ends of a transfer, many receipt
 * rows) land in one record, which is put once at the end. The order writes
 * stage through it; the stock writes below go through the shared decisions.
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
    if (!owner) throw variantNotFound(variantId);
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
        purchaseOrderId: null,
        purchaseOrderNumber: null,
      }),
    );
  }

  /** Puts every changed record (with each variant's stock total) and returns the changed levels as the API shows them. */
  commit(): InventoryLevel[] {
    for (const record of this.records.values()) putWithStock(this.tx, record);
    return this.touched.map(({ variantId, locationId }) => {
      const { state, record, index } = this.get(variantId, locationId);
      return this.db.levelView(record.product, index, locationId, state);
    });
  }
}

/** The variants a delivery's SKUs name, looked up as the store does (trimmed, any case). */
function receiptSnapshot(db: MockDb, tx: WriteTx | null, rows: { sku: string }[]): StockSnapshot {
  const ids: string[] = [];
  for (const row of rows) {
    const sku = row.sku.trim();
    const id = sku ? db.ownerOfSku(sku)?.variant.id : undefined;
    if (id) ids.push(id);
  }
  return snapshotOf(db, tx, ids);
}

/*
 * Each takes its input as the route read it (src/contract/routes.ts), If-Match and Idempotency-Key included.
 */

export async function adjustStock(
  db: MockDb,
  actor: Actor,
  input: AdjustmentCommand,
  idempotency: Idempotency,
): Promise<StockChangeResult> {
  const { result } = await db.write({ actor, ...writeOf('inventory.adjust'), idempotency }, (tx) => {
    const decision = decideAdjustment(input, snapshotOf(db, tx, [input.variantId]));
    return { levels: decision.levels, movements: stage(db, tx, decision) };
  });
  return result;
}

export async function transferStock(
  db: MockDb,
  actor: Actor,
  input: TransferCommand,
  idempotency: Idempotency,
): Promise<StockChangeResult> {
  const { result } = await db.write({ actor, ...writeOf('inventory.transfer'), idempotency }, (tx) => {
    const transferId = newTransferId();
    const decision = decideTransfer(input, snapshotOf(db, tx, [input.variantId]), transferId);
    const movements = stage(db, tx, decision);
    if (!decision.transfer) return { levels: decision.levels, movements };
    const transfer: TransitTransfer = { ...decision.transfer, sentAt: tx.now, receivedAt: null };
    tx.replenishment().transfers.push(transfer);
    return { levels: decision.levels, movements, transfer };
  });
  return result;
}

export async function setThreshold(
  db: MockDb,
  actor: Actor,
  variantId: string,
  locationId: string,
  version: number,
  input: ThresholdCommand,
): Promise<InventoryLevel> {
  const { result } = await db.write({ actor, ...writeOf('inventory.threshold') }, (tx) => {
    const decision = decideThreshold({ variantId, locationId, version }, input, snapshotOf(db, tx, [variantId]));
    stage(db, tx, decision);
    return decision.levels[0]!;
  });
  return result;
}

/** A transfer in transit arrives at its destination; once only (If-Match on the transfer's version). */
export async function receiveTransfer(
  db: MockDb,
  actor: Actor,
  id: string,
  version: number,
  idempotency: Idempotency,
): Promise<StockChangeResult> {
  const { result } = await db.write({ actor, ...writeOf('inventory.receiveTransfer'), idempotency }, (tx) => {
    const doc = tx.replenishment();
    const i = doc.transfers.findIndex((t) => t.id === id);
    const stored = doc.transfers[i];
    if (!stored) throw new ProblemError({ status: 404, title: 'Transfer not found', detail: `No transfer has the id ${id}.` });
    const decision = decideTransferReceipt(stored, version, snapshotOf(db, tx, [stored.variantId]));
    const transfer = { ...decision.transfer, receivedAt: tx.now };
    doc.transfers[i] = transfer;
    return { levels: decision.levels, movements: stage(db, tx, decision), transfer };
  });
  return result;
}

export async function setReorderPolicy(
  db: MockDb,
  actor: Actor,
  level: { variantId: string; locationId: string; version: number },
  input: ReorderPolicyInput,
): Promise<InventoryLevel> {
  const { result } = await db.write({ actor, ...writeOf('inventory.reorderPolicy') }, (tx) => {
    const decision = decideReorderPolicy(level, input, snapshotOf(db, tx, [level.variantId]));
    stage(db, tx, decision);
    return decision.levels[0]!;
  });
  return result;
}

/** A dry run reports every row and changes nothing; otherwise the whole file applies in one write, or nothing does. */
export async function receiveDelivery(
  db: MockDb,
  actor: Actor,
  input: ReceiptCommand,
  idempotency: Idempotency | null,
): Promise<ReceiptResult> {
  if (input.purchaseOrder) {
    const against = { ...input, purchaseOrder: input.purchaseOrder };
    return receiveDeliveryAgainst(db, actor, against, idempotency, (tx) => receiptSnapshot(db, tx, input.rows));
  }
  // A dry run reads the levels too: rows are held to the limit on what is on the shelf now.
  if (input.dryRun) return decideReceipt(input, receiptSnapshot(db, null, input.rows)).result;
  if (!idempotency) throw receiptKeyRequired();
  const { result } = await db.write({ actor, ...writeOf('inventory.receive'), idempotency }, (tx) => {
    // Checked inside the write: a SKU renamed a moment ago must not slip through.
    const decision = decideReceipt(input, receiptSnapshot(db, tx, input.rows));
    stage(db, tx, decision);
    return decision.result;
  });
  return result;
}
