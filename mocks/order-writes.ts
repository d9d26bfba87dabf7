/**
 * What support does to an order (fulfil, cancel, refund, add a note), as the
 * mock's writes: load the order and its levels from the write, let the shared
 * decision (src/domain/order-decisions) accept or refuse, then stage what it
 * decided in the same write, so money and stock move together or not at all.
 */
import {
  decideCancel,
  decideFulfilment,
  decideNote,
  decideRefund,
  levelKeys,
  ORDER_PERMISSIONS,
  orderNotFound,
  type CancelRequest,
  type FulfilRequest,
  type LevelSnapshot,
  type NoteRequest,
  type OrderContext,
  type OrderDecision,
  type RefundRequest,
} from '../src/domain/order-decisions';
import {
  decideCloseReturn,
  decideExchange,
  decideOpenReturn,
  decideReceiveReturn,
  decideRefundReturn,
  exchangeFamily,
  type ExchangeRequest,
  type ReturnCloseRequest,
  type ReturnReceiptRequest,
  type ReturnRefundRequest,
  type ReturnRequest,
  variantSnapshot,
  type VariantSnapshot,
} from '../src/domain/return-decisions';
import { customerNotFound, decideCustomerNote, type CustomerNoteRequest } from '../src/domain/customer-rules';
import type { Customer } from '../src/contract/customer-schemas';
import type { Order } from '../src/contract/order-schemas';
import type { Idempotency } from '../src/contract/protocol';
import { ROUTES } from '../src/contract/routes';
import { LOCATIONS } from '../src/demo-shop/catalogue';
import { locationIndex } from '../src/demo-shop/catalogue';
import { StagedLevels } from './stock-writes';
import type { Actor, MockDb, WriteTx } from './store';

export { orderNotFound };

/**
 * The order as it stands in this write (404 when there is none) and the levels of `levelKeys` (and of `moreKeys`:
 * an exchange's replacement variants), for the decision.
 */
function load(
  db: MockDb,
  tx: WriteTx,
  actor: Actor,
  id: string,
  locationIds: readonly (string | null)[] | null,
  moreKeys: readonly { variantId: string; locationId: string }[] = [],
): OrderContext {
  const order = tx.getOrder(id);
  if (!order) throw orderNotFound(id);
  const levels: LevelSnapshot[] = [];
  // Read through a StagedLevels that is never committed: it sees this write's own puts, and it copies.
  const reader = new StagedLevels(db, tx);
  for (const { variantId, locationId } of [...(locationIds ? levelKeys(order, locationIds) : []), ...moreKeys]) {
    if (levels.some((l) => l.variantId === variantId && l.locationId === locationId)) continue;
    // A level of a variant that is gone (or of a place that is not a warehouse) is left out: the decision says 404 or 422.
    if (!db.variantOwner(variantId) || locationIndex(locationId) === undefined) continue;
    const { state, sku } = reader.get(variantId, locationId);
    levels.push({ variantId, locationId, sku, onHand: state.onHand, reserved: state.reserved, version: state.version });
  }
  const supportStaffIds = new Set(
    tx
      .allStaff()
      .filter((s) => s.role === 'support')
      .map((s) => s.id),
  );
  const familyRefunds = exchangeFamily(order, tx.getOrder).flatMap((o) => o.refunds);
  const actorOf = { id: actor.id, name: actor.name, role: actor.role };
  return { order, actor: actorOf, now: tx.now, locations: LOCATIONS, levels, supportStaffIds, familyRefunds };
}

/** Stages the decision: the moved levels in their product records, the ledger rows, the order and its audit entry. */
function stage(db: MockDb, tx: WriteTx, decision: OrderDecision): Order {
  if (decision.levels.length) {
    const staged = new StagedLevels(db, tx);
    for (const level of decision.levels) {
      const { state } = staged.get(level.variantId, level.locationId);
      state.onHand = level.onHand;
      state.reserved = level.reserved;
      state.version = level.version;
    }
    staged.commit();
  }
  for (const movement of decision.movements) tx.move(movement);
  tx.putOrder(decision.order);
  if (decision.created) tx.putOrder(decision.created);
  for (const draft of decision.audit) tx.audit(draft);
  return decision.order;
}

/*
 * Each takes its input as the route read it (src/contract/routes.ts). The role is the decision's to check (fulfil,
 * cancel, refund, note), not the route's: what a person may do to an order depends on the order.
 */

export async function fulfilOrder(db: MockDb, actor: Actor, id: string, input: FulfilRequest, idempotency: Idempotency): Promise<Order> {
  const { action } = ROUTES['orders.fulfil'].audit;
  const { result } = await db.write({ actor, permission: ORDER_PERMISSIONS.fulfil, action, idempotency }, (tx) =>
    stage(db, tx, decideFulfilment(load(db, tx, actor, id, [input.locationId]), input)),
  );
  return result;
}

export async function cancelOrder(db: MockDb, actor: Actor, id: string, input: CancelRequest, idempotency: Idempotency): Promise<Order> {
  const { action } = ROUTES['orders.cancel'].audit;
  const { result } = await db.write({ actor, permission: ORDER_PERMISSIONS.cancel, action, idempotency }, (tx) =>
    stage(db, tx, decideCancel(load(db, tx, actor, id, []), input)),
  );
  return result;
}

export async function refundOrder(db: MockDb, actor: Actor, id: string, input: RefundRequest, idempotency: Idempotency): Promise<Order> {
  const { action } = ROUTES['orders.refund'].audit;
  const { result } = await db.write({ actor, permission: ORDER_PERMISSIONS.refund, action, idempotency }, (tx) =>
    stage(db, tx, decideRefund(load(db, tx, actor, id, input.restock ? [input.locationId] : null), input)),
  );
  return result;
}

/** A retried note (same Idempotency-Key, when the client sends one) is added once. */
export async function addOrderNote(
  db: MockDb,
  actor: Actor,
  id: string,
  input: NoteRequest,
  idempotency: Idempotency | null,
): Promise<Order> {
  const { result } = await db.write(
    { actor, permission: ORDER_PERMISSIONS.note, action: ROUTES['orders.note'].audit.action, ...(idempotency ? { idempotency } : {}) },
    (tx) => stage(db, tx, decideNote(load(db, tx, actor, id, null), input)),
  );
  return result;
}

// ---------------------------------------------------------------- returns and exchanges

type ReturnWrite<I> = { actor: Actor; id: string; returnId: string; input: I; idempotency: Idempotency };

export async function openReturn(db: MockDb, actor: Actor, id: string, input: ReturnRequest, idempotency: Idempotency): Promise<Order> {
  const { action } = ROUTES['orders.openReturn'].audit;
  const { result } = await db.write({ actor, permission: 'orders.view', action, idempotency }, (tx) =>
    stage(db, tx, decideOpenReturn(load(db, tx, actor, id, null), input)),
  );
  return result;
}

export async function receiveReturn(db: MockDb, w: ReturnWrite<ReturnReceiptRequest>): Promise<Order> {
  const { action } = ROUTES['orders.receiveReturn'].audit;
  const { result } = await db.write({ actor: w.actor, permission: 'orders.view', action, idempotency: w.idempotency }, (tx) =>
    stage(db, tx, decideReceiveReturn(load(db, tx, w.actor, w.id, [w.input.locationId]), w.returnId, w.input)),
  );
  return result;
}

export async function refundReturn(db: MockDb, w: ReturnWrite<ReturnRefundRequest>): Promise<Order> {
  const { action } = ROUTES['orders.refundReturn'].audit;
  const { result } = await db.write({ actor: w.actor, permission: 'orders.view', action, idempotency: w.idempotency }, (tx) =>
    stage(db, tx, decideRefundReturn(load(db, tx, w.actor, w.id, null), w.returnId, w.input)),
  );
  return result;
}

export async function exchangeReturn(db: MockDb, w: ReturnWrite<ExchangeRequest>): Promise<Order> {
  const { action } = ROUTES['orders.exchangeReturn'].audit;
  const { result } = await db.write({ actor: w.actor, permission: 'orders.view', action, idempotency: w.idempotency }, (tx) => {
    const order = tx.getOrder(w.id);
    if (!order) throw orderNotFound(w.id);
    const variants: VariantSnapshot[] = w.input.lines.flatMap(({ variantId }) => {
      const owner = db.variantOwner(variantId);
      const product = owner && tx.get(owner.record.product.id)?.product;
      const v = product?.variants.find((x) => x.id === variantId);
      if (!product || !v) return [];
      return [variantSnapshot(product, v)];
    });
    const keys = variants.map((v) => ({ variantId: v.variantId, locationId: order.locationId }));
    const context = { ...load(db, tx, w.actor, w.id, null, keys), variants, nextNumber: tx.nextOrderNumber() };
    return stage(db, tx, decideExchange(context, w.returnId, w.input));
  });
  return result;
}

export async function closeReturn(db: MockDb, w: ReturnWrite<ReturnCloseRequest>): Promise<Order> {
  const { action } = ROUTES['orders.closeReturn'].audit;
  const { result } = await db.write({ actor: w.actor, permission: 'orders.view', action, idempotency: w.idempotency }, (tx) =>
    stage(db, tx, decideCloseReturn(load(db, tx, w.actor, w.id, null), w.returnId, w.input)),
  );
  return result;
}

/** A note on a customer; a retried one (same Idempotency-Key) is added once. */
export async function addCustomerNote(
  db: MockDb,
  actor: Actor,
  id: string,
  input: CustomerNoteRequest,
  idempotency: Idempotency | null,
): Promise<Customer> {
  const { action } = ROUTES['customers.note'].audit;
  const { result } = await db.write({ actor, permission: 'orders.fulfil', action, ...(idempotency ? { idempotency } : {}) }, (tx) => {
    const customer = db.getCustomer(id);
    if (!customer) throw customerNotFound(id);
    const decision = decideCustomerNote(
      { customerId: id, customerName: customer.name, stored: tx.customerNotes(id), actor, now: tx.now },
      input,
    );
    tx.putCustomerNotes(id, decision.stored);
    tx.audit(decision.audit);
    return id;
  });
  const customer = db.getCustomer(result);
  if (!customer) throw customerNotFound(id);
  return customer;
}
