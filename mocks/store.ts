/**
 * The mock's in-memory database. Reads use indexes kept up to date on every
 * write, so a request costs what its answer costs, not what the shop costs
 * (handlers run on the page's main thread). Writes all go through `write`,
 * the single place that serialises, checks versions and idempotency keys,
 * applies, persists and tells other tabs.
 */
import type { Category, Product, ProductListQuery, ProductSummary, Variant } from '../src/contract/schemas';
import { systemClock, type Clock } from '../src/domain/clock';
import type { Action } from '../src/contract/permissions';
import type { AuditEntry, Staff } from '../src/contract/schemas';
import type { SavedView } from '../src/contract/view-schemas';
import type { InventoryLevel, InventoryListQuery, LedgerQuery, StockMovement } from '../src/contract/stock-schemas';
import type { Order, OrderList, OrderListQuery, ReturnList, ReturnListQuery } from '../src/contract/order-schemas';
import type { Customer, CustomerList, CustomerListQuery } from '../src/contract/customer-schemas';
import type { CustomerNotes } from '../src/domain/customer-rules';
import type {
  BreakdownQuery,
  ProfitQuery,
  ProfitReport,
  RefundRecordList,
  RefundRecordQuery,
  SaleLineList,
  SaleLineQuery,
  SalesBreakdown,
  SalesReport,
  SalesReportQuery,
  SalesSummary,
  SalesSummaryQuery,
  SellThroughQuery,
  SellThroughReport,
} from '../src/contract/report-schemas';
import { productAudit, staffAudit, type AuditDraft } from '../src/domain/audit-rules';
import { publicStaff, type AuthState, type AuthStorage, type StaffRecord } from './auth';
import { CATEGORIES, LOCATIONS } from '../src/demo-shop/catalogue';
import { assertAllowed, idempotencyKeyReused } from '../src/contract/problems';
import { productChanged, productNotFound, variantNotFound, variantTitle } from '../src/domain/product-rules';
import { type LevelState, type MovementRecord, type OrderRecord, type ProductRecord } from '../src/demo-shop/shop-records';
import { withTimeline } from '../src/demo-shop/order-timeline';
import { FIRST_ORDER_NUMBER } from '../src/contract/constants';
import { orderIdOf } from '../src/domain/order-rules';
import { patchedRecord, type ChangeSet, type IdempotencyRecord, type PricePatch } from './records';
import type { PriceBatch } from '../src/contract/pricing-schemas';
import { emptyPricingChanges, hasPricingChanges, priceHistoryOf, PricingState, type PricingChanges } from './pricing-state';
import { describeLevel, InventoryIndex } from './inventory-index';
import { OrderIndex } from './order-index';
import { CustomerIndex } from './customer-index';
import { daySumsOf, ReportIndex } from './report-index';
import { SellThroughIndex } from './sell-through-index';
import { DiscountUsageIndex } from './discount-usage';
import { seededDiscounts } from '../src/demo-shop/discount-seed';
import type { DiscountUse, StoredDiscount } from '../src/domain/discount-rules';
import { seededShop } from '../src/demo-shop/seeded-shop';
import { anchorAt } from '../src/demo-shop/seed';
import { OrdersNotMade, seededMovements, seededSlot, type StockSeed } from '../src/demo-shop/stock-seed';
import { compareText } from './sorted-index';
import { DEFAULT_SETTINGS, type MockSettings } from './settings';
import { CatalogueIndex, makeEntry, type Entry } from './catalogue-index';
import { People, type Actor, type AuditListQuery } from './people';
import type { AlertList, AlertQuery, PurchaseOrder } from '../src/contract/replenishment-schemas';
import { PURCHASE_SEED_ACTOR, seededPurchaseOrders } from '../src/demo-shop/purchase-seed';
import { ReplenishmentReads, seededReplenishment, type ReplenishmentDoc } from './replenishment';
import { levelAlertChanges } from '../src/domain/alert-rules';
import { seededSupply } from '../src/demo-shop/supplier-seed';
import { storeDate } from '../src/domain/store-time';

export type { Actor } from './people';

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
  expect?: { productId: string; version: number };
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
  /** The number a new order takes: one more than the highest, this write's own orders included. */
  nextOrderNumber(): number;
  customerNotes(id: string): CustomerNotes | undefined;
  putCustomerNotes(id: string, notes: CustomerNotes): void;
  /** Suppliers, purchase orders, transfers in transit and alerts: this write's own copy, saved whole when the write commits. */
  replenishment(): ReplenishmentDoc;
  /** A fresh id with this prefix ("po", "sup", …). */
  newId(prefix: string): string;
  /** Appends a ledger row; the level it moves must be put in the same write. */
  move(movement: Omit<MovementRecord, 'id' | 'at' | 'actor'>): MovementRecord;
  /** An audit entry beyond the product and staff diffs the store records by itself (stock, for one). */
  audit(draft: AuditDraft): void;
  /** Every discount, with this write's own puts; the uses claimed, with this write's. */
  allDiscounts(): readonly StoredDiscount[];
  putDiscount(discount: StoredDiscount): void;
  discountUses(): readonly DiscountUse[];
  addDiscountUse(use: DiscountUse): void;
  /** Saved views of every list and person, with this write's own puts and deletions. */
  allViews(): readonly SavedView[];
  putView(view: SavedView): void;
  deleteView(id: string): void;
};

/** An Idempotency-Key belongs to the person who sent it: another person's same key is another request. Staff ids hold no ':'. */
const scopedKey = (actorId: string, key: string) => `${actorId}:${key}`;

export function variantLabel(product: Product, variant: Variant): string {
  return variantTitle(product.title, variant.optionValues);
}

export class MockDb {
  settings: MockSettings;
  sync: MockSync = localSync();
  /** The clock of writes and of "today"; tests may replace it. */
  now: Clock;
  /** When this shop was made: its orders end here. Kept across reloads; `reset` makes the shop again at now. */
  anchorMs: number;
  /** Highest change number applied here, from this tab or another. */
  seq = 0;

  /** Products: entries, uniqueness indexes, counts, sort orders and search text. */
  private catalogue = new CatalogueIndex();
  private idempotency = new Map<string, IdempotencyRecord>();
  /** What the seeded orders did to stock; the seeded ledger rows are worked out from it when read. */
  private stockSeed: StockSeed | null = null;
  /** The inventory list's index, built by the first inventory request. */
  private inventory: InventoryIndex | null = null;
  /** The replenishment document the index's incoming units were read from. */
  private inventoryDoc: ReplenishmentDoc | null = null;
  /** Ledger rows written since the seed, by variant, in the order they were written. */
  private movements = new Map<string, MovementRecord[]>();
  private movementIds = new Set<string>();
  /** Orders written since the seed, with the change that wrote them; the seeded ones stay in stockSeed.orders. */
  private changedOrders = new Map<string, { seq: number; order: Order }>();
  /** The order list's index, built by the first order request. */
  private orderIndex: OrderIndex | null = null;
  /** Customers and returns, from the orders; built by the first customer or returns request. */
  private customerIndex: CustomerIndex | null = null;
  /** The highest order number placed since the seed (an exchange's replacement); 0 for none. */
  private highestNewNumber = 0;
  /** Sales per store day, built by the first report request. */
  private reportIndex: ReportIndex | null = null;
  /** The ledger's on-hand events for sell-through, gathered by the first sell-through request. */
  private sellThroughIndex: SellThroughIndex | null = null;
  /** What each discount code did, from the orders; orders never change their code or totals, so it is built once per shop. */
  private discountUsageIndex: DiscountUsageIndex | null = null;
  /** Staff, sessions, throttling and the audit log, with their storage and the session clock. */
  private people: People;
  /** Price batches, their items and every variant's price history. */
  pricing = new PricingState();
  /** The seeded replenishment document, until one is written (kept, so what is worked out from it is kept too). */
  private seededReplenishmentDoc: ReplenishmentDoc | null = null;
  /** The seeded purchase orders, made with the shop from its records as generated (later writes to a product do not change them). */
  private seededPurchaseOrders: PurchaseOrder[] = [];
  /** Reads over suppliers, purchase orders, transfers in transit and alerts. */
  readonly replenishment = new ReplenishmentReads({
    doc: () => this.replenishmentDoc(),
    records: () => this.allRecords(),
    isSeeded: (variantId) => this.isSeededVariant(variantId),
    soldAt: (variantId, loc) => this.soldAt(variantId, loc),
    today: () => this.today(),
    stamp: () => `${this.shopKey}|${this.anchorMs}|${this.seq}`,
  });

  constructor(settings: Partial<MockSettings> = {}, options: { clock?: Clock; anchorMs?: number } = {}) {
    this.settings = { ...DEFAULT_SETTINGS, ...settings };
    this.now = options.clock ?? systemClock;
    this.people = new People(this.now);
    this.anchorMs = options.anchorMs ?? anchorAt(this.now());
    this.reseed();
  }

  /** Staff, sessions, throttling and the audit log: small, so one document persisted whole. */
  get auth(): AuthState {
    return this.people.state;
  }

  set auth(state: AuthState) {
    this.people.state = state;
  }

  /** Where the auth document and the session cookie live (memory in Node, localStorage in the browser). */
  get authStorage(): AuthStorage {
    return this.people.storage;
  }

  set authStorage(storage: AuthStorage) {
    this.people.storage = storage;
  }

  /** The clock of sessions and sign-in throttling: apart from `now`, so a test that dates its writes is not signed out by it. */
  get sessionNow(): Clock {
    return this.people.clock;
  }

  set sessionNow(clock: Clock) {
    this.people.clock = clock;
  }

  /**
   * Throws away every change and rebuilds the deterministic shop of the current
   * settings, made at `anchorMs` (the shop's own instant unless given).
   */
  reseed(shop: Partial<Pick<MockSettings, 'products' | 'seed' | 'orders'> & { anchorMs: number }> = {}): void {
    const { anchorMs = this.anchorMs, ...settings } = shop;
    this.settings = { ...this.settings, ...settings };
    this.anchorMs = anchorMs;
    this.catalogue.clear();
    this.idempotency.clear();
    this.inventory = null;
    this.inventoryDoc = null;
    this.movements.clear();
    this.movementIds.clear();
    this.changedOrders.clear();
    this.orderIndex = null;
    this.customerIndex = null;
    this.highestNewNumber = 0;
    this.reportIndex = null;
    this.sellThroughIndex = null;
    this.discountUsageIndex = null;
    this.seq = 0;
    this.pricing = new PricingState();
    this.seededReplenishmentDoc = null;
    this.people.reseed();
    const { records, stock } = seededShop({ ...this.settings, anchorMs: this.anchorMs }, daySumsOf);
    this.stockSeed = stock;
    this.seededPurchaseOrders = seededPurchaseOrders(records, this.anchorMs, PURCHASE_SEED_ACTOR);
    for (const record of records) this.catalogue.add(makeEntry(record, 0));
    this.onReseed?.();
  }

  /** Told when the shop is made again (a reset, another size, a new store day, another tab's reset): the browser's worker keeps it and warms it up. */
  onReseed: (() => void) | null = null;

  /**
   * The shop made again at another instant (a new store day, or another tab's reset). Staff and the
   * audit log are not the shop's: they stay as they are (persisted apart, see catchUpAuth).
   */
  reanchor(anchorMs: number): void {
    const auth = this.people.state;
    this.reseed({ anchorMs });
    this.people.state = auth;
  }

  /** The identity of the seeded shop; persisted changes belong to one shop only. */
  get shopKey(): string {
    return shopKeyOf(this.settings);
  }

  // ------------------------------------------------------------ reads

  get productCount(): number {
    return this.catalogue.size;
  }

  getProduct(id: string): Product | undefined {
    return this.catalogue.getProduct(id);
  }

  getRecord(id: string): ProductRecord | undefined {
    return this.catalogue.getRecord(id);
  }

  /** Every product in id order; for tests and tooling, never for a request. */
  allRecords(): IterableIterator<ProductRecord> {
    return this.catalogue.records();
  }

  productIdByHandle(handle: string): string | undefined {
    return this.catalogue.productIdByHandle(handle);
  }

  /** The variant using a SKU (compared case-insensitively) or barcode, with its product. */
  ownerOfSku(sku: string): { product: Product; variant: Variant } | undefined {
    return this.catalogue.ownerOfSku(sku);
  }

  ownerOfBarcode(barcode: string): { product: Product; variant: Variant } | undefined {
    return this.catalogue.ownerOfBarcode(barcode);
  }

  listProducts(query: ProductListQuery): { items: ProductSummary[]; total: number } {
    return this.catalogue.listProducts(query);
  }

  // ------------------------------------------------------------ orders

  /** Seeded orders are found by position (ord_0001001 is order #1001, the first), and told with their timeline. */
  getOrder(id: string): Order | undefined {
    const changed = this.changedOrders.get(id)?.order;
    if (changed) return changed;
    const order = /^ord_\d+$/.test(id) ? this.seededOrder(Number(id.slice(4)) - FIRST_ORDER_NUMBER) : undefined;
    return order?.id === id ? withTimeline(order) : undefined;
  }

  /** A seeded order as made, by its place (#1001 at 0). */
  private seededOrder(position: number): OrderRecord | undefined {
    return this.stockSeed?.orders.at(position);
  }

  /** An order as it is now, by its place in placing order (#1001 at 0, then those placed since), without its timeline. */
  private orderAt(position: number): OrderRecord | undefined {
    return this.changedOrders.get(orderIdOf(position + FIRST_ORDER_NUMBER))?.order ?? this.seededOrder(position);
  }

  private orders(): OrderIndex {
    this.orderIndex ??= new OrderIndex(this.allOrders());
    return this.orderIndex;
  }

  /**
   * Every order as it is now, the seeded ones in the order they were placed (each made as it is read), then those placed
   * since; for indexes and tests. Asked for before a kept shop's orders are made, it refuses at once (OrdersNotMade),
   * not once read: an index is then not left half made.
   */
  allOrders(): IterableIterator<OrderRecord> {
    const seeded = this.stockSeed?.orders.each() ?? [];
    const changed = this.changedOrders;
    const seededCount = this.seededOrderCount;
    return (function* () {
      for (const order of seeded) yield changed.get(order.id)?.order ?? order;
      for (const { order } of changed.values()) if (order.number - FIRST_ORDER_NUMBER >= seededCount) yield order;
    })();
  }

  /**
   * In the browser's worker, how to let other requests run (the next task): a request that needs a kept shop's orders
   * before they are all made waits while they are made a slice at a time, and the requests around it are answered
   * meanwhile. Null (node): they are made at once.
   */
  makeOrdersInSlices: (() => Promise<void>) | null = null;

  /**
   * Runs a request's handler. With `makeOrdersInSlices`, a handler that reads the seeded orders before they are made
   * is stopped there (OrdersNotMade, during its synchronous part, before any write of it has begun: writes apply at
   * their end), the orders are made in slices with other requests answered in between, and it runs again.
   */
  async serve<T>(handler: () => T | Promise<T>): Promise<T> {
    for (;;) {
      const seeded = this.stockSeed?.orders;
      const between = this.makeOrdersInSlices;
      if (!between || !seeded || seeded.made) return await handler();
      try {
        // An async handler's first part runs here too; its throw arrives as the promise's rejection.
        seeded.refuse = true;
        const result = handler();
        seeded.refuse = false;
        return await result;
      } catch (error) {
        if (!(error instanceof OrdersNotMade)) throw error;
        await seeded.makeInSlices(between);
      } finally {
        seeded.refuse = false;
      }
    }
  }

  /** The number the next order takes. */
  nextOrderNumber(): number {
    return Math.max(FIRST_ORDER_NUMBER - 1 + this.seededOrderCount, this.highestNewNumber) + 1;
  }

  private get seededOrderCount(): number {
    return this.stockSeed?.orders.count ?? 0;
  }

  // ------------------------------------------------------------ customers and returns

  private customers(): CustomerIndex {
    this.customerIndex ??= new CustomerIndex(this.allOrders(), (n) => this.getOrder(orderIdOf(n)));
    return this.customerIndex;
  }

  listCustomers(query: CustomerListQuery): CustomerList {
    return this.customers().list(query);
  }

  getCustomer(id: string): Customer | null {
    return this.customers().get(id, this.customerNotes(id));
  }

  customerNotes(id: string): CustomerNotes | undefined {
    this.people.catchUp();
    return this.people.state.customerNotes?.[id];
  }

  listReturns(query: ReturnListQuery): ReturnList {
    return this.customers().returns(query);
  }

  listOrders(query: OrderListQuery): OrderList {
    // A customer's orders (their page lists them): once the customer index is built, among the numbers it keeps for
    // them rather than by testing every order (at 200,000 orders, two passes of about 60 ms each).
    const among = query.customerId === undefined ? undefined : this.customerIndex?.numbersOf(query.customerId);
    return this.orders().list(query, among);
  }

  // ------------------------------------------------------------ reports

  private reports(): ReportIndex {
    if (this.reportIndex) return this.reportIndex;
    // A kept shop's day sums are its seeded orders' as made: they hold while none of those has changed, and the orders
    // placed since join them one by one.
    const changed = [...this.changedOrders.values()].map(({ order }) => order);
    const keptSums = changed.every((order) => order.number - FIRST_ORDER_NUMBER >= this.seededOrderCount)
      ? this.stockSeed?.daySums
      : undefined;
    const index = new ReportIndex(
      {
        all: () => this.allOrders(),
        count: () => this.nextOrderNumber() - FIRST_ORDER_NUMBER,
        withRefunds: () => {
          // The seeded orders' as made, where no write has changed them, and every written order's.
          const written = this.changedOrders;
          const seeded = this.stockSeed?.orders.withRefunds() ?? [];
          const unchanged = seeded.filter((place) => !written.has(orderIdOf(place + FIRST_ORDER_NUMBER)));
          const refunded = [...written.values()]
            .filter(({ order }) => order.refunds.length)
            .map(({ order }) => order.number - FIRST_ORDER_NUMBER);
          return [...unchanged, ...refunded];
        },
        at: (position) => this.orderAt(position),
      },
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
      keptSums,
    );
    if (keptSums) for (const order of changed) index.replace(undefined, order);
    this.reportIndex = index;
    return index;
  }

  salesReport(query: SalesReportQuery): SalesReport {
    return this.reports().sales(query);
  }

  salesBreakdown(query: BreakdownQuery): SalesBreakdown {
    return this.reports().breakdown(query);
  }

  salesSummary(query: SalesSummaryQuery): SalesSummary {
    return this.reports().summary(query);
  }

  refundRecords(query: RefundRecordQuery): RefundRecordList {
    return this.reports().refunds(query);
  }

  saleLines(query: SaleLineQuery): SaleLineList {
    return this.reports().lines(query);
  }

  profitReport(query: ProfitQuery): ProfitReport {
    return this.reports().profit(query);
  }

  sellThrough(query: SellThroughQuery): SellThroughReport {
    this.sellThroughIndex ??= new SellThroughIndex({
      records: () => this.allRecords(),
      seed: this.stockSeed,
      written: () => [...this.movements.values()].flat(),
      productOf: (variantId) => this.variantOwner(variantId)?.record.product.id,
    });
    return this.sellThroughIndex.report(query, (productId) => this.getProduct(productId));
  }

  // ------------------------------------------------------------ stock

  private newInventoryIndex(): InventoryIndex {
    return new InventoryIndex(
      this.allRecords(),
      (variantId, loc) => this.soldAt(variantId, loc),
      (variantId, locationId) => this.replenishment.incomingAt(variantId, locationId),
    );
  }

  private inventoryIndex(): InventoryIndex {
    const doc = this.replenishmentDoc();
    this.inventory ??= this.newInventoryIndex();
    // What is coming may have changed since the index last looked (a purchase order sent here or in another tab).
    if (this.inventoryDoc !== doc)
      this.inventory.syncIncoming(this.replenishment.incoming(doc), (variantId) => this.variantOwner(variantId)?.record.product.id);
    this.inventoryDoc = doc;
    return this.inventory;
  }

  listInventory(query: InventoryListQuery): { items: InventoryLevel[]; total: number } {
    return this.inventoryIndex().list(query);
  }

  /** The product a variant belongs to, with the variant's place in it. */
  variantOwner(variantId: string): { record: ProductRecord; index: number } | undefined {
    return this.catalogue.variantOwner(variantId);
  }

  /** Units sold at a level over the sales window (seeded orders; nothing else sells yet). */
  soldAt(variantId: string, loc: number): number {
    const seed = this.stockSeed;
    const slot = seed && seededSlot(variantId, seed.seededVariants);
    return seed && slot !== null ? (seed.sold[slot * LOCATIONS.length + loc] ?? 0) : 0;
  }

  levelView(product: Product, variantIndex: number, locationId: string, level: LevelState): InventoryLevel {
    const loc = LOCATIONS.findIndex((l) => l.id === locationId);
    const variantId = product.variants[variantIndex]!.id;
    return describeLevel(
      product,
      variantIndex,
      loc,
      level,
      this.soldAt(variantId, loc),
      this.replenishment.incomingAt(variantId, locationId),
    );
  }

  // ------------------------------------------------------------ replenishment (replenishment.ts)

  /** Suppliers, purchase orders, transfers in transit and alerts as stored (the seeded suppliers and purchase orders until one is written). */
  replenishmentDoc(): ReplenishmentDoc {
    this.people.catchUp();
    return this.people.state.replenishment ?? (this.seededReplenishmentDoc ??= seededReplenishment(this.seededPurchaseOrders));
  }

  /**
   * A seeded variant's supplier follows from its category and SKU as the seed made them (the server
   * stores it then). The first write that changes either keeps the seeded supply in the document, so
   * the variant stays with its supplier, as on the server. Answers the document, or null when unchanged.
   */
  private pinSeededSupply(
    staged: ReadonlyMap<string, ProductRecord>,
    before: ReplenishmentDoc,
    after: ReplenishmentDoc | null,
  ): ReplenishmentDoc | null {
    let doc = after;
    for (const record of staged.values()) {
      const old = this.getRecord(record.product.id);
      if (!old || old.product === record.product) continue;
      const sameCategory = old.product.categoryId === record.product.categoryId;
      for (const variant of old.product.variants) {
        if ((doc ?? before).supply[variant.id] || !this.isSeededVariant(variant.id)) continue;
        if (sameCategory && record.product.variants.find((v) => v.id === variant.id)?.sku === variant.sku) continue;
        doc ??= structuredClone(before);
        doc.supply[variant.id] = { ...seededSupply(old.product.categoryId, variant.sku), version: 1 };
      }
    }
    return doc;
  }

  /** Whether the seed made this variant (its supplier is then the seeded one of its category). */
  isSeededVariant(variantId: string): boolean {
    return this.stockSeed !== null && seededSlot(variantId, this.stockSeed.seededVariants) !== null;
  }

  /**
   * Alerts a write raises (src/domain/alert-rules.ts): for each level whose
   * numbers it changed, and each level whose incoming units it changed, the
   * conditions before and after; a condition that starts raises its alert.
   * Answers the document with them, or null when none was raised.
   */
  private raiseAlerts(
    staged: ReadonlyMap<string, ProductRecord>,
    before: ReplenishmentDoc,
    after: ReplenishmentDoc | null,
    now: string,
  ): ReplenishmentDoc | null {
    const docAfter = after ?? before;
    const touched = new Map<string, { record: ProductRecord; old: ProductRecord; vi: number; li: number }>();
    for (const record of staged.values()) {
      const old = this.getRecord(record.product.id);
      if (!old || old.levels === record.levels) continue;
      record.levels.forEach((row, vi) =>
        row.forEach((state, li) => {
          const was = old.levels[vi]?.[li];
          if (was && (was.onHand !== state.onHand || was.reserved !== state.reserved || was.version !== state.version)) {
            touched.set(`${record.product.variants[vi]!.id}@${LOCATIONS[li]!.id}`, { record, old, vi, li });
          }
        }),
      );
    }
    if (after) {
      const [a, b] = [this.replenishment.incoming(before), this.replenishment.incoming(after)];
      for (const k of new Set([...a.keys(), ...b.keys()])) {
        const x = a.get(k);
        const y = b.get(k);
        if (touched.has(k) || (x?.onOrder === y?.onOrder && x?.inTransit === y?.inTransit)) continue;
        const [variantId, locationId] = k.split('@') as [string, string];
        const owner = this.variantOwner(variantId);
        if (!owner) continue;
        const record = staged.get(owner.record.product.id) ?? owner.record;
        touched.set(k, { record, old: owner.record, vi: owner.index, li: LOCATIONS.findIndex((l) => l.id === locationId) });
      }
    }
    let doc: ReplenishmentDoc | null = null;
    for (const { record, old, vi, li } of touched.values()) {
      const was = old.levels[vi]?.[li];
      const is = record.levels[vi]?.[li];
      if (!was || !is) continue;
      const variant = record.product.variants[vi]!;
      const locationId = LOCATIONS[li]!.id;
      const atLevel = (d: ReplenishmentDoc) => d.alerts.filter((a) => a.variantId === variant.id && a.locationId === locationId);
      const { raised, ended } = levelAlertChanges(
        this.replenishment.facts(old, vi, li, was, before),
        this.replenishment.facts(record, vi, li, is, docAfter),
        atLevel(doc ?? docAfter),
      );
      if (raised.length === 0 && ended.length === 0) continue;
      doc ??= after ?? structuredClone(before);
      if (ended.length) doc.alerts = doc.alerts.filter((a) => !ended.includes(a.id));
      for (const kind of raised) {
        const open = atLevel(doc).find((x) => x.kind === kind && x.dismissedAt === null);
        if (open) open.raisedAt = now;
        else
          doc.alerts.push({
            id: `alr_${randomToken()}`,
            kind,
            variantId: variant.id,
            locationId,
            sku: variant.sku,
            raisedAt: now,
            dismissedAt: null,
          });
      }
    }
    return doc;
  }

  /** Open alerts, newest first. */
  alerts(query: AlertQuery): AlertList {
    return this.replenishment.alerts(query, (variantId, locationId) => {
      const owner = this.variantOwner(variantId);
      const li = LOCATIONS.findIndex((l) => l.id === locationId);
      return owner && li >= 0 ? { record: owner.record, vi: owner.index, li } : undefined;
    });
  }

  /** The store's today (YYYY-MM-DD). */
  today(): string {
    return storeDate(this.now());
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
      throw variantNotFound(query.variantId);
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
    return this.catalogue.categories();
  }

  categoryExists(id: string): boolean {
    return this.catalogue.categoryExists(id);
  }

  tags(): { tag: string; productCount: number }[] {
    return this.catalogue.tags();
  }

  /**
   * Builds one missing sort order, then the uniqueness indexes, then the search text, then the inventory index, then
   * a kept shop's orders (a slice at a time), then the order and report indexes; false once all is ready. The browser
   * calls it in idle time after start-up, so the first sort or search does not pay for preparing 50,000 products.
   */
  warmUpStep(): boolean {
    if (this.catalogue.warmUpStep()) return true;
    // Inventory and orders last: products is the screen people open first. The inventory's entries a slice at a time
    // first (what is coming to each level is looked at once they are all made).
    this.inventory ??= this.newInventoryIndex();
    if (this.inventory.buildSome(5_000)) return true;
    if (this.inventoryIndex().warmUpStep()) return true;
    // A kept shop's orders, a slice at a time, unless a request has needed them all by now.
    if (this.stockSeed && !this.stockSeed.orders.made) return this.stockSeed.orders.makeSome() || true;
    if (this.orders().warmUpStep()) return true;
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
      assertAllowed(ctx.actor.role, ctx.permission);
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
      /** Views put (or, as null, deleted) by this write. */
      const stagedViews = new Map<string, SavedView | null>();
      const stagedDiscounts = new Map<string, StoredDiscount>();
      const stagedUses: DiscountUse[] = [];
      const pricing = emptyPricingChanges();
      let auditDraft: AuditDraft | null = null;
      const stagedMoves: MovementRecord[] = [];
      const stagedOrders = new Map<string, Order>();
      const stagedNotes = new Map<string, CustomerNotes>();
      const replenishmentBefore = this.replenishmentDoc();
      let stagedReplenishment: ReplenishmentDoc | null = null;
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
          if (!record) throw productNotFound(productId);
          const patch: PricePatch = { productId, at: now, variants };
          // A product already staged in this write (put, or patched once) is saved whole: one patch applies over the stored record only.
          if (staged.has(productId)) patches.delete(productId);
          else patches.set(productId, patch);
          staged.set(productId, patchedRecord(record, patch));
        },
        newProductId: () => `prod_${randomToken()}`,
        newVariantId: () => `var_${randomToken()}`,
        getStaff: (id) => stagedStaff.get(id) ?? this.people.state.staff.find((s) => s.id === id),
        allStaff: () =>
          this.people.state.staff
            .map((s) => stagedStaff.get(s.id) ?? s)
            .concat([...stagedStaff.values()].filter((s) => !this.people.state.staff.some((t) => t.id === s.id))),
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
        nextOrderNumber: () => Math.max(this.nextOrderNumber(), ...[...stagedOrders.values()].map((o) => o.number + 1)),
        customerNotes: (id) => stagedNotes.get(id) ?? this.customerNotes(id),
        putCustomerNotes: (id, notes) => void stagedNotes.set(id, notes),
        replenishment: () => (stagedReplenishment ??= structuredClone(replenishmentBefore)),
        newId: (prefix) => `${prefix}_${randomToken()}`,
        allViews: () => {
          const stored = this.people.state.views ?? [];
          const kept = stored.filter((v) => !stagedViews.has(v.id));
          return [...kept, ...[...stagedViews.values()].filter((v): v is SavedView => v !== null)];
        },
        putView: (view) => void stagedViews.set(view.id, view),
        deleteView: (id) => void stagedViews.set(id, null),
        allDiscounts: () => withStaged(this.allDiscounts(), stagedDiscounts),
        putDiscount: (discount) => void stagedDiscounts.set(discount.id, discount),
        discountUses: () => [...this.discountUses(), ...stagedUses],
        addDiscountUse: (use) => void stagedUses.push(use),
      };
      const result = fn(tx);
      const pinned = this.pinSeededSupply(staged, replenishmentBefore, stagedReplenishment);
      if (pinned) stagedReplenishment = pinned;
      const raised = this.raiseAlerts(staged, replenishmentBefore, stagedReplenishment, now);
      if (raised) stagedReplenishment = raised;

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
              const before = this.people.state.staff.find((s) => s.id === r.id);
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
      // Before the records: the inventory index reads what is coming to each level it lists them at from it.
      if (stagedReplenishment) this.people.state.replenishment = stagedReplenishment;
      this.applyChanges(changes);
      if (stagedDiscounts.size) this.people.state.discounts = withStaged(this.allDiscounts(), stagedDiscounts);
      if (stagedUses.length) this.people.state.discountUses = [...this.discountUses(), ...stagedUses];
      if (stagedNotes.size) this.people.state.customerNotes = { ...this.people.state.customerNotes, ...Object.fromEntries(stagedNotes) };
      if (
        stagedStaff.size ||
        stagedViews.size ||
        stagedDiscounts.size ||
        stagedUses.length ||
        stagedNotes.size ||
        stagedReplenishment ||
        drafts.length
      ) {
        for (const record of stagedStaff.values()) {
          const i = this.people.state.staff.findIndex((s) => s.id === record.id);
          if (i >= 0) this.people.state.staff[i] = record;
          else this.people.state.staff.push(record);
        }
        if (stagedViews.size) {
          const kept = (this.people.state.views ?? []).filter((v) => !stagedViews.has(v.id));
          this.people.state.views = [...kept, ...[...stagedViews.values()].filter((v): v is SavedView => v !== null)];
        }
        for (const draft of drafts) this.people.state.audit.push(this.people.auditEntry(ctx, now, draft));
        this.saveAuth();
      }
      await this.sync.committed(changes);
      return { result, replayed: false };
    });
  }

  private checkVersion(productId: string, version: number): void {
    const current = this.getProduct(productId);
    if (!current) throw productNotFound(productId);
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
      const entry = this.catalogue.get(patch.productId);
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
      const old = this.catalogue.get(record.product.id);
      if (old && old.seq >= recordSeq) continue;
      if (old) {
        this.catalogue.remove(old);
        replaced.push(old);
      }
      const entry = makeEntry(record, recordSeq);
      this.catalogue.add(entry);
      touched.push(entry);
    }
    this.inventory?.replace(touched.map((entry) => entry.record));
    for (const { seq: orderSeq, order } of orders) {
      const old = this.changedOrders.get(order.id);
      if (old && old.seq >= orderSeq) continue;
      // The order as it was, for the indexes made so far (a kept shop's seeded orders are not made for nothing).
      const before = this.orderIndex || this.reportIndex || this.customerIndex ? this.getOrder(order.id) : undefined;
      this.changedOrders.set(order.id, { seq: orderSeq, order });
      if (order.number - FIRST_ORDER_NUMBER >= this.seededOrderCount) this.highestNewNumber = Math.max(this.highestNewNumber, order.number);
      this.orderIndex?.replace(order);
      this.reportIndex?.replace(before, order);
      this.customerIndex?.replace(before, order);
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
    this.catalogue.resort(replaced, touched);
  }

  // ------------------------------------------------------------ people (people.ts)

  /** Reads the auth document again when another tab changed it. */
  catchUpAuth(): void {
    this.people.catchUp();
  }

  saveAuth(): void {
    this.people.save();
  }

  /** The person behind a request, from the session cookie; 401 when there is no valid session. */
  actor(): Actor {
    return this.people.actor();
  }

  session(): { user: Staff; expiresAt: string } {
    return this.people.session();
  }

  /** Checks the password against its salted hash, after the sign-in throttle let the attempt through (see People.signIn). */
  signIn(email: string, password: string): Promise<{ user: Staff; expiresAt: string }> {
    return this.people.signIn(email, password);
  }

  /** A new session for a person, set as the cookie (what a real server's Set-Cookie does); tests call it directly. */
  startSession(staffId: string): number {
    return this.people.startSession(staffId);
  }

  signOut(): void {
    this.people.signOut();
  }

  /** Tests and the demo: the current session expires now (the person stays "signed in" until the next request). */
  expireSession(): void {
    this.people.expireSession();
  }

  listStaff(): Staff[] {
    return this.people.listStaff();
  }

  listAudit(query: AuditListQuery): { items: AuditEntry[]; total: number } {
    return this.people.listAudit(query);
  }

  allViews(): SavedView[] {
    return this.people.allViews();
  }

  /** Every discount: the shop's seeded ones until one is written, then the stored list (with the people document). */
  allDiscounts(): StoredDiscount[] {
    this.people.catchUp();
    return [...(this.people.state.discounts ?? seededDiscounts(this.anchorMs))];
  }

  discountUses(): DiscountUse[] {
    this.people.catchUp();
    return [...(this.people.state.discountUses ?? [])];
  }

  /** Orders, revenue and discount given per code, from the orders; built by the first discount request. */
  discountUsage(): DiscountUsageIndex {
    this.discountUsageIndex ??= new DiscountUsageIndex(this.allOrders());
    return this.discountUsageIndex;
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
 * belong to a shop that is no longer made, so they stay where they are rather than land on a different one
 * (g3: orders carry their customer's id, returns and an exchange's balance; g4: the shop opens with three
 * purchase orders, PO-1001 to PO-1003 (src/demo-shop/purchase-seed.ts), which a g3 shop's saved changes lack).
 */
export function shopKeyOf(settings: Pick<MockSettings, 'seed' | 'products' | 'orders'>): string {
  return `${settings.seed}-${settings.products}-${settings.orders}-g4`;
}

function randomToken(): string {
  return crypto.randomUUID().replaceAll('-', '').slice(0, 16);
}

/** A list with this write's staged records in place of the stored ones, new ones last. */
function withStaged<T extends { id: string }>(stored: readonly T[], staged: ReadonlyMap<string, T>): T[] {
  const ids = new Set(stored.map((r) => r.id));
  return [...stored.map((r) => staged.get(r.id) ?? r), ...[...staged.values()].filter((r) => !ids.has(r.id))];
}
