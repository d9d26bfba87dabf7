/**
 * Running sales aggregates per store day, so a report costs what its range
 * costs, not what the shop costs: each order adds its placement to the day it
 * was placed and each refund to the day it was made. Unfiltered and by-state
 * figures are ready sums; a category filter or a product breakdown reads the
 * day's line facts. An order write swaps the order's old contribution for its new one.
 */
import { lineTotal, orderIdOf, refundedLineAmounts } from '../src/domain/order-rules';
import type { Order, OrderLine } from '../src/contract/order-schemas';
import type { OrderRecord } from '../src/demo-shop/shop-records';
import { FIRST_ORDER_NUMBER, type Granularity } from '../src/contract/constants';
import {
  addDays,
  buckets,
  comparisonRange,
  defaultGranularity,
  lineProfit,
  profitMeasures,
  profitPage,
  refundSummary,
  salesMeasures,
  summaryMeasures,
  type DaySums,
  type ProfitSums,
  type SalesSums,
  type SummarySums,
} from '../src/domain/report-rules';
import type {
  BreakdownQuery,
  BreakdownRow,
  ProfitQuery,
  ProfitReport,
  RefundRecord,
  RefundRecordList,
  RefundRecordQuery,
  SaleLine,
  SaleLineList,
  SaleLineQuery,
  SalesBreakdown,
  SalesMeasures,
  SalesPoint,
  SalesReport,
  SalesReportQuery,
  SalesSummary,
  SalesSummaryQuery,
} from '../src/contract/report-schemas';
import { storeDate, storeTimeToIso } from '../src/domain/store-time';
import { stateName } from '../src/contract/values/us-address';
import { compareText } from './sorted-index';

/** A day's (or a bucket's) sums: the sales report's measures and the accountants' summary's. */
type Sums = SalesSums & SummarySums;
const zero = (): Sums => ({ revenue: 0, orders: 0, units: 0, refunds: 0, grossSales: 0, discounts: 0, returns: 0, shipping: 0, taxes: 0 });
function addInto(into: Sums, from: Sums, sign = 1): void {
  into.revenue += sign * from.revenue;
  into.orders += sign * from.orders;
  into.units += sign * from.units;
  into.refunds += sign * from.refunds;
  into.grossSales += sign * from.grossSales;
  into.discounts += sign * from.discounts;
  into.returns += sign * from.returns;
  into.shipping += sign * from.shipping;
  into.taxes += sign * from.taxes;
}

type Where = { variantId: string; productId: string; categoryId: string; state: string };
/**
 * A line as the reports see it: what it sold, where, in which category, and what its profit is made of. It holds
 * neither the line nor its order (one fact per line, 300,000 at 200,000 orders), so a seeded order need not stay in
 * memory; a drill-down reads the orders of the rows it shows, by number and the line's place in the order.
 */
class LineFact implements Where {
  readonly variantId: string;
  readonly productId: string;
  readonly units: number;
  readonly revenue: number;
  readonly unitPrice: number;
  readonly discount: number;
  readonly unitCost: number | null;

  constructor(
    readonly categoryId: string,
    /** Its order's number: orders are numbered in the order they were placed (a new one takes the next at its "now"). */
    readonly number: number,
    readonly state: string,
    /** The line's place in its order. */
    readonly place: number,
    line: OrderLine,
  ) {
    this.variantId = line.variantId;
    this.productId = line.productId;
    this.units = line.quantity;
    this.revenue = lineTotal(line);
    this.unitPrice = line.unitPrice;
    this.discount = line.discount;
    this.unitCost = line.unitCost;
  }
}
/** Money a refund returned for a line's units. */
type RefundFact = Where & { amount: number; units: number };
/** A refund on the day it was made, with what it returned per line. */
type RefundEntry = { number: number; refund: Order['refunds'][number]; state: string; parts: RefundFact[] };

type Day = {
  totals: Sums;
  byState: Map<string, Sums>;
  /** The line facts of the orders placed that day, each order's together and in line order (a fact at place 0 begins one). */
  lines: LineFact[];
  refunds: Map<string, RefundEntry>;
};

/** The line fact a breakdown's (or the profit report's) rows are keyed by. */
const FIELD_OF = { product: 'productId', variant: 'variantId', category: 'categoryId', state: 'state' } as const satisfies Record<
  BreakdownQuery['by'],
  keyof Where
>;

/** The drill-down's filters: a category, a state, a product or a variant. */
type Filter = {
  categoryId?: string | undefined;
  state?: string | undefined;
  productId?: string | undefined;
  variantId?: string | undefined;
};
/** Whether a filter picks lines (so amounts are the lines', without shipping) rather than whole orders. */
const byLine = (f: Filter) => f.categoryId !== undefined || f.productId !== undefined || f.variantId !== undefined;
const matches = (f: Filter, w: Where) =>
  (f.categoryId === undefined || w.categoryId === f.categoryId) &&
  (f.state === undefined || w.state === f.state) &&
  (f.productId === undefined || w.productId === f.productId) &&
  (f.variantId === undefined || w.variantId === f.variantId);

export type Catalogue = {
  categoryOf(productId: string): string;
  productTitle(productId: string): string | undefined;
  variant(variantId: string): { title: string; sku: string } | undefined;
  categoryName(categoryId: string): string;
};

/** Sums and facts by store day. */
class Days {
  private readonly byDate = new Map<string, Day>();

  get(date: string): Day | undefined {
    return this.byDate.get(date);
  }

  at(date: string): Day {
    let day = this.byDate.get(date);
    if (!day) {
      day = { totals: zero(), byState: new Map(), lines: [], refunds: new Map() };
      this.byDate.set(date, day);
    }
    return day;
  }

  /** An order's money on the days it moved: its placement on the day placed, each refund on the day made. */
  addSums(order: OrderRecord, sign: 1 | -1): void {
    const state = order.shippingAddress.state;
    let units = 0;
    for (const line of order.lines) units += line.quantity;
    const placed = this.at(storeDate(Date.parse(order.placedAt)));
    const sums: Sums = {
      ...zero(),
      revenue: order.total,
      orders: 1,
      units,
      grossSales: order.subtotal,
      discounts: order.discount,
      shipping: order.shipping,
      taxes: order.tax,
    };
    addInto(placed.totals, sums, sign);
    addInto(stateSums(placed, state), sums, sign);
    if (!order.refunds.length) return;
    const parts = refundParts(order, () => '');
    for (const refund of order.refunds) {
      const day = this.at(storeDate(Date.parse(refund.at)));
      const split = refundSummary(refund, parts.get(refund.id) ?? []);
      const money: Sums = { ...zero(), refunds: refund.amount, returns: split.returns, shipping: -split.shipping, taxes: -split.taxes };
      addInto(day.totals, money, sign);
      addInto(stateSums(day, state), money, sign);
    }
  }

  load(sums: DaySums): void {
    for (const [date, totals, byState] of sums) {
      const day = this.at(date);
      addInto(day.totals, totals);
      for (const [state, s] of byState) addInto(stateSums(day, state), s);
    }
  }

  sums(): DaySums {
    return [...this.byDate].map(([date, day]) => [date, day.totals, [...day.byState]]);
  }
}

/** What each refund of an order returned per line (line refunds replayed in order, src/domain/order-rules). */
function refundParts(order: OrderRecord, categoryOf: (productId: string) => string): Map<string, (RefundFact & { tax: number })[]> {
  const parts = new Map<string, (RefundFact & { tax: number })[]>();
  for (const { refundId, line, quantity, amount, tax } of refundedLineAmounts(order)) {
    let list = parts.get(refundId);
    if (!list) parts.set(refundId, (list = []));
    list.push({
      variantId: line.variantId,
      productId: line.productId,
      categoryId: categoryOf(line.productId),
      state: order.shippingAddress.state,
      amount,
      units: quantity,
      tax,
    });
  }
  return parts;
}

/** The days' sums of these orders, for keeping with the shop they were seeded with. */
export function daySumsOf(orders: Iterable<OrderRecord>): DaySums {
  const days = new Days();
  for (const order of orders) days.addSums(order, 1);
  return days.sums();
}

/** The orders as the store holds them now (a seeded one may be made again each time it is read). */
export type ReportOrders = {
  /** Every order, in placing order. */
  all(): Iterable<OrderRecord>;
  /** How many there are, those placed since the seed included. */
  count(): number;
  /** The places of the orders with refunds now, in any order. */
  withRefunds(): readonly number[];
  /** The order at a place in placing order (#1001 at 0), as it is now. */
  at(position: number): OrderRecord | undefined;
};

/** Where an order stands among the orders (#1001 is the first, and a new one takes the next number). */
const positionOf = (order: { number: number }) => order.number - FIRST_ORDER_NUMBER;

/**
 * The days' sums are whole from the start: summed over every order when the index is made (one light pass), or
 * given (a kept shop's, mocks/shop-snapshot.ts), so the sales chart and the summary never wait for the orders to
 * be made. The facts (lines and refunds, for a category, a breakdown or a drill-down) are gathered when a report
 * first needs them, placements newest first and only as far back as the report reaches: the dashboard's month
 * of a 200,000-order shop waits for that month's orders, not for two years of them.
 */
export class ReportIndex {
  private readonly days = new Days();
  /** Whether facts were needed yet: the walks then cover the orders there were, newest first. */
  private walking = false;
  /** Orders at `floor` and after have their line facts. */
  private floor = 0;
  /** The first store day whose line facts are all in ('' once every order's are). */
  private complete = '\uffff';
  /** Where the orders with refunds are; their refunds made at `refundsFrom` or after have their facts. */
  private refunded: number[] = [];
  private refundsFrom = '\uffff';

  constructor(
    /** The orders: read when the first report needs facts (or all at once, without `sums`). */
    private readonly orders: ReportOrders,
    private readonly catalogue: Catalogue,
    /** The days' sums of `orders`, when known. */
    sums?: DaySums,
  ) {
    if (sums) this.days.load(sums);
    else for (const order of orders.all()) this.days.addSums(order, 1);
  }

  /** The first time facts are needed: how many orders the walks cover, and where the ones with refunds are (a few percent). */
  private facts(): void {
    if (this.walking) return;
    this.refunded = [...this.orders.withRefunds()];
    this.walking = true;
    this.floor = this.orders.count();
  }

  /** The order at a place the walks cover, as it is now. */
  private walk(position: number): OrderRecord {
    const order = this.orders.at(position);
    if (!order) throw new Error(`No order at place ${position}`);
    return order;
  }

  /** Gathers up to `count` more orders' line facts, newest first, then every refund's; false once all are in. */
  buildSome(count: number): boolean {
    this.facts();
    for (let i = 0; i < count && this.floor > 0; i++) this.addLineFacts(this.walk(--this.floor), 1);
    if (this.floor > 0) return true;
    this.complete = '';
    this.coverRefunds('');
    return false;
  }

  /** Gathers the facts of `from` onwards: placements newest first, and refunds made then (on orders placed whenever). */
  private cover(from: string): void {
    if (this.complete > from) {
      this.facts();
      const margin = dayMargin(from);
      for (let order = this.floor > 0 ? this.walk(this.floor - 1) : null; order && order.placedAt >= margin;) {
        this.addLineFacts(order, 1);
        this.floor -= 1;
        order = this.floor > 0 ? this.walk(this.floor - 1) : null;
      }
      this.complete = this.floor === 0 ? '' : from;
    }
    this.coverRefunds(from);
  }

  private coverRefunds(from: string): void {
    if (this.refundsFrom <= from) return;
    this.facts();
    const since = from === '' ? '' : dayMargin(from);
    // Each refund once: those made from `since` up to where the last cover began.
    const until = this.refundsFrom === '\uffff' ? '\uffff' : dayMargin(this.refundsFrom);
    for (const i of this.refunded) this.addRefundFacts(this.walk(i), 1, (at) => at >= since && at < until);
    this.refundsFrom = from;
  }

  /** An order changed or was placed: its old contribution leaves, the new one joins. */
  replace(before: OrderRecord | undefined, after: OrderRecord): void {
    if (before) this.days.addSums(before, -1);
    this.days.addSums(after, 1);
    if (!this.walking) return;
    // The walks read the order as it is now when they reach it; one placed since is in no walk.
    if (positionOf(after) >= this.floor) {
      if (before) this.addLineFacts(before, -1);
      this.addLineFacts(after, 1);
    }
    // A refund's facts are keyed by order and refund: made again for its day, they replace what is there.
    if (before) this.addRefundFacts(before, -1);
    this.addRefundFacts(after, 1);
  }

  /** The order's lines, on the day it was placed. */
  private addLineFacts(order: OrderRecord, sign: 1 | -1): void {
    const placed = this.days.at(storeDate(Date.parse(order.placedAt)));
    const { number } = order;
    if (sign < 0) {
      placed.lines = placed.lines.filter((f) => f.number !== number);
      return;
    }
    const state = order.shippingAddress.state;
    order.lines.forEach((line, place) =>
      placed.lines.push(new LineFact(this.catalogue.categoryOf(line.productId), number, state, place, line)),
    );
  }

  /** The order's refunds (those made at times `when` takes), each on the day it was made, with what it returned per line. */
  private addRefundFacts(order: OrderRecord, sign: 1 | -1, when: (at: string) => boolean = () => true): void {
    if (!order.refunds.some((r) => when(r.at))) return;
    const parts = refundParts(order, (productId) => this.catalogue.categoryOf(productId));
    for (const refund of order.refunds) {
      if (!when(refund.at)) continue;
      const day = this.days.at(storeDate(Date.parse(refund.at)));
      const key = `${order.id}/${refund.id}`;
      if (sign < 0) day.refunds.delete(key);
      else day.refunds.set(key, { number: order.number, refund, state: order.shippingAddress.state, parts: parts.get(refund.id) ?? [] });
    }
  }

  sales(query: SalesReportQuery): SalesReport {
    const granularity: Granularity = query.granularity ?? defaultGranularity(query.from, query.to);
    const comparison = comparisonRange(query.from, query.to, query.compare);
    const series = this.series(query.from, query.to, granularity, query);
    const comparisonSeries = comparison ? this.series(comparison.from, comparison.to, granularity, query) : null;
    return {
      range: { from: query.from, to: query.to },
      comparison,
      granularity,
      totals: sumSales(series),
      comparisonTotals: comparisonSeries ? sumSales(comparisonSeries) : null,
      series,
      comparisonSeries,
    };
  }

  private series(from: string, to: string, granularity: Granularity, filter: Filter): SalesPoint[] {
    if (filter.categoryId !== undefined) this.cover(from);
    return buckets(from, to, granularity).map((bucket) => {
      const sums = zero();
      for (let day = bucket.from; ;) {
        const d = this.days.get(day);
        if (d) addInto(sums, this.daySums(d, filter));
        if (day === bucket.to) break;
        day = nextDay(day);
      }
      return { ...bucket, ...salesMeasures(sums) };
    });
  }

  /** One day's figures under the filters: ready sums without a category, line facts with one. */
  private daySums(day: Day, { categoryId, state }: Filter): Sums {
    if (categoryId === undefined) return state === undefined ? day.totals : (day.byState.get(state) ?? zero());
    const sums = zero();
    let counted = false;
    for (const f of day.lines) {
      if (f.place === 0) counted = false;
      if (f.categoryId !== categoryId || (state !== undefined && f.state !== state)) continue;
      sums.revenue += f.revenue;
      sums.units += f.units;
      if (!counted) sums.orders += 1;
      counted = true;
    }
    for (const { parts } of day.refunds.values()) {
      for (const f of parts) if (f.categoryId === categoryId && (state === undefined || f.state === state)) sums.refunds += f.amount;
    }
    return sums;
  }

  breakdown(query: BreakdownQuery): SalesBreakdown {
    if (query.by !== 'state' || query.categoryId !== undefined) this.cover(query.from);
    // Sums by key first, names only for the rows that exist: a quarter's breakdown reads some 100,000 line facts.
    const rows = new Map<string, Sums>();
    const row = (key: string) => {
      let r = rows.get(key);
      if (!r) {
        r = zero();
        rows.set(key, r);
      }
      return r;
    };
    const field = FIELD_OF[query.by];
    /** Orders with a line in any row (line-based breakdowns); by state without a category every order is in one row. */
    let distinctOrders = 0;
    const wanted = (f: { categoryId: string; state: string }) =>
      (query.categoryId === undefined || f.categoryId === query.categoryId) && (query.state === undefined || f.state === query.state);

    for (let day = query.from; ; day = nextDay(day)) {
      const d = this.days.get(day);
      if (d && query.by === 'state' && query.categoryId === undefined) {
        // Whole orders, shipping included, straight from the day's sums.
        for (const [state, sums] of d.byState) if (query.state === undefined || state === query.state) addInto(row(state), sums);
      } else if (d) {
        const facts = d.lines;
        let counted = false;
        for (let i = 0; i < facts.length; i++) {
          const f = facts[i]!;
          if (f.place === 0) counted = false;
          if (!wanted(f)) continue;
          // The report's Orders counts the order once, whichever rows its lines fall in.
          if (!counted) distinctOrders += 1;
          counted = true;
          const key = f[field];
          const r = row(key);
          r.revenue += f.revenue;
          r.units += f.units;
          // An order counts once per row, however many of its lines fall in it (its earlier lines are the `place` before).
          let repeat = false;
          for (let j = i - f.place; j < i && !repeat; j++) repeat = wanted(facts[j]!) && facts[j]![field] === key;
          if (!repeat) r.orders += 1;
        }
        for (const { parts } of d.refunds.values()) {
          for (const f of parts) if (wanted(f)) row(f[field]).refunds += f.amount;
        }
      }
      if (day === query.to) break;
    }

    const all: BreakdownRow[] = [...rows].map(([key, r]) => ({ key, ...this.label(query.by, key), ...salesMeasures(r) }));
    const descending = query.sort.startsWith('-');
    const sortBy = (descending ? query.sort.slice(1) : query.sort) as keyof SalesMeasures | 'label';
    all.sort((a, b) => {
      const order = sortBy === 'label' ? compareText(a.label.toLowerCase(), b.label.toLowerCase()) : a[sortBy] - b[sortBy];
      return (descending ? -order : order) || compareText(a.key, b.key);
    });
    const totals = sumSales(all);
    const byWholeOrders = query.by === 'state' && query.categoryId === undefined;
    return {
      items: all.slice(query.offset, query.offset + query.limit),
      total: all.length,
      totals: byWholeOrders ? totals : salesMeasures({ ...totals, orders: distinctOrders }),
    };
  }

  /** The days of a range that have anything, in order. */
  private *daysOf(from: string, to: string): Generator<Day> {
    for (let day = from; ; day = nextDay(day)) {
      const d = this.days.get(day);
      if (d) yield d;
      if (day === to) break;
    }
  }

  summary(query: SalesSummaryQuery): SalesSummary {
    const granularity: Granularity = query.granularity ?? defaultGranularity(query.from, query.to);
    const whole = zero();
    const series = buckets(query.from, query.to, granularity).map((bucket) => {
      const sums = zero();
      for (const d of this.daysOf(bucket.from, bucket.to)) {
        addInto(sums, query.state === undefined ? d.totals : (d.byState.get(query.state) ?? zero()));
      }
      addInto(whole, sums);
      return { ...bucket, ...summaryMeasures(sums) };
    });
    return { range: { from: query.from, to: query.to }, granularity, totals: summaryMeasures(whole), series };
  }

  refunds(query: RefundRecordQuery): RefundRecordList {
    this.cover(query.from);
    const lines = byLine(query);
    const found: RefundRecord[] = [];
    const totals = { refunds: 0, amount: 0, units: 0 };
    for (const d of this.daysOf(query.from, query.to)) {
      for (const { number, refund, state, parts } of d.refunds.values()) {
        if (query.state !== undefined && state !== query.state) continue;
        let amount = refund.amount;
        let units = 0;
        if (lines) {
          amount = 0;
          let any = false;
          for (const f of parts) {
            if (!matches(query, f)) continue;
            any = true;
            amount += f.amount;
            units += f.units;
          }
          if (!any) continue;
        } else for (const l of refund.lines) units += l.quantity;
        found.push({
          orderId: orderIdOf(number),
          orderNumber: number,
          refundId: refund.id,
          at: refund.at,
          state,
          amount,
          units,
          shipping: lines ? 0 : refund.shipping,
          restock: refund.restock,
          reason: refund.reason,
          by: refund.by,
        });
        totals.refunds += 1;
        totals.amount += amount;
        totals.units += units;
      }
    }
    const key = query.sort.replace('-', '') as 'at' | 'amount';
    const sign = query.sort.startsWith('-') ? -1 : 1;
    found.sort(
      (a, b) =>
        sign * (key === 'at' ? compareText(a.at, b.at) : a.amount - b.amount) ||
        sign * (a.orderNumber - b.orderNumber) ||
        sign * compareText(a.refundId, b.refundId),
    );
    return { items: found.slice(query.offset, query.offset + query.limit), total: found.length, totals };
  }

  lines(query: SaleLineQuery): SaleLineList {
    this.cover(query.from);
    const found: LineFact[] = [];
    const totals = { lines: 0, orders: 0, units: 0, revenue: 0 };
    for (const d of this.daysOf(query.from, query.to)) {
      let counted = false;
      for (const f of d.lines) {
        if (f.place === 0) counted = false;
        if (!matches(query, f)) continue;
        found.push(f);
        totals.lines += 1;
        totals.units += f.units;
        totals.revenue += f.revenue;
        if (!counted) totals.orders += 1;
        counted = true;
      }
    }
    const key = query.sort.replace('-', '') as 'placedAt' | 'revenue' | 'quantity';
    const sign = query.sort.startsWith('-') ? -1 : 1;
    found.sort(
      (a, b) =>
        // By placing time is by number, the order they were placed in.
        sign * (key === 'placedAt' ? 0 : key === 'revenue' ? a.revenue - b.revenue : a.units - b.units) ||
        sign * (a.number - b.number) ||
        sign * (a.place - b.place),
    );
    const items = found.slice(query.offset, query.offset + query.limit).map((f): SaleLine => {
      // The page's rows only: the line's id and names, and when it was placed, are read from its order.
      const order = this.orders.at(positionOf(f));
      const line = order?.lines[f.place];
      if (!order || !line) throw new Error(`Order #${f.number} has no line at place ${f.place}`);
      return {
        orderId: orderIdOf(f.number),
        orderNumber: f.number,
        placedAt: order.placedAt,
        state: f.state,
        lineId: line.id,
        productId: f.productId,
        variantId: f.variantId,
        sku: line.sku,
        title: line.title,
        variantTitle: line.variantTitle,
        quantity: f.units,
        revenue: f.revenue,
      };
    });
    return { items, total: found.length, totals };
  }

  profit(query: ProfitQuery): ProfitReport {
    this.cover(query.from);
    const field = FIELD_OF[query.by];
    const rows = new Map<string, ProfitSums>();
    for (const d of this.daysOf(query.from, query.to)) {
      for (const f of d.lines) {
        if (!matches(query, f)) continue;
        const p = lineProfit({ unitPrice: f.unitPrice, quantity: f.units, discount: f.discount, unitCost: f.unitCost });
        const r = rows.get(f[field]);
        if (!r) rows.set(f[field], p);
        else {
          r.units += p.units;
          r.sales += p.sales;
          r.costedSales += p.costedSales;
          r.cost += p.cost;
          r.uncostedUnits += p.uncostedUnits;
        }
      }
    }
    return profitPage(
      [...rows].map(([key, r]) => ({ key, ...this.label(query.by, key), ...profitMeasures(r), abc: null })),
      query,
    );
  }

  private label(by: BreakdownQuery['by'], key: string): { label: string; sku: string } {
    switch (by) {
      case 'product':
        return { label: this.catalogue.productTitle(key) ?? key, sku: '' };
      case 'variant': {
        const variant = this.catalogue.variant(key);
        return { label: variant?.title ?? key, sku: variant?.sku ?? '' };
      }
      case 'category':
        return { label: this.catalogue.categoryName(key), sku: '' };
      case 'state':
        return { label: stateName(key) ?? key, sku: '' };
    }
  }
}

function stateSums(day: Day, state: string): Sums {
  let sums = day.byState.get(state);
  if (!sums) {
    sums = zero();
    day.byState.set(state, sums);
  }
  return sums;
}

/** The instant a day before `day` begins in the store's zone: orders lie in placing order, their times a few hours out
 * of step at most (a clock change), so a walk that stops there has every order and refund of `day` onwards. */
function dayMargin(day: string): string {
  return storeTimeToIso(addDays(day, -1), '00:00') ?? '';
}

function nextDay(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

/** The sales measures of many rows or points, summed and worked out again (the average is not a sum). */
function sumSales(rows: readonly SalesSums[]): SalesMeasures {
  const sums: SalesSums = { revenue: 0, orders: 0, units: 0, refunds: 0 };
  for (const r of rows) {
    sums.revenue += r.revenue;
    sums.orders += r.orders;
    sums.units += r.units;
    sums.refunds += r.refunds;
  }
  return salesMeasures(sums);
}
