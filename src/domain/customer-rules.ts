/**
 * What a customer's orders add up to, their history and the search over
 * them, once for the mock and the real server. A customer's contact and
 * addresses are those of their orders (the storefront owns them), the latest first.
 */
import type { z } from 'zod';
import type { Customer, CustomerEvent, CustomerSummary } from '../contract/customer-schemas';
import { CUSTOMER_TIMELINE_MAX } from '../contract/customer-schemas';
import type { Address, noteInputSchema, Order } from '../contract/order-schemas';
import type { AuditDraft } from './audit-rules';
import { assertAllowed, ProblemError } from '../contract/problems';
import type { OrderActor } from './order-decisions';
import { paidOut } from './order-rules';

export function customerNotFound(id: string): ProblemError {
  return new ProblemError({ status: 404, title: 'Customer not found', detail: `No customer has the id ${id}.` });
}

/** The stored part of a customer that is not their orders: internal notes, and a version that counts them. */
export type CustomerNotes = { notes: Customer['notes']; version: number };

/**
 * The money and dates of a customer's orders, as the list shows them. Integer cents; the average rounds half up.
 * An exchange's replacement is not a purchase: its money counts (the credit moved there from the order it
 * replaces), but not as an order, nor in the first and last order.
 */
export function customerTotals(
  orders: readonly Pick<Order, 'placedAt' | 'total' | 'refunded' | 'refunds' | 'exchangeFor'>[],
): Pick<CustomerSummary, 'orders' | 'spent' | 'refunded' | 'averageOrder' | 'firstOrderAt' | 'lastOrderAt'> {
  let purchases = 0;
  let spent = 0;
  let refunded = 0;
  let first: string | null = null;
  let last: string | null = null;
  for (const o of orders) {
    spent += o.total - o.refunded;
    // Paid back to them: an exchange's credit paid for its replacement (whose total counts in spent) instead.
    for (const r of o.refunds) refunded += paidOut(r);
    if (o.exchangeFor) continue;
    purchases += 1;
    if (first === null || o.placedAt < first) first = o.placedAt;
    if (last === null || o.placedAt > last) last = o.placedAt;
  }
  return {
    orders: purchases,
    spent,
    refunded,
    averageOrder: averageCents(spent, purchases),
    firstOrderAt: first,
    lastOrderAt: last,
  };
}

/** `total` ÷ `count` to the nearest cent, half up; 0 for no count. */
export function averageCents(total: number, count: number): number {
  return count === 0 ? 0 : Math.floor((2 * total + count) / (2 * count));
}

/** What a customer's summary reads of each of their orders. */
export type CustomerOrderFacts = Pick<
  Order,
  'number' | 'placedAt' | 'total' | 'refunded' | 'refunds' | 'exchangeFor' | 'customer' | 'shippingAddress'
>;

/** A customer's list row from their orders (any order), contact and state from the latest. */
export function customerSummary(id: string, orders: readonly CustomerOrderFacts[]): CustomerSummary | null {
  const latest = latestOrder(orders);
  if (!latest) return null;
  const { name, email, phone } = latest.customer;
  return { id, name, email, phone, state: latest.shippingAddress.state, ...customerTotals(orders) };
}

/** The whole customer: the summary, every address once (the latest first), notes, and their history newest first. */
export function customerOf(id: string, orders: readonly Order[], stored: CustomerNotes | undefined): Customer | null {
  const summary = customerSummary(id, orders);
  if (!summary) return null;
  const newest = [...orders].sort((a, b) => (a.placedAt < b.placedAt ? 1 : a.placedAt > b.placedAt ? -1 : b.number - a.number));
  const addresses = new Map<string, Address>();
  for (const o of newest) {
    const a = o.shippingAddress;
    const key = [a.name, a.line1, a.line2 ?? '', a.city, a.state, a.zip].join('\u0001').toLowerCase();
    if (!addresses.has(key)) addresses.set(key, a);
  }
  const notes = stored?.notes ?? [];
  // Newest first, and an action's events of one instant (shipped, then closed) the later first: the sort is stable.
  const timeline: CustomerEvent[] = [
    ...newest.flatMap((o) => o.timeline.map((e) => ({ ...e, order: { id: o.id, number: o.number } })).reverse()),
    ...notes.map((n) => ({ id: n.id, at: n.at, type: 'note_added' as const, actor: n.author, message: `Note: ${n.text}`, order: null })),
  ];
  timeline.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
  return {
    ...summary,
    addresses: [...addresses.values()],
    notes,
    timeline: timeline.slice(0, CUSTOMER_TIMELINE_MAX),
    version: stored?.version ?? 1,
  };
}

function latestOrder<T extends Pick<Order, 'placedAt' | 'number'>>(orders: readonly T[]): T | undefined {
  let latest: T | undefined;
  for (const o of orders)
    if (!latest || o.placedAt > latest.placedAt || (o.placedAt === latest.placedAt && o.number > latest.number)) latest = o;
  return latest;
}

/** The phone's digits: what a phone search matches. */
export function phoneDigits(phone: string): string {
  return phone.replace(/\D/g, '');
}

/**
 * What a customer search looks for: 3 or more digits (with spaces, dashes,
 * parentheses or a plus) are part of a phone number; anything else is part of
 * a name or an email, any case.
 */
export function customerSearchOf(q: string): { phone: string } | { text: string } {
  const trimmed = q.trim();
  const digits = phoneDigits(trimmed);
  if (/^[\d\s()+.-]+$/.test(trimmed) && digits.length >= 3) return { phone: digits };
  return { text: trimmed.toLowerCase() };
}

export function matchesCustomer(
  search: { phone: string } | { text: string },
  c: Pick<CustomerSummary, 'name' | 'email' | 'phone'>,
): boolean {
  if ('phone' in search) return phoneDigits(c.phone).includes(search.phone);
  return c.name.toLowerCase().includes(search.text) || c.email.toLowerCase().includes(search.text);
}

export type CustomerNoteRequest = z.output<typeof noteInputSchema>;

/** A note on a customer: support and up; appends, so it needs no version. */
export function decideCustomerNote(
  context: { customerId: string; customerName: string; stored: CustomerNotes | undefined; actor: OrderActor; now: string },
  input: CustomerNoteRequest,
): { stored: CustomerNotes; audit: AuditDraft } {
  const { actor, stored, customerId } = context;
  assertAllowed(actor.role, 'orders.fulfil');
  const notes = stored?.notes ?? [];
  const note = {
    id: `cnote_${customerId.slice(4)}_${notes.length + 1}`,
    at: context.now,
    author: { id: actor.id, name: actor.name },
    text: input.text,
  };
  return {
    stored: { notes: [...notes, note], version: (stored?.version ?? 1) + 1 },
    audit: { entityType: 'customer', entityId: customerId, entityLabel: context.customerName, before: {}, after: { note: input.text } },
  };
}
