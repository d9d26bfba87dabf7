/**
 * The catalogue as the mock's reads see it: one entry per product, the
 * uniqueness indexes (handle, SKU, barcode, variant), running counts per
 * category and tag, one sorted order per sort key and the search text. Kept up
 * to date by the store's write path (`MockDb.applyRecords`), so a list request
 * costs what its page costs, not what the shop costs.
 */
import type { Category, Product, ProductListQuery, ProductSortKey, ProductSummary, Variant } from '../src/contract/schemas';
import { CATEGORIES } from '../src/demo-shop/catalogue';
import type { ProductRecord } from '../src/demo-shop/shop-records';
import { productSummary, productTotals } from '../src/domain/product-rules';
import { compareText, SortedIndex, type Compare } from './sorted-index';

/**
 * A product as the indexes see it: the sort keys up front, the rest built on
 * first use, because at 50,000 products every eager field costs start-up time
 * and memory while a request only ever shows a page of summaries.
 */
export type Entry = {
  record: ProductRecord;
  /** The change that last wrote this product (0 = the seed), so late or repeated messages from other tabs are ignored. */
  seq: number;
  titleKey: string;
  // Filter fields live here, not only on the product, so a scan reads one object per product:
  // at 50,000 products, pointer hops through the record cost more than the tests themselves.
  status: string;
  categoryId: string;
  tags: readonly string[];
  priceMin: number;
  priceMax: number;
  stock: number;
  updatedMs: number;
  summary: ProductSummary | null;
  /** Lowercase title and SKUs, separated by a character no query contains; built by the first text search. */
  search: string | null;
  /** Barcodes, each preceded by the separator, so a prefix test is one `includes`. */
  barcodes: string | null;
};

const SEP = '\u0001';

function summaryOf(entry: Entry): ProductSummary {
  entry.summary ??= summarize(entry.record);
  return entry.summary;
}

function searchTextOf(entry: Entry): string {
  entry.search ??= [entry.titleKey, ...entry.record.product.variants.map((v) => v.sku.toLowerCase())].join(SEP);
  return entry.search;
}

function barcodeTextOf(entry: Entry): string {
  entry.barcodes ??= entry.record.product.variants.map((v) => (v.barcode ? SEP + v.barcode : '')).join('');
  return entry.barcodes;
}

/** Lowest and highest variant price and stock over all variants: what lists show and sort by. */
function summarize(record: ProductRecord): ProductSummary {
  return productSummary(record.product);
}

export function makeEntry(record: ProductRecord, seq: number): Entry {
  const p = record.product;
  const { priceMin, priceMax, stock } = productTotals(p);
  return {
    record,
    seq,
    titleKey: p.title.toLowerCase(),
    status: p.status,
    categoryId: p.categoryId,
    tags: p.tags,
    priceMin,
    priceMax,
    stock,
    updatedMs: Date.parse(p.updatedAt),
    summary: null,
    search: null,
    barcodes: null,
  };
}

const byId = (a: Entry, b: Entry) => compareText(a.record.product.id, b.record.product.id);
const numeric =
  (key: (e: Entry) => number): Compare<Entry> =>
  (a, b) =>
    key(a) - key(b) || byId(a, b);
/** Ties are broken by id, in the sort's direction. */
const COMPARES: Record<ProductSortKey, Compare<Entry>> = {
  title: (a, b) => compareText(a.titleKey, b.titleKey) || byId(a, b),
  variantCount: numeric((e) => e.record.product.variants.length),
  price: numeric((e) => e.priceMin),
  stock: numeric((e) => e.stock),
  updatedAt: numeric((e) => e.updatedMs),
};

type UniqueIndexes = {
  byHandle: Map<string, string>;
  bySku: Map<string, string>;
  byBarcode: Map<string, string>;
  byVariant: Map<string, string>;
};

function indexUnique(unique: UniqueIndexes, p: Product): void {
  unique.byHandle.set(p.handle.toLowerCase(), p.id);
  for (const v of p.variants) {
    unique.byVariant.set(v.id, p.id);
    unique.bySku.set(v.sku.toUpperCase(), p.id);
    if (v.barcode) unique.byBarcode.set(v.barcode, p.id);
  }
}

function unindexUnique(unique: UniqueIndexes, p: Product): void {
  // Only drop keys that still point here: another product may have taken them since.
  if (unique.byHandle.get(p.handle.toLowerCase()) === p.id) unique.byHandle.delete(p.handle.toLowerCase());
  for (const v of p.variants) {
    if (unique.byVariant.get(v.id) === p.id) unique.byVariant.delete(v.id);
    if (unique.bySku.get(v.sku.toUpperCase()) === p.id) unique.bySku.delete(v.sku.toUpperCase());
    if (v.barcode && unique.byBarcode.get(v.barcode) === p.id) unique.byBarcode.delete(v.barcode);
  }
}

export class CatalogueIndex {
  private entries = new Map<string, Entry>();
  /**
   * Uniqueness indexes (handle, SKU upper-cased, barcode → product id). Only
   * writes need them, so they are built on first use or in idle time: three
   * maps of 100,000+ keys would otherwise be a third of a 50,000-product start-up.
   */
  private unique: UniqueIndexes | null = null;
  private categoryCounts = new Map<string, number>();
  private tagCounts = new Map<string, number>();
  private sorted = new SortedIndex<Entry, ProductSortKey>(COMPARES, () => this.entries.values());
  /** Whether every entry's search text exists (new entries build theirs on first search). */
  private searchReady = false;

  /** Empties every index (the shop is about to be seeded again). */
  clear(): void {
    this.entries.clear();
    this.unique = null;
    this.categoryCounts.clear();
    this.tagCounts.clear();
    this.sorted.clear();
    this.searchReady = false;
  }

  get size(): number {
    return this.entries.size;
  }

  get(id: string): Entry | undefined {
    return this.entries.get(id);
  }

  getProduct(id: string): Product | undefined {
    return this.entries.get(id)?.record.product;
  }

  getRecord(id: string): ProductRecord | undefined {
    return this.entries.get(id)?.record;
  }

  /** Every product in id order; for indexes, tests and tooling, never for a request. */
  *records(): IterableIterator<ProductRecord> {
    for (const entry of this.entries.values()) yield entry.record;
  }

  add(entry: Entry): void {
    const p = entry.record.product;
    this.entries.set(p.id, entry);
    if (this.unique) indexUnique(this.unique, p);
    bump(this.categoryCounts, p.categoryId, 1);
    forEachDistinct(p.tags, (tag) => bump(this.tagCounts, tag, 1));
  }

  remove(entry: Entry): void {
    const p = entry.record.product;
    this.entries.delete(p.id);
    if (this.unique) unindexUnique(this.unique, p);
    bump(this.categoryCounts, p.categoryId, -1);
    forEachDistinct(p.tags, (tag) => bump(this.tagCounts, tag, -1));
  }

  /** Entries replaced or added by a change: `removed` leave every built sort order, `added` join it in place. */
  resort(removed: readonly Entry[], added: readonly Entry[]): void {
    this.sorted.update(removed, added);
  }

  private uniqueIndexes(): UniqueIndexes {
    if (!this.unique) {
      const unique: UniqueIndexes = { byHandle: new Map(), bySku: new Map(), byBarcode: new Map(), byVariant: new Map() };
      for (const entry of this.entries.values()) indexUnique(unique, entry.record.product);
      this.unique = unique;
    }
    return this.unique;
  }

  productIdByHandle(handle: string): string | undefined {
    return this.uniqueIndexes().byHandle.get(handle.toLowerCase());
  }

  /** The variant using a SKU (compared case-insensitively) or barcode, with its product. */
  ownerOfSku(sku: string): { product: Product; variant: Variant } | undefined {
    const key = sku.trim().toUpperCase();
    return this.owner(this.uniqueIndexes().bySku.get(key), (v) => v.sku.toUpperCase() === key);
  }

  ownerOfBarcode(barcode: string): { product: Product; variant: Variant } | undefined {
    return this.owner(this.uniqueIndexes().byBarcode.get(barcode), (v) => v.barcode === barcode);
  }

  private owner(productId: string | undefined, match: (v: Variant) => boolean) {
    const product = productId === undefined ? undefined : this.getProduct(productId);
    const variant = product?.variants.find(match);
    return product && variant ? { product, variant } : undefined;
  }

  /** The product a variant belongs to, with the variant's place in it. */
  variantOwner(variantId: string): { record: ProductRecord; index: number } | undefined {
    const productId = this.uniqueIndexes().byVariant.get(variantId);
    const record = productId === undefined ? undefined : this.getRecord(productId);
    const index = record?.product.variants.findIndex((v) => v.id === variantId) ?? -1;
    return record && index >= 0 ? { record, index } : undefined;
  }

  listProducts(query: ProductListQuery): { items: ProductSummary[]; total: number } {
    return this.sorted.page(query.sort, query.offset, query.limit, this.matcher(query), summaryOf);
  }

  /** One predicate with every test inlined; null when nothing filters. */
  private matcher(query: ProductListQuery): ((e: Entry) => boolean) | null {
    const { status, categoryId, tag, priceMin, priceMax, q } = query;
    if (!status && categoryId === undefined && tag === undefined && priceMin === undefined && priceMax === undefined && q === undefined) {
      return null;
    }
    const statuses: readonly string[] | null = status ?? null;
    const hasPrice = priceMin !== undefined || priceMax !== undefined;
    const min = priceMin ?? 0;
    const max = priceMax ?? Infinity;
    const text = q?.toLowerCase();
    const digits = q !== undefined && /^\d+$/.test(q) ? SEP + q : null;
    return (e) =>
      (statuses === null || statuses.includes(e.status)) &&
      (categoryId === undefined || e.categoryId === categoryId) &&
      (tag === undefined || e.tags.includes(tag)) &&
      (!hasPrice ||
        (e.priceMax >= min &&
          e.priceMin <= max &&
          // Only when the range falls between variant prices do the variants themselves need a look.
          ((e.priceMin >= min && e.priceMin <= max) ||
            (e.priceMax >= min && e.priceMax <= max) ||
            e.record.product.variants.some((v) => v.price >= min && v.price <= max)))) &&
      (text === undefined || searchTextOf(e).includes(text) || (digits !== null && barcodeTextOf(e).includes(digits)));
  }

  categories(): Category[] {
    return CATEGORIES.map((c) => ({ id: c.id, name: c.name, productCount: this.categoryCounts.get(c.id) ?? 0 }));
  }

  categoryExists(id: string): boolean {
    return CATEGORIES.some((c) => c.id === id);
  }

  tags(): { tag: string; productCount: number }[] {
    return [...this.tagCounts]
      .filter(([, count]) => count > 0)
      .map(([tag, productCount]) => ({ tag, productCount }))
      .sort((a, b) => b.productCount - a.productCount || (a.tag < b.tag ? -1 : a.tag > b.tag ? 1 : 0));
  }

  /**
   * Builds one missing sort order, then the uniqueness indexes, then the search text; false once all is
   * ready (the store's warm-up goes on with inventory, orders and reports).
   */
  warmUpStep(): boolean {
    if (this.sorted.buildNext()) return true;
    if (!this.unique) {
      this.uniqueIndexes();
      return true;
    }
    if (!this.searchReady) {
      for (const entry of this.entries.values()) {
        searchTextOf(entry);
        barcodeTextOf(entry);
      }
      this.searchReady = true;
      return true;
    }
    return false;
  }
}

/** A tag listed twice counts once; no Set per product, because the seed calls this 50,000 times. */
function forEachDistinct(values: readonly string[], fn: (value: string) => void): void {
  values.forEach((value, i) => {
    if (values.indexOf(value) === i) fn(value);
  });
}

function bump(counts: Map<string, number>, key: string, by: number): void {
  counts.set(key, (counts.get(key) ?? 0) + by);
}
