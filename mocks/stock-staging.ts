/**
 * How a stock decision meets the mock's store: the snapshot a shared decision
 * (src/domain/stock-decisions.ts) reads, and the staging of what it decides
 * (levels into copies of their product records, ledger rows, audit entries)
 * in the write it runs in. The stock writes and the purchase-order writes both use it.
 */
import { DEFAULT_SAFETY_DAYS } from '../src/contract/constants';
import type { InventoryLevel, StockMovement } from '../src/contract/stock-schemas';
import type { StockDecision, StockSnapshot, StockVariant } from '../src/domain/stock-decisions';
import { LOCATIONS } from '../src/demo-shop/catalogue';
import type { ProductRecord } from '../src/demo-shop/shop-records';
import { locationIndex } from '../src/demo-shop/catalogue';
import type { MockDb, WriteTx } from './store';

/** Puts a record whose levels changed, with each variant's stock total. */
export function putWithStock(tx: WriteTx, record: ProductRecord): void {
  const variants = record.product.variants.map((v, i) => ({ ...v, stock: (record.levels[i] ?? []).reduce((n, l) => n + l.onHand, 0) }));
  // Stock is not an edit of the product: its version stays, so nobody's open editor becomes stale.
  tx.put({ ...record, product: { ...record.product, variants } });
}

/**
 * The variants (by id) and their levels at every location as this write (or,
 * without one, the store) sees them: what the shared decisions need.
 */
export function snapshotOf(db: MockDb, tx: WriteTx | null, variantIds: Iterable<string>): StockSnapshot {
  const snapshot: { variants: StockVariant[]; levels: InventoryLevel[] } = { variants: [], levels: [] };
  for (const id of new Set(variantIds)) {
    const owner = db.variantOwner(id);
    if (!owner) continue;
    const record = tx?.get(owner.record.product.id) ?? owner.record;
    const variant = record.product.variants[owner.index];
    if (!variant) continue;
    snapshot.variants.push({
      id,
      productId: record.product.id,
      sku: variant.sku,
      title: record.product.title,
      optionValues: variant.optionValues,
    });
    LOCATIONS.forEach((location, i) => {
      const state = record.levels[owner.index]?.[i];
      if (state) snapshot.levels.push(db.levelView(record.product, owner.index, location.id, state));
    });
  }
  return { locations: LOCATIONS, ...snapshot };
}

/** Stages a decision: its levels into copies of their product records, its ledger rows and its audit entries. */
export function stage(db: MockDb, tx: WriteTx, decision: StockDecision): StockMovement[] {
  const records = new Map<string, ProductRecord>();
  for (const level of decision.levels) {
    const owner = db.variantOwner(level.variantId);
    const loc = locationIndex(level.locationId);
    // The decision only answers with levels it was given, and those came from here.
    if (!owner || loc === undefined) throw new Error(`No level ${level.variantId} at ${level.locationId} to stage`);
    const id = owner.record.product.id;
    let record = records.get(id);
    if (!record) {
      const current = tx.get(id) ?? owner.record;
      record = { ...current, levels: current.levels.map((row) => row.map((state) => ({ ...state }))) };
      records.set(id, record);
    }
    const row = record.levels[owner.index];
    if (row) {
      row[loc] = {
        onHand: level.onHand,
        reserved: level.reserved,
        threshold: level.threshold,
        version: level.version,
        ...(level.reorderPoint !== null ? { reorderPoint: level.reorderPoint } : {}),
        ...(level.reorderQuantity !== null ? { reorderQuantity: level.reorderQuantity } : {}),
        ...(level.safetyDays !== DEFAULT_SAFETY_DAYS ? { safetyDays: level.safetyDays } : {}),
      };
    }
  }
  for (const record of records.values()) putWithStock(tx, record);
  const movements = decision.movements.map(({ onHandAfter, ...row }) => ({ ...tx.move(row), onHandAfter }));
  for (const draft of decision.audit) tx.audit(draft);
  return movements;
}
