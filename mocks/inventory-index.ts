/**
 * The inventory list's index: one entry per variant and location (some 340,000 at
 * 50,000 products), built on the first inventory request rather than at
 * start-up, with sort orders kept up to date by writes. A request filters one
 * flat array of small objects and pages an order that is already sorted.
 */
import { DEFAULT_SAFETY_DAYS, LOW_COVER_DAYS, type InventorySortKey, type StockState } from '../src/contract/constants';
import type { InventoryListQuery, InventoryLevel } from '../src/contract/stock-schemas';
import { available, daysOfCover, stockState } from '../src/domain/stock-rules';
import { LOCATIONS, locationIndex as indexOfLocation } from '../src/demo-shop/catalogue';
import type { Product } from '../src/contract/schemas';
import type { LevelState, ProductRecord } from '../src/demo-shop/shop-records';
import { Backlog } from './backlog';
import { compareText, SortedIndex, type Compare } from './sorted-index';

/**
 * What a level is sorted and filtered by (its numbers, variant, location, category and status are read from `record`,
 * which every write replaces: some 340,000 entries, so each field left out is a few hundred kB).
 */
type LevelEntry = {
  record: ProductRecord;
  variantIndex: number;
  locationIndex: number;
  /** Lowercase SKU and title, to sort by and for the text search (one copy per variant and product). */
  skuKey: string;
  titleKey: string;
  sold28: number;
  cover: number | null;
  /** NOTHING_INCOMING for most levels: one object, not one each. */
  incoming: Incoming;
  view: InventoryLevel | null;
};

/** The level an entry is of, as its record holds it (a write replaces the record, and the entry with it). */
const levelOf = (e: LevelEntry): LevelState => e.record.levels[e.variantIndex]![e.locationIndex]!;
const stateOf = (e: LevelEntry): StockState => {
  const level = levelOf(e);
  return stockState(available(level), level.threshold);
};
const atOrUnderThreshold = (e: LevelEntry): boolean => {
  const level = levelOf(e);
  return available(level) <= level.threshold;
};

const variantIdOf = (e: LevelEntry) => e.record.product.variants[e.variantIndex]!.id;
const locationIdOf = (e: LevelEntry) => LOCATIONS[e.locationIndex]!.id;
const tie = (a: LevelEntry, b: LevelEntry) => compareText(a.skuKey, b.skuKey) || a.locationIndex - b.locationIndex;
const numeric =
  (key: (e: LevelEntry) => number): Compare<LevelEntry> =>
  (a, b) =>
    key(a) - key(b) || tie(a, b);
/** Nothing sold means no end to the cover: it sorts after every number. */
const coverKey = (e: LevelEntry) => e.cover ?? Number.POSITIVE_INFINITY;
const COMPARES: Record<InventorySortKey, Compare<LevelEntry>> = {
  sku: tie,
  title: (a, b) => compareText(a.titleKey, b.titleKey) || tie(a, b),
  location: (a, b) => a.locationIndex - b.locationIndex || tie(a, b),
  onHand: numeric((e) => levelOf(e).onHand),
  reserved: numeric((e) => levelOf(e).reserved),
  available: numeric((e) => available(levelOf(e))),
  threshold: numeric((e) => levelOf(e).threshold),
  daysOfCover: (a, b) => {
    const x = coverKey(a);
    const y = coverKey(b);
    return x < y ? -1 : x > y ? 1 : tie(a, b);
  },
};

/** Units on their way to a level: on purchase orders sent, and in transfers in transit. */
export type Incoming = { onOrder: number; inTransit: number };
export const NOTHING_INCOMING: Incoming = Object.freeze({ onOrder: 0, inTransit: 0 });

/** A level as the API shows it. */
export function describeLevel(
  product: Product,
  variantIndex: number,
  locationIndex: number,
  level: LevelState,
  sold28: number,
  incoming: Incoming = NOTHING_INCOMING,
): InventoryLevel {
  const v = product.variants[variantIndex]!;
  const free = available(level);
  return {
    variantId: v.id,
    productId: product.id,
    locationId: LOCATIONS[locationIndex]!.id,
    sku: v.sku,
    title: product.title,
    variantTitle: v.optionValues.join(' / '),
    categoryId: product.categoryId,
    onHand: level.onHand,
    reserved: level.reserved,
    available: free,
    threshold: level.threshold,
    state: stockState(free, level.threshold),
    onOrder: incoming.onOrder,
    inTransit: incoming.inTransit,
    reorderPoint: level.reorderPoint ?? null,
    reorderQuantity: level.reorderQuantity ?? null,
    safetyDays: level.safetyDays ?? DEFAULT_SAFETY_DAYS,
    sold28,
    daysOfCover: daysOfCover(free + incoming.onOrder + incoming.inTransit, sold28),
    version: level.version,
  };
}

function toLevel(e: LevelEntry): InventoryLevel {
  e.view ??= describeLevel(
    e.record.product,
    e.variantIndex,
    e.locationIndex,
    e.record.levels[e.variantIndex]![e.locationIndex]!,
    e.sold28,
    e.incoming,
  );
  return e.view;
}

export class InventoryIndex {
  private entries: LevelEntry[] = [];
  private byProduct = new Map<string, LevelEntry[]>();
  /** The entries listed with units coming: with the map of what is coming now, all that may be out of date. */
  private coming = new Set<LevelEntry>();
  private sorted = new SortedIndex<LevelEntry, InventorySortKey>(COMPARES, () => this.entries);

  /** The products whose entries are not made yet (idle warm-up makes them a slice at a time, anything else at once). */
  private readonly pending: Backlog<ProductRecord>;

  constructor(
    records: Iterable<ProductRecord>,
    /** Units sold over the sales window at one level. */
    private readonly soldAt: (variantId: string, locationIndex: number) => number,
    /** Units on order and in transit to one level. */
    private readonly incomingAt: (variantId: string, locationId: string) => Incoming,
  ) {
    // As they are now: a product created while the entries are made gets its entries from the write that made it.
    this.pending = new Backlog([...records]);
  }

  /** Makes the entries of up to `count` more products; false once every product's are made. */
  buildSome(count: number): boolean {
    return this.pending.take(count, (record) => {
      const made = this.entriesOf(record);
      this.byProduct.set(record.product.id, made);
      for (const e of made) {
        this.entries.push(e);
        if (e.incoming.onOrder || e.incoming.inTransit) this.coming.add(e);
      }
    });
  }

  /** Every entry made: before any read or change (the products' order may change under a write). */
  private ready(): void {
    while (this.buildSome(10_000));
  }

  private entriesOf(record: ProductRecord): LevelEntry[] {
    const p = record.product;
    const titleKey = p.title.toLowerCase();
    const made: LevelEntry[] = [];
    p.variants.forEach((v, variantIndex) => {
      const skuKey = v.sku.toLowerCase();
      record.levels[variantIndex]?.forEach((level, locationIndex) => {
        const free = available(level);
        const sold28 = this.soldAt(v.id, locationIndex);
        const incoming = this.incomingAt(v.id, LOCATIONS[locationIndex]!.id);
        made.push({
          record,
          variantIndex,
          locationIndex,
          skuKey,
          titleKey,
          sold28,
          cover: daysOfCover(free + incoming.onOrder + incoming.inTransit, sold28),
          incoming,
          view: null,
        });
      });
    });
    return made;
  }

  /**
   * What is coming to each level is now `incoming` (variantId@locationId → units): every entry listed
   * with other numbers is made again. The entries that had units coming and the levels that have
   * them now are all that can differ, whatever happened in between (here or in another tab).
   */
  syncIncoming(incoming: ReadonlyMap<string, Incoming>, productOf: (variantId: string) => string | undefined): void {
    this.ready();
    const products = new Set<string>();
    const differs = (e: LevelEntry, now: Incoming | undefined) =>
      e.incoming.onOrder !== (now?.onOrder ?? 0) || e.incoming.inTransit !== (now?.inTransit ?? 0);
    for (const e of this.coming) if (differs(e, incoming.get(`${variantIdOf(e)}@${locationIdOf(e)}`))) products.add(e.record.product.id);
    for (const [key, now] of incoming) {
      const variantId = key.slice(0, key.indexOf('@'));
      const productId = productOf(variantId);
      const e =
        productId === undefined ? undefined : this.byProduct.get(productId)?.find((x) => `${variantIdOf(x)}@${locationIdOf(x)}` === key);
      if (e && differs(e, now)) products.add(e.record.product.id);
    }
    this.refresh(products);
  }

  /** What is coming to these products' levels changed (a purchase order sent, a transfer shipped): their entries are made again. */
  refresh(productIds: Iterable<string>): void {
    this.ready();
    const old: LevelEntry[] = [];
    const made: LevelEntry[] = [];
    for (const id of productIds) {
      const current = this.byProduct.get(id);
      const record = current?.[0]?.record;
      if (!current || !record) continue;
      old.push(...current);
      const entries = this.entriesOf(record);
      this.byProduct.set(id, entries);
      made.push(...entries);
    }
    if (made.length === 0) return;
    this.swap(old, made);
  }

  /** Old entries out, new ones in: the flat list, the sort orders and the set of those with units coming. */
  private swap(old: LevelEntry[], made: LevelEntry[]): void {
    const gone = new Set(old);
    this.entries = this.entries.filter((e) => !gone.has(e)).concat(made);
    this.sorted.update(old, made);
    for (const e of old) this.coming.delete(e);
    for (const e of made) if (e.incoming.onOrder || e.incoming.inTransit) this.coming.add(e);
  }

  /** Products were written: their levels replace the old ones, in one pass however many there are (a price batch writes thousands). */
  replace(records: readonly ProductRecord[]): void {
    this.ready();
    if (records.length === 0) return;
    const old: LevelEntry[] = [];
    const made: LevelEntry[] = [];
    for (const record of records) {
      const current = this.byProduct.get(record.product.id);
      if (current && sameLevels(current[0]?.record, record)) {
        // A price change: nothing any order sorts or filters by moved, so the entries just see the new record.
        for (const e of current) {
          e.record = record;
          e.view = null;
        }
        continue;
      }
      old.push(...(current ?? []));
      const entries = this.entriesOf(record);
      this.byProduct.set(record.product.id, entries);
      made.push(...entries);
    }
    if (made.length === 0 && old.length === 0) return;
    this.swap(old, made);
  }

  level(variantId: string, productId: string, locationId: string): InventoryLevel | undefined {
    this.ready();
    const e = this.byProduct.get(productId)?.find((x) => variantIdOf(x) === variantId && locationIdOf(x) === locationId);
    return e && toLevel(e);
  }

  /** Entries a slice at a time, then one missing sort order per step; false once all is ready. */
  warmUpStep(): boolean {
    return this.buildSome(5_000) || this.sorted.buildNext();
  }

  list(query: InventoryListQuery): { items: InventoryLevel[]; total: number } {
    this.ready();
    return this.sorted.page(query.sort, query.offset, query.limit, matcher(query), toLevel);
  }
}

/** Whether a write left everything a level entry sorts or filters by as it was (its view is made again from the record). */
function sameLevels(before: ProductRecord | undefined, after: ProductRecord): boolean {
  if (!before) return false;
  const [a, b] = [before.product, after.product];
  return (
    before.levels === after.levels &&
    a.title === b.title &&
    a.categoryId === b.categoryId &&
    a.status === b.status &&
    a.variants.length === b.variants.length &&
    a.variants.every((v, i) => v.id === b.variants[i]!.id && v.sku === b.variants[i]!.sku)
  );
}

function matcher(query: InventoryListQuery): ((e: LevelEntry) => boolean) | null {
  const { q, locationId, categoryId, state, low, variantId } = query;
  if (q === undefined && locationId === undefined && categoryId === undefined && !state && !low && variantId === undefined) return null;
  const text = q?.toLowerCase();
  const states: readonly string[] | null = state ?? null;
  // An unknown location matches no level (-1 is no index).
  const location = locationId === undefined ? null : (indexOfLocation(locationId) ?? -1);
  // An archived product is never "running low": nobody restocks it.
  return (e) =>
    (location === null || e.locationIndex === location) &&
    (variantId === undefined || variantIdOf(e) === variantId) &&
    (categoryId === undefined || e.record.product.categoryId === categoryId) &&
    (states === null || states.includes(stateOf(e))) &&
    (!low || (e.record.product.status !== 'archived' && (atOrUnderThreshold(e) || (e.cover !== null && e.cover < LOW_COVER_DAYS)))) &&
    (text === undefined || e.skuKey.includes(text) || e.titleKey.includes(text));
}
