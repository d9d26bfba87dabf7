/**
 * An order's money, as plain functions shared by the mock and a real server.
 * Integer cents only; every split is exact, so the parts always add up to the
 * whole: line discounts to the order discount, line taxes to the order tax,
 * line refunds (every unit) to the line total.
 */
import type { FulfilmentStatus, PaymentStatus } from '../contract/constants';
import { salesTax } from './sales-tax';

/** Standard shipping is free from this much merchandise (after discounts). */
export const FREE_SHIPPING_THRESHOLD = 5_000;
export const STANDARD_SHIPPING = 599;
export const EXPEDITED_SHIPPING = 1_499;
export const SHIPPING_METHODS = ['standard', 'expedited'] as const;
export type ShippingMethod = (typeof SHIPPING_METHODS)[number];

/** $5.99 standard, free at $50 or more after discounts; $14.99 expedited, always. */
export function shippingFee(merchandiseCents: number, method: ShippingMethod): number {
  if (method === 'expedited') return EXPEDITED_SHIPPING;
  return merchandiseCents >= FREE_SHIPPING_THRESHOLD ? 0 : STANDARD_SHIPPING;
}

/** `percent` % of `cents`, half a cent rounded up. */
export function percentOf(cents: number, percent: number): number {
  return Math.floor((cents * percent + 50) / 100);
}

/**
 * Splits `amount` over `weights` in proportion, exactly (largest remainder):
 * each part is ⌊amount·wᵢ/W⌋ and the cents left over go, one each, to the
 * largest remainders (ties to the earlier part). Zero weights get nothing,
 * unless every weight is zero, when the split is even.
 */
export function allocate(amount: number, weights: readonly number[]): number[] {
  const n = weights.length;
  if (n === 0) {
    if (amount !== 0) throw new RangeError('Nothing to split the amount over');
    return [];
  }
  if (!Number.isSafeInteger(amount) || amount < 0) throw new RangeError('The amount must be whole, non-negative cents');
  let total = 0;
  for (const w of weights) {
    if (!Number.isSafeInteger(w) || w < 0) throw new RangeError('Weights must be whole and non-negative');
    total += w;
  }
  const even = total === 0;
  const ws = even ? weights.map(() => 1) : weights;
  const sum = even ? n : total;
  const parts = new Array<number>(n);
  const remainders = new Array<number>(n);
  let given = 0;
  const exact = Number.isSafeInteger(amount * sum);
  for (let i = 0; i < n; i++) {
    const w = ws[i] ?? 0;
    if (exact) {
      const product = amount * w;
      const part = Math.floor(product / sum);
      // Correct a float quotient that landed one off; exact below 2^53.
      const fixed = part * sum > product ? part - 1 : (part + 1) * sum <= product ? part + 1 : part;
      parts[i] = fixed;
      remainders[i] = product - fixed * sum;
    } else {
      const product = BigInt(amount) * BigInt(w);
      const part = product / BigInt(sum);
      parts[i] = Number(part);
      remainders[i] = Number(product - part * BigInt(sum));
    }
    given += parts[i] ?? 0;
  }
  // Fewer than n cents are left; each goes to the largest remainder not yet served (the earlier on a tie):
  // quadratic in the number of parts, which are an order's lines.
  for (let left = amount - given; left > 0; left--) {
    let best = 0;
    for (let i = 1; i < n; i++) if ((remainders[i] ?? 0) > (remainders[best] ?? 0)) best = i;
    parts[best] = (parts[best] ?? 0) + 1;
    remainders[best] = -1;
  }
  return parts;
}

export type PricedLine = { unitPrice: number; quantity: number };

export type OrderTotals = {
  subtotal: number;
  discount: number;
  shipping: number;
  tax: number;
  total: number;
  /** Each line's share of the discount and of the tax, in the order of `lines`. */
  lines: { discount: number; tax: number }[];
};

/**
 * subtotal = Σ unit price × quantity; the discount is split over the lines by
 * their subtotals (only the lines it applies to, when `eligible` says which);
 * tax is the state's rate on (subtotal − discount), split by each line's
 * discounted amount; shipping is not taxed.
 * total = subtotal − discount + shipping + tax.
 */
export function orderTotals(
  lines: readonly PricedLine[],
  shipping: number,
  state: string,
  discount: number,
  eligible?: readonly boolean[],
): OrderTotals {
  const lineSubtotals = lines.map((l) => l.unitPrice * l.quantity);
  let subtotal = 0;
  let eligibleSubtotal = 0;
  for (const [i, s] of lineSubtotals.entries()) {
    subtotal += s;
    if (!eligible || eligible[i]) eligibleSubtotal += s;
  }
  if (!Number.isSafeInteger(discount) || discount < 0 || discount > eligibleSubtotal)
    throw new RangeError('The discount must be whole cents between 0 and the subtotal it applies to');
  if (!Number.isSafeInteger(shipping) || shipping < 0) throw new RangeError('Shipping must be whole, non-negative cents');
  const discounts = allocate(discount, eligible ? lineSubtotals.map((s, i) => (eligible[i] ? s : 0)) : lineSubtotals);
  const taxable = lineSubtotals.map((s, i) => s - (discounts[i] ?? 0));
  const tax = salesTax(subtotal - discount, state);
  const taxes = allocate(tax, taxable);
  return {
    subtotal,
    discount,
    shipping,
    tax,
    total: subtotal - discount + shipping + tax,
    lines: discounts.map((d, i) => ({ discount: d, tax: taxes[i] ?? 0 })),
  };
}

export type MoneyLine = { unitPrice: number; quantity: number; discount: number; tax: number };

/** What the customer paid for the line: unit price × quantity − its discount + its tax. */
export function lineTotal(line: MoneyLine): number {
  return line.unitPrice * line.quantity - line.discount + line.tax;
}

/**
 * The refund for `quantity` more units of a line of which `alreadyRefunded`
 * are refunded: f(r + q) − f(r) with f(n) = ⌊lineTotal × n / quantity⌋, so
 * refunds in any steps add up to exactly the line total once every unit is refunded.
 */
export function lineRefundAmount(line: MoneyLine, alreadyRefunded: number, quantity: number): number {
  if (!Number.isInteger(alreadyRefunded) || !Number.isInteger(quantity) || alreadyRefunded < 0 || quantity < 0) {
    throw new RangeError('Quantities must be whole and non-negative');
  }
  if (alreadyRefunded + quantity > line.quantity)
    throw new RangeError(`Only ${line.quantity - alreadyRefunded} of this line can still be refunded`);
  const total = lineTotal(line);
  const f = (n: number) => Math.floor((total * n) / line.quantity);
  return f(alreadyRefunded + quantity) - f(alreadyRefunded);
}

/** The most that can still be refunded on an order: what was paid (not what an exchange left owed) less what was refunded. */
export function refundable(order: { total: number; refunded: number; balanceDue: number }): number {
  return Math.max(0, order.total - order.balanceDue - order.refunded);
}

/** pending while an exchange's difference is owed; then by what has been refunded. */
export function paymentStatusOf(order: { total: number; refunded: number; balanceDue: number }): PaymentStatus {
  if (order.balanceDue > 0) return 'pending';
  if (order.refunded <= 0) return 'paid';
  return order.refunded >= order.total ? 'refunded' : 'partially_refunded';
}

export type QuantityLine = { quantity: number; fulfilledQuantity: number; cancelledQuantity: number };

/** Units of a line still to ship. */
export function unitsToShip(line: QuantityLine): number {
  return line.quantity - line.cancelledQuantity - line.fulfilledQuantity;
}

/**
 * fulfilled: nothing left to ship and something shipped; unfulfilled: nothing
 * shipped; partially_fulfilled: in between. Cancelled units count as nothing left to ship.
 */
export function fulfilmentStatusOf(lines: readonly QuantityLine[]): FulfilmentStatus {
  let shipped = 0;
  let left = 0;
  for (const line of lines) {
    shipped += line.fulfilledQuantity;
    left += unitsToShip(line);
  }
  if (shipped === 0) return 'unfulfilled';
  return left === 0 ? 'fulfilled' : 'partially_fulfilled';
}

type RefundedLine = QuantityLine & { id: string; refundedQuantity: number };
type RefundRecord = { shipping: number; restock: boolean; lines: readonly { lineId: string; quantity: number }[] };
type ReturnRecord = {
  status: string;
  receivedAt: string | null;
  lines: readonly { lineId: string; quantity: number; restocked: number; writtenOff: number }[];
};

/** Units of a line that can still be refunded: shipped or cancelled, and not refunded yet. */
export function refundableUnits(line: RefundedLine): number {
  return Math.max(0, line.fulfilledQuantity + line.cancelledQuantity - line.refundedQuantity);
}

/**
 * Shipped units of a line still with the customer: not put back on a shelf by
 * a refund's restock, and not on a return (requested or received). The most a
 * restock may put back, and the most a new return may take: a unit comes back once.
 */
export function unitsWithCustomer(
  order: { refunds: readonly RefundRecord[]; returns: readonly ReturnRecord[] },
  line: RefundedLine,
): number {
  let back = returnedUnits(order, line.id);
  for (const r of order.refunds) if (r.restock) for (const l of r.lines) if (l.lineId === line.id) back += l.quantity;
  return Math.max(0, line.fulfilledQuantity - back);
}
/** What a refund's restock may put back on the shelf. */
export const restockableUnits = unitsWithCustomer;
/** What a new return may take. */
export const returnableUnits = unitsWithCustomer;

/** Units of a line on returns: every return but one closed before it arrived, which gives its units back. */
export function returnedUnits(order: { returns: readonly ReturnRecord[] }, lineId: string): number {
  let units = 0;
  for (const r of order.returns) {
    if (r.status === 'closed' && r.receivedAt === null) continue;
    for (const l of r.lines) if (l.lineId === lineId) units += l.quantity;
  }
  return units;
}

/**
 * What `quantity` more units of a line (of which `alreadyRefunded` are refunded)
 * are refunded at, in parts a person can check: the units' price, their share
 * of the order discount and of the tax, and the amount (lineRefundAmount). The
 * tax share steps like the amount (⌊tax × n / quantity⌋); the discount share
 * is what makes the parts add up exactly: amount = merchandise − discount + tax.
 */
export function lineRefundParts(
  line: MoneyLine,
  alreadyRefunded: number,
  quantity: number,
): { merchandise: number; discount: number; tax: number; amount: number } {
  const amount = lineRefundAmount(line, alreadyRefunded, quantity);
  const taxUpTo = (n: number) => Math.floor((line.tax * n) / line.quantity);
  const tax = taxUpTo(alreadyRefunded + quantity) - taxUpTo(alreadyRefunded);
  const merchandise = line.unitPrice * quantity;
  // The amount and the tax round down apart, so a line with less discount than units can step a cent above
  // price plus tax: that cent is tax (a share is never negative).
  const discount = merchandise + tax - amount;
  return discount >= 0 ? { merchandise, discount, tax, amount } : { merchandise, discount: 0, tax: amount - merchandise, amount };
}

/** The order's shipping fee not refunded yet. */
export function shippingLeft(order: { shipping: number; refunds: readonly RefundRecord[] }): number {
  return Math.max(0, order.shipping - order.refunds.reduce((sum, r) => sum + r.shipping, 0));
}

/**
 * What each refund returned for each line's units, for the reports: the
 * refunds replayed in order, so a refund's share of a line is what it returned
 * then (`lineRefundAmount` after the units refunded before it). `tax` is the
 * part of `amount` that was the line's tax, split the same way (⌊tax × n /
 * quantity⌋ steps), so a line's tax parts add up to its tax once every unit is
 * refunded, and the rest of `amount` is merchandise after its discount.
 * Parts naming a line not on the order are left out; units beyond the line's are capped.
 */
export function refundLineAmounts<L extends MoneyLine & { id: string }>(order: {
  lines: readonly L[];
  refunds: readonly { id: string; lines: readonly { lineId: string; quantity: number }[] }[];
}): { refundId: string; line: L; quantity: number; amount: number; tax: number; discount: number }[] {
  const refundedSoFar = new Map<string, number>();
  const out: { refundId: string; line: L; quantity: number; amount: number; tax: number; discount: number }[] = [];
  for (const refund of order.refunds) {
    for (const part of refund.lines) {
      const line = order.lines.find((l) => l.id === part.lineId);
      if (!line) continue;
      const already = refundedSoFar.get(line.id) ?? 0;
      const quantity = Math.min(part.quantity, line.quantity - already);
      refundedSoFar.set(line.id, already + quantity);
      const { amount, tax, discount } = lineRefundParts(line, already, quantity);
      out.push({ refundId: refund.id, line, quantity, amount, tax, discount });
    }
  }
  return out;
}

/**
 * What each refund gave back per line, for the reports: refundLineAmounts' parts, except where a refund gave back
 * less than its units were paid (a return's refund edited down, a cancellation capped by what was left): then its
 * amount less its shipping is spread over its parts in proportion (allocate: exact to the cent), each part's tax
 * shrinking with it. A report's refunds by product then add up to the refunds made.
 */
export function refundedLineAmounts<L extends MoneyLine & { id: string }>(order: {
  lines: readonly L[];
  refunds: readonly { id: string; amount: number; shipping: number; lines: readonly { lineId: string; quantity: number }[] }[];
}): { refundId: string; line: L; quantity: number; amount: number; tax: number }[] {
  const parts = refundLineAmounts(order);
  for (const refund of order.refunds) {
    const mine = parts.flatMap((p, i) => (p.refundId === refund.id ? [i] : []));
    const available = Math.max(0, refund.amount - refund.shipping);
    const paid = mine.reduce((n, i) => n + parts[i]!.amount, 0);
    if (available >= paid) continue;
    const amounts = allocate(
      available,
      mine.map((i) => parts[i]!.amount),
    );
    mine.forEach((i, k) => {
      const p = parts[i]!;
      const amount = amounts[k] ?? 0;
      parts[i] = { ...p, amount, tax: p.amount > 0 ? Math.floor((p.tax * amount) / p.amount) : 0 };
    });
  }
  return parts.map(({ refundId, line, quantity, amount, tax }) => ({ refundId, line, quantity, amount, tax }));
}

/** What a refund paid back to the customer: its amount less what went toward an exchange or was waived. */
export function paidOut(refund: { amount: number; toExchange: number }): number {
  return refund.amount - refund.toExchange;
}

type MoneyOrder = {
  total: number;
  refunded: number;
  balanceDue: number;
  shipping: number;
  lines: readonly (MoneyLine & QuantityLine & { id: string; refundedQuantity: number })[];
  refunds: readonly RefundRecord[];
};

/**
 * The money of cancelling `parts` (units not shipped yet) of `order` as it is now: the units' value (what the
 * customer paid for them); the shipping, refunded only when the whole order goes (nothing shipped, nothing left);
 * what an exchange left owed, waived first; and, with `refund`, what is paid back: never more than is left.
 */
export function cancelMoney(
  order: MoneyOrder,
  parts: readonly { line: MoneyOrder['lines'][number]; quantity: number }[],
  refund: boolean,
): { value: number; wholeOrder: boolean; shipping: number; waived: number; paidOut: number } {
  let value = 0;
  for (const { line, quantity } of parts) value += lineRefundAmount(line, line.refundedQuantity, quantity);
  const cancelled = (id: string) => parts.reduce((n, p) => n + (p.line.id === id ? p.quantity : 0), 0);
  const wholeOrder = order.lines.every((l) => l.fulfilledQuantity === 0 && unitsToShip(l) === cancelled(l.id));
  const shipping = refund && wholeOrder ? shippingLeft(order) : 0;
  const waived = Math.min(order.balanceDue, value);
  const paid = refund ? Math.min(value - waived + shipping, refundable(order)) : 0;
  return { value, wholeOrder, shipping, waived, paidOut: paid };
}

/**
 * The money of a refund of units (their value, `lines`), the shipping left (`shipping`) and an extra amount: what
 * an exchange left owed is waived first out of the units' value, the rest is paid back (`paidOut`), which must not
 * pass what is left (`most`).
 */
export function refundMoney(
  order: MoneyOrder,
  lines: number,
  shipping: number,
  extra: number,
): { amount: number; waived: number; paidOut: number; most: number } {
  const waived = Math.min(order.balanceDue, lines);
  const amount = lines + shipping + extra;
  return { amount, waived, paidOut: amount - waived, most: refundable(order) };
}

/** An order's money as its list rows and their totals read it: the mock's list entry and the server's order row copy it. */
export type OrderMoney = {
  subtotal: number;
  discount: number;
  shipping: number;
  tax: number;
  total: number;
  refunded: number;
  net: number;
};

export function orderMoney({ subtotal, discount, shipping, tax, total, refunded, net }: OrderMoney): OrderMoney {
  return { subtotal, discount, shipping, tax, total, refunded, net };
}

/** The order id of order number `n`: ord_0001042 (the seed's, and an exchange's replacement's). */
export function orderIdOf(n: number): string {
  return `ord_${String(n).padStart(7, '0')}`;
}

/** "#1042" or "1042" is an order number; anything else is text to look for in names and emails. */
export function orderNumberIn(q: string): number | null {
  const match = /^#?\s*(\d{4,9})$/.exec(q.trim());
  return match ? Number(match[1]) : null;
}
