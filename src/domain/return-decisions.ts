/**
 * Returns and exchanges, decided once for the mock and the real server, as
 * order decisions (src/domain/order-decisions.ts): a return lives on its order.
 *
 *   open     shipped units the customer sends back, with a reason: no stock, no money.
 *   receive  at a warehouse, each unit back on the shelf (ledger `returned`) or
 *            written off (`returned`, then `damaged`: the ledger records every unit that moves).
 *   refund   the received units, the amount proposed from what they were paid and editable down.
 *   exchange the received units for another variant of the same product: a new
 *            order ships it, paid by a credit of what the units were paid (a refund
 *            `toExchange` on this order), so net revenue holds; a cheaper variant
 *            refunds the difference, a dearer one leaves it owed on the new order.
 *   close    with no money moving: it never arrived, or it is refused.
 */
import type { z } from 'zod';
import type {
  exchangeInputSchema,
  Order,
  OrderLine,
  Return,
  returnCloseInputSchema,
  ReturnSummary,
  returnInputSchema,
  returnReceiptInputSchema,
  returnRefundInputSchema,
} from '../contract/order-schemas';
import type { ReturnReason } from '../contract/constants';
import { ProblemError, validationProblem } from '../contract/problems';
import { formatCents } from '../contract/values/money';
import {
  checkRefundAllowed,
  Decision,
  lineQuantities,
  ORDER_PERMISSIONS,
  orderAudit,
  units,
  type OrderContext,
  type OrderDecision,
} from './order-decisions';
import { lineRefundAmount, lineRefundParts, orderIdOf, paidOut, refundable, refundableUnits, returnableUnits } from './order-rules';
import { salesTax } from './sales-tax';

export const RETURN_PERMISSIONS = {
  open: ORDER_PERMISSIONS.fulfil,
  receive: ORDER_PERMISSIONS.fulfil,
  refund: ORDER_PERMISSIONS.refund,
  exchange: ORDER_PERMISSIONS.fulfil,
  close: ORDER_PERMISSIONS.fulfil,
} as const;

export const RETURN_REASON_LABELS: Record<ReturnReason, string> = {
  defective: 'Defective',
  wrong_item: 'Wrong item',
  not_as_described: 'Not as described',
  changed_mind: 'Changed mind',
};

export type ReturnRequest = z.output<typeof returnInputSchema>;
export type ReturnReceiptRequest = z.output<typeof returnReceiptInputSchema>;
export type ReturnRefundRequest = z.output<typeof returnRefundInputSchema>;
export type ExchangeRequest = z.output<typeof exchangeInputSchema>;
export type ReturnCloseRequest = z.output<typeof returnCloseInputSchema>;

/** A variant an exchange may ship, as stored now. */
export type VariantSnapshot = {
  variantId: string;
  productId: string;
  sku: string;
  title: string;
  variantTitle: string;
  price: number;
  cost: number | null;
};

/** A variant as an exchange's replacement line names it: titled like the seeded lines (the options, "Black / M"). */
export function variantSnapshot(
  product: { id: string; title: string },
  variant: { id: string; sku: string; price: number; cost: number | null; optionValues: readonly string[] },
): VariantSnapshot {
  return {
    variantId: variant.id,
    productId: product.id,
    sku: variant.sku,
    title: product.title,
    variantTitle: variant.optionValues.join(' / '),
    price: variant.price,
    cost: variant.cost,
  };
}

export type ExchangeContext = OrderContext & {
  /** The variants the request names that exist (a missing one is refused beside its field). */
  variants: readonly VariantSnapshot[];
  /** The number the replacement order takes: one more than the shop's highest. */
  nextNumber: number;
};

/** A return as the returns list shows it (both backends): its order, units, last step, and what its refund paid back. */
export function returnSummary(order: Omit<Order, 'timeline'>, ret: Return): ReturnSummary {
  const refund = ret.refundId === null ? undefined : order.refunds.find((r) => r.id === ret.refundId);
  return {
    id: ret.id,
    orderId: order.id,
    orderNumber: order.number,
    customerName: order.customer.name,
    status: ret.status,
    reason: ret.reason,
    units: ret.lines.reduce((n, l) => n + l.quantity, 0),
    requestedAt: ret.requestedAt,
    updatedAt: ret.settledAt ?? ret.receivedAt ?? ret.requestedAt,
    refunded: refund ? paidOut(refund) : 0,
  };
}

export function returnNotFound(order: Order, returnId: string): ProblemError {
  return new ProblemError({ status: 404, title: 'Return not found', detail: `Order #${order.number} has no return ${returnId}.` });
}

/**
 * The orders an order is linked to by exchanges: the one it replaces, and the replacements of its returns. Walked
 * from any order, they reach its whole exchange family (the sale first placed and every replacement since), which
 * support's daily refund limit counts as one; its root (no `exchangeFor`) is what a server locks first.
 */
export function exchangeLinks(order: Pick<Order, 'exchangeFor' | 'returns'>): string[] {
  const ids = order.returns.flatMap((r) => (r.exchangeOrder ? [r.exchangeOrder.id] : []));
  return order.exchangeFor ? [order.exchangeFor.orderId, ...ids] : ids;
}

/** The other orders of `order`'s exchange family, each once, loaded by `load` (synchronous: the mock's write). */
export function exchangeFamily(order: Order, load: (id: string) => Order | undefined): Order[] {
  const seen = new Map<string, Order>([[order.id, order]]);
  for (let queue = exchangeLinks(order); queue.length;) {
    const id = queue.shift()!;
    if (seen.has(id)) continue;
    const next = load(id);
    if (!next) continue;
    seen.set(id, next);
    queue = [...queue, ...exchangeLinks(next)];
  }
  seen.delete(order.id);
  return [...seen.values()];
}

export function decideOpenReturn(context: OrderContext, input: ReturnRequest): OrderDecision {
  const w = new Decision(context, RETURN_PERMISSIONS.open, input.version);
  const { order } = w;
  // Its units were not all paid for: a refund or a cancellation takes them off what is owed instead.
  if (order.balanceDue > 0)
    throw validationProblem(
      {},
      `Order #${order.number} still has ${formatCents(order.balanceDue)} owed from an exchange: refund or cancel its units instead.`,
    );
  const parts = lineQuantities(order, input.lines);
  const errors: Record<string, string> = {};
  for (const { line, quantity, i } of parts) {
    const open = returnableUnits(order, line);
    if (quantity > open)
      errors[`lines.${i}.quantity`] =
        open === 0
          ? line.fulfilledQuantity === 0
            ? 'Nothing on this line has shipped'
            : 'Every shipped unit of this line is already on a return'
          : `Only ${units(open)} shipped can be returned`;
  }
  if (Object.keys(errors).length) throw validationProblem(errors);
  const ret: Return = {
    id: `ret_${order.id.slice(4)}_${order.returns.length + 1}`,
    status: 'requested',
    reason: input.reason,
    note: input.note,
    lines: parts.map(({ line, quantity }) => ({ lineId: line.id, quantity, restocked: 0, writtenOff: 0 })),
    requestedAt: context.now,
    requestedBy: w.person,
    locationId: null,
    receivedAt: null,
    receivedBy: null,
    settledAt: null,
    settledBy: null,
    refundId: null,
    closeReason: null,
    exchangeOrder: null,
  };
  order.returns.push(ret);
  const count = ret.lines.reduce((n, l) => n + l.quantity, 0);
  w.event(
    'return_requested',
    `Return opened for ${units(count)} (${RETURN_REASON_LABELS[input.reason]})${input.note ? `: ${input.note}` : ''}.`,
  );
  return w.done({ returnId: ret.id, reason: input.reason, units: count });
}

export function decideReceiveReturn(context: OrderContext, returnId: string, input: ReturnReceiptRequest): OrderDecision {
  const w = new Decision(context, RETURN_PERMISSIONS.receive, input.version);
  const ret = returnOf(w, returnId);
  if (ret.status !== 'requested') throw validationProblem({}, `Return ${ret.id} is already ${ret.status}.`);
  w.checkLocation(input.locationId, 'locationId');
  const errors: Record<string, string> = {};
  const given = new Map<string, { restock: number; writeOff: number; i: number }>();
  input.lines.forEach((l, i) => {
    if (!ret.lines.some((r) => r.lineId === l.lineId)) errors[`lines.${i}.lineId`] = 'This line is not on the return';
    else if (given.has(l.lineId)) errors[`lines.${i}.lineId`] = 'This line is listed twice';
    else given.set(l.lineId, { ...l, i });
  });
  for (const r of ret.lines) {
    const g = given.get(r.lineId);
    if (!g) errors.lines = 'Say what happened to every line of the return';
    else if (g.restock + g.writeOff !== r.quantity)
      errors[`lines.${g.i}.restock`] = `Restock and write off ${units(r.quantity)} in all: ${g.restock + g.writeOff} given`;
  }
  if (Object.keys(errors).length) throw validationProblem(errors);

  const { order } = w;
  const note = `Return ${ret.id}`;
  for (const r of ret.lines) {
    const { restock, writeOff, i } = given.get(r.lineId)!;
    const line = lineOf(order, r.lineId);
    const back = restock + writeOff;
    w.move(line.variantId, input.locationId, { quantity: back, reservedChange: 0, reason: 'returned', note }, `lines.${i}.restock`);
    if (writeOff > 0)
      w.move(line.variantId, input.locationId, { quantity: -writeOff, reservedChange: 0, reason: 'damaged', note }, `lines.${i}.writeOff`);
    r.restocked = restock;
    r.writtenOff = writeOff;
  }
  Object.assign(ret, { status: 'received', locationId: input.locationId, receivedAt: context.now, receivedBy: w.person });
  const restocked = ret.lines.reduce((n, l) => n + l.restocked, 0);
  const writtenOff = ret.lines.reduce((n, l) => n + l.writtenOff, 0);
  const what = [restocked ? `${units(restocked)} restocked` : '', writtenOff ? `${units(writtenOff)} written off as damaged` : '']
    .filter(Boolean)
    .join(', ');
  w.event('return_received', `Return received at ${w.locationName(input.locationId)}: ${what}.`);
  return w.done({ returnId: ret.id, locationId: input.locationId, restocked, writtenOff });
}

/** What the return's units were paid, the most its refund (or an exchange's credit) may be; 422 when a unit is already refunded. */
export function returnCredit(order: Order, ret: Return): number {
  let credit = 0;
  const errors: Record<string, string> = {};
  ret.lines.forEach((r, i) => {
    const line = lineOf(order, r.lineId);
    if (r.quantity > refundableUnits(line)) errors[`lines.${i}.quantity`] = 'These units are already refunded: close the return instead';
    else credit += lineRefundAmount(line, line.refundedQuantity, r.quantity);
  });
  if (Object.keys(errors).length) throw validationProblem(errors, `Part of return ${ret.id} is already refunded. Nothing was done.`);
  return Math.min(credit, refundable(order));
}

export function decideRefundReturn(context: OrderContext, returnId: string, input: ReturnRefundRequest): OrderDecision {
  const w = new Decision(context, RETURN_PERMISSIONS.refund, input.version);
  const { order } = w;
  const ret = settleable(w, returnId);
  const most = returnCredit(order, ret);
  if (input.amount > most)
    throw validationProblem({ amount: `At most ${formatCents(most)}: what the returned units were paid, less what is already refunded` });
  if (input.amount <= 0) throw validationProblem({ amount: 'Enter an amount above $0.00, or close the return instead' });
  checkRefundAllowed(context, input.amount);
  for (const r of ret.lines) lineOf(order, r.lineId).refundedQuantity += r.quantity;
  const refundId = w.refund({
    amount: input.amount,
    shipping: 0,
    lines: ret.lines.map((r) => ({ lineId: r.lineId, quantity: r.quantity })),
    restock: false,
    locationId: null,
    reason: `Return: ${RETURN_REASON_LABELS[ret.reason]}`,
    returnId: ret.id,
    toExchange: 0,
  });
  Object.assign(ret, { status: 'refunded', refundId, settledAt: context.now, settledBy: w.person });
  return w.done({ returnId: ret.id, refund: input.amount });
}

/**
 * A replacement line's money, for the returned units of a line (their unit price, count, and their discount and
 * tax shares as lineRefundParts gives them) at `price`: at the same price, the units' own shares (so no money
 * moves); at another, the same discount (at most the new price) and the state's tax on the rest.
 */
export function replacementMoney(
  returned: { unitPrice: number; quantity: number; parts: { discount: number; tax: number } },
  price: number,
  state: string,
): { merchandise: number; discount: number; tax: number; value: number } {
  const { parts, quantity } = returned;
  const merchandise = price * quantity;
  const same = price === returned.unitPrice;
  const discount = same ? parts.discount : Math.min(parts.discount, merchandise);
  const tax = same ? parts.tax : salesTax(merchandise - discount, state);
  return { merchandise, discount, tax, value: merchandise - discount + tax };
}

/** What a replacement unit is priced at: the same variant again (a like-for-like swap) at what was paid, another at its price now. */
export function replacementPrice(line: Pick<OrderLine, 'variantId' | 'unitPrice'>, variant: { id: string; price: number }): number {
  return variant.id === line.variantId ? line.unitPrice : variant.price;
}

/** The credit pays for the replacement: what is left over goes back to the customer, what is missing is owed. */
export function exchangeSettlement(credit: number, value: number): { applied: number; refund: number; balanceDue: number } {
  const applied = Math.min(credit, value);
  return { applied, refund: credit - applied, balanceDue: value - applied };
}

export function decideExchange(context: ExchangeContext, returnId: string, input: ExchangeRequest): OrderDecision {
  const w = new Decision(context, RETURN_PERMISSIONS.exchange, input.version);
  const { order } = w;
  const ret = settleable(w, returnId);
  const errors: Record<string, string> = {};
  const chosen = new Map<string, VariantSnapshot>();
  input.lines.forEach((l, i) => {
    const line = order.lines.find((x) => x.id === l.lineId);
    const variant = context.variants.find((v) => v.variantId === l.variantId);
    if (!line || !ret.lines.some((r) => r.lineId === l.lineId)) errors[`lines.${i}.lineId`] = 'This line is not on the return';
    else if (chosen.has(l.lineId)) errors[`lines.${i}.lineId`] = 'This line is listed twice';
    else if (!variant) errors[`lines.${i}.variantId`] = 'No such variant';
    else if (variant.productId !== line.productId) errors[`lines.${i}.variantId`] = `Choose a variant of ${line.title}`;
    else chosen.set(l.lineId, variant);
  });
  if (!Object.keys(errors).length && ret.lines.some((r) => !chosen.has(r.lineId)))
    errors.lines = 'Choose a variant for every line of the return';
  // A replacement is promised to ship: the order's warehouse must have the units free (on hand, not reserved).
  const wanted = new Map<string, number>();
  for (const r of ret.lines) {
    const v = chosen.get(r.lineId);
    if (v) wanted.set(v.variantId, (wanted.get(v.variantId) ?? 0) + r.quantity);
  }
  input.lines.forEach((l, i) => {
    const v = chosen.get(l.lineId);
    if (!v || errors[`lines.${i}.variantId`]) return;
    const level = w.level(v.variantId, order.locationId);
    const free = level.onHand - level.reserved;
    if (free < (wanted.get(v.variantId) ?? 0))
      errors[`lines.${i}.variantId`] =
        `Only ${units(Math.max(0, free))} of ${v.sku} free at ${w.locationName(order.locationId)}: choose another variant or receive stock first`;
  });
  if (Object.keys(errors).length) throw validationProblem(errors);
  const credit = returnCredit(order, ret);

  const number = context.nextNumber;
  const id = orderIdOf(number);
  const lines: OrderLine[] = ret.lines.map((r, k) => {
    const line = lineOf(order, r.lineId);
    const variant = chosen.get(r.lineId)!;
    const parts = lineRefundParts(line, line.refundedQuantity, r.quantity);
    const returned = { unitPrice: line.unitPrice, quantity: r.quantity, parts };
    const unitPrice = replacementPrice(line, { id: variant.variantId, price: variant.price });
    const { discount, tax } = replacementMoney(returned, unitPrice, order.shippingAddress.state);
    return {
      id: `li_${id.slice(4)}_${k + 1}`,
      variantId: variant.variantId,
      productId: variant.productId,
      sku: variant.sku,
      title: variant.title,
      variantTitle: variant.variantTitle,
      quantity: r.quantity,
      unitPrice,
      discount,
      tax,
      unitCost: variant.cost,
      fulfilledQuantity: 0,
      cancelledQuantity: 0,
      refundedQuantity: 0,
    };
  });
  const sum = (f: (l: OrderLine) => number) => lines.reduce((n, l) => n + f(l), 0);
  const subtotal = sum((l) => l.unitPrice * l.quantity);
  const discount = sum((l) => l.discount);
  const tax = sum((l) => l.tax);
  const value = subtotal - discount + tax;
  const { applied, refund: payout, balanceDue } = exchangeSettlement(credit, value);
  // Money back to the customer (a cheaper variant) is a refund: it needs orders.refund, within support's limit.
  if (payout > 0) checkRefundAllowed(context, payout);

  const replacement: Order = {
    id,
    number,
    placedAt: context.now,
    customer: order.customer,
    shippingAddress: order.shippingAddress,
    locationId: order.locationId,
    lines,
    discountCode: null,
    subtotal,
    discount,
    shipping: 0,
    tax,
    total: value,
    refunded: 0,
    net: value,
    status: 'open',
    paymentStatus: balanceDue > 0 ? 'pending' : 'paid',
    fulfilmentStatus: 'unfulfilled',
    fulfilments: [],
    refunds: [],
    returns: [],
    exchangeFor: { orderId: order.id, number: order.number, returnId: ret.id, credit: applied },
    balanceDue,
    notes: [],
    timeline: [
      {
        id: `evt_${id.slice(4)}_1`,
        at: context.now,
        type: 'placed',
        actor: w.person,
        message: `Placed by ${w.person.name} as an exchange for order #${order.number}${balanceDue > 0 ? `; ${formatCents(balanceDue)} is owed` : ''}.`,
      },
    ],
    version: 1,
  };
  lines.forEach((l, k) =>
    w.move(
      l.variantId,
      order.locationId,
      { quantity: 0, reservedChange: l.quantity, reason: 'reserved', note: '' },
      `lines.${k}.variantId`,
      replacement,
    ),
  );

  for (const r of ret.lines) lineOf(order, r.lineId).refundedQuantity += r.quantity;
  const refundId = w.refund({
    amount: credit,
    shipping: 0,
    lines: ret.lines.map((r) => ({ lineId: r.lineId, quantity: r.quantity })),
    restock: false,
    locationId: null,
    reason: `Exchange for order #${number}`,
    returnId: ret.id,
    toExchange: applied,
  });
  Object.assign(ret, { status: 'exchanged', refundId, exchangeOrder: { id, number }, settledAt: context.now, settledBy: w.person });
  const count = ret.lines.reduce((n, l) => n + l.quantity, 0);
  w.event('exchanged', `Exchanged ${units(count)} for order #${number}${balanceDue > 0 ? `, ${formatCents(balanceDue)} owed` : ''}.`);
  w.created = replacement;
  w.audit.push(orderAudit(replacement, replacement, { exchangeFor: order.number, total: value, balanceDue }));
  return w.done({ returnId: ret.id, exchangeOrder: number, credit, refund: payout, balanceDue });
}

export function decideCloseReturn(context: OrderContext, returnId: string, input: ReturnCloseRequest): OrderDecision {
  const w = new Decision(context, RETURN_PERMISSIONS.close, input.version);
  const ret = returnOf(w, returnId);
  if (ret.status !== 'requested' && ret.status !== 'received') throw validationProblem({}, `Return ${ret.id} is already ${ret.status}.`);
  Object.assign(ret, { status: 'closed', settledAt: context.now, settledBy: w.person, closeReason: input.reason });
  w.event('return_closed', `Return closed with no refund: ${input.reason}.`);
  return w.done({ returnId: ret.id, reason: input.reason });
}

// ---------------------------------------------------------------- the parts

function returnOf(w: Decision, returnId: string): Return {
  const ret = w.order.returns.find((r) => r.id === returnId);
  if (!ret) throw returnNotFound(w.order, returnId);
  return ret;
}

/** A return that money may settle: received, not settled yet. */
function settleable(w: Decision, returnId: string): Return {
  const ret = returnOf(w, returnId);
  if (ret.status === 'requested') throw validationProblem({}, `Return ${ret.id} has not arrived yet: receive it first.`);
  if (ret.status !== 'received') throw validationProblem({}, `Return ${ret.id} is already ${ret.status}.`);
  return ret;
}

function lineOf(order: Order, lineId: string): OrderLine {
  const line = order.lines.find((l) => l.id === lineId);
  if (!line) throw new Error(`The return names line ${lineId}, which is not on order #${order.number}`);
  return line;
}
