/**
 * What support does to an order: fulfil (in part), cancel, refund (with or
 * without restock), add a note. Each is one write through the store's single
 * path, moving money and stock together: a shipment sells from the ledger, a
 * cancellation releases its reservations, a restock puts units back.
 */
import { canRefund, refusal, SUPPORT_REFUND_LIMIT_CENTS, type Action } from '../src/api/permissions';
import {
  cancelInputSchema,
  fulfilInputSchema,
  noteInputSchema,
  refundInputSchema,
  type Order,
  type OrderLine,
} from '../src/api/order-schemas';
import {
  fulfilmentStatusOf,
  lineRefundAmount,
  paymentStatusOf,
  refundable,
  refundableUnits,
  restockableUnits,
  shippingLeft,
  unitsToShip,
} from '../src/api/order-rules';
import { formatCents } from '../src/lib/money';
import { normalizeTrackingNumber, trackingNumberProblem } from '../src/lib/tracking';
import { parseBody, ProblemError, validationProblem } from './problems';
import { locationIndex } from './stock-seed';
import { locationName, StagedLevels } from './stock-writes';
import type { Actor, MockDb, WriteTx } from './store';

type Idempotency = { key: string; fingerprint: string };

export function orderNotFound(id: string): ProblemError {
  return new ProblemError({ status: 404, title: 'Order not found', detail: `No order has the id ${id}.` });
}

function units(n: number): string {
  return n === 1 ? '1 unit' : `${n} units`;
}

/** The order as it stands in this write, copied so changes stay staged until the write commits; 409 when the version is stale. */
function editable(tx: WriteTx, id: string, version: number): Order {
  const current = tx.getOrder(id);
  if (!current) throw orderNotFound(id);
  if (current.version !== version) {
    throw new ProblemError({
      status: 409,
      title: 'Someone else changed this order',
      detail: `You were looking at version ${version}, but order #${current.number} is now at version ${current.version}: ${current.timeline.at(-1)?.message ?? ''} Check it again before you act.`,
      current,
    });
  }
  return structuredClone(current);
}

function event(order: Order, tx: WriteTx, actor: Actor, type: Order['timeline'][number]['type'], message: string): void {
  order.timeline.push({ id: `evt_${order.id.slice(4)}_${order.timeline.length + 1}`, at: tx.now, type, actor: person(actor), message });
}

function person(actor: Actor) {
  return { id: actor.id, name: actor.name };
}

/** Statuses and derived money after a change; the version counts the events, as in the seed. */
function settle(order: Order): Order {
  order.fulfilmentStatus = fulfilmentStatusOf(order.lines);
  order.paymentStatus = paymentStatusOf(order);
  order.net = order.total - order.refunded;
  order.version = order.timeline.length;
  return order;
}

/** The audit entry of an order change: the statuses and money that moved, and what was done. */
function audit(tx: WriteTx, before: Order, after: Order, what: Record<string, unknown>): void {
  const fields = ['status', 'paymentStatus', 'fulfilmentStatus', 'refunded'] as const;
  const was: Record<string, unknown> = {};
  const now: Record<string, unknown> = { ...what };
  for (const f of fields) {
    if (before[f] === after[f]) continue;
    was[f] = before[f];
    now[f] = after[f];
  }
  tx.audit({ entityType: 'order', entityId: after.id, entityLabel: `Order #${after.number}`, before: was, after: now });
}

function lineQuantities(
  order: Order,
  parts: readonly { lineId: string; quantity: number }[],
): { line: OrderLine; quantity: number; i: number }[] {
  const errors: Record<string, string> = {};
  const seen = new Set<string>();
  const found = parts.flatMap((part, i) => {
    const line = order.lines.find((l) => l.id === part.lineId);
    if (!line) errors[`lines.${i}.lineId`] = 'This line is not part of the order';
    else if (seen.has(part.lineId)) errors[`lines.${i}.lineId`] = 'This line is listed twice';
    seen.add(part.lineId);
    return line && part.quantity > 0 ? [{ line, quantity: part.quantity, i }] : [];
  });
  if (Object.keys(errors).length) throw validationProblem(errors);
  return found;
}

function checkLocation(id: string, field: string): void {
  if (locationIndex(id) === undefined) throw validationProblem({ [field]: 'Choose one of the shop’s warehouses' });
}

export async function fulfilOrder(db: MockDb, actor: Actor, id: string, body: unknown, idempotency: Idempotency): Promise<Order> {
  const input = parseBody(fulfilInputSchema, body);
  const { result } = await db.write({ actor, permission: 'orders.fulfil', action: 'order fulfilled', idempotency }, (tx) => {
    const order = editable(tx, id, input.version);
    const before = tx.getOrder(id)!;
    if (order.status === 'cancelled') throw validationProblem({}, `Order #${order.number} is cancelled: nothing can ship.`);
    checkLocation(input.locationId, 'locationId');
    const errors: Record<string, string> = {};
    const problem = trackingNumberProblem(input.carrier, input.trackingNumber);
    if (problem) errors.trackingNumber = problem;
    const parts = lineQuantities(order, input.lines);
    const staged = new StagedLevels(db, tx);
    for (const { line, quantity, i } of parts) {
      const left = unitsToShip(line);
      if (quantity > left)
        errors[`lines.${i}.quantity`] = left === 0 ? 'Nothing left to ship on this line' : `Only ${units(left)} left to ship`;
      else {
        const { state } = staged.get(line.variantId, input.locationId);
        if (state.onHand < quantity) {
          errors[`lines.${i}.quantity`] =
            `Only ${units(state.onHand)} on hand at ${locationName(input.locationId)}: ship from another warehouse or receive stock first`;
        }
      }
    }
    if (Object.keys(errors).length) throw validationProblem(errors);

    const ref = { id: order.id, number: order.number };
    const home = order.locationId;
    let shipped = 0;
    for (const { line, quantity } of parts) {
      line.fulfilledQuantity += quantity;
      shipped += quantity;
      // The reservation is held at the order's warehouse: shipping from another releases it there.
      if (input.locationId !== home)
        staged.move(line.variantId, home, { quantity: 0, reservedChange: -quantity, reason: 'released', note: '', order: ref });
      staged.move(line.variantId, input.locationId, {
        quantity: -quantity,
        reservedChange: input.locationId === home ? -quantity : 0,
        reason: 'sale',
        note: '',
        order: ref,
      });
    }
    staged.commit();
    const trackingNumber = normalizeTrackingNumber(input.trackingNumber);
    order.fulfilments.push({
      id: `ful_${order.id.slice(4)}_${order.fulfilments.length + 1}`,
      at: tx.now,
      locationId: input.locationId,
      carrier: input.carrier,
      trackingNumber,
      lines: parts.map(({ line, quantity }) => ({ lineId: line.id, quantity })),
      by: person(actor),
    });
    event(
      order,
      tx,
      actor,
      'fulfilled',
      `Shipped ${units(shipped)} from ${locationName(input.locationId)} by ${input.carrier} (${trackingNumber}).`,
    );
    if (fulfilmentStatusOf(order.lines) === 'fulfilled') {
      order.status = 'closed';
      event(order, tx, actor, 'closed', 'Everything has shipped; the order is closed.');
    }
    settle(order);
    tx.putOrder(order);
    audit(tx, before, order, { shipped, carrier: input.carrier, trackingNumber });
    return order;
  });
  return result;
}

/** Refunds need orders.refund, and support only up to its limit. */
function checkRefundAllowed(actor: Actor, amount: number): void {
  if (canRefund(actor.role, amount)) return;
  const permission: Action = 'orders.refund';
  const detail =
    actor.role === 'support'
      ? `Support may refund up to ${formatCents(SUPPORT_REFUND_LIMIT_CENTS)} at once; this refund is ${formatCents(amount)}. Ask a manager.`
      : refusal(actor.role, permission);
  throw new ProblemError({ status: 403, title: 'Not allowed', detail });
}

export async function cancelOrder(db: MockDb, actor: Actor, id: string, body: unknown, idempotency: Idempotency): Promise<Order> {
  const input = parseBody(cancelInputSchema, body);
  const { result } = await db.write({ actor, permission: 'orders.fulfil', action: 'order cancelled', idempotency }, (tx) => {
    const order = editable(tx, id, input.version);
    const before = tx.getOrder(id)!;
    if (order.status === 'cancelled') throw validationProblem({}, `Order #${order.number} is already cancelled.`);
    if (order.lines.some((l) => l.fulfilledQuantity > 0)) {
      throw validationProblem({}, `Part of order #${order.number} has shipped, so it cannot be cancelled. Refund the units instead.`);
    }
    const amount = input.refund ? refundable(order) : 0;
    if (amount > 0) checkRefundAllowed(actor, amount);

    const staged = new StagedLevels(db, tx);
    const ref = { id: order.id, number: order.number };
    let released = 0;
    for (const line of order.lines) {
      const left = unitsToShip(line);
      if (left > 0)
        staged.move(line.variantId, order.locationId, {
          quantity: 0,
          reservedChange: -left,
          reason: 'released',
          note: input.reason,
          order: ref,
        });
      line.cancelledQuantity += left;
      released += left;
    }
    staged.commit();
    order.status = 'cancelled';
    event(order, tx, actor, 'cancelled', `Cancelled ${units(released)}: ${input.reason}.`);
    if (amount > 0) {
      const lines = order.lines
        .filter((l) => l.quantity > l.refundedQuantity)
        .map((l) => ({ lineId: l.id, quantity: l.quantity - l.refundedQuantity }));
      for (const line of order.lines) line.refundedQuantity = line.quantity;
      const shipping = shippingLeft(order);
      addRefund(order, tx, actor, { amount, shipping, lines, restock: false, locationId: null, reason: input.reason });
    }
    settle(order);
    tx.putOrder(order);
    audit(tx, before, order, { reason: input.reason, released });
    return order;
  });
  return result;
}

function addRefund(
  order: Order,
  tx: WriteTx,
  actor: Actor,
  refund: {
    amount: number;
    shipping: number;
    lines: { lineId: string; quantity: number }[];
    restock: boolean;
    locationId: string | null;
    reason: string;
  },
): void {
  order.refunds.push({ id: `ref_${order.id.slice(4)}_${order.refunds.length + 1}`, at: tx.now, by: person(actor), ...refund });
  order.refunded += refund.amount;
  const count = refund.lines.reduce((n, l) => n + l.quantity, 0);
  const what = count
    ? ` for ${units(count)}${refund.restock && refund.locationId ? `, restocked at ${locationName(refund.locationId)}` : ''}`
    : '';
  event(order, tx, actor, 'refunded', `Refunded ${formatCents(refund.amount)}${what}: ${refund.reason}.`);
}

export async function refundOrder(db: MockDb, actor: Actor, id: string, body: unknown, idempotency: Idempotency): Promise<Order> {
  const input = parseBody(refundInputSchema, body);
  const { result } = await db.write({ actor, permission: 'orders.refund', action: 'order refunded', idempotency }, (tx) => {
    const order = editable(tx, id, input.version);
    const before = tx.getOrder(id)!;
    if (input.restock && input.locationId) checkLocation(input.locationId, 'locationId');
    const errors: Record<string, string> = {};
    const parts = lineQuantities(order, input.lines);
    let amount = input.amount;
    for (const { line, quantity, i } of parts) {
      const open = refundableUnits(line);
      const shelf = restockableUnits(order, line);
      if (quantity > open)
        errors[`lines.${i}.quantity`] =
          open === 0 ? 'Every unit of this line is refunded or not shipped yet' : `At most ${units(open)} can be refunded`;
      else if (input.restock && quantity > shelf) errors[`lines.${i}.quantity`] = `Only ${units(shelf)} shipped can go back on the shelf`;
      else amount += lineRefundAmount(line, line.refundedQuantity, quantity);
    }
    const shipping = input.shipping ? shippingLeft(order) : 0;
    if (input.shipping && shipping <= 0)
      errors.shipping = order.shipping === 0 ? 'This order had free shipping' : 'Shipping is already refunded';
    amount += shipping;
    if (Object.keys(errors).length) throw validationProblem(errors);
    if (amount <= 0) throw validationProblem({ amount: 'Choose units, the shipping or an amount to refund' });
    const most = refundable(order);
    if (amount > most) {
      throw validationProblem(
        { amount: `At most ${formatCents(most)} can still be refunded; this refund is ${formatCents(amount)}` },
        `Order #${order.number} has ${formatCents(most)} left to refund. Nothing was refunded.`,
      );
    }
    checkRefundAllowed(actor, amount);

    const staged = new StagedLevels(db, tx);
    const ref = { id: order.id, number: order.number };
    for (const { line, quantity } of parts) {
      line.refundedQuantity += quantity;
      if (input.restock && input.locationId) {
        staged.move(line.variantId, input.locationId, { quantity, reason: 'refund_restock', note: input.reason, order: ref });
      }
    }
    staged.commit();
    addRefund(order, tx, actor, {
      amount,
      shipping,
      lines: parts.map(({ line, quantity }) => ({ lineId: line.id, quantity })),
      restock: input.restock && parts.length > 0,
      locationId: input.restock && parts.length > 0 ? input.locationId : null,
      reason: input.reason,
    });
    settle(order);
    tx.putOrder(order);
    audit(tx, before, order, { refund: amount, reason: input.reason });
    return order;
  });
  return result;
}

/** A retried note (same Idempotency-Key, when the client sends one) is added once. */
export async function addOrderNote(db: MockDb, actor: Actor, id: string, body: unknown, idempotency: Idempotency | null): Promise<Order> {
  const input = parseBody(noteInputSchema, body);
  // Notes are how the people who work orders talk to each other: the same permission as fulfilling.
  const { result } = await db.write(
    { actor, permission: 'orders.fulfil', action: 'note added', ...(idempotency ? { idempotency } : {}) },
    (tx) => {
      const current = tx.getOrder(id);
      if (!current) throw orderNotFound(id);
      // Appending a note needs no version: it cannot overwrite anything.
      const order = structuredClone(current);
      order.notes.push({ id: `note_${order.id.slice(4)}_${order.notes.length + 1}`, at: tx.now, author: person(actor), text: input.text });
      event(order, tx, actor, 'note_added', `Note: ${input.text}`);
      settle(order);
      tx.putOrder(order);
      audit(tx, current, order, { note: input.text });
      return order;
    },
  );
  return result;
}
