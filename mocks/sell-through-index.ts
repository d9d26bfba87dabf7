/**
 * Sell-through from the stock ledger, without writing the ledger out: every
 * row that moves on-hand stock (the opening receipts, the seeded orders'
 * sales and restocks, and every row written since) as one event in flat
 * columns: store day, product, warehouse, kind, units. A request walks the
 * columns once: before the range they make the opening stock, inside it the
 * receipts and the sales. The seeded events are gathered by the first request.
 */
import { LOCATIONS } from '../src/demo-shop/catalogue';
import type { MovementRecord, ProductRecord } from '../src/demo-shop/shop-records';
import { seededSlot, type StockSeed } from '../src/demo-shop/stock-seed';
import type { SellThroughQuery, SellThroughReport, SellThroughRow } from '../src/contract/report-schemas';
import { sellThroughRate } from '../src/domain/report-rules';
import { storeDate } from '../src/domain/store-time';
import { compareText } from './sorted-index';

const DAY_MS = 86_400_000;
const OTHER = 0;
const RECEIVED = 1;
const SALE = 2;

const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / DAY_MS;
const dayOf = (iso: string) => dayNumber(storeDate(Date.parse(iso)));
const kindOf = (reason: MovementRecord['reason']) => (reason === 'received' ? RECEIVED : reason === 'sale' ? SALE : OTHER);

/** Growable columns of events. */
class Events {
  length = 0;
  day = new Int32Array(1024);
  product = new Int32Array(1024);
  loc = new Uint8Array(1024);
  kind = new Uint8Array(1024);
  units = new Int32Array(1024);

  push(day: number, product: number, loc: number, kind: number, units: number): void {
    if (this.length === this.day.length) {
      const grow = <T extends Int32Array | Uint8Array>(a: T): T => {
        const b = new (a.constructor as new (n: number) => T)(a.length * 2);
        b.set(a);
        return b;
      };
      this.day = grow(this.day);
      this.product = grow(this.product);
      this.loc = grow(this.loc);
      this.kind = grow(this.kind);
      this.units = grow(this.units);
    }
    const i = this.length++;
    this.day[i] = day;
    this.product[i] = product;
    this.loc[i] = loc;
    this.kind[i] = kind;
    this.units[i] = units;
  }
}

export type SellThroughSource = {
  records(): Iterable<ProductRecord>;
  seed: StockSeed | null;
  /** Ledger rows written since the seed. */
  written(): Iterable<MovementRecord>;
  productOf(variantId: string): string | undefined;
};

export class SellThroughIndex {
  private seeded: Events | null = null;
  private products: string[] = [];
  private productIndex = new Map<string, number>();
  private readonly locIndex = new Map<string, number>(LOCATIONS.map((l, i) => [l.id, i]));

  constructor(private readonly source: SellThroughSource) {}

  private indexOf(productId: string): number {
    let i = this.productIndex.get(productId);
    if (i === undefined) {
      i = this.products.length;
      this.products.push(productId);
      this.productIndex.set(productId, i);
    }
    return i;
  }

  private seededEvents(): Events {
    if (this.seeded) return this.seeded;
    const seed = this.source.seed;
    // First, so a kept shop whose orders are not made yet stops here, before anything is built (MockDb.serve).
    const orders = seed?.orders.each() ?? [];
    const events = new Events();
    if (seed) {
      const opened = dayOf(seed.openedAt);
      const width = LOCATIONS.length;
      for (const { product } of this.source.records()) {
        const p = this.indexOf(product.id);
        for (const variant of product.variants) {
          const slot = seededSlot(variant.id, seed.seededVariants);
          if (slot === null) continue;
          for (let loc = 0; loc < width; loc++) {
            const units = seed.opening[slot * width + loc] ?? 0;
            if (units !== 0) events.push(opened, p, loc, RECEIVED, units);
          }
        }
      }
      // What seeded orders did to shelves: each shipment sold, each restocking refund put units back (stock-seed's orderMovements).
      for (const order of orders) {
        const productOfLine = (lineId: string) => order.lines.find((l) => l.id === lineId)?.productId;
        for (const f of order.fulfilments) {
          const day = dayOf(f.at);
          const loc = this.locIndex.get(f.locationId) ?? 0;
          for (const part of f.lines) {
            const productId = productOfLine(part.lineId);
            if (productId !== undefined) events.push(day, this.indexOf(productId), loc, SALE, -part.quantity);
          }
        }
        for (const r of order.refunds) {
          if (!r.restock) continue;
          const day = dayOf(r.at);
          const loc = this.locIndex.get(r.locationId ?? order.locationId) ?? 0;
          for (const part of r.lines) {
            const productId = productOfLine(part.lineId);
            if (productId !== undefined) events.push(day, this.indexOf(productId), loc, OTHER, part.quantity);
          }
        }
      }
    }
    this.seeded = events;
    return events;
  }

  report(query: SellThroughQuery, titleOf: (productId: string) => { title: string; categoryId: string } | undefined): SellThroughReport {
    const seeded = this.seededEvents();
    const written = new Events();
    for (const m of this.source.written()) {
      if (m.quantity === 0) continue;
      const productId = this.source.productOf(m.variantId);
      if (productId === undefined) continue;
      written.push(dayOf(m.at), this.indexOf(productId), this.locIndex.get(m.locationId) ?? 0, kindOf(m.reason), m.quantity);
    }
    const width = LOCATIONS.length;
    const size = this.products.length * width;
    const start = new Int32Array(size);
    const received = new Int32Array(size);
    const sold = new Int32Array(size);
    const first = dayNumber(query.from);
    const last = dayNumber(query.to);
    for (const e of [seeded, written]) {
      for (let i = 0; i < e.length; i++) {
        const d = e.day[i]!;
        if (d > last) continue;
        const at = e.product[i]! * width + e.loc[i]!;
        if (d < first) start[at]! += e.units[i]!;
        else if (e.kind[i] === RECEIVED) received[at]! += e.units[i]!;
        else if (e.kind[i] === SALE) sold[at]! -= e.units[i]!;
      }
    }

    const wantedLoc = query.locationId === undefined ? -1 : (this.locIndex.get(query.locationId) ?? -2);
    const rows: SellThroughRow[] = [];
    const totals = { startOnHand: 0, received: 0, sold: 0 };
    for (let p = 0; p < this.products.length; p++) {
      const productId = this.products[p]!;
      const product = titleOf(productId);
      if (!product || (query.categoryId !== undefined && product.categoryId !== query.categoryId)) continue;
      for (let loc = 0; loc < width; loc++) {
        if (wantedLoc !== -1 && loc !== wantedLoc) continue;
        const at = p * width + loc;
        if (start[at] === 0 && received[at] === 0 && sold[at] === 0) continue;
        const row = {
          productId,
          title: product.title,
          locationId: LOCATIONS[loc]!.id,
          startOnHand: start[at]!,
          received: received[at]!,
          sold: sold[at]!,
        };
        rows.push({ ...row, rate: sellThroughRate(row) });
        totals.startOnHand += row.startOnHand;
        totals.received += row.received;
        totals.sold += row.sold;
      }
    }
    const descending = query.sort.startsWith('-');
    const key = (descending ? query.sort.slice(1) : query.sort) as 'rate' | 'sold' | 'received' | 'title';
    rows.sort((a, b) => {
      if (key === 'rate' && (a.rate === null) !== (b.rate === null)) return a.rate === null ? 1 : -1;
      const order = key === 'title' ? compareText(a.title.toLowerCase(), b.title.toLowerCase()) : (a[key] ?? 0) - (b[key] ?? 0);
      return (descending ? -order : order) || compareText(a.productId, b.productId) || compareText(a.locationId, b.locationId);
    });
    return {
      items: rows.slice(query.offset, query.offset + query.limit),
      total: rows.length,
      totals: { ...totals, rate: sellThroughRate(totals) },
    };
  }
}
