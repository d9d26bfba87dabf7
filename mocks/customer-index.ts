/**
 * Customers and returns as the mock serves them, from the orders: a customer
 * is the orders that carry their id (src/domain/customer-rules.ts adds them
 * up), a return lives on its order. Built on the first request and kept up to
 * date by every order a write puts, so a list walks an order already sorted.
 */
import type { Customer, CustomerList, CustomerListQuery, CustomerSummary } from '../src/contract/customer-schemas';
import type { Order, ReturnList, ReturnListQuery, ReturnSummary } from '../src/contract/order-schemas';
import type { OrderRecord } from '../src/demo-shop/shop-records';
import { returnSummary } from '../src/domain/return-decisions';
import {
  customerOf,
  customerSearchOf,
  customerSummary,
  matchesCustomer,
  type CustomerNotes,
  type CustomerOrderFacts,
} from '../src/domain/customer-rules';
import { orderNumberIn } from '../src/domain/order-rules';
import { nextStoreDay, storeDayStartMs } from '../src/domain/store-time';
import { compareText, SortedIndex, type Compare } from './sorted-index';

/** A customer's row, and their orders by number (the orders themselves are read when the customer is opened). */
type CustomerEntry = { id: string; numbers: number[]; summary: CustomerSummary; nameKey: string };
type CustomerSortKey = 'name' | 'orders' | 'spent' | 'lastOrderAt';

const byId = (a: CustomerEntry, b: CustomerEntry) => compareText(a.id, b.id);
const COMPARES: Record<CustomerSortKey, Compare<CustomerEntry>> = {
  name: (a, b) => compareText(a.nameKey, b.nameKey) || byId(a, b),
  orders: (a, b) => a.summary.orders - b.summary.orders || byId(a, b),
  spent: (a, b) => a.summary.spent - b.summary.spent || byId(a, b),
  lastOrderAt: (a, b) => compareText(a.summary.lastOrderAt ?? '', b.summary.lastOrderAt ?? '') || byId(a, b),
};

function entryOf(id: string, orders: readonly CustomerOrderFacts[]): CustomerEntry | null {
  const summary = customerSummary(id, orders);
  return summary && { id, numbers: orders.map((o) => o.number), summary, nameKey: summary.name.toLowerCase() };
}

/** What a summary reads of an order, so building the index keeps no order (a seeded one is made again when read). */
const factsOf = ({ number, placedAt, total, refunded, refunds, exchangeFor, customer, shippingAddress }: CustomerOrderFacts) => ({
  number,
  placedAt,
  total,
  refunded,
  refunds,
  exchangeFor,
  customer,
  shippingAddress,
});

export class CustomerIndex {
  private byId = new Map<string, CustomerEntry>();
  private sorted = new SortedIndex<CustomerEntry, CustomerSortKey>(COMPARES, () => this.byId.values());
  /** Orders with a return, by id: few, so the returns list reads them all. */
  private withReturns = new Map<string, OrderRecord>();

  constructor(
    orders: Iterable<OrderRecord>,
    /** An order as it is now, by number, with its timeline. */
    private readonly orderOf: (number: number) => Order | undefined,
  ) {
    const grouped = new Map<string, CustomerOrderFacts[]>();
    for (const order of orders) {
      const list = grouped.get(order.customer.id);
      if (list) list.push(factsOf(order));
      else grouped.set(order.customer.id, [factsOf(order)]);
      if (order.returns.length) this.withReturns.set(order.id, order);
    }
    for (const [id, list] of grouped) {
      const entry = entryOf(id, list);
      if (entry) this.byId.set(id, entry);
    }
  }

  /** An order written (changed or new): its customer's entry is made again from their orders. */
  replace(before: OrderRecord | undefined, order: OrderRecord): void {
    if (order.returns.length) this.withReturns.set(order.id, order);
    const id = order.customer.id;
    const old = this.byId.get(id);
    const others = old?.numbers.filter((n) => n !== order.number && n !== before?.number) ?? [];
    const orders: CustomerOrderFacts[] = [...this.ordersOf(others), order];
    const entry = entryOf(id, orders);
    if (!entry) return;
    this.byId.set(id, entry);
    this.sorted.update(old ? [old] : [], [entry]);
  }

  warmUpStep(): boolean {
    return this.sorted.buildNext();
  }

  list(query: CustomerListQuery): CustomerList {
    return this.sorted.page(query.sort, query.offset, query.limit, customerMatcher(query), (e) => e.summary);
  }

  /** The numbers of a customer's orders (none for an id no order carries). */
  numbersOf(id: string): readonly number[] {
    return this.byId.get(id)?.numbers ?? [];
  }

  get(id: string, notes: CustomerNotes | undefined): Customer | null {
    const entry = this.byId.get(id);
    return entry ? customerOf(id, this.ordersOf(entry.numbers), notes) : null;
  }

  private ordersOf(numbers: readonly number[]): Order[] {
    return numbers.map((n) => this.orderOf(n)).filter((o) => o !== undefined);
  }

  returns(query: ReturnListQuery): ReturnList {
    const number = query.q === undefined ? null : orderNumberIn(query.q);
    const text = number === null ? query.q?.toLowerCase() : undefined;
    const rows: ReturnSummary[] = [];
    for (const order of this.withReturns.values()) {
      if (number !== null && order.number !== number) continue;
      if (text !== undefined && !`${order.customer.name}\u0001${order.customer.email}`.toLowerCase().includes(text)) continue;
      for (const ret of order.returns) {
        if (query.status && !query.status.includes(ret.status)) continue;
        if (query.reason && !query.reason.includes(ret.reason)) continue;
        rows.push(returnSummary(order, ret));
      }
    }
    const key = query.sort.replace('-', '') as 'requestedAt' | 'updatedAt';
    const sign = query.sort.startsWith('-') ? -1 : 1;
    rows.sort((a, b) => sign * (compareText(a[key], b[key]) || compareText(a.id, b.id)));
    return { items: rows.slice(query.offset, query.offset + query.limit), total: rows.length };
  }
}

function customerMatcher(query: CustomerListQuery): ((e: CustomerEntry) => boolean) | null {
  const { q, state, ordersMin, ordersMax, spentMin, spentMax, lastFrom, lastTo } = query;
  if ([q, state, ordersMin, ordersMax, spentMin, spentMax, lastFrom, lastTo].every((f) => f === undefined)) return null;
  const search = q === undefined ? null : customerSearchOf(q);
  const fromIso = lastFrom === undefined ? null : new Date(storeDayStartMs(lastFrom)).toISOString();
  const toIso = lastTo === undefined ? null : new Date(storeDayStartMs(nextStoreDay(lastTo))).toISOString();
  return ({ summary: c }) =>
    (state === undefined || c.state === state) &&
    (ordersMin === undefined || c.orders >= ordersMin) &&
    (ordersMax === undefined || c.orders <= ordersMax) &&
    (spentMin === undefined || c.spent >= spentMin) &&
    (spentMax === undefined || c.spent <= spentMax) &&
    (fromIso === null || (c.lastOrderAt !== null && c.lastOrderAt >= fromIso)) &&
    (toIso === null || (c.lastOrderAt !== null && c.lastOrderAt < toIso)) &&
    (search === null || matchesCustomer(search, c));
}
