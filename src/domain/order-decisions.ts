/**
 * What support does to an order, decided once for the mock and the real
 * server: fulfil (in part), cancel, refund (with or without restock), add a
 * note. Each function takes what is stored now (the order, the stock levels
 * it may move), who acts, when, and the parsed request, and either throws the
 * contract's ProblemError or returns everything the write must save. Pure and
 * synchronous: loading, locking, ids of ledger rows and audit entries, and
 * saving all of it in one transaction are the caller's.
 */
import type { z } from 'zod';
import type { AuditDraft } from './audit-rules';
import {
  cancelMoney,
  fulfilmentStatusOf,
  lineRefundAmount,
  paidOut,
  paymentStatusOf,
  refundableUnits,
  refundMoney,
  restockableUnits,
  shippingLeft,
  unitsToShip,
} from './order-rules';
import type { cancelInputSchema, fulfilInputSchema, noteInputSchema, Order, OrderLine, refundInputSchema } from '../contract/order-schemas';
import { canRefund, refusal, SUPPORT_REFUND_LIMIT_CENTS, type Action, type Role } from '../contract/permissions';
import { assertAllowed, notAllowed, ProblemError, validationProblem } from '../contract/problems';
import { levelLimitProblem } from './stock-rules';
import type { Location, StockMovement } from '../contract/stock-schemas';
import { formatCents } from '../contract/values/money';
import { storeDate } from './store-time';
import { normalizeTrackingNumber, trackingNumberProblem } from './tracking';
import { variantNotFound } from './product-rules';

/** What each action needs the actor to be allowed to do. Notes are how the people who work orders talk: the same as fulfilling. */
export const ORDER_PERMISSIONS = {
  fulfil: 'orders.fulfil',
  cancel: 'orders.fulfil',
  refund: 'orders.refund',
  note: 'orders.fulfil',
} as const satisfies Record<string, Action>;

export type OrderActor = { id: string; name: string; role: Role };

/** One variant at one warehouse, as stored when the write starts (and as it must be saved after). */
export type LevelSnapshot = {
  variantId: string;
  locationId: string;
  /** The variant's SKU now (a ledger row names it), not necessarily the one on the order line. */
  sku: string;
  onHand: number;
  reserved: number;
  /** Goes up by one with every movement of this level. */
  version: number;
};

/** A ledger row to append; the caller adds its id, `at` (the write's time) and `actor` (who acted). */
export type OrderMovement = Omit<StockMovement, 'id' | 'at' | 'actor' | 'onHandAfter'>;

export type OrderContext = {
  /** The order as stored now. It is never modified; the decision works on a copy. */
  order: Order;
  actor: OrderActor;
  /** ISO 8601 UTC time of the write: stamped on the timeline, fulfilments, refunds and notes. */
  now: string;
  /** The shop's warehouses: a fulfilment or a restock must name one. */
  locations: readonly Location[];
  /** Who is in support now: their refunds on this order today count toward support's daily limit. */
  supportStaffIds: ReadonlySet<string>;
  /**
   * The refunds of the other orders of this order's exchange family (exchangeFamily): an exchange's replacement
   * is the same sale, so support's daily limit counts them too. Empty for an order never exchanged.
   */
  familyRefunds: readonly Order['refunds'][number][];
  /**
   * The levels the action may move (see `levelKeys`). A level missing here
   * is taken as a variant that no longer exists (404), so a server whose
   * variant exists but has no level row yet passes zeros instead.
   */
  levels: readonly LevelSnapshot[];
};

export type OrderDecision = {
  /** The order to save, its version bumped (one per timeline event). */
  order: Order;
  /** The new state of every level that moved, in the order first moved. */
  levels: LevelSnapshot[];
  /** Ledger rows to append, in order; each explains a change in `levels`. */
  movements: OrderMovement[];
  /** Audit entries to record; the caller stamps who and when. */
  audit: AuditDraft[];
  /** An order this action placed (an exchange's replacement), to save as new; its movements are among `movements`. */
  created: Order | null;
};

export type FulfilRequest = z.output<typeof fulfilInputSchema>;
export type CancelRequest = z.output<typeof cancelInputSchema>;
export type RefundRequest = z.output<typeof refundInputSchema>;
export type NoteRequest = z.output<typeof noteInputSchema>;

export function orderNotFound(id: string): ProblemError {
  return new ProblemError({ status: 404, title: 'Order not found', detail: `No order has the id ${id}.` });
}

/**
 * The levels to load (and lock) before deciding: every line's variant at the
 * order's warehouse and at each of `locationIds` (a fulfilment's or a
 * restock's warehouse). Slightly more than any one action moves; never less.
 */
export function levelKeys(order: Order, locationIds: readonly (string | null)[] = []): { variantId: string; locationId: string }[] {
  const keys = new Map<string, { variantId: string; locationId: string }>();
  const locations = [order.locationId, ...locationIds.filter((l): l is string => l !== null)];
  for (const line of order.lines)
    for (const locationId of locations) keys.set(`${line.variantId}@${locationId}`, { variantId: line.variantId, locationId });
  return [...keys.values()];
}

export function decideFulfilment(context: OrderContext, input: FulfilRequest): OrderDecision {
  const w = new Decision(context, ORDER_PERMISSIONS.fulfil, input.version);
  const { order } = w;
  if (order.status === 'cancelled') throw validationProblem({}, `Order #${order.number} is cancelled: nothing can ship.`);
  w.checkLocation(input.locationId, 'locationId');
  const errors: Record<string, string> = {};
  const problem = trackingNumberProblem(input.carrier, input.trackingNumber);
  if (problem) errors.trackingNumber = problem;
  const parts = lineQuantities(order, input.lines);
  for (const { line, quantity, i } of parts) {
    const left = unitsToShip(line);
    if (quantity > left)
      errors[`lines.${i}.quantity`] = left === 0 ? 'Nothing left to ship on this line' : `Only ${units(left)} left to ship`;
    else {
      const { onHand } = w.level(line.variantId, input.locationId);
      if (onHand < quantity) {
        errors[`lines.${i}.quantity`] =
          `Only ${units(onHand)} on hand at ${w.locationName(input.locationId)}: ship from another warehouse or receive stock first`;
      }
    }
  }
  if (Object.keys(errors).length) throw validationProblem(errors);

  const home = order.locationId;
  let shipped = 0;
  for (const { line, quantity, i } of parts) {
    line.fulfilledQuantity += quantity;
    shipped += quantity;
    // The reservation is held at the order's warehouse: shipping from another releases it there.
    const field = `lines.${i}.quantity`;
    if (input.locationId !== home)
      w.move(line.variantId, home, { quantity: 0, reservedChange: -quantity, reason: 'released', note: '' }, field);
    w.move(
      line.variantId,
      input.locationId,
      { quantity: -quantity, reservedChange: input.locationId === home ? -quantity : 0, reason: 'sale', note: '' },
      field,
    );
  }
  const trackingNumber = normalizeTrackingNumber(input.trackingNumber);
  order.fulfilments.push({
    id: `ful_${order.id.slice(4)}_${order.fulfilments.length + 1}`,
    at: context.now,
    locationId: input.locationId,
    carrier: input.carrier,
    trackingNumber,
    lines: parts.map(({ line, quantity }) => ({ lineId: line.id, quantity })),
    by: w.person,
  });
  w.event('fulfilled', `Shipped ${units(shipped)} from ${w.locationName(input.locationId)} by ${input.carrier} (${trackingNumber}).`);
  w.closeIfShipped();
  return w.done({ shipped, carrier: input.carrier, trackingNumber });
}

/**
 * Cancels units not shipped yet: the lines and quantities asked, or every one.
 * Their reservations are released; with `refund`, they are refunded at what
 * the customer paid for them, and the shipping too when nothing has shipped.
 * Nothing shipped and nothing left: the order is cancelled; every remaining
 * unit shipped: it is closed.
 */
export function decideCancel(context: OrderContext, input: CancelRequest): OrderDecision {
  const w = new Decision(context, ORDER_PERMISSIONS.cancel, input.version);
  const { order } = w;
  if (order.status === 'cancelled') throw validationProblem({}, `Order #${order.number} is already cancelled.`);
  const parts = input.lines
    ? lineQuantities(order, input.lines)
    : order.lines.flatMap((line, i) => (unitsToShip(line) > 0 ? [{ line, quantity: unitsToShip(line), i }] : []));
  const errors: Record<string, string> = {};
  for (const { line, quantity, i } of parts) {
    const left = unitsToShip(line);
    if (quantity > left)
      errors[`lines.${i}.quantity`] = left === 0 ? 'Nothing left to cancel on this line' : `Only ${units(left)} not shipped yet`;
  }
  if (Object.keys(errors).length) throw validationProblem(errors);
  if (parts.length === 0)
    throw validationProblem({}, `Everything on order #${order.number} has shipped: refund or return the units instead.`);

  // What an exchange left owed is not owed for units that will not ship: it is waived first, and only what was
  // paid goes back. An earlier refund of an amount (a goodwill credit) may leave less than the units were paid.
  const { wholeOrder, shipping, waived, paidOut: paid } = cancelMoney(order, parts, input.refund);
  if (paid > 0) checkRefundAllowed(context, paid);
  let released = 0;
  for (const { line, quantity, i } of parts) {
    w.move(
      line.variantId,
      order.locationId,
      { quantity: 0, reservedChange: -quantity, reason: 'released', note: input.reason },
      `lines.${i}.quantity`,
    );
    line.cancelledQuantity += quantity;
    released += quantity;
  }
  order.balanceDue -= waived;

  if (wholeOrder) order.status = 'cancelled';
  w.event('cancelled', `Cancelled ${units(released)}${wholeOrder ? '' : ' not shipped yet'}: ${input.reason}.`);
  if (paid + waived > 0) {
    for (const { line, quantity } of parts) line.refundedQuantity += quantity;
    const lines = parts.map(({ line, quantity }) => ({ lineId: line.id, quantity }));
    const refund = { amount: paid + waived, shipping, lines, restock: false, locationId: null, reason: input.reason, returnId: null };
    w.refund({ ...refund, toExchange: waived }, 'owed from an exchange, waived');
  }
  w.closeIfShipped();
  return w.done({ reason: input.reason, released });
}

export function decideRefund(context: OrderContext, input: RefundRequest): OrderDecision {
  const w = new Decision(context, ORDER_PERMISSIONS.refund, input.version);
  const { order } = w;
  if (input.restock && input.locationId) w.checkLocation(input.locationId, 'locationId');
  const errors: Record<string, string> = {};
  const parts = lineQuantities(order, input.lines);
  let linesValue = 0;
  for (const { line, quantity, i } of parts) {
    const open = refundableUnits(line);
    const shelf = restockableUnits(order, line);
    if (quantity > open)
      errors[`lines.${i}.quantity`] =
        open === 0 ? 'Every unit of this line is refunded or not shipped yet' : `At most ${units(open)} can be refunded`;
    else if (input.restock && quantity > shelf) errors[`lines.${i}.quantity`] = `Only ${units(shelf)} shipped can go back on the shelf`;
    else linesValue += lineRefundAmount(line, line.refundedQuantity, quantity);
  }
  const shipping = input.shipping ? shippingLeft(order) : 0;
  if (input.shipping && shipping <= 0)
    errors.shipping = order.shipping === 0 ? 'This order had free shipping' : 'Shipping is already refunded';
  if (Object.keys(errors).length) throw validationProblem(errors);
  // Units of a replacement whose difference is still owed are first taken off what is owed; the rest is paid back.
  const { amount, waived, paidOut: paid, most } = refundMoney(order, linesValue, shipping, input.amount);
  if (amount <= 0) throw validationProblem({ amount: 'Choose units, the shipping or an amount to refund' });
  if (paid > most) {
    throw validationProblem(
      { amount: `At most ${formatCents(most)} can still be refunded; this refund is ${formatCents(paid)}` },
      `Order #${order.number} has ${formatCents(most)} left to refund. Nothing was refunded.`,
    );
  }
  if (paid > 0) checkRefundAllowed(context, paid);
  order.balanceDue -= waived;

  for (const { line, quantity, i } of parts) {
    line.refundedQuantity += quantity;
    if (input.restock && input.locationId) {
      const restock = { quantity, reservedChange: 0, reason: 'refund_restock', note: input.reason } as const;
      w.move(line.variantId, input.locationId, restock, `lines.${i}.quantity`);
    }
  }
  const restocked = input.restock && parts.length > 0;
  w.refund(
    {
      amount,
      shipping,
      lines: parts.map(({ line, quantity }) => ({ lineId: line.id, quantity })),
      restock: restocked,
      locationId: restocked ? input.locationId : null,
      reason: input.reason,
      returnId: null,
      toExchange: waived,
    },
    'owed from an exchange, waived',
  );
  return w.done({ refund: paid, reason: input.reason });
}

/** Appending a note needs no version: it cannot overwrite anything. No levels are read or moved. */
export function decideNote(context: Pick<OrderContext, 'order' | 'actor' | 'now'>, input: NoteRequest): OrderDecision {
  const w = new Decision(
    { ...context, locations: [], levels: [], supportStaffIds: new Set(), familyRefunds: [] },
    ORDER_PERMISSIONS.note,
    null,
  );
  const { order } = w;
  order.notes.push({ id: `note_${order.id.slice(4)}_${order.notes.length + 1}`, at: context.now, author: w.person, text: input.text });
  w.event('note_added', `Note: ${input.text}`);
  return w.done({ note: input.text });
}

// ---------------------------------------------------------------- the parts

type Change = Pick<OrderMovement, 'quantity' | 'reservedChange' | 'reason' | 'note'>;
type RefundRecord = Omit<Order['refunds'][number], 'id' | 'at' | 'by'>;

/** One decision under way: a copy of the order and of the levels it moves, and the rows that explain them. */
export class Decision {
  readonly order: Order;
  /** An order this decision places (an exchange's replacement). */
  created: Order | null = null;
  readonly audit: AuditDraft[] = [];
  readonly person: { id: string; name: string };
  private readonly levels = new Map<string, LevelSnapshot>();
  private readonly moved = new Map<string, LevelSnapshot>();
  private readonly movements: OrderMovement[] = [];

  /** 403 without the permission, 409 (with the stored order as `current`) when `version` is stale; null: no version to check. */
  constructor(
    readonly context: OrderContext,
    permission: Action,
    version: number | null,
  ) {
    const { actor, order } = context;
    assertAllowed(actor.role, permission);
    if (version !== null && order.version !== version) {
      throw new ProblemError({
        status: 409,
        title: 'Someone else changed this order',
        detail: `You were looking at version ${version}, but order #${order.number} is now at version ${order.version}: ${order.timeline.at(-1)?.message ?? ''} Check it again before you act.`,
        current: order,
      });
    }
    this.order = structuredClone(order);
    this.person = { id: actor.id, name: actor.name };
    for (const level of context.levels) this.levels.set(`${level.variantId}@${level.locationId}`, level);
  }

  locationName(id: string): string {
    return this.context.locations.find((l) => l.id === id)?.name ?? id;
  }

  checkLocation(id: string, field: string): void {
    if (!this.context.locations.some((l) => l.id === id)) throw validationProblem({ [field]: 'Choose one of the shop’s warehouses' });
  }

  /** The level as it stands in this decision; 404 when it was not loaded, i.e. the variant is gone. */
  level(variantId: string, locationId: string): LevelSnapshot {
    const key = `${variantId}@${locationId}`;
    const level = this.moved.get(key) ?? this.levels.get(key);
    if (!level) throw variantNotFound(variantId);
    return level;
  }

  /**
   * Moves a level (a new version) and writes the ledger row that says why; 422
   * on `field` (the request's field that asked for it) when it takes the level
   * past the limit. The row names `forOrder` (this decision's order unless said).
   */
  move(variantId: string, locationId: string, change: Change, field: string, forOrder: Pick<Order, 'id' | 'number'> = this.order): void {
    const level = this.level(variantId, locationId);
    const after = { onHand: level.onHand + change.quantity, reserved: level.reserved + change.reservedChange };
    const tooMuch = levelLimitProblem(level, after, `${level.sku} at ${this.locationName(locationId)}`);
    if (tooMuch) throw validationProblem({ [field]: tooMuch });
    const next = { ...level, ...after, version: level.version + 1 };
    this.moved.set(`${variantId}@${locationId}`, next);
    this.movements.push({
      variantId,
      sku: level.sku,
      locationId,
      ...change,
      orderId: forOrder.id,
      orderNumber: forOrder.number,
      transferId: null,
      purchaseOrderId: null,
      purchaseOrderNumber: null,
    });
  }

  event(type: Order['timeline'][number]['type'], message: string): void {
    const { order } = this;
    order.timeline.push({
      id: `evt_${order.id.slice(4)}_${order.timeline.length + 1}`,
      at: this.context.now,
      type,
      actor: this.person,
      message,
    });
  }

  /** Closes an open order whose every unit left has shipped. */
  closeIfShipped(): void {
    const { order } = this;
    if (order.status === 'open' && fulfilmentStatusOf(order.lines) === 'fulfilled') {
      order.status = 'closed';
      this.event('closed', 'Everything has shipped; the order is closed.');
    }
  }

  /** Records a refund on the order (its id returned) with its timeline event. */
  refund(refund: RefundRecord, notPaidOut = 'toward an exchange'): string {
    const { order } = this;
    const id = `ref_${order.id.slice(4)}_${order.refunds.length + 1}`;
    order.refunds.push({ id, at: this.context.now, by: this.person, ...refund });
    order.refunded += refund.amount;
    const count = refund.lines.reduce((n, l) => n + l.quantity, 0);
    const what = count
      ? ` for ${units(count)}${refund.restock && refund.locationId ? `, restocked at ${this.locationName(refund.locationId)}` : ''}`
      : '';
    const paid = paidOut(refund);
    const how =
      refund.toExchange > 0
        ? `${formatCents(refund.toExchange)} ${notPaidOut}${paid > 0 ? `, ${formatCents(paid)} to the customer` : ''}`
        : formatCents(paid);
    this.event('refunded', `Refunded ${how}${what}: ${refund.reason}.`);
    return id;
  }

  /** Statuses and derived money after the change (the version counts the events, as in the seed), and the audit entry. */
  done(what: Record<string, unknown>): OrderDecision {
    const { order } = this;
    order.fulfilmentStatus = fulfilmentStatusOf(order.lines);
    order.paymentStatus = paymentStatusOf(order);
    order.net = order.total - order.refunded;
    order.version = order.timeline.length;
    const audit = [orderAudit(this.context.order, order, what), ...this.audit];
    return { order, levels: [...this.moved.values()], movements: this.movements, audit, created: this.created };
  }
}

export function units(n: number): string {
  return n === 1 ? '1 unit' : `${n} units`;
}

/** The audit entry of an order change: the statuses and money that moved, and what was done. */
export function orderAudit(before: Order, after: Order, what: Record<string, unknown>): AuditDraft {
  const fields = ['status', 'paymentStatus', 'fulfilmentStatus', 'refunded'] as const;
  const was: Record<string, unknown> = {};
  const now: Record<string, unknown> = { ...what };
  for (const f of fields) {
    if (before[f] === after[f]) continue;
    was[f] = before[f];
    now[f] = after[f];
  }
  return { entityType: 'order', entityId: after.id, entityLabel: `Order #${after.number}`, before: was, after: now };
}

/** The lines a request names, with the units it asks for (zero skipped); 422 for a line not on the order or listed twice. */
export function lineQuantities(
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

/**
 * Refunds need orders.refund, and support only up to its limit per order per
 * store day: what support refunded on this order today (to the customer, not
 * toward an exchange) and this refund together. Said in plain words.
 */
export function checkRefundAllowed(
  context: Pick<OrderContext, 'actor' | 'order' | 'now' | 'supportStaffIds' | 'familyRefunds'>,
  amount: number,
): void {
  const { actor, order, now, supportStaffIds } = context;
  if (actor.role !== 'support') {
    if (canRefund(actor.role, amount)) return;
    throw notAllowed(refusal(actor.role, 'orders.refund'));
  }
  const today = storeDate(Date.parse(now));
  let already = 0;
  for (const r of [...order.refunds, ...context.familyRefunds]) {
    if ((r.by.id === actor.id || supportStaffIds.has(r.by.id)) && storeDate(Date.parse(r.at)) === today) already += paidOut(r);
  }
  if (canRefund(actor.role, already + amount)) return;
  const limit = formatCents(SUPPORT_REFUND_LIMIT_CENTS);
  const on = context.familyRefunds.length ? `order #${order.number} and its exchanges` : `order #${order.number}`;
  const before = already > 0 ? `support has refunded ${formatCents(already)} on ${on} today and ` : '';
  throw notAllowed(`Support may refund up to ${limit} on an order a day; ${before}this refund is ${formatCents(amount)}. Ask a manager.`);
}
