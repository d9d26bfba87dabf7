/**
 * The seeded orders: `count` orders placed over the two years (730 days) ending at
 * `anchorMs`, deterministic (same inputs, byte-identical output) and built
 * only from plain arithmetic, so node and every browser agree.
 *
 * What makes them look like a shop: customers spread over the states by
 * population (about a quarter of orders from returning customers), a weekly
 * rhythm, Black Friday to Cyber Monday and a December peak, a January dip,
 * evening hours in the customer's own time zone, baskets of one or two lines
 * mostly, a few products selling far more than the rest, discount codes,
 * free shipping from $50, state sales tax; most orders shipped and closed,
 * recent ones still open, ~3 % cancelled, ~4 % refunded in part or in full.
 *
 * Stock follows from the orders alone: every order reserves its units at
 * `order.locationId`, fulfilments ship only from there, refunds restock only
 * there, and cancelled units never shipped (their refund does not restock).
 * Orders that are still open reserve no more than the seeded on-hand of their
 * warehouse (counted across all open orders), so a level starts oversold only
 * when eight draws found nothing in stock there (rare; the test allows 1 %).
 *
 * Ids: ord_0001001 for #1001; its lines, fulfilments, refunds, notes and
 * events are li_/ful_/ref_/note_/evt_ + the same seven digits + _n, so every
 * id is unique across the shop. Customer and address objects are frozen and
 * shared by a customer's orders as made (an order made again has its own,
 * equal ones): replace them, never mutate them.
 *
 * Speed: the sellable variants are sorted by creation date with cumulative
 * popularity once, and an order draws from the prefix that existed when it
 * was placed by binary search; placement times are sorted as packed numbers
 * in a Float64Array; timestamps and ids are built flat (join). No timeline
 * is made: it follows from the rest (order-timeline.ts). What is left is
 * mostly the garbage collector promoting ~1 KB of objects per order.
 *
 * Memory: the orders are made once, in placing order, and kept as what makes
 * each one again (`OrderBook`, some 23 bytes an order, its customer's
 * included) rather than as the ~1 KB of objects each is: an order read is
 * made again from its place in the stream, the same order to the byte.
 */
import { FIRST_ORDER_NUMBER, type Carrier } from '../contract/constants';
import type { Order, OrderLine } from '../contract/order-schemas';
import type { Role } from '../contract/permissions';
import {
  fulfilmentStatusOf,
  lineRefundAmount,
  orderTotals,
  paymentStatusOf,
  percentOf,
  shippingFee,
  type PricedLine,
  type ShippingMethod,
} from '../domain/order-rules';
import { demoStaffOf } from './demo-staff';
import { LOCATIONS, locationIndex } from './catalogue';
import { EMAIL_DOMAINS, FIRST_NAMES, LAST_NAMES, STATES_GEO, STREET_NAMES, STREET_SUFFIXES, type StateGeo } from './geography';
import { seededEventCount } from './order-timeline';
import { isoTime, PAD2 } from './iso-time';
import { mulberry32, mulberry32Draws, type Random } from './random';
import type { OrderRecord, ProductRecord } from './shop-records';
import { eachLevel } from './stock-seed';

export type GenerateOrdersOptions = {
  seed: number;
  count: number;
  products: readonly ProductRecord[];
  anchorMs: number;
  /**
   * Units on each shelf before the first order, by seeded variant slot × LOCATIONS (`onHandAtStart`): what an open
   * order may reserve. Read from the products' levels when not given; a shop made again from its kept levels, whose
   * records already hold the levels the orders left, passes the shelves as seeded.
   */
  onHand?: Int32Array;
};

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;
/** Two years, so every range of the last year has its same days a year earlier to compare with. */
const WINDOW_DAYS = 730;
/** Orders placed within this many days of the anchor are still open. */
const RECENT_DAYS = 7;

// ------------------------------------------------------------------ people

type Person = { id: string; name: string };
const staff = (role: Role): Person => {
  const s = demoStaffOf(role);
  return Object.freeze({ id: s.id, name: s.name });
};
const SUPPORT = staff('support');
const MANAGER = staff('manager');
/** Support refunds up to $500 (src/contract/permissions.ts); above that a manager does. */
const SUPPORT_REFUND_LIMIT = 50_000;

// ------------------------------------------------------------------ texts

const NOTES = [
  'Customer asked us to leave the parcel at the side door.',
  'Called the customer to confirm the apartment number.',
  'Gift: no prices in the box, please.',
  'Customer asked whether it works with their phone; confirmed by email.',
  'Address checked against the carrier’s database: fine.',
  'Customer will be away next week; ship as soon as possible.',
  'Repeat customer: add a thank-you card.',
  'Customer asked for a copy of the invoice by email; sent.',
];
const BACKORDER_NOTE = 'Backordered: the rest ships when the supplier’s delivery arrives.';
const CANCEL_REASONS = [
  'Customer changed their mind',
  'Customer ordered the wrong model',
  'Duplicate order',
  'Payment flagged as possible fraud',
  'Shipping address could not be verified',
];
const RETURN_REASONS_RESTOCK = [
  'Returned unopened: no longer needed',
  'Returned: not compatible with their phone',
  'Returned: wrong color',
];
const RETURN_REASONS_NO_RESTOCK = ['Arrived damaged', 'Defective: stopped charging after a week', 'Lost in transit'];
const GOODWILL_REASONS = ['Goodwill credit: late delivery', 'Price adjustment: item went on sale a day later'];

// ------------------------------------------------------------------ calendar

/** US daylight saving time: from the second Sunday of March to the first Sunday of November (by date). */
function isDst(dayMs: number): boolean {
  const d = new Date(dayMs);
  const year = d.getUTCFullYear();
  const start = nthWeekday(year, 2, 0, 2);
  const end = nthWeekday(year, 10, 0, 1);
  return dayMs >= start && dayMs < end;
}

/** Midnight UTC of the nth `weekday` (0 = Sunday) of `month` (0-based). */
function nthWeekday(year: number, month: number, weekday: number, n: number): number {
  const first = Date.UTC(year, month, 1);
  const offset = (weekday - new Date(first).getUTCDay() + 7) % 7;
  return first + (offset + (n - 1) * 7) * DAY_MS;
}

const WEEKDAY = [1.05, 1.12, 1.0, 0.97, 0.95, 0.88, 0.82]; // Sunday … Saturday
const MONTH = [0.72, 0.8, 0.9, 0.9, 0.95, 0.95, 1.0, 1.05, 0.95, 1.0, 1.12, 1.45];

/** How busy a calendar day is, relative to an ordinary Wednesday. */
function dayWeight(dayMs: number, progress: number): number {
  const d = new Date(dayMs);
  const year = d.getUTCFullYear();
  const month = d.getUTCMonth();
  const date = d.getUTCDate();
  let w = WEEKDAY[d.getUTCDay()]! * MONTH[month]! * (0.8 + 0.4 * progress);
  if (month === 11) {
    if (date >= 21 && date <= 23) w *= 0.85;
    else if (date === 24) w *= 0.55;
    else if (date === 25) w *= 0.4;
    else if (date > 25) w *= 0.75;
  }
  const thanksgiving = nthWeekday(year, 10, 4, 4);
  const sinceThanksgiving = Math.round((dayMs - thanksgiving) / DAY_MS);
  const peak = [1.3, 3.6, 2.2, 2.0, 3.2, 1.6][sinceThanksgiving];
  if (peak !== undefined) w *= peak;
  else if (sinceThanksgiving >= -3 && sinceThanksgiving < 0) w *= 1.3;
  return w;
}

/** Local hour of day → relative share of orders: quiet nights, busy evenings. */
const HOURS = [1.2, 0.6, 0.35, 0.25, 0.25, 0.4, 0.9, 1.8, 2.8, 3.6, 4.2, 4.6, 5.2, 5.0, 4.7, 4.6, 4.8, 5.2, 6.0, 7.2, 8.0, 7.6, 5.6, 3.0];

function cumulative(weights: readonly number[]): Float64Array {
  const cum = new Float64Array(weights.length);
  let sum = 0;
  weights.forEach((w, i) => {
    sum += w;
    cum[i] = sum;
  });
  return cum;
}

/** The first index in [0, end) whose cumulative weight exceeds `target`. */
function search(cum: Float64Array, end: number, target: number): number {
  let lo = 0;
  let hi = end - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cum[mid]! > target) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

// ------------------------------------------------------------------ formatting

const pad7 = (n: number) => String(n).padStart(7, '0');

/**
 * The same whole number of cents, held as a small integer. A sum an optimised loop made arrives as a boxed double,
 * and once one order's field holds a box, every order's does: four of them at 200,000 orders were 10 MB. A seeded
 * order's cents are far below 2³¹, where `| 0` would wrap.
 */
const whole = (cents: number) => cents | 0;

/**
 * "evt_0001001_3" as one flat string. A template literal of 13 characters or
 * more is kept as a tree of its pieces; join copies them into one, which is a
 * third of the memory, and the seed keeps half a million of these.
 */
function childId(prefix: string, order: OrderRecord, n: number): string {
  return [prefix, order.id.slice(4), '_', n].join('');
}

// ------------------------------------------------------------------ sellable variants

type Sellable = {
  productId: string;
  variantId: string;
  sku: string;
  title: string;
  variantTitle: string;
  price: number;
  compareAtPrice: number | null;
  /** The variant's cost, which the seed never changes: each order line keeps it as its cost at the sale. */
  cost: number | null;
  /** Index into the on-hand budget (× LOCATIONS.length). */
  slot: number;
  /** The variant's place among all seeded variants (× LOCATIONS.length: its shelves before the first order). */
  seedSlot: number;
};

type SellableTable = {
  /** In catalogue order (walking products as they lie in memory is several times faster than in date order). */
  items: Sellable[];
  /** Item indexes in order of creation; `createdMs` and the cumulative weights `cum` follow this order. */
  byCreation: Uint32Array;
  createdMs: Float64Array;
  cum: Float64Array;
  /** By item index: orders before this paid the compare-at price (the product's last edit put it on sale). */
  saleFromMs: Float64Array;
  /** Units an open order may still reserve, by item index × LOCATIONS; −1 until first needed. */
  budget: Int32Array;
  /** Units on each shelf before the first order, by seeded variant slot × LOCATIONS. */
  onHand: Int32Array;
};

/** Units on each shelf as seeded, by seeded variant slot (every variant, in catalogue order) × LOCATIONS. */
export function onHandAtStart(products: readonly ProductRecord[]): Int32Array {
  let slots = 0;
  for (const record of products) slots += record.product.variants.length;
  const onHand = new Int32Array(slots * LOCATIONS.length);
  eachLevel(products, (level, cell) => (onHand[cell] = level.onHand));
  return onHand;
}

/**
 * Active products' variants with cumulative popularity in order of creation:
 * a product's weight is Zipf-like in a random rank (1 / (rank + 10)), four
 * times that with the 'bestseller' tag; its first variants sell more.
 */
function sellableTable(products: readonly ProductRecord[], onHand: Int32Array, next: () => number): SellableTable {
  const active: ProductRecord[] = [];
  const firstSlot: number[] = [];
  let seedSlots = 0;
  for (const record of products) {
    if (record.product.status === 'active') {
      active.push(record);
      firstSlot.push(seedSlots);
    }
    seedSlots += record.product.variants.length;
  }
  const rank = new Uint32Array(active.length);
  for (let i = 0; i < rank.length; i++) rank[i] = i;
  for (let i = rank.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    const t = rank[i]!;
    rank[i] = rank[j]!;
    rank[j] = t;
  }
  // Option-value lists are shared between products by the catalogue seed, so the title is cached per list.
  const titles = new Map<readonly string[], string>();
  const items: Sellable[] = [];
  const weights: number[] = [];
  const created: number[] = [];
  const saleFrom: number[] = [];
  for (let i = 0; i < active.length; i++) {
    const { product } = active[i]!;
    // Whole seconds, rounded up: an order never predates its product.
    const createdMs = Math.ceil(Date.parse(product.createdAt) / 1000) * 1000;
    const saleFromMs = product.variants.some((v) => v.compareAtPrice !== null) ? Date.parse(product.updatedAt) : 0;
    const weight = (product.tags.includes('bestseller') ? 4 : 1) / (rank[i]! + 10);
    const variants = product.variants;
    for (let j = 0; j < variants.length; j++) {
      const v = variants[j]!;
      let variantTitle = titles.get(v.optionValues);
      if (variantTitle === undefined) {
        variantTitle = v.optionValues.join(' / ');
        titles.set(v.optionValues, variantTitle);
      }
      items.push({
        productId: product.id,
        variantId: v.id,
        sku: v.sku,
        title: product.title,
        variantTitle,
        price: v.price,
        compareAtPrice: v.compareAtPrice,
        cost: v.cost,
        slot: items.length,
        seedSlot: firstSlot[i]! + j,
      });
      weights.push(weight / (1 + j * 0.5));
      created.push(createdMs);
      saleFrom.push(saleFromMs);
    }
  }
  // Sort by creation as packed numbers (seconds since the oldest × a power of two + index): no comparator.
  const n = items.length;
  let shift = 1;
  while (shift < n) shift *= 2;
  let oldest = Infinity;
  for (const ms of created) if (ms < oldest) oldest = ms;
  const keys = new Float64Array(n);
  for (let k = 0; k < n; k++) keys[k] = ((created[k]! - oldest) / 1000) * shift + k;
  keys.sort();
  const byCreation = new Uint32Array(n);
  const createdMs = new Float64Array(n);
  const cum = new Float64Array(n);
  let sum = 0;
  for (let p = 0; p < n; p++) {
    const k = keys[p]! % shift;
    byCreation[p] = k;
    createdMs[p] = created[k]!;
    sum += weights[k]!;
    cum[p] = sum;
  }
  return {
    items,
    byCreation,
    createdMs,
    cum,
    saleFromMs: Float64Array.from(saleFrom),
    budget: new Int32Array(n * LOCATIONS.length).fill(-1),
    onHand,
  };
}

// ------------------------------------------------------------------ customers

type Customer = {
  state: StateGeo;
  location: number;
  person: Order['customer'];
  address: Order['shippingAddress'];
  /** The number their email took to be unique (jane.doe2@…), 0 for none: what making them again needs besides the stream. */
  suffix: number;
  orders: number;
};

const stateCum = cumulative(STATES_GEO.map((s) => s.population));

const lower = (name: string) => name.toLowerCase().replace(/[^a-z]/g, '');
const FIRST_LOWER = FIRST_NAMES.map(lower);
const LAST_LOWER = LAST_NAMES.map(lower);

/** The n-th customer to order (from 0): cus_000001 is the first. */
export function customerIdOf(n: number): string {
  return `cus_${String(n + 1).padStart(6, '0')}`;
}

/**
 * The `index`-th customer, from the stream. `emails`: every address taken so far, to make this one unique; null when
 * the customer is made again, with the `suffix` they took then.
 */
function newCustomer(next: () => number, index: number, emails: Set<string> | null, suffix = 0): Customer {
  const state = STATES_GEO[search(stateCum, stateCum.length, next() * stateCum[stateCum.length - 1]!)]!;
  const firstIndex = Math.floor(next() * FIRST_NAMES.length);
  const lastIndex = Math.floor(next() * LAST_NAMES.length);
  const name = [FIRST_NAMES[firstIndex], ' ', LAST_NAMES[lastIndex]].join('');
  const f = FIRST_LOWER[firstIndex]!;
  const l = LAST_LOWER[lastIndex]!;
  const style = next();
  const domain = EMAIL_DOMAINS[Math.floor(next() * EMAIL_DOMAINS.length)]!;
  const local =
    style < 0.4 ? `${f}.${l}` : style < 0.65 ? `${f[0]}${l}` : style < 0.85 ? `${f}${l}${Math.floor(next() * 90) + 10}` : `${f}_${l}`;
  let email = suffix ? `${local}${suffix}@${domain}` : `${local}@${domain}`;
  if (emails) {
    for (let n = 2; emails.has(email); n++) {
      email = `${local}${n}@${domain}`;
      suffix = n;
    }
    emails.add(email);
  }
  const city = state.cities[Math.floor(next() * state.cities.length)]!;
  const area = state.areaCodes[Math.floor(next() * state.areaCodes.length)]!;
  const phone = `(${area}) 555-01${PAD2[Math.floor(next() * 100)]}`;
  const houseRoll = next();
  const house = houseRoll < 0.5 ? 1 + Math.floor(next() * 999) : 100 + Math.floor(next() * 9900);
  const street = `${house} ${STREET_NAMES[Math.floor(next() * STREET_NAMES.length)]} ${STREET_SUFFIXES[Math.floor(next() * STREET_SUFFIXES.length)]}`;
  const unitRoll = next();
  const line2 =
    unitRoll < 0.07
      ? `Apt ${1 + Math.floor(next() * 40)}${'ABCD'[Math.floor(next() * 4)]}`
      : unitRoll < 0.11
        ? `Unit ${1 + Math.floor(next() * 300)}`
        : unitRoll < 0.13
          ? `Suite ${100 + Math.floor(next() * 400)}`
          : null;
  const zip5 = `${city[1]}${PAD2[Math.floor(next() * 100)]}`;
  const zip = next() < 0.15 ? `${zip5}-${String(Math.floor(next() * 10_000)).padStart(4, '0')}` : zip5;
  return {
    state,
    location: locationIndex(state.warehouse) ?? 0,
    person: Object.freeze({ id: customerIdOf(index), name, email, phone }),
    address: Object.freeze({ name, line1: street, line2, city: city[0], state: state.code, zip }),
    suffix,
    orders: 0,
  };
}

// ------------------------------------------------------------------ tracking numbers

const UPS_ACCOUNTS = ['E4V7R2', 'W81X3F', 'D5T9K0'];

/**
 * A tracking number of the carrier's shape, unique per fulfilment: the last
 * eight digits are a bijection of the fulfilment's sequence number (×48271 mod 10⁸).
 */
function trackingNumber(carrier: Carrier, location: number, expedited: boolean, seq: number, next: () => number): string {
  const unique = String((seq * 48_271 + 7_919) % 100_000_000).padStart(8, '0');
  switch (carrier) {
    case 'UPS':
      return ['1Z', UPS_ACCOUNTS[location] ?? UPS_ACCOUNTS[0], expedited ? '02' : '03', unique].join('');
    case 'USPS':
      return ['9400111', String(Math.floor(next() * 10_000_000)).padStart(7, '0'), unique].join('');
    case 'FedEx':
      return ['7', String(Math.floor(next() * 1000)).padStart(3, '0'), unique].join('');
    case 'DHL':
      return [PAD2[Math.floor(next() * 100)], unique].join('');
  }
}

function pickCarrier(expedited: boolean, u: number): Carrier {
  if (expedited) return u < 0.55 ? 'UPS' : 'FedEx';
  return u < 0.45 ? 'USPS' : u < 0.7 ? 'UPS' : u < 0.9 ? 'FedEx' : 'DHL';
}

// ------------------------------------------------------------------ the generator

/** Derives the orders' stream from the shop's seed, so adding orders never changes the products. */
function orderStreamSeed(seed: number): number {
  return (Math.imul(seed ^ 0x5eed0dd5, 0x9e3779b1) ^ 0x0bd3_2a41) >>> 0;
}

export function generateOrders(options: GenerateOrdersOptions): OrderRecord[] {
  return seedOrders(options).orders;
}

/** The orders, and the book that makes each of them again. */
export function seedOrders(options: GenerateOrdersOptions): { orders: OrderRecord[]; book: OrderBook } {
  const orders: OrderRecord[] = [];
  const steps = makeOrders(options, orders, Number.POSITIVE_INFINITY);
  for (;;) {
    const step = steps.next();
    if (step.done) return { orders, book: step.value };
  }
}

/**
 * The seeded orders as what makes each one again: where the random stream stood before it, the fulfilment count, its
 * customer, when it was placed, and whether it was the customer's first. An order that stayed open reserved stock
 * against what the open orders before it had reserved, which a later making would not know: those (a few percent,
 * the last week's) are kept as made.
 */
export class OrderBook {
  private readonly streams: Uint32Array;
  private readonly fulfilmentSeqs: Uint32Array;
  private readonly customerOf: Int32Array;
  private readonly placedSec: Uint32Array;
  private readonly firsts: Uint8Array;
  private readonly kept = new Map<number, OrderRecord>();
  /** Where the orders with refunds are, in order (a few percent): the reports' refund facts read those alone. */
  private readonly refunded: number[] = [];
  /** Each customer likewise: where the stream stood before them, and their email's suffix (as many as orders, at most). */
  private readonly customerStreams: Uint32Array;
  private readonly customerSuffixes: Uint16Array;
  /** What every order is made from: the sellable variants (their budget is read only by orders kept as made) and the anchor. */
  private madeFrom: { table: SellableTable; anchorMs: number } | null = null;
  private recorded = 0;

  constructor(readonly count: number) {
    this.streams = new Uint32Array(count);
    this.fulfilmentSeqs = new Uint32Array(count);
    this.customerOf = new Int32Array(count);
    this.placedSec = new Uint32Array(count);
    this.firsts = new Uint8Array(count);
    this.customerStreams = new Uint32Array(count);
    this.customerSuffixes = new Uint16Array(count);
  }

  /** What the orders are made from: the sellable table and the anchor, once the stream has drawn them. */
  begin(table: SellableTable, anchorMs: number): void {
    this.madeFrom = { table, anchorMs };
  }

  /** Makes customer `index` from the stream at `stream`, noting what makes them again. */
  makeCustomer(index: number, stream: Pick<Random, 'next' | 'state'>, emails: Set<string>): Customer {
    this.customerStreams[index] = stream.state();
    const customer = newCustomer(stream.next, index, emails);
    this.customerSuffixes[index] = customer.suffix;
    return customer;
  }

  private customerAt(index: number): Customer {
    return newCustomer(mulberry32Draws(this.customerStreams[index]!).next, index, null, this.customerSuffixes[index]);
  }

  /** Notes what order `position` is about to be made from. */
  record(position: number, stream: number, fulfilmentSeq: number, customer: number, placedSec: number, first: boolean): void {
    this.streams[position] = stream;
    this.fulfilmentSeqs[position] = fulfilmentSeq;
    this.customerOf[position] = customer;
    this.placedSec[position] = placedSec;
    this.firsts[position] = first ? 1 : 0;
    this.recorded = position + 1;
  }

  /** Notes what order `position` came to: still open, it is kept as made (it reserved against the ones before it). */
  made(position: number, order: OrderRecord): void {
    if (order.status === 'open') this.kept.set(position, order);
    if (order.refunds.length) this.refunded.push(position);
  }

  /** The places of the orders with refunds, in placing order. */
  withRefunds(): readonly number[] {
    return this.refunded;
  }

  /** Order `position` (#1001 at 0), made again: equal to the one made in the stream, a new object each time. */
  at(position: number): OrderRecord {
    const kept = this.kept.get(position);
    if (kept) return kept;
    const from = this.madeFrom;
    if (!from || position < 0 || position >= this.recorded) throw new RangeError(`No seeded order at ${position}`);
    return makeOrder(
      { ...from, next: mulberry32Draws(this.streams[position]!).next, fulfilmentSeq: this.fulfilmentSeqs[position]! },
      FIRST_ORDER_NUMBER + position,
      this.placedSec[position]! * 1000,
      this.customerAt(this.customerOf[position]!),
      this.firsts[position] === 1,
    );
  }
}

/**
 * Makes the orders a step at a time (each step some `batch` orders' worth of work, then it yields), so they can be made
 * in slices (the mock's idle time) as well as at once (`seedOrders`): the same orders either way. Each order goes to
 * `into` (when given) as it is made; the book that makes them again is the generator's value.
 */
export function* makeOrders(options: GenerateOrdersOptions, into: OrderRecord[] | null, batch = 2_000): Generator<void, OrderBook> {
  const { count, anchorMs } = options;
  if (count <= 0) return new OrderBook(0);
  const random = mulberry32(orderStreamSeed(options.seed));
  const next = random.next;
  const table = sellableTable(options.products, options.onHand ?? onHandAtStart(options.products), next);
  // A shop with nothing active to sell (a tiny or all-draft catalogue) has no orders to show.
  if (table.items.length === 0) return new OrderBook(0);

  // ---- when: a weighted calendar day, then a local hour, whole seconds.
  const windowStart = Math.max(anchorMs - WINDOW_DAYS * DAY_MS, table.createdMs[0]! + HOUR_MS);
  const firstDay = Math.floor((anchorMs - WINDOW_DAYS * DAY_MS) / DAY_MS) - 1;
  const lastDay = Math.floor(anchorMs / DAY_MS) + 1;
  const days = lastDay - firstDay + 1;
  const dstByDay = new Uint8Array(days);
  const weights: number[] = [];
  for (let k = 0; k < days; k++) {
    const dayMs = (firstDay + k) * DAY_MS;
    dstByDay[k] = isDst(dayMs) ? 1 : 0;
    weights.push(dayMs + DAY_MS <= windowStart || dayMs > anchorMs ? 0 : dayWeight(dayMs, k / days));
  }
  const dayCum = cumulative(weights);
  const hourCum = cumulative(HOURS);

  // Slots drawn in local time are sorted, then get customers in that order (so
  // a returning customer's earlier order is earlier), then the true UTC times.
  const slots = count;
  let shift = 1;
  while (shift < slots) shift *= 2;
  const local = new Float64Array(slots);
  for (let i = 0; i < slots; i++) {
    const k = search(dayCum, days, next() * dayCum[days - 1]!);
    const hour = search(hourCum, 24, next() * hourCum[23]!);
    const sec = hour * 3600 + Math.floor(next() * 3600);
    local[i] = (k * 86_400 + sec) * shift + i;
  }
  local.sort();
  yield;

  const book = new OrderBook(slots);
  const customers: Customer[] = [];
  const customerOf = new Int32Array(slots);
  const utcSec = new Float64Array(slots);
  const emails = new Set<string>();
  const startSec = Math.ceil(windowStart / 1000);
  const endSec = Math.floor(anchorMs / 1000);
  for (let n = 0; n < slots; n++) {
    if (n % (batch * 4) === batch * 4 - 1) yield;
    const packed = local[n]!;
    const localSec = Math.floor(packed / shift);
    let c: number;
    if (n > 0 && next() < 0.27) c = customerOf[Math.floor(next() * n)]!;
    else {
      c = customers.length;
      customers.push(book.makeCustomer(c, random, emails));
    }
    customerOf[n] = c;
    const state = customers[c]!.state;
    const k = Math.floor(localSec / 86_400);
    const offsetHours = state.utcOffset + (state.dst && dstByDay[k] ? 1 : 0);
    let t = (firstDay + k) * 86_400 + (localSec % 86_400) - offsetHours * 3600;
    // A time pushed past either end by the time zone moves a week, keeping its weekday and hour.
    while (t > endSec) t -= 7 * 86_400;
    while (t <= startSec) t += 7 * 86_400;
    if (t > endSec) t = endSec;
    utcSec[n] = t;
  }
  const byTime = new Float64Array(slots);
  for (let n = 0; n < slots; n++) byTime[n] = (utcSec[n]! - startSec) * shift + n;
  byTime.sort();

  const ctx: Ctx = { next, table, anchorMs, fulfilmentSeq: 0 };
  book.begin(table, anchorMs);
  for (let i = 0; i < slots; i++) {
    if (i % batch === batch - 1) yield;
    const n = byTime[i]! % shift;
    const c = customerOf[n]!;
    const customer = customers[c]!;
    const first = ++customer.orders === 1;
    book.record(i, random.state(), ctx.fulfilmentSeq, c, utcSec[n]!, first);
    const order = makeOrder(ctx, FIRST_ORDER_NUMBER + i, utcSec[n]! * 1000, customer, first);
    book.made(i, order);
    into?.push(order);
  }
  return book;
}

type Ctx = {
  next: () => number;
  table: SellableTable;
  anchorMs: number;
  fulfilmentSeq: number;
};

const LINE_COUNTS = [0.62, 0.88, 0.97]; // cumulative: 1, 2, 3, else 4 lines
const QUANTITIES = [0.85, 0.96, 0.99]; // cumulative: 1, 2, 3, else 4 units

const pickFrom = (cum: readonly number[], u: number) => {
  let i = 0;
  while (i < cum.length && u >= cum[i]!) i++;
  return i + 1;
};

type Lifecycle = 'closed' | 'cancelled' | 'open' | 'backordered';

/** `first`: the customer's first order (a welcome code may apply). */
function makeOrder(ctx: Ctx, number: number, placedMs: number, customer: Customer, first: boolean): OrderRecord {
  const { next, table, anchorMs } = ctx;
  const body = pad7(number);
  const id = `ord_${body}`;
  const loc = customer.location;
  const ageMs = anchorMs - placedMs;

  // ---- what will happen to it, decided first: an order that stays open reserves stock.
  let lifecycle: Lifecycle;
  let cancelMs = 0;
  if (next() < 0.03) {
    cancelMs = placedMs + (10 + Math.floor(next() * 900)) * MINUTE_MS;
    // Not cancelled yet: placed in the last hours, it is simply open.
    lifecycle = cancelMs <= anchorMs ? 'cancelled' : 'open';
  } else if (ageMs < RECENT_DAYS * DAY_MS) lifecycle = 'open';
  else lifecycle = next() < 0.005 ? 'backordered' : 'closed';
  const reserves = lifecycle === 'open' || lifecycle === 'backordered';

  // ---- the basket: distinct variants that existed and were active, popular ones more often.
  const end = upperBound(table.createdMs, placedMs);
  const lineCount = Math.min(pickFrom(LINE_COUNTS, next()), end);
  const chosen: Sellable[] = [];
  const quantities: number[] = [];
  for (let l = 0; l < lineCount; l++) {
    const quantity = pickFrom(QUANTITIES, next());
    for (let attempt = 0; attempt < 8; attempt++) {
      const item = table.items[table.byCreation[search(table.cum, end, next() * table.cum[end - 1]!)]!]!;
      if (chosen.includes(item)) continue;
      const b = item.slot * LOCATIONS.length + loc;
      if (reserves && table.budget[b] === -1) table.budget[b] = table.onHand[item.seedSlot * LOCATIONS.length + loc]!;
      if (reserves && table.budget[b]! < quantity && attempt < 7) continue;
      if (reserves) table.budget[b] = Math.max(0, table.budget[b]! - quantity);
      chosen.push(item);
      quantities.push(quantity);
      break;
    }
  }
  if (chosen.length === 0) {
    chosen.push(table.items[table.byCreation[0]!]!);
    quantities.push(1);
  }

  const count = chosen.length;
  const priced = new Array<PricedLine>(count);
  let subtotal = 0;
  let units = 0;
  for (let l = 0; l < count; l++) {
    const item = chosen[l]!;
    const unitPrice = item.compareAtPrice !== null && placedMs < table.saleFromMs[item.slot]! ? item.compareAtPrice : item.price;
    priced[l] = { unitPrice, quantity: quantities[l]! };
    subtotal += unitPrice * quantities[l]!;
    units += quantities[l]!;
  }

  // ---- discount code, shipping, tax.
  const placed = new Date(placedMs);
  const month = placed.getUTCMonth();
  let discountCode: string | null = null;
  let percent = 0;
  if (first && next() < 0.1) {
    discountCode = 'WELCOME10';
    percent = 10;
  } else if (month >= 10 && next() < 0.18) {
    discountCode = 'HOLIDAY20';
    percent = 20;
  } else if (next() < 0.02) {
    discountCode = 'FRIENDS15';
    percent = 15;
  }
  const discount = percentOf(subtotal, percent);
  const method: ShippingMethod = next() < (month === 11 ? 0.12 : 0.07) ? 'expedited' : 'standard';
  const totals = orderTotals(priced, shippingFee(subtotal - discount, method), customer.state.code, discount);

  const lines = new Array<OrderLine>(count);
  for (let l = 0; l < count; l++) {
    const item = chosen[l]!;
    lines[l] = {
      id: `li_${body}_${l + 1}`,
      variantId: item.variantId,
      productId: item.productId,
      sku: item.sku,
      title: item.title,
      variantTitle: item.variantTitle,
      quantity: quantities[l]!,
      unitPrice: priced[l]!.unitPrice,
      discount: totals.lines[l]!.discount,
      tax: totals.lines[l]!.tax,
      unitCost: item.cost,
      fulfilledQuantity: 0,
      cancelledQuantity: 0,
      refundedQuantity: 0,
    };
  }

  const placedAt = isoTime(placedMs);
  const order: OrderRecord = {
    id,
    number,
    placedAt,
    customer: customer.person,
    shippingAddress: customer.address,
    locationId: LOCATIONS[loc]!.id,
    lines,
    discountCode,
    subtotal: whole(totals.subtotal),
    discount: totals.discount,
    shipping: totals.shipping,
    tax: totals.tax,
    total: whole(totals.total),
    refunded: 0,
    net: whole(totals.total),
    status: 'open',
    paymentStatus: 'paid',
    fulfilmentStatus: 'unfulfilled',
    fulfilments: [],
    refunds: [],
    returns: NO_RETURNS,
    exchangeFor: null,
    balanceDue: 0,
    notes: [],
    version: 1,
  };

  let lastMs = placedMs;
  if (lifecycle === 'cancelled') {
    cancel(ctx, order, cancelMs);
    return finish(order);
  }

  if (next() < 0.03) {
    const noteMs = placedMs + (5 + Math.floor(next() * 45)) * MINUTE_MS;
    if (noteMs <= anchorMs) {
      addNote(order, noteMs, NOTES[Math.floor(next() * NOTES.length)]!, next() < 0.8 ? SUPPORT : MANAGER);
      lastMs = noteMs;
    }
  }

  const expedited = method === 'expedited';
  if (lifecycle === 'open' || lifecycle === 'backordered') {
    // Part of a multi-unit order may have shipped already; the rest waits.
    if (units >= 2 && next() < (lifecycle === 'backordered' ? 0.8 : 0.3)) {
      const shipMs = shipTime(placedMs, next);
      if (shipMs <= anchorMs) {
        // Every line but the last, or one unit of a single line.
        if (count > 1) fulfil(ctx, order, shipMs, 0, count - 1, false, expedited);
        else fulfil(ctx, order, shipMs, 0, 1, true, expedited);
        lastMs = shipMs;
      }
    }
    if (lifecycle === 'backordered') addNote(order, lastMs + MINUTE_MS, BACKORDER_NOTE, SUPPORT);
    return finish(order);
  }

  // ---- shipped: once, or in two parcels a few days apart; then closed.
  let shipMs = shipTime(placedMs, next);
  if (lines.length > 1 && next() < 0.06) {
    fulfil(ctx, order, shipMs, 0, 1, false, expedited);
    const laterMs = shipMs + (1 + Math.floor(next() * 3)) * DAY_MS;
    // An order placed a week ago may not wait days for its second parcel: then both left the same day.
    shipMs = laterMs <= anchorMs ? laterMs : shipMs + HOUR_MS;
    fulfil(ctx, order, shipMs, 1, count, false, expedited);
  } else {
    fulfil(ctx, order, shipMs, 0, count, false, expedited);
  }
  order.status = 'closed';

  // ---- some come back: a return, a full refund, a goodwill credit, or a return in two steps.
  if (next() < 0.045) {
    const refundMs = shipMs + (4 + Math.floor(next() * 26)) * DAY_MS + Math.floor(next() * 8) * HOUR_MS;
    if (refundMs <= anchorMs) returnOrRefund(ctx, order, refundMs);
  }
  return finish(order);
}

function upperBound(sorted: Float64Array, value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** 0–3 days after placing (mostly the next day), in warehouse hours (14:00–22:00 UTC), never on a Sunday. */
function shipTime(placedMs: number, next: () => number): number {
  const u = next();
  const delay = u < 0.25 ? 0 : u < 0.7 ? 1 : u < 0.9 ? 2 : 3;
  let ms = Math.floor(placedMs / DAY_MS) * DAY_MS + delay * DAY_MS + 14 * HOUR_MS + Math.floor(next() * 8 * 3600) * 1000;
  while (ms < placedMs + HOUR_MS) ms += DAY_MS;
  if (new Date(ms).getUTCDay() === 0) ms += DAY_MS;
  return ms;
}

function addNote(order: OrderRecord, ms: number, text: string, author: Person): void {
  order.notes.push({ id: childId('note_', order, order.notes.length + 1), at: isoTime(ms), author, text });
}

/** Ships lines [from, to) in full, or with `oneUnit` a single unit of line `from`. */
function fulfil(ctx: Ctx, order: OrderRecord, ms: number, from: number, to: number, oneUnit: boolean, expedited: boolean): void {
  const { next } = ctx;
  const location = locationIndex(order.locationId) ?? 0;
  const carrier = pickCarrier(expedited, next());
  const trackingNumberValue = trackingNumber(carrier, location, expedited, ++ctx.fulfilmentSeq, next);
  const by = next() < 0.75 ? SUPPORT : MANAGER;
  const shipped = new Array<{ lineId: string; quantity: number }>(to - from);
  for (let l = from; l < to; l++) {
    const line = order.lines[l]!;
    const quantity = oneUnit ? 1 : line.quantity;
    line.fulfilledQuantity += quantity;
    shipped[l - from] = { lineId: line.id, quantity };
  }
  order.fulfilments.push({
    id: childId('ful_', order, order.fulfilments.length + 1),
    at: isoTime(ms),
    locationId: order.locationId,
    carrier,
    trackingNumber: trackingNumberValue,
    lines: shipped,
    by,
  });
}

function refunder(amount: number, next: () => number): Person {
  return amount > SUPPORT_REFUND_LIMIT || next() < 0.25 ? MANAGER : SUPPORT;
}

function cancel(ctx: Ctx, order: OrderRecord, ms: number): void {
  const { next } = ctx;
  const reason = CANCEL_REASONS[Math.floor(next() * CANCEL_REASONS.length)]!;
  const by = refunder(order.total, next);
  for (const line of order.lines) {
    line.cancelledQuantity = line.quantity;
    line.refundedQuantity = line.quantity;
  }
  refund(
    order,
    isoTime(ms),
    order.total,
    order.shipping,
    order.lines.map((l) => ({ lineId: l.id, quantity: l.quantity })),
    false,
    reason,
    by,
  );
  order.status = 'cancelled';
}

function refund(
  order: OrderRecord,
  at: string,
  amount: number,
  shipping: number,
  lines: { lineId: string; quantity: number }[],
  restock: boolean,
  reason: string,
  by: Person,
): void {
  order.refunds.push({
    id: childId('ref_', order, order.refunds.length + 1),
    at,
    amount,
    shipping,
    lines,
    restock,
    locationId: restock ? order.locationId : null,
    reason,
    by,
    returnId: null,
    toExchange: 0,
  });
  order.refunded = whole(order.refunded + amount);
}

/** Refunds `quantity` more units of each given line (all shipped), plus `shipping`. */
function refundLines(
  order: OrderRecord,
  ms: number,
  parts: readonly (readonly [OrderLine, number])[],
  shipping: number,
  restock: boolean,
  reason: string,
  next: () => number,
): void {
  let amount = shipping;
  const lines: { lineId: string; quantity: number }[] = [];
  for (const [line, quantity] of parts) {
    if (quantity <= 0) continue;
    amount += lineRefundAmount(line, line.refundedQuantity, quantity);
    line.refundedQuantity += quantity;
    lines.push({ lineId: line.id, quantity });
  }
  refund(order, isoTime(ms), amount, shipping, lines, restock, reason, refunder(amount, next));
}

function returnOrRefund(ctx: Ctx, order: OrderRecord, ms: number): void {
  const { next } = ctx;
  const u = next();
  const restock = next() < 0.6;
  const reasons = restock ? RETURN_REASONS_RESTOCK : RETURN_REASONS_NO_RESTOCK;
  const reason = reasons[Math.floor(next() * reasons.length)]!;
  if (u < 0.45) {
    const line = order.lines[Math.floor(next() * order.lines.length)]!;
    refundLines(order, ms, [[line, 1 + Math.floor(next() * line.quantity)]], 0, restock, reason, next);
  } else if (u < 0.75) {
    refundLines(
      order,
      ms,
      order.lines.map((l) => [l, l.quantity] as const),
      order.shipping,
      restock,
      reason,
      next,
    );
  } else if (u < 0.9) {
    const credit = Math.min(order.total, Math.max(500, Math.floor(percentOf(order.total, 10) / 100) * 100));
    refund(
      order,
      isoTime(ms),
      credit,
      0,
      [],
      false,
      GOODWILL_REASONS[Math.floor(next() * GOODWILL_REASONS.length)]!,
      refunder(credit, next),
    );
  } else {
    const first = order.lines[0]!;
    refundLines(order, ms, [[first, 1]], 0, restock, reason, next);
    const laterMs = ms + (2 + Math.floor(next() * 8)) * DAY_MS;
    if (laterMs <= ctx.anchorMs) {
      const rest = order.lines.map((l) => [l, l.quantity - l.refundedQuantity] as const);
      if (rest.some(([, q]) => q > 0)) refundLines(order, laterMs, rest, 0, restock, reason, next);
    }
  }
}

/**
 * No fulfilments, refunds, returns or notes: a frozen empty array of each kind,
 * shared by every order (most have none; an array apiece took 10 MB at
 * 200,000). Writes never change a seeded order, they change a structuredClone
 * of it (order-decisions.ts); one per kind, so no two fields of one order are
 * the same array, which the clone would keep as one.
 */
const none = () => Object.freeze([]) as never[];
const NO_FULFILMENTS = none();
const NO_REFUNDS = none();
const NO_RETURNS = none();
const NO_NOTES = none();

/**
 * Arrays that grew by push keep room for 16 more items; a copy is exactly
 * as long, which saves a few hundred bytes an order (tens of MB at 200,000).
 */
function fit<T>(items: T[], empty: T[]): T[] {
  return items.length === 0 ? empty : items.slice();
}

function finish(order: OrderRecord): OrderRecord {
  order.fulfilments = fit(order.fulfilments, NO_FULFILMENTS);
  order.refunds = fit(order.refunds, NO_REFUNDS);
  order.notes = fit(order.notes, NO_NOTES);
  order.net = whole(order.total - order.refunded);
  order.paymentStatus = paymentStatusOf(order);
  order.fulfilmentStatus = fulfilmentStatusOf(order.lines);
  order.version = seededEventCount(order);
  return order;
}
