/**
 * The mock's in-memory database. Reads use indexes kept up to date on every
 * write, so a request costs what its answer costs, not what the shop costs
 * (handlers run on the page's main thread). Writes all go through `write`,
 * the single place that serialises, checks versions and idempotency keys,
 * applies, persists and tells other tabs.
 */
import {
  type Category,
  type Product,
  type ProductListQuery,
  type ProductSortKey,
  type ProductSummary,
  type Variant,
} from '../src/contract/schemas';
import { systemClock, type Clock } from '../src/domain/clock';
import { can, refusal, type Action, type Role } from '../src/contract/permissions';
import type { AuditEntry, Staff } from '../src/contract/schemas';
import type { InventoryLevel, InventoryListQuery, LedgerQuery, StockMovement } from '../src/contract/stock-schemas';
import type { Order, OrderListQuery, OrderSummary } from '../src/contract/order-schemas';
import type { BreakdownQuery, SalesBreakdown, SalesReport, SalesReportQuery } from '../src/contract/report-schemas';
import { productAudit, staffAudit, type AuditDraft } from '../src/domain/audit-rules';
import {
  ADDRESS_FREE_FAILURES,
  admitAttempt,
  afterFailure,
  FREE_FAILURES,
  signInFailed,
  tooManyAttempts,
  unauthenticated,
} from '../src/domain/auth-rules';
import {
  hashPassword,
  memoryAuthStorage,
  newToken,
  publicStaff,
  sameHash,
  seededAuthState,
  SESSION_TTL_MS,
  type AuthState,
  type AuthStorage,
  type StaffRecord,
} from './auth';
import { CATEGORIES, LOCATIONS } from '../src/demo-shop/catalogue';
import { idempotencyKeyReused } from '../src/contract/problems';
import { productChanged, productNotFound, productSummary, productTotals, variantTitle } from '../src/domain/product-rules';
import { versionRequired } from '../src/contract/protocol';
import { ProblemError } from './problems';
import { type LevelState, type MovementRecord, type ProductRecord } from '../src/demo-shop/shop-records';
import { patchedRecord, type ChangeSet, type IdempotencyRecord, type PricePatch } from './records';
import type { PriceBatch } from '../src/contract/pricing-schemas';
import { emptyPricingChanges, hasPricingChanges, priceHistoryOf, PricingState, type PricingChanges } from './pricing-state';
import { describeLevel, InventoryIndex } from './inventory-index';
import { OrderIndex } from './order-index';
import { ReportIndex } from './report-index';
import { seededShop } from '../src/demo-shop/seeded-shop';
import { anchorAt } from '../src/demo-shop/seed';
import { seededMovements, seededSlot, type StockSeed } from '../src/demo-shop/stock-seed';
import { compareText, SortedIndex, type Compare } from './sorted-index';
import { DEFAULT_SETTINGS, type MockSettings } from './settings';

/** Keeps writes durable and shared; the browser implementation uses IndexedDB, locks and BroadcastChannel. */
export interface MockSync {
  /** Runs `work` alone among all tabs of this shop, after catching up with writes made elsewhere. */
  exclusive<T>(work: () => Promise<T>): Promise<T>;
  /** Makes a committed change durable and visible to other tabs. */
  committed(changes: ChangeSet): Promise<void>;
  /** The shop went back to its seed: drop durable changes and tell other tabs. */
  reset(): Promise<void>;
  /** Settings changed here (the store is already re-seeded if the shop changed). */
  settingsChanged(settings: MockSettings, reseeded: boolean): Promise<void>;
}

/** In-process only: serialises writes within one JS realm (node tests, or a browser without sync). */
export function localSync(): MockSync {
  let tail: Promise<unknown> = Promise.resolve();
  return {
    exclusive<T>(work: () => Promise<T>): Promise<T> {
      const run = tail.then(work, work);
      tail = run.catch(() => undefined);
      return run;
    },
    committed: async () => {},
    reset: async () => {},
    settingsChanged: async () => {},
  };
}

/** The signed-in person a request acts for. */
export type Actor = { id: string; name: string; role: Role };

/**
 * Who is writing, what they may need and what they claim. The role is checked
 * here (403) and the audit entries are recorded here, so no route can skip either.
 */
export type WriteContext = {
  actor: Actor;
  /** What the write needs the actor to be allowed to do. */
  permission: Action;
  /** The audit log's verb for this write, e.g. "updated", "status changed". */
  action: string;
  /** The resource the request updates and the version it last read (If-Match); null when the header was missing. */
  expect?: { productId: string; version: number | null };
  idempotency?: { key: string; fingerprint: string };
  /** Price history: the batch this write belongs to, and when its prices took effect (a schedule's start) when not now. */
  pricing?: { batch: { id: string; label: string } | null; at?: string };
};

export type WriteOutcome<T> = { result: T; replayed: boolean };

/** What a write function sees: current records (including its own staged puts) and a way to stage changes. */
export type WriteTx = {
  /** ISO time of this write, the same for every record it touches. */
  readonly now: string;
  get(productId: string): ProductRecord | undefined;
  put(record: ProductRecord): void;
  /** New prices for some of a product's variants; saved as a patch, not as the whole record (see PricePatch). */
  setPrices(patch: Omit<PricePatch, 'at'>): void;
  newProductId(): string;
  newVariantId(): string;
  getStaff(id: string): StaffRecord | undefined;
  allStaff(): readonly StaffRecord[];
  putStaff(record: StaffRecord): void;
  getPriceBatch(id: string): PriceBatch | undefined;
  /** Stages a price batch; `items` only when it is made. */
  putPriceBatch(batch: PriceBatch, items?: PricingChanges['items'][number]['items']): void;
  /** One audit entry for the whole write instead of one per product: a batch of 10,000 variants is one decision. */
  auditAs(draft: AuditDraft): void;
  getOrder(id: string): Order | undefined;
  putOrder(order: Order): void;
  /** Appends a ledger row; the level it moves must be put in the same write. */
  move(movement: Omit<MovementRecord, 'id' | 'at' | 'actor'>): MovementRecord;
  /** An audit entry beyond the product and staff diffs the store records by itself (stock, for one). */
  audit(draft: AuditDraft): void;
};

/**
 * A product as the indexes see it: the sort keys up front, the rest built on
 * first use, because at 50,000 products every eager field costs start-up time
 * and memory while a request only ever shows a page of summaries.
 */
type Entry = {
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

/** The throttle's key for the mock's one client address (no email looks like it). */
const CLIENT_ADDRESS = 'address:this-client';

/** An Idempotency-Key belongs to the person who sent it: another person's same key is another request. Staff ids hold no ':'. */
const scopedKey = (actorId: string, key: string) => `${actorId}:${key}`;

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

function makeEntry(record: ProductRecord, seq: number): Entry {
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

export function variantLabel(product: Product, variant: Variant): string {
  return variantTitle(product.title, variant.optionValues);
}

export class MockDb {
  settings: MockSettings;
  sync: MockSync = localSync();
  /** The clock of writes and of "today"; tests may replace it. */
  now: Clock;
  /** The clock of sessions and sign-in throttling: apart from `now`, so a test that dates its writes is not signed out by it. */
  sessionNow: Clock;
  /** When this shop was made: its orders end here. Kept across reloads; `reset` makes the shop again at now. */
  anchorMs: number;
  /** Highest change number applied here, from this tab or another. */
  seq = 0;

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
  private idempotency = new Map<string, IdempotencyRecord>();
  /** What the seeded orders did to stock; the seeded ledger rows are worked out from it when read. */
  private stockSeed: StockSeed | null = null;
  /** The inventory list's index, built by the first inventory request. */
  private inventory: InventoryIndex | null = null;
  /** Ledger rows written since the seed, by variant, in the order they were written. */
  private movements = new Map<string, MovementRecord[]>();
  private movementIds = new Set<string>();
  /** Orders written since the seed, with the change that wrote them; the seeded ones stay in stockSeed.orders. */
  private changedOrders = new Map<string, { seq: number; order: Order }>();
  /** The order list's index, built by the first order request. */
  private orderIndex: OrderIndex | null = null;
  /** Sales per store day, built by the first report request. */
  private reportIndex: ReportIndex | null = null;
  /** Whether every entry's search text exists (new entries build theirs on first search). */
  private searchReady = false;
  /** Staff, sessions, throttling and the audit log: small, so one document persisted whole. */
  auth: AuthState = seededAuthState();
  authStorage: AuthStorage = memoryAuthStorage();
  private authRevision: string | null = null;
  /** Price batches, their items and every variant's price history. */
  pricing = new PricingState();

  constructor(settings: Partial<MockSettings> = {}, options: { clock?: Clock; anchorMs?: number } = {}) {
    this.settings = { ...DEFAULT_SETTINGS, ...settings };
    this.now = options.clock ?? systemClock;
    this.sessionNow = this.now;
    this.anchorMs = options.anchorMs ?? anchorAt(this.now());
    this.reseed();
  }

  /**
   * Throws away every change and rebuilds the deterministic shop of the current
   * settings, made at `anchorMs` (the shop's own instant unless given).
   */
  reseed(shop: Partial<Pick<MockSettings, 'products' | 'seed' | 'orders'> & { anchorMs: number }> = {}): void {
    const { anchorMs = this.anchorMs, ...settings } = shop;
    this.settings = { ...this.settings, ...settings };
    this.anchorMs = anchorMs;
    this.entries.clear();
    this.unique = null;
    this.categoryCounts.clear();
    this.tagCounts.clear();
    this.sorted.clear();
    this.idempotency.clear();
    this.inventory = null;
    this.movements.clear();
    this.movementIds.clear();
    this.changedOrders.clear();
    this.orderIndex = null;
    this.reportIndex = null;
    this.searchReady = false;
    this.seq = 0;
    this.pricing = new PricingState();
    // A fresh shop has its seeded staff and an empty log; whoever is signed in stays signed in.
    this.auth = { ...seededAuthState(), sessions: this.auth.sessions };
    const { records, stock } = seededShop({ ...this.settings, anchorMs: this.anchorMs });
    this.stockSeed = stock;
    for (const record of records) this.add(makeEntry(record, 0));
  }

  /**
   * The shop made again at another instant (a new store day, or another tab's reset). Staff and the
   * audit log are not the shop's: they stay as they are (persisted apart, see catchUpAuth).
   */
  reanchor(anchorMs: number): void {
    const auth = this.auth;
    this.reseed({ anchorMs });
    this.auth = auth;
  }

  /** The identity of the seeded shop; persisted changes belong to one shop only. */
  get shopKey(): string {
    return shopKeyOf(this.settings);
  }

  // ------------------------------------------------------------ reads

  get productCount(): number {
    return this.entries.size;
  }

  getProduct(id: string): Product | undefined {
    return this.entries.get(id)?.record.product;
  }

  getRecord(id: string): ProductRecord | undefined {
    return this.entries.get(id)?.record;
  }

  /** Every product in id order; for tests and tooling, never for a request. */
  *allRecords(): IterableIterator<ProductRecord> {
    for (const entry of this.entries.values()) yield entry.record;
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

  // ------------------------------------------------------------ orders

  /** Seeded orders are found by position: ord_0001001 is order #1001, the first. */
  getOrder(id: string): Order | undefined {
    const changed = this.changedOrders.get(id)?.order;
    if (changed) return changed;
    const seeded = this.stockSeed?.orders ?? [];
    const order = /^ord_\d+$/.test(id) ? seeded[Number(id.slice(4)) - 1001] : undefined;
    return order?.id === id ? order : undefined;
  }

  private orders(): OrderIndex {
    this.orderIndex ??= new OrderIndex(this.allOrders());
    return this.orderIndex;
  }

  /** Every order as it is now, in the order they were placed; for indexes and tests, never for a request. */
  *allOrders(): IterableIterator<Order> {
    for (const order of this.stockSeed?.orders ?? []) yield this.changedOrders.get(order.id)?.order ?? order;
  }

  listOrders(query: OrderListQuery): { items: OrderSummary[]; total: number } {
    return this.orders().list(query);
  }

  // ------------------------------------------------------------ reports

  private reports(): ReportIndex {
    this.reportIndex ??= new ReportIndex(
      this.allOrders(),
      {
        categoryOf: (productId) => this.getProduct(productId)?.categoryId ?? 'unknown',
        productTitle: (productId) => this.getProduct(productId)?.title,
        variant: (variantId) => {
          const owner = this.variantOwner(variantId);
          const v = owner?.record.product.variants[owner.index];
          return owner && v ? { title: variantLabel(owner.record.product, v), sku: v.sku } : undefined;
        },
        categoryName: (id) => CATEGORIES.find((c) => c.id === id)?.name ?? id,
      },
      (order) => order.number - 1001,
    );
    return this.reportIndex;
  }

  salesReport(query: SalesReportQuery): SalesReport {
    return this.reports().sales(query);
  }

  salesBreakdown(query: BreakdownQuery): SalesBreakdown {
    return this.reports().breakdown(query);
  }

  // ------------------------------------------------------------ stock

  private inventoryIndex(): InventoryIndex {
    this.inventory ??= new InventoryIndex(this.allRecords(), (variantId, loc) => this.soldAt(variantId, loc));
    return this.inventory;
  }

  listInventory(query: InventoryListQuery): { items: InventoryLevel[]; total: number } {
    return this.inventoryIndex().list(query);
  }

  /** The product a variant belongs to, with the variant's place in it. */
  variantOwner(variantId: string): { record: ProductRecord; index: number } | undefined {
    const productId = this.uniqueIndexes().byVariant.get(variantId);
    const record = productId === undefined ? undefined : this.getRecord(productId);
    const index = record?.product.variants.findIndex((v) => v.id === variantId) ?? -1;
    return record && index >= 0 ? { record, index } : undefined;
  }

  /** Units sold at a level over the sales window (seeded orders; nothing else sells yet). */
  private soldAt(variantId: string, loc: number): number {
    const seed = this.stockSeed;
    const slot = seed && seededSlot(variantId, seed.seededVariants);
    return seed && slot !== null ? (seed.sold[slot * LOCATIONS.length + loc] ?? 0) : 0;
  }

  levelView(product: Product, variantIndex: number, locationId: string, level: LevelState): InventoryLevel {
    const loc = LOCATIONS.findIndex((l) => l.id === locationId);
    return describeLevel(product, variantIndex, loc, level, this.soldAt(product.variants[variantIndex]!.id, loc));
  }

  level(variantId: string, locationId: string): InventoryLevel | undefined {
    const owner = this.variantOwner(variantId);
    return owner && this.inventoryIndex().level(variantId, owner.record.product.id, locationId);
  }

  /**
   * A variant's ledger: the seeded history and every row written since, in
   * time order, each with the on-hand balance it left at its location.
   */
  ledger(query: LedgerQuery): { items: StockMovement[]; total: number } {
    const owner = this.variantOwner(query.variantId);
    const written = this.movements.get(query.variantId) ?? [];
    if (!owner && written.length === 0) {
      throw new ProblemError({ status: 404, title: 'Variant not found', detail: `No variant has the id ${query.variantId}.` });
    }
    const sku = owner?.record.product.variants[owner.index]?.sku ?? written[0]?.sku ?? '';
    const seeded = this.stockSeed ? seededMovements(this.stockSeed, query.variantId, sku) : [];
    // Stable: rows of the same instant keep the order they were recorded in.
    const rows = [...seeded, ...written].sort((a, b) => compareText(a.at, b.at));
    const balance = new Map<string, number>();
    let items: StockMovement[] = [];
    for (const row of rows) {
      const onHandAfter = (balance.get(row.locationId) ?? 0) + row.quantity;
      balance.set(row.locationId, onHandAfter);
      if (query.locationId === undefined || row.locationId === query.locationId) items.push({ ...row, onHandAfter });
    }
    if (query.sort === '-at') items = items.reverse();
    return { items: items.slice(query.offset, query.offset + query.limit), total: items.length };
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
   * ready. The browser calls it in idle time after start-up, so the first
   * sort or search does not pay for preparing 50,000 products.
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
    // Inventory and orders last: products is the screen people open first.
    if (this.inventoryIndex().warmUpStep() || this.orders().warmUpStep()) return true;
    // A slice of orders per idle slot, so no step holds the page for long.
    return this.reports().buildSome(5_000);
  }

  // ------------------------------------------------------------ writes

  /**
   * The one write path: serialise (across tabs), check the idempotency key
   * and the version, run `fn` against staged copies, then apply all of it or
   * nothing, persist and notify. `fn` throws ProblemError to refuse.
   */
  write<T>(ctx: WriteContext, fn: (tx: WriteTx) => T): Promise<WriteOutcome<T>> {
    return this.sync.exclusive(async () => {
      this.catchUpAuth();
      if (!can(ctx.actor.role, ctx.permission)) {
        throw new ProblemError({ status: 403, title: 'Not allowed', detail: refusal(ctx.actor.role, ctx.permission) });
      }
      const idempotency = ctx.idempotency && { ...ctx.idempotency, key: scopedKey(ctx.actor.id, ctx.idempotency.key) };
      if (idempotency) {
        const prior = this.idempotency.get(idempotency.key);
        if (prior) {
          if (prior.fingerprint !== idempotency.fingerprint) throw idempotencyKeyReused();
          return { result: prior.result as T, replayed: true };
        }
      }
      if (ctx.expect) this.checkVersion(ctx.expect.productId, ctx.expect.version);

      const staged = new Map<string, ProductRecord>();
      /** Products only repriced in this write: they travel as patches. A `put` of one makes it whole again. */
      const patches = new Map<string, PricePatch>();
      const stagedStaff = new Map<string, StaffRecord>();
      const pricing = emptyPricingChanges();
      let auditDraft: AuditDraft | null = null;
      const stagedMoves: MovementRecord[] = [];
      const stagedOrders = new Map<string, Order>();
      const extraDrafts: AuditDraft[] = [];
      const now = new Date(this.now()).toISOString();
      const tx: WriteTx = {
        now,
        get: (id) => staged.get(id) ?? this.getRecord(id),
        put: (record) => {
          staged.set(record.product.id, record);
          patches.delete(record.product.id);
        },
        setPrices: ({ productId, variants }) => {
          const record = staged.get(productId) ?? this.getRecord(productId);
          if (!record) throw notFound(productId);
          const patch: PricePatch = { productId, at: now, variants };
          // A product already staged in this write (put, or patched once) is saved whole: one patch applies over the stored record only.
          if (staged.has(productId)) patches.delete(productId);
          else patches.set(productId, patch);
          staged.set(productId, patchedRecord(record, patch));
        },
        newProductId: () => `prod_${randomToken()}`,
        newVariantId: () => `var_${randomToken()}`,
        getStaff: (id) => stagedStaff.get(id) ?? this.auth.staff.find((s) => s.id === id),
        allStaff: () =>
          this.auth.staff
            .map((s) => stagedStaff.get(s.id) ?? s)
            .concat([...stagedStaff.values()].filter((s) => !this.auth.staff.some((t) => t.id === s.id))),
        putStaff: (record) => void stagedStaff.set(record.id, record),
        getPriceBatch: (id) => pricing.batches.find((b) => b.id === id) ?? this.pricing.batches.get(id),
        putPriceBatch: (batch, items) => {
          pricing.batches = [...pricing.batches.filter((b) => b.id !== batch.id), batch];
          if (items) pricing.items.push({ batchId: batch.id, items });
        },
        auditAs: (draft) => void (auditDraft = draft),
        move: (fields) => {
          const movement: MovementRecord = {
            ...fields,
            id: `mov_${randomToken()}`,
            at: now,
            actor: { id: ctx.actor.id, name: ctx.actor.name },
          };
          stagedMoves.push(movement);
          return movement;
        },
        audit: (draft) => void extraDrafts.push(draft),
        getOrder: (id) => stagedOrders.get(id) ?? this.getOrder(id),
        putOrder: (order) => void stagedOrders.set(order.id, order),
      };
      const result = fn(tx);

      const seq = this.seq + 1;
      let historyCount = 0;
      const historyContext = {
        at: ctx.pricing?.at ?? now,
        actor: { id: ctx.actor.id, name: ctx.actor.name },
        action: ctx.action,
        batch: ctx.pricing?.batch ?? null,
      };
      for (const r of staged.values()) {
        pricing.history.push(
          ...priceHistoryOf(this.getProduct(r.product.id), r.product, historyContext, () => `ph_${seq}_${historyCount++}`),
        );
      }

      // A batch's one entry stands for its products; stock and order entries are added as they are.
      const drafts: AuditDraft[] = auditDraft
        ? [auditDraft, ...extraDrafts]
        : [
            ...extraDrafts,
            ...[...staged.values()].flatMap((r) => productAudit(this.getProduct(r.product.id), r.product)),
            ...[...stagedStaff.values()].flatMap((r) => {
              const before = this.auth.staff.find((s) => s.id === r.id);
              return staffAudit(before && publicStaff(before), publicStaff(r));
            }),
          ];

      if (patches.size) pricing.prices = [...patches.values()];
      const changes: ChangeSet = {
        seq,
        products: [...staged.values()].filter((r) => !patches.has(r.product.id)),
        orders: [...stagedOrders.values()],
        movements: stagedMoves,
        idempotency: idempotency ? [{ ...idempotency, result }] : [],
        ...(hasPricingChanges(pricing) ? { pricing } : {}),
      };
      this.applyChanges(changes);
      if (stagedStaff.size || drafts.length) {
        for (const record of stagedStaff.values()) {
          const i = this.auth.staff.findIndex((s) => s.id === record.id);
          if (i >= 0) this.auth.staff[i] = record;
          else this.auth.staff.push(record);
        }
        for (const draft of drafts) this.auth.audit.push(this.auditEntry(ctx, now, draft));
        this.saveAuth();
      }
      await this.sync.committed(changes);
      return { result, replayed: false };
    });
  }

  private checkVersion(productId: string, version: number | null): void {
    const current = this.getProduct(productId);
    if (!current) throw productNotFound(productId);
    if (version === null) throw versionRequired();
    if (version !== current.version) throw productChanged(version, current);
  }

  /** Applies a change from this tab or another, in the order of changes; older news than what is here is ignored. */
  applyChanges(changes: ChangeSet): void {
    this.applyRecords(
      changes.seq,
      changes.products.map((record) => ({ seq: changes.seq, record })),
      changes.orders.map((order) => ({ seq: changes.seq, order })),
      changes.movements,
      changes.idempotency,
    );
    if (changes.pricing) this.applyPricing(changes.seq, changes.pricing);
  }

  /**
   * Price batches, history and the price patches of change `seq`. A patch
   * applies over the record as it stood before `seq`, so it is skipped when
   * the product's record is already newer (a whole record saved later includes it).
   */
  applyPricing(seq: number, changes: PricingChanges): void {
    const patched: { seq: number; record: ProductRecord }[] = [];
    for (const patch of changes.prices ?? []) {
      const entry = this.entries.get(patch.productId);
      if (entry && entry.seq < seq) patched.push({ seq, record: patchedRecord(entry.record, patch) });
    }
    if (patched.length) this.applyRecords(seq, patched, [], [], []);
    this.pricing.apply(seq, changes);
  }

  /** Applies stored records that may come from many changes (the persisted overlay); `seq` is the newest of them. */
  applyRecords(
    seq: number,
    products: readonly { seq: number; record: ProductRecord }[],
    orders: readonly { seq: number; order: Order }[],
    movements: readonly MovementRecord[],
    idempotency: readonly IdempotencyRecord[],
  ): void {
    const touched: Entry[] = [];
    const replaced: Entry[] = [];
    for (const { seq: recordSeq, record } of products) {
      const old = this.entries.get(record.product.id);
      if (old && old.seq >= recordSeq) continue;
      if (old) {
        this.remove(old);
        replaced.push(old);
      }
      const entry = makeEntry(record, recordSeq);
      this.add(entry);
      touched.push(entry);
    }
    this.inventory?.replace(touched.map((entry) => entry.record));
    for (const { seq: orderSeq, order } of orders) {
      const old = this.changedOrders.get(order.id);
      if (old && old.seq >= orderSeq) continue;
      const before = this.getOrder(order.id);
      this.changedOrders.set(order.id, { seq: orderSeq, order });
      this.orderIndex?.replace(order);
      this.reportIndex?.replace(before, order);
    }
    for (const movement of movements) {
      if (this.movementIds.has(movement.id)) continue;
      this.movementIds.add(movement.id);
      const list = this.movements.get(movement.variantId);
      if (list) list.push(movement);
      else this.movements.set(movement.variantId, [movement]);
    }
    for (const idem of idempotency) this.idempotency.set(idem.key, idem);
    this.seq = Math.max(this.seq, seq);
    this.sorted.update(replaced, touched);
  }

  private uniqueIndexes(): UniqueIndexes {
    if (!this.unique) {
      const unique: UniqueIndexes = { byHandle: new Map(), bySku: new Map(), byBarcode: new Map(), byVariant: new Map() };
      for (const entry of this.entries.values()) indexUnique(unique, entry.record.product);
      this.unique = unique;
    }
    return this.unique;
  }

  private add(entry: Entry): void {
    const p = entry.record.product;
    this.entries.set(p.id, entry);
    if (this.unique) indexUnique(this.unique, p);
    bump(this.categoryCounts, p.categoryId, 1);
    forEachDistinct(p.tags, (tag) => bump(this.tagCounts, tag, 1));
  }

  private remove(entry: Entry): void {
    const p = entry.record.product;
    this.entries.delete(p.id);
    if (this.unique) unindexUnique(this.unique, p);
    bump(this.categoryCounts, p.categoryId, -1);
    forEachDistinct(p.tags, (tag) => bump(this.tagCounts, tag, -1));
  }

  // ------------------------------------------------------------ people

  private auditEntry(ctx: WriteContext, at: string, draft: AuditDraft): AuditEntry {
    this.auth.auditSeq += 1;
    return { id: `aud_${String(this.auth.auditSeq).padStart(6, '0')}`, at, actor: { ...ctx.actor }, action: ctx.action, ...draft };
  }

  /** Reads the auth document again when another tab changed it. */
  catchUpAuth(): void {
    const revision = this.authStorage.revision();
    if (revision === null || revision === this.authRevision) return;
    const loaded = this.authStorage.load();
    if (loaded) this.auth = loaded;
    this.authRevision = revision;
  }

  saveAuth(): void {
    this.authStorage.save(this.auth);
    this.authRevision = this.authStorage.revision();
  }

  /** The person behind a request, from the session cookie; 401 when there is no valid session. */
  actor(): Actor {
    this.catchUpAuth();
    const token = this.authStorage.cookie();
    if (!token) throw unauthenticated();
    const session = this.auth.sessions.find((s) => s.token === token);
    if (!session) throw unauthenticated();
    if (session.expiresMs <= this.sessionNow())
      throw unauthenticated('Your session has expired. Sign in again to continue where you were.');
    const staff = this.auth.staff.find((s) => s.id === session.staffId);
    if (!staff?.active) throw unauthenticated('This account is no longer active.');
    return { id: staff.id, name: staff.name, role: staff.role };
  }

  session(): { user: Staff; expiresAt: string } {
    const actor = this.actor();
    const token = this.authStorage.cookie();
    const session = this.auth.sessions.find((s) => s.token === token);
    const staff = this.auth.staff.find((s) => s.id === actor.id);
    if (!session || !staff) throw unauthenticated();
    return { user: publicStaff(staff), expiresAt: new Date(session.expiresMs).toISOString() };
  }

  /**
   * Checks the password against its salted hash, after the throttle of
   * src/domain/auth-rules.ts let the attempt through for its email and for the
   * client's address (the mock has one client: the browser, or the test
   * process, is one address). Admission and its count are recorded before the
   * hash is awaited, so attempts running side by side in the page count each other.
   */
  async signIn(email: string, password: string): Promise<{ user: Staff; expiresAt: string }> {
    this.catchUpAuth();
    const key = email.trim().toLowerCase();
    const byEmail = admitAttempt(this.auth.failures[key], this.sessionNow(), FREE_FAILURES);
    if (!byEmail.admitted) throw tooManyAttempts(byEmail.retryAfterSeconds, 'email');
    const byAddress = admitAttempt(this.auth.failures[CLIENT_ADDRESS], this.sessionNow(), ADDRESS_FREE_FAILURES);
    if (!byAddress.admitted) throw tooManyAttempts(byAddress.retryAfterSeconds, 'address');
    this.auth.failures[key] = byEmail.next;
    this.auth.failures[CLIENT_ADDRESS] = byAddress.next;
    this.saveAuth();

    const staff = this.auth.staff.find((s) => s.email === key);
    // Hash even for an unknown email, so the answer's timing does not tell which emails exist.
    const hash = await hashPassword(password, staff?.salt ?? 'no-such-person');
    this.catchUpAuth();
    if (!staff || !sameHash(hash, staff.passwordHash) || !staff.active) {
      const failedAt = this.sessionNow();
      const counted: [string, number, number][] = [
        [key, byEmail.next.count, FREE_FAILURES],
        [CLIENT_ADDRESS, byAddress.next.count, ADDRESS_FREE_FAILURES],
      ];
      for (const [k, count, free] of counted) {
        const current = this.auth.failures[k];
        // Gone: a right password in the meantime cleared it.
        if (current) this.auth.failures[k] = afterFailure(current, count, failedAt, free);
      }
      this.saveAuth();
      throw signInFailed(byEmail.next.count);
    }
    delete this.auth.failures[key];
    delete this.auth.failures[CLIENT_ADDRESS];
    const expiresMs = this.startSession(staff.id);
    return { user: publicStaff(staff), expiresAt: new Date(expiresMs).toISOString() };
  }

  /** A new session for a person, set as the cookie (what a real server's Set-Cookie does); tests call it directly. */
  startSession(staffId: string): number {
    this.catchUpAuth();
    const token = newToken();
    const expiresMs = this.sessionNow() + SESSION_TTL_MS;
    // Expired sessions go when a new one starts, so the document does not grow forever.
    this.auth.sessions = this.auth.sessions.filter((s) => s.expiresMs > this.sessionNow());
    this.auth.sessions.push({ token, staffId, expiresMs });
    this.saveAuth();
    this.authStorage.setCookie(token);
    return expiresMs;
  }

  signOut(): void {
    this.catchUpAuth();
    const token = this.authStorage.cookie();
    this.authStorage.setCookie(null);
    if (!token) return;
    this.auth.sessions = this.auth.sessions.filter((s) => s.token !== token);
    this.saveAuth();
  }

  /** Tests and the demo: the current session expires now (the person stays "signed in" until the next request). */
  expireSession(): void {
    this.catchUpAuth();
    const token = this.authStorage.cookie();
    for (const s of this.auth.sessions) if (s.token === token) s.expiresMs = Math.min(s.expiresMs, this.sessionNow());
    this.saveAuth();
  }

  listStaff(): Staff[] {
    this.catchUpAuth();
    return this.auth.staff.map(publicStaff);
  }

  listAudit(query: {
    offset: number;
    limit: number;
    sort: 'at' | '-at';
    actorId?: string;
    entityType?: string;
    entityId?: string;
    from?: string;
    to?: string;
  }): { items: AuditEntry[]; total: number } {
    this.catchUpAuth();
    const fromMs = query.from ? Date.parse(query.from) : -Infinity;
    const toMs = query.to ? Date.parse(query.to) : Infinity;
    const matches = this.auth.audit.filter((e) => {
      const at = Date.parse(e.at);
      return (
        (query.actorId === undefined || e.actor.id === query.actorId) &&
        (query.entityType === undefined || e.entityType === query.entityType) &&
        (query.entityId === undefined || e.entityId === query.entityId) &&
        at >= fromMs &&
        at < toMs
      );
    });
    // The log is appended in time order; newest first is that order reversed.
    if (query.sort === '-at') matches.reverse();
    return { items: matches.slice(query.offset, query.offset + query.limit), total: matches.length };
  }

  /** Back to the seed of the current settings, made again at now, here and (through sync) everywhere. */
  async reset(): Promise<void> {
    await this.sync.exclusive(async () => {
      this.reseed({ anchorMs: anchorAt(this.now()) });
      this.saveAuth();
      await this.sync.reset();
    });
  }

  async updateSettings(patch: Partial<MockSettings>): Promise<MockSettings> {
    const next = { ...this.settings, ...patch };
    const reseeded = next.seed !== this.settings.seed || next.products !== this.settings.products || next.orders !== this.settings.orders;
    this.settings = next;
    if (reseeded) {
      this.reseed({ anchorMs: anchorAt(this.now()) });
      this.saveAuth();
    }
    await this.sync.settingsChanged(this.settings, reseeded);
    return this.settings;
  }
}

/**
 * The identity of a seeded shop's settings (its changes and anchor are stored under it). The suffix names
 * the generator: changes saved on a shop an earlier generator made (a fixed 25 Nov 2026, one year of orders)
 * belong to a shop that is no longer made, so they stay where they are rather than land on a different one.
 */
export function shopKeyOf(settings: Pick<MockSettings, 'seed' | 'products' | 'orders'>): string {
  return `${settings.seed}-${settings.products}-${settings.orders}-g2`;
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

function randomToken(): string {
  return crypto.randomUUID().replaceAll('-', '').slice(0, 16);
}

/** The mock's name for the domain's 404, used by its handlers and writes. */
export const notFound = productNotFound;
