/**
 * The order list's index: one small entry per order (200,000 at the largest
 * seed) holding what the filters, sorts, totals and rows read of it (not the
 * order itself), built on the first order request. A request filters one flat
 * array and pages an order that is already sorted.
 */
import type { OrderListQuery, OrderListTotals, OrderSummary } from '../src/contract/order-schemas';
import type { OrderRecord } from '../src/demo-shop/shop-records';
import { FIRST_ORDER_NUMBER } from '../src/contract/constants';
import { orderIdOf, orderMoney, orderNumberIn, type OrderMoney } from '../src/domain/order-rules';
import { codeKey } from '../src/domain/discount-rules';
import { nextStoreDay, storeDayStartMs } from '../src/domain/store-time';
import { Backlog } from './backlog';
import { compareText, pageAmong, SortedIndex, type Compare } from './sorted-index';

type OrderSortKey = 'placedAt' | 'total' | 'customer';

/** The customer as the list finds and sorts by them: one per customer, shared by their orders. */
type CustomerKeys = {
  id: string;
  name: string;
  email: string;
  /** The name, lowercase: to sort by, and for the text search. */
  key: string;
  /** The email, lowercase, for the text search: the email itself when it is lowercase already (the seed's are). */
  emailKey: string;
};

/**
 * What the list filters, sorts, sums and shows of an order, copied out of it: the index holds no order, so a seeded
 * order need not stay in memory once its entry is made (200,000 of them at the largest seed).
 */
type OrderEntry = OrderMoney & {
  number: number;
  placedAt: string;
  customer: CustomerKeys;
  state: string;
  locationId: string;
  discountCode: string | null;
  /** The lines' SKUs, upper-case (the lines' own strings where they are). */
  skus: readonly string[];
  units: number;
  status: OrderRecord['status'];
  paymentStatus: OrderRecord['paymentStatus'];
  fulfilmentStatus: OrderRecord['fulfilmentStatus'];
  version: number;
};

const byNumber = (a: OrderEntry, b: OrderEntry) => a.number - b.number;
const COMPARES: Record<OrderSortKey, Compare<OrderEntry>> = {
  placedAt: (a, b) => compareText(a.placedAt, b.placedAt) || byNumber(a, b),
  total: (a, b) => a.total - b.total || byNumber(a, b),
  customer: (a, b) => compareText(a.customer.key, b.customer.key) || byNumber(a, b),
};

function unitsOf(order: OrderRecord): number {
  let units = 0;
  for (const line of order.lines) units += line.quantity;
  return units;
}

/** The entry's order as the list shows it: the summary, made for the page's rows only. */
const summaryOf = (e: OrderEntry): OrderSummary => ({
  id: orderIdOf(e.number),
  number: e.number,
  placedAt: e.placedAt,
  customerName: e.customer.name,
  customerEmail: e.customer.email,
  state: e.state,
  units: e.units,
  total: e.total,
  refunded: e.refunded,
  net: e.net,
  status: e.status,
  paymentStatus: e.paymentStatus,
  fulfilmentStatus: e.fulfilmentStatus,
  locationId: e.locationId,
  version: e.version,
});

/** Every match's sums: one pass over the entries, so the totals row is the figures of the whole list, not the page. */
function totalsOf(entries: Iterable<OrderEntry>): OrderListTotals {
  const t = { orders: 0, units: 0, subtotal: 0, discount: 0, shipping: 0, tax: 0, total: 0, refunded: 0, net: 0 };
  for (const e of entries) {
    t.orders += 1;
    t.units += e.units;
    t.subtotal += e.subtotal;
    t.discount += e.discount;
    t.shipping += e.shipping;
    t.tax += e.tax;
    t.total += e.total;
    t.refunded += e.refunded;
  }
  t.net = t.total - t.refunded;
  return t;
}

export class OrderIndex {
  /** In number order (#1001 first), as orders are placed and numbered: an order's entry is found by its number. */
  private entries: OrderEntry[] = [];
  /** Each customer's keys, shared by their orders while the entries are made (a written order's are its own). */
  private customers: Map<string, CustomerKeys> | null = new Map();
  private sorted = new SortedIndex<OrderEntry, OrderSortKey>(COMPARES, () => this.entries);
  /** The orders whose entries are not made yet (idle warm-up makes them a slice at a time, anything else at once). */
  private readonly pending: Backlog<OrderRecord>;

  constructor(orders: Iterable<OrderRecord>) {
    this.pending = new Backlog(orders);
  }

  /** Makes the entries of up to `count` more orders; false once every order's are made. */
  buildSome(count: number): boolean {
    const more = this.pending.take(count, (order) => void this.entries.push(this.entryOf(order)));
    if (!more) this.customers = null;
    return more;
  }

  /** Where the entry of order `number` is in `entries`, or -1. */
  private placeOf(number: number): number {
    const place = number - FIRST_ORDER_NUMBER;
    return this.entries[place]?.number === number ? place : this.entries.findIndex((e) => e.number === number);
  }

  private entryOf(order: OrderRecord): OrderEntry {
    const { id, name, email } = order.customer;
    let customer = this.customers?.get(id);
    if (customer?.name !== name || customer.email !== email) {
      const emailKey = email.toLowerCase();
      customer = { id, name, email, key: name.toLowerCase(), emailKey: emailKey === email ? email : emailKey };
      this.customers?.set(id, customer);
    }
    return {
      number: order.number,
      placedAt: order.placedAt,
      customer,
      state: order.shippingAddress.state,
      locationId: order.locationId,
      discountCode: order.discountCode,
      skus: order.lines.map(({ sku }) => {
        const upper = sku.toUpperCase();
        return upper === sku ? sku : upper;
      }),
      units: unitsOf(order),
      ...orderMoney(order),
      status: order.status,
      paymentStatus: order.paymentStatus,
      fulfilmentStatus: order.fulfilmentStatus,
      version: order.version,
    };
  }

  private ready(): void {
    while (this.buildSome(50_000));
  }

  replace(order: OrderRecord): void {
    this.ready();
    const place = this.placeOf(order.number);
    const old = place >= 0 ? this.entries[place] : undefined;
    const entry = this.entryOf(order);
    if (old) this.entries[place] = entry;
    else this.entries.push(entry);
    this.sorted.update(old ? [old] : [], [entry]);
  }

  /** Entries a slice at a time, then one missing sort order per step; false once all is ready. */
  warmUpStep(): boolean {
    return this.buildSome(20_000) || this.sorted.buildNext();
  }

  /** `among`: the numbers of the orders that can match, when the caller knows them (a customer's orders). */
  list(query: OrderListQuery, among?: readonly number[]): { items: OrderSummary[]; total: number; totals: OrderListTotals } {
    this.ready();
    const number = query.q === undefined ? null : orderNumberIn(query.q);
    if (number !== null) {
      // An order number finds that order alone; the other filters still apply to it.
      const entry = this.entries[this.placeOf(number)];
      const matches = matcher({ ...query, q: undefined });
      const hits = entry && (!matches || matches(entry)) ? [entry] : [];
      return { items: query.offset === 0 ? hits.map(summaryOf) : [], total: hits.length, totals: totalsOf(hits) };
    }
    const matches = matcher(query);
    if (among) {
      const entries = among.map((n) => this.entries[this.placeOf(n)]).filter((e) => e !== undefined);
      const key = query.sort.replace(/^-/, '') as OrderSortKey;
      const page = pageAmong(entries, COMPARES[key], query.sort.startsWith('-'), query.offset, query.limit, matches, summaryOf);
      return { ...page, totals: totalsOf(matches ? entries.filter(matches) : entries) };
    }
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
  const skuKey = sku === undefined ? null : sku.toUpperCase();
  const statuses: readonly string[] | undefined = status;
  const payments: readonly string[] | undefined = paymentStatus;
  const fulfilments: readonly string[] | undefined = fulfilmentStatus;
  return (e) =>
    (statuses === undefined || statuses.includes(e.status)) &&
    (payments === undefined || payments.includes(e.paymentStatus)) &&
    (fulfilments === undefined || fulfilments.includes(e.fulfilmentStatus)) &&
    (fromIso === null || e.placedAt >= fromIso) &&
    (toIso === null || e.placedAt < toIso) &&
    (state === undefined || e.state === state) &&
    (totalMin === undefined || e.total >= totalMin) &&
    (totalMax === undefined || e.total <= totalMax) &&
    (skuKey === null || e.skus.includes(skuKey)) &&
    (discountKey === null || (e.discountCode !== null && codeKey(e.discountCode) === discountKey)) &&
    (customerId === undefined || e.customer.id === customerId) &&
    (text === undefined || e.customer.key.includes(text) || e.customer.emailKey.includes(text));
}
