/**
 * Discounts as plain functions shared by the mock and the server: a
 * discount's status on the store's clock, which lines it applies to, what it
 * takes off a basket (by the orders' own split: src/domain/order-rules.ts
 * `orderTotals`), whether a checkout may claim a use, and what an edit may
 * not do. Integer cents only.
 */
import type { DiscountStatus } from '../contract/constants';
import type {
  Discount,
  DiscountInput,
  DiscountList,
  DiscountListQuery,
  DiscountPerformance,
  DiscountPreview,
  DiscountUsage,
} from '../contract/discount-schemas';
import { averageOrderValue } from './report-rules';
import { compareText } from './compare';
import { formatCents } from '../contract/values/money';
import { changedMeanwhile, ProblemError, validationProblem } from '../contract/problems';
import type { AuditDraft, Diff } from './audit-rules';
import { orderTotals, shippingFee } from './order-rules';
import { percentOf } from './price-rules';

/** What a status and a usage check need of a discount. */
type Dated = { enabled: boolean; startsAt: string; endsAt: string | null };

/** disabled whatever its dates; scheduled before it starts; expired from its end; active in between. */
export function discountStatus(d: Dated, nowMs: number): DiscountStatus {
  if (!d.enabled) return 'disabled';
  if (nowMs < Date.parse(d.startsAt)) return 'scheduled';
  if (d.endsAt !== null && nowMs >= Date.parse(d.endsAt)) return 'expired';
  return 'active';
}

/** Codes are one without regard to case: the key they are unique and found by. */
export function codeKey(code: string): string {
  return code.trim().toUpperCase();
}

export type BasketItem = {
  variantId: string;
  productId: string;
  categoryId: string;
  sku: string;
  title: string;
  unitPrice: number;
  quantity: number;
};

type Scoped = Pick<DiscountInput, 'scope' | 'targetIds'>;

/** Whether a discount applies to a line: every line for the whole order, else the line's category, product or variant is named. */
export function appliesTo(d: Scoped, item: Pick<BasketItem, 'variantId' | 'productId' | 'categoryId'>): boolean {
  switch (d.scope) {
    case 'order':
      return true;
    case 'categories':
      return d.targetIds.includes(item.categoryId);
    case 'products':
      return d.targetIds.includes(item.productId);
    case 'variants':
      return d.targetIds.includes(item.variantId);
  }
}

/**
 * A basket priced with a discount, by the orders' rule: the discount (a percent
 * of, or an amount up to, the subtotal of the lines it applies to) is split over
 * those lines by their subtotals, tax follows each line's discounted amount,
 * standard shipping is charged unless the discount makes it free. When a minimum
 * is not met or no line qualifies, nothing comes off and `reason` says why.
 */
export function priceBasket(d: DiscountInput, items: readonly BasketItem[], state: string): DiscountPreview {
  const eligible = items.map((item) => appliesTo(d, item));
  let subtotal = 0;
  let eligibleSubtotal = 0;
  let eligibleUnits = 0;
  for (const [i, item] of items.entries()) {
    subtotal += item.unitPrice * item.quantity;
    if (eligible[i]) {
      eligibleSubtotal += item.unitPrice * item.quantity;
      eligibleUnits += item.quantity;
    }
  }
  let reason: string | null = null;
  if (!eligible.some(Boolean)) reason = 'None of the basket’s items is one this discount applies to';
  else if (d.minimumSubtotal !== null && subtotal < d.minimumSubtotal)
    reason = `The basket’s subtotal, ${formatCents(subtotal)}, is under the ${formatCents(d.minimumSubtotal)} minimum`;
  else if (d.minimumQuantity !== null && eligibleUnits < d.minimumQuantity)
    reason = `The basket has ${eligibleUnits} of the ${d.minimumQuantity} units it needs`;

  const qualifies = reason === null;
  const discount = !qualifies
    ? 0
    : d.type === 'percent'
      ? percentOf(eligibleSubtotal, d.value)
      : d.type === 'amount'
        ? Math.min(d.value, eligibleSubtotal)
        : 0;
  const fee = shippingFee(subtotal - discount, 'standard');
  const freeShipping = qualifies && d.type === 'free_shipping';
  if (freeShipping && fee === 0) reason = 'Shipping is free on this basket already';
  const totals = orderTotals(items, freeShipping ? 0 : fee, state, discount, eligible);
  return {
    lines: items.map((item, i) => {
      const share = totals.lines[i]!;
      return {
        variantId: item.variantId,
        sku: item.sku,
        title: item.title,
        quantity: item.quantity,
        unitPrice: item.unitPrice,
        eligible: eligible[i]!,
        discount: share.discount,
        tax: share.tax,
        total: item.unitPrice * item.quantity - share.discount + share.tax,
      };
    }),
    subtotal: totals.subtotal,
    discount: totals.discount,
    shipping: totals.shipping,
    tax: totals.tax,
    total: totals.total,
    applied: reason === null && (discount > 0 || freeShipping),
    reason,
  };
}

/**
 * Whether a checkout may claim one more use: the discount must be active, under
 * its limit, and (once per customer) unused by this customer. Throws the 422.
 */
export function checkUse(
  d: Dated & { usageLimit: number | null; oncePerCustomer: boolean; title: string },
  facts: { nowMs: number; uses: number; usedByCustomer: boolean },
): void {
  const status = discountStatus(d, facts.nowMs);
  if (status !== 'active') {
    const why = { scheduled: 'has not started yet', expired: 'has ended', disabled: 'is disabled' }[status];
    throw validationProblem({ discount: `This discount ${why}` }, `${d.title} ${why}. No use was claimed.`);
  }
  if (d.usageLimit !== null && facts.uses >= d.usageLimit) {
    throw validationProblem(
      { discount: `All ${d.usageLimit.toLocaleString('en-US')} uses are taken` },
      `${d.title} has reached its usage limit. No use was claimed.`,
    );
  }
  if (d.oncePerCustomer && facts.usedByCustomer) {
    throw validationProblem(
      { customerEmail: 'This customer has used this discount already' },
      `${d.title} is once per customer. No use was claimed.`,
    );
  }
}

/** A code taken by another discount (any case): the 422 beside the code. */
export function codeTaken(code: string) {
  return validationProblem({ code: `${codeKey(code)} is already a discount code` }, 'The discount was not saved.');
}

/** A discount as stored: its fields, identity and version; status and usage are worked out when read. */
export type StoredDiscount = DiscountInput & { id: string; createdAt: string; updatedAt: string; version: number };
/** One use claimed at checkout. */
export type DiscountUse = { discountId: string; customerKey: string; at: string };

export function discountNotFound(id: string) {
  return new ProblemError({ status: 404, title: 'Discount not found', detail: `No discount has the id ${id}.` });
}

/** The fields as sent, trimmed; a taken code (any case, another discount) is the 422 beside the code. */
export function decideDiscountInput(
  input: DiscountInput,
  others: readonly Pick<StoredDiscount, 'id' | 'code'>[],
  id?: string,
): DiscountInput {
  const code = input.code === null ? null : input.code.trim();
  if (code !== null && others.some((d) => d.id !== id && d.code !== null && codeKey(d.code) === codeKey(code))) throw codeTaken(code);
  return { ...input, code, title: input.title.trim() };
}

/** An edit at `version` of `current`: 409 with the discount as it is when someone saved since. */
export function decideDiscountUpdate(
  current: StoredDiscount,
  version: number,
  input: DiscountInput,
  others: readonly Pick<StoredDiscount, 'id' | 'code'>[],
  /** The discount as the API shows it (status and usage worked out), for the 409's `current`. */
  present: (d: StoredDiscount) => { version: number },
): DiscountInput {
  if (version !== current.version) throw changedMeanwhile('discount', version, present(current));
  return decideDiscountInput(input, others, current.id);
}

const DISCOUNT_FIELDS = [
  'kind',
  'code',
  'title',
  'type',
  'value',
  'scope',
  'targetIds',
  'minimumSubtotal',
  'minimumQuantity',
  'usageLimit',
  'oncePerCustomer',
  'startsAt',
  'endsAt',
  'combines',
  'enabled',
] as const;

/** A discount created or changed (only what changed), as the audit log keeps it. */
export function discountAudit(before: StoredDiscount | undefined, after: StoredDiscount): AuditDraft[] {
  const diff: Diff = { before: {}, after: {} };
  for (const field of DISCOUNT_FIELDS) {
    const was = before ? before[field] : null;
    const now = after[field];
    if (JSON.stringify(was) === JSON.stringify(now)) continue;
    diff.before[field] = was;
    diff.after[field] = now;
  }
  if (Object.keys(diff.after).length === 0) return [];
  return [{ entityType: 'discount', entityId: after.id, entityLabel: after.code ?? after.title, ...diff }];
}

/** The discounts list from every discount as shown (status and usage worked out): filters, sort (ties by id) and page. */
export function discountPage(all: readonly Discount[], query: DiscountListQuery): DiscountList {
  const text = query.q?.toLowerCase();
  const rows = all.filter(
    (d) =>
      (text === undefined || d.title.toLowerCase().includes(text) || (d.code ?? '').toLowerCase().includes(text)) &&
      (query.status === undefined || query.status.includes(d.status)) &&
      (query.kind === undefined || query.kind.includes(d.kind)) &&
      (query.type === undefined || query.type.includes(d.type)),
  );
  const descending = query.sort.startsWith('-');
  const key = (descending ? query.sort.slice(1) : query.sort) as 'title' | 'startsAt' | 'uses' | 'revenue' | 'discountGiven';
  rows.sort((a, b) => {
    const order = key === 'title' || key === 'startsAt' ? compareText(a[key].toLowerCase(), b[key].toLowerCase()) : a[key] - b[key];
    return (descending ? -order : order) || compareText(a.id, b.id);
  });
  return { items: rows.slice(query.offset, query.offset + query.limit), total: rows.length };
}

/** A code's performance from its days with orders and every order placed over the range (for the average without it). */
export function discountPerformance(
  range: { from: string; to: string },
  days: (DiscountUsage & { date: string })[],
  all: { orders: number; revenue: number },
): DiscountPerformance {
  const totals: DiscountUsage = { uses: 0, revenue: 0, discountGiven: 0 };
  for (const day of days) {
    totals.uses += day.uses;
    totals.revenue += day.revenue;
    totals.discountGiven += day.discountGiven;
  }
  return {
    range,
    days,
    totals,
    averageOrderWith: averageOrderValue(totals.revenue, totals.uses),
    averageOrderWithout: averageOrderValue(all.revenue - totals.revenue, all.orders - totals.uses),
  };
}
