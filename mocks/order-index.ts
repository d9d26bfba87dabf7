/**
 * The order list's index: one small entry per order (200,000 at the largest
 * seed) holding the order and the keys worked out from it that the filters
 * and sorts read, built on the first order request. A request filters one
 * flat array and pages an order that is already sorted; an order's detail is
 * a lookup by id.
 */
import type { OrderListQuery, OrderListTotals, OrderSummary } from '../src/contract/order-schemas';
import type { OrderRecord } from '../src/demo-shop/shop-records';
import { orderIdOf, orderNumberIn } from '../src/domain/order-rules';
import { codeKey } from '../src/domain/discount-rules';
import { nextStoreDay, storeDayStartMs } from '../src/domain/store-time';
import { Backlog } from './backlog';
import { compareText, SortedIndex, type Compare } from './sorted-index';

type OrderSortKey = 'placedAt' | 'total' | 'customer';

type OrderEntry = {
  order: OrderRecord;
  units: number;
  /** The customer's name, lowercase, to sort by. */
  customerKey: string;
  /** Lowercase name and email, for the text search. */
  search: string;
  /** Upper-case SKUs of the lines, each between separators, so "has this SKU" is one `includes`. */
  skus: string;
  summary: OrderSummary | null;
};

const SEP = '\u0001';
const byNumber = (a: OrderEntry, b: OrderEntry) => a.order.number - b.order.number;
const COMPARES: Record<OrderSortKey, Compare<OrderEntry>> = {
  placedAt: (a, b) => compareText(a.order.placedAt, b.order.placedAt) || byNumber(a, b),
  total: (a, b) => a.order.total - b.order.total || byNumber(a, b),
  customer: (a, b) => compareText(a.customerKey, b.customerKey) || byNumber(a, b),
};

/** Strings joined flat: a template literal keeps its pieces as a tree, several times the memory at 200,000 entries. */
function entryOf(order: OrderRecord): OrderEntry {
  const customerKey = order.customer.name.toLowerCase();
  return {
    order,
    units: unitsOf(order),
    customerKey,
    search: [customerKey, order.customer.email.toLowerCase()].join(SEP),
    skus: ['', ...order.lines.map((line) => line.sku.toUpperCase()), ''].join(SEP),
    summary: null,
  };
}

export function summarizeOrder(order: OrderRecord, units = unitsOf(order)): OrderSummary {
  return {
    id: order.id,
    number: order.number,
    placedAt: order.placedAt,
    customerName: order.customer.name,
    customerEmail: order.customer.email,
    state: order.shippingAddress.state,
    units,
    total: order.total,
    refunded: order.refunded,
    net: order.net,
    status: order.status,
    paymentStatus: order.paymentStatus,
    fulfilmentStatus: order.fulfilmentStatus,
    locationId: order.locationId,
    version: order.version,
  };
}

function unitsOf(order: OrderRecord): number {
  let units = 0;
  for (const line of order.lines) units += line.quantity;
  return units;
}

const summaryOf = (e: OrderEntry) => (e.summary ??= summarizeOrder(e.order, e.units));

/** Every match's sums: one pass over the entries, so the totals row is the figures of the whole list, not the page. */
function totalsOf(entries: Iterable<OrderEntry>): OrderListTotals {
  const t = { orders: 0, units: 0, subtotal: 0, discount: 0, shipping: 0, tax: 0, total: 0, refunded: 0, net: 0 };
  for (const { order, units } of entries) {
    t.orders += 1;
    t.units += units;
    t.subtotal += order.subtotal;
    t.discount += order.discount;
    t.shipping += order.shipping;
    t.tax += order.tax;
    t.total += order.total;
    t.refunded += order.refunded;
  }
  t.net = t.total - t.refunded;
  return t;
}

export class OrderIndex {
  private entries: OrderEntry[] = [];
  private byId = new Map<string, OrderEntry>();
  private sorted = new SortedIndex<OrderEntry, OrderSortKey>(COMPARES, () => this.entries);
  /** The orders whose entries are not made yet (idle warm-up makes them a slice at a time, anything else at once). */
  private readonly pending: Backlog<OrderRecord>;

  constructor(orders: Iterable<OrderRecord>) {
    this.pending = new Backlog(orders);
  }

  /** Makes the entries of up to `count` more orders; false once every order's are made. */
  buildSome(count: number): boolean {
    return this.pending.take(count, (order) => {
      const entry = entryOf(order);
      this.entries.push(entry);
      this.byId.set(order.id, entry);
    });
  }

  private ready(): void {
    while (this.buildSome(50_000));
  }

  replace(order: OrderRecord): void {
    this.ready();
    const old = this.byId.get(order.id);
    const entry = entryOf(order);
    this.byId.set(order.id, entry);
    if (old) {
      const i = this.entries.indexOf(old);
      if (i >= 0) this.entries[i] = entry;
    } else this.entries.push(entry);
    this.sorted.update(old ? [old] : [], [entry]);
  }

  /** Entries a slice at a time, then one missing sort order per step; false once all is ready. */
  warmUpStep(): boolean {
    return this.buildSome(20_000) || this.sorted.buildNext();
  }

  list(query: OrderListQuery): { items: OrderSummary[]; total: number; totals: OrderListTotals } {
    this.ready();
    const number = query.q === undefined ? null : orderNumberIn(query.q);
    if (number !== null) {
      // An order number finds that order alone; the other filters still apply to it.
      const entry = this.byId.get(orderIdOf(number));
      const matches = matcher({ ...query, q: undefined });
      const hits = entry && (!matches || matches(entry)) ? [entry] : [];
      return { items: query.offset === 0 ? hits.map(summaryOf) : [], total: hits.length, totals: totalsOf(hits) };
    }
    const matches = matcher(query);
    const page = this.sorted.page(query.sort, query.offset, query.limit, matches, summaryOf);
    return { ...page, totals: totalsOf(matches ? this.entries.filter(matches) : this.entries) };
  }
}

function matcher(query: OrderListQuery): ((e: OrderEntry) => boolean) | null {
  const { q, status, paymentStatus, fulfilmentStatus, from, to, state, totalMin, totalMax, sku, discountCode, customerId } = query;
  const filters = [q, status, paymentStatus, fulfilmentStatus, from, to, state, totalMin, totalMax, sku, discountCode, customerId];
  const discountKey = discountCode === undefined ? null : codeKey(discountCode);
  if (filters.every((f) => f === undefined)) return null;
  const text = q?.toLowerCase();
  // Store days become instants once per request; ISO strings of one format compare like the times they name.
  const fromIso = from === undefined ? null : new Date(storeDayStartMs(from)).toISOString();
  const toIso = to === undefined ? null : new Date(storeDayStartMs(nextStoreDay(to))).toISOString();
  const skuKey = sku === undefined ? null : SEP + sku.toUpperCase() + SEP;
  const statuses: readonly string[] | undefined = status;
  const payments: readonly string[] | undefined = paymentStatus;
  const fulfilments: readonly string[] | undefined = fulfilmentStatus;
  return ({ order: o, skus, search }) =>
    (statuses === undefined || statuses.includes(o.status)) &&
    (payments === undefined || payments.includes(o.paymentStatus)) &&
    (fulfilments === undefined || fulfilments.includes(o.fulfilmentStatus)) &&
    (fromIso === null || o.placedAt >= fromIso) &&
    (toIso === null || o.placedAt < toIso) &&
    (state === undefined || o.shippingAddress.state === state) &&
    (totalMin === undefined || o.total >= totalMin) &&
    (totalMax === undefined || o.total <= totalMax) &&
    (skuKey === null || skus.includes(skuKey)) &&
    (discountKey === null || (o.discountCode !== null && codeKey(o.discountCode) === discountKey)) &&
    (customerId === undefined || o.customer.id === customerId) &&
    (text === undefined || search.includes(text));
}
