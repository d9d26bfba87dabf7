/**
 * Replenishment's writes over the mock's store: suppliers, who supplies a
 * variant, purchase orders and their receipts, alerts dismissed. The rules are
 * the shared decisions (src/domain/purchase-decisions.ts); here only the
 * loading and the staging, in one write through the store's single path
 * (role, idempotency key and audit are checked and recorded there).
 */
import type { Idempotency } from '../src/contract/protocol';
import type { PurchaseOrder, Supplier, VariantSupply } from '../src/contract/replenishment-schemas';
import type { ReceiptResult } from '../src/contract/stock-schemas';
import {
  decideClosePurchaseOrder,
  decideCreatePurchaseOrder,
  decidePurchaseReceipt,
  decideReceiptAgainstPurchase,
  decideReorderDrafts,
  decideSendPurchaseOrder,
  decideSupplier,
  decideSupply,
  decideUpdatePurchaseOrder,
  isOverdue,
  parsePoNumber,
  purchaseOrderNotFound,
  supplierNotFound,
  type PurchaseCloseCommand,
  type PurchaseContext,
  type PurchaseDecision,
  type PurchaseOrderCommand,
  type PurchaseOrderUpdateCommand,
  type PurchaseReceiptCommand,
  type PurchaseVariant,
  type ReorderDraftCommand,
} from '../src/domain/purchase-decisions';
import { overdueAlertId } from '../src/domain/alert-rules';
import { receiptKeyRequired, type ReceiptCommand, type StockDecision } from '../src/domain/stock-decisions';
import { variantNotFound } from '../src/domain/product-rules';
import { LOCATIONS } from '../src/demo-shop/catalogue';
import { ProblemError } from './problems';
import type { ReplenishmentDoc } from './replenishment';
import { writeOf } from './routes/write-of';
import { snapshotOf, stage } from './stock-staging';
import type { Actor, MockDb, WriteTx } from './store';

/** The variants a purchase write names, as the decisions need them (cost, supplier, supplier SKU). */
function purchaseVariants(db: MockDb, tx: WriteTx, doc: ReplenishmentDoc, ids: Iterable<string>): PurchaseVariant[] {
  const out: PurchaseVariant[] = [];
  for (const id of new Set(ids)) {
    const owner = db.variantOwner(id);
    if (!owner) continue;
    const record = tx.get(owner.record.product.id) ?? owner.record;
    const variant = record.product.variants[owner.index];
    if (!variant) continue;
    const supply = db.replenishment.supplyOf(record, owner.index, doc);
    out.push({
      id,
      productId: record.product.id,
      sku: variant.sku,
      title: record.product.title,
      optionValues: variant.optionValues,
      cost: variant.cost ?? null,
      supplierId: supply.supplierId,
      supplierSku: supply.supplierSku,
    });
  }
  return out;
}

function context(db: MockDb, tx: WriteTx, actor: Actor, doc: ReplenishmentDoc, variantIds: Iterable<string>): PurchaseContext {
  return {
    actor: { id: actor.id, name: actor.name },
    now: tx.now,
    today: db.today(),
    suppliers: doc.suppliers.map((s) => ({ ...s, variantCount: 0 })),
    locations: LOCATIONS,
    variants: purchaseVariants(db, tx, doc, variantIds),
    newLineId: () => tx.newId('pol'),
  };
}

function nextNumber(doc: ReplenishmentDoc): () => number {
  let next = doc.purchaseOrders.reduce((n, po) => Math.max(n, po.number + 1), 1001);
  return () => next++;
}

function stored(doc: ReplenishmentDoc, id: string): { po: PurchaseOrder; put: (po: PurchaseOrder) => void } {
  const i = doc.purchaseOrders.findIndex((p) => p.id === id);
  const po = doc.purchaseOrders[i];
  if (!po) throw purchaseOrderNotFound(id);
  return { po, put: (next) => void (doc.purchaseOrders[i] = next) };
}

// ------------------------------------------------------------ suppliers

export async function createSupplier(
  db: MockDb,
  actor: Actor,
  input: Parameters<typeof decideSupplier>[0],
  idempotency: Idempotency | null,
): Promise<Supplier> {
  const { result } = await db.write({ actor, ...writeOf('suppliers.create'), idempotency: idempotency ?? undefined }, (tx) => {
    const doc = tx.replenishment();
    const { supplier, audit } = decideSupplier(input, doc.suppliers, { id: tx.newId('sup') });
    doc.suppliers.push(supplier);
    audit.forEach((a) => tx.audit(a));
    return { ...supplier, variantCount: 0 };
  });
  return result;
}

export async function updateSupplier(
  db: MockDb,
  actor: Actor,
  id: string,
  version: number,
  input: Parameters<typeof decideSupplier>[0],
): Promise<Supplier> {
  await db.write({ actor, ...writeOf('suppliers.update') }, (tx) => {
    const doc = tx.replenishment();
    const i = doc.suppliers.findIndex((s) => s.id === id);
    const current = doc.suppliers[i];
    if (!current) throw supplierNotFound(id);
    const { supplier, audit } = decideSupplier(input, doc.suppliers, { current, version });
    doc.suppliers[i] = supplier;
    audit.forEach((a) => tx.audit(a));
  });
  return db.replenishment.suppliers().find((s) => s.id === id)!;
}

export function variantSupply(db: MockDb, variantId: string): VariantSupply {
  const owner = db.variantOwner(variantId);
  if (!owner) throw variantNotFound(variantId);
  return db.replenishment.supply(owner.record, owner.index);
}

export async function setVariantSupply(
  db: MockDb,
  actor: Actor,
  variantId: string,
  version: number,
  input: Parameters<typeof decideSupply>[3],
): Promise<VariantSupply> {
  const { result } = await db.write({ actor, ...writeOf('variants.setSupply') }, (tx) => {
    const owner = db.variantOwner(variantId);
    if (!owner) throw variantNotFound(variantId);
    const doc = tx.replenishment();
    const record = tx.get(owner.record.product.id) ?? owner.record;
    const variant = record.product.variants[owner.index]!;
    const before = db.replenishment.supplyOf(record, owner.index, doc);
    const { supply, audit } = decideSupply(
      { id: variantId, productId: record.product.id, sku: variant.sku },
      { variantId, ...before },
      version,
      input,
      doc.suppliers,
    );
    doc.supply[variantId] = { supplierId: supply.supplierId, supplierSku: supply.supplierSku, version: supply.version };
    audit.forEach((a) => tx.audit(a));
    return supply;
  });
  return result;
}

// ------------------------------------------------------------ purchase orders

export function getPurchaseOrder(db: MockDb, id: string): PurchaseOrder {
  const po = db.replenishmentDoc().purchaseOrders.find((p) => p.id === id);
  if (!po) throw purchaseOrderNotFound(id);
  return po;
}

export async function createPurchaseOrder(
  db: MockDb,
  actor: Actor,
  input: PurchaseOrderCommand,
  idempotency: Idempotency,
): Promise<PurchaseOrder> {
  const { result } = await db.write({ actor, ...writeOf('purchaseOrders.create'), idempotency }, (tx) => {
    const doc = tx.replenishment();
    const ctx = context(
      db,
      tx,
      actor,
      doc,
      input.lines.map((l) => l.variantId),
    );
    const { purchaseOrder, audit } = decideCreatePurchaseOrder(input, ctx, { id: tx.newId('po'), number: nextNumber(doc)() });
    doc.purchaseOrders.push(purchaseOrder);
    audit.forEach((a) => tx.audit(a));
    return purchaseOrder;
  });
  return result;
}

export async function draftFromReorder(
  db: MockDb,
  actor: Actor,
  input: ReorderDraftCommand,
  idempotency: Idempotency,
): Promise<{ purchaseOrders: PurchaseOrder[] }> {
  const { result } = await db.write({ actor, ...writeOf('purchaseOrders.fromReorder'), idempotency }, (tx) => {
    const doc = tx.replenishment();
    const ctx = context(
      db,
      tx,
      actor,
      doc,
      input.items.map((i) => i.variantId),
    );
    const number = nextNumber(doc);
    const decisions = decideReorderDrafts(input, ctx, () => ({ id: tx.newId('po'), number: number() }));
    for (const d of decisions) {
      doc.purchaseOrders.push(d.purchaseOrder);
      d.audit.forEach((a) => tx.audit(a));
    }
    return { purchaseOrders: decisions.map((d) => d.purchaseOrder) };
  });
  return result;
}

/**
 * One write to a stored purchase order: the decision gets the order as this write sees it and the
 * context (with the variants it names), and its answer replaces the order; levels and ledger rows,
 * when the decision moved stock, are staged with it.
 */
async function writePurchaseOrder(
  db: MockDb,
  actor: Actor,
  route: 'purchaseOrders.update' | 'purchaseOrders.send' | 'purchaseOrders.receive' | 'purchaseOrders.close',
  { id, idempotency, variantIds = [] }: { id: string; idempotency: Idempotency; variantIds?: string[] },
  decide: (po: PurchaseOrder, ctx: PurchaseContext, tx: WriteTx) => PurchaseDecision & Partial<Pick<StockDecision, 'levels' | 'movements'>>,
): Promise<PurchaseOrder> {
  const { result } = await db.write({ actor, ...writeOf(route), idempotency }, (tx) => {
    const doc = tx.replenishment();
    const { po, put } = stored(doc, id);
    const decision = decide(po, context(db, tx, actor, doc, variantIds), tx);
    stage(db, tx, { levels: decision.levels ?? [], movements: decision.movements ?? [], audit: decision.audit });
    put(decision.purchaseOrder);
    return decision.purchaseOrder;
  });
  return result;
}

export function updatePurchaseOrder(
  db: MockDb,
  actor: Actor,
  id: string,
  version: number,
  input: PurchaseOrderUpdateCommand,
  idempotency: Idempotency,
): Promise<PurchaseOrder> {
  const variantIds = input.lines.map((l) => l.variantId);
  return writePurchaseOrder(db, actor, 'purchaseOrders.update', { id, idempotency, variantIds }, (po, ctx) =>
    decideUpdatePurchaseOrder(po, version, input, ctx),
  );
}

export function sendPurchaseOrder(db: MockDb, actor: Actor, id: string, version: number, idempotency: Idempotency): Promise<PurchaseOrder> {
  return writePurchaseOrder(db, actor, 'purchaseOrders.send', { id, idempotency }, (po, ctx) => decideSendPurchaseOrder(po, version, ctx));
}

export function receivePurchaseOrder(
  db: MockDb,
  actor: Actor,
  id: string,
  version: number,
  input: PurchaseReceiptCommand,
  idempotency: Idempotency,
): Promise<PurchaseOrder> {
  return writePurchaseOrder(db, actor, 'purchaseOrders.receive', { id, idempotency }, (po, ctx, tx) =>
    decidePurchaseReceipt(
      po,
      version,
      input,
      snapshotOf(
        db,
        tx,
        po.lines.map((l) => l.variantId),
      ),
      { ...ctx, receiptId: tx.newId('rcp') },
    ),
  );
}

export function closePurchaseOrder(
  db: MockDb,
  actor: Actor,
  id: string,
  version: number,
  input: PurchaseCloseCommand,
  idempotency: Idempotency,
): Promise<PurchaseOrder> {
  return writePurchaseOrder(db, actor, 'purchaseOrders.close', { id, idempotency }, (po, ctx) =>
    decideClosePurchaseOrder(po, version, input, ctx),
  );
}

/**
 * A CSV delivery naming a purchase order: received as that order's receipt
 * (src/domain/purchase-decisions.ts decideReceiptAgainstPurchase).
 */
export async function receiveDeliveryAgainst(
  db: MockDb,
  actor: Actor,
  input: ReceiptCommand & { purchaseOrder: string },
  idempotency: Idempotency | null,
  snapshotFor: (tx: WriteTx | null) => ReturnType<typeof snapshotOf>,
): Promise<ReceiptResult> {
  const find = (doc: ReplenishmentDoc) => {
    const number = parsePoNumber(input.purchaseOrder);
    return doc.purchaseOrders.find((p) => p.number === number);
  };
  if (input.dryRun) {
    const doc = db.replenishmentDoc();
    const po = find(doc);
    // A dry run makes nothing: a context without a write (its ids are never used).
    const ctx = {
      actor,
      now: new Date(db.now()).toISOString(),
      today: db.today(),
      suppliers: [],
      locations: LOCATIONS,
      variants: [],
      newLineId: () => '',
      receiptId: '',
    };
    return decideReceiptAgainstPurchase(input, po, snapshotFor(null), ctx).result;
  }
  if (!idempotency) throw receiptKeyRequired();
  const { result } = await db.write({ actor, ...writeOf('inventory.receive'), idempotency }, (tx) => {
    const doc = tx.replenishment();
    const po = find(doc);
    const ctx = { ...context(db, tx, actor, doc, []), receiptId: tx.newId('rcp') };
    const received = decideReceiptAgainstPurchase(input, po, snapshotFor(tx), ctx);
    const { decision } = received;
    if (decision && po) {
      stage(db, tx, { levels: decision.levels, movements: decision.movements, audit: decision.audit });
      stored(doc, po.id).put(decision.purchaseOrder);
    }
    return received.result;
  });
  return result;
}

// ------------------------------------------------------------ alerts

/** Dismisses an open alert: a level alert is marked, an overdue one remembered by its id. */
export async function dismissAlert(db: MockDb, actor: Actor, id: string): Promise<void> {
  await db.write({ actor, permission: 'stock.edit', action: 'alert dismissed' }, (tx) => {
    const doc = tx.replenishment();
    const level = doc.alerts.find((a) => a.id === id && a.dismissedAt === null);
    if (level) {
      level.dismissedAt = tx.now;
      return;
    }
    // An overdue alert is there to dismiss only while the order is overdue (as the server answers).
    const po = doc.purchaseOrders.find((p) => overdueAlertId(p) === id && isOverdue(p, db.today()));
    if (po && !doc.dismissedOverdue.includes(id)) {
      doc.dismissedOverdue.push(id);
      return;
    }
    throw new ProblemError({ status: 404, title: 'Alert not found', detail: `No open alert has the id ${id}.` });
  });
}
