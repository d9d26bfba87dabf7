/**
 * Browser persistence: the changes made to one seeded shop, kept in IndexedDB
 * as whole records over the deterministic seed. Startup is seed + overlay;
 * reset is clearing it. Every record carries the change number that wrote it,
 * so a tab can read just what it has not seen.
 */
import type { Order } from '../src/contract/order-schemas';
import type { PricingChanges } from './pricing-state';
import type { MovementRecord, ProductRecord } from '../src/demo-shop/shop-records';
import type { ChangeSet, IdempotencyRecord } from './records';
import { committed, done } from './idb';

const PRODUCTS = 'products';
const IDEMPOTENCY = 'idempotency';
const MOVEMENTS = 'movements';
const ORDERS = 'orders';
/** Raised when a store is added, so existing databases get it. */
const SCHEMA_VERSION = 2;
const META = 'meta';
const SEQ_KEY = 'seq';
const ANCHOR_KEY = 'anchor';
/** How many times the shop's changes were cleared ("Reset demo data"), so a tab can tell its shop is no longer the one here. */
const RESETS_KEY = 'resets';

type StoredProduct = { id: string; seq: number; record: ProductRecord };
type StoredIdempotency = IdempotencyRecord & { seq: number };
type StoredMovement = MovementRecord & { seq: number };
type StoredOrder = { id: string; seq: number; order: Order };

export type OverlayContents = {
  seq: number;
  products: { seq: number; record: ProductRecord }[];
  orders: { seq: number; order: Order }[];
  movements: MovementRecord[];
  idempotency: IdempotencyRecord[];
  pricing: { seq: number; changes: PricingChanges }[];
};

/** Pricing changes live in the meta store under ordered keys, so they need no schema upgrade. */
const PRICING_PREFIX = 'pricing:';
const pricingKey = (seq: number) => `${PRICING_PREFIX}${String(seq).padStart(12, '0')}`;

export function overlayName(shopKey: string): string {
  return `stockroom-mock-${shopKey}`;
}

export class Overlay {
  private constructor(private readonly idb: IDBDatabase) {}

  /** One database per seeded shop (seed + size): changes to one shop never leak into another. */
  static async open(shopKey: string, factory: IDBFactory = indexedDB): Promise<Overlay> {
    const request = factory.open(overlayName(shopKey), SCHEMA_VERSION);
    request.onupgradeneeded = () => {
      const idb = request.result;
      // Stores this version lacks are added: a database made before orders or the ledger existed keeps its changes.
      const store = (name: string, keyPath?: string) => {
        if (idb.objectStoreNames.contains(name)) return;
        const created = idb.createObjectStore(name, keyPath ? { keyPath } : undefined);
        if (keyPath) created.createIndex(SEQ_KEY, SEQ_KEY);
      };
      store(PRODUCTS, 'id');
      store(IDEMPOTENCY, 'key');
      // The ledger is append-only: rows are added, never replaced.
      store(MOVEMENTS, 'id');
      store(ORDERS, 'id');
      store(META);
    };
    const idb = await done(request);
    // Another tab deleting or upgrading this database must not hang on our open connection.
    idb.onversionchange = () => idb.close();
    return new Overlay(idb);
  }

  async latestSeq(): Promise<number> {
    const tx = this.idb.transaction(META, 'readonly');
    const seq = await done(tx.objectStore(META).get(SEQ_KEY));
    return typeof seq === 'number' ? seq : 0;
  }

  /** When the shop these changes belong to was made (kept beside them, so the two never part). */
  async anchor(): Promise<number | undefined> {
    const tx = this.idb.transaction(META, 'readonly');
    const ms = await done(tx.objectStore(META).get(ANCHOR_KEY));
    return typeof ms === 'number' ? ms : undefined;
  }

  /** How many resets these changes have seen: a tab that knows fewer holds a shop another tab has reset. */
  async resets(): Promise<number> {
    const tx = this.idb.transaction(META, 'readonly');
    const count = await done(tx.objectStore(META).get(RESETS_KEY));
    return typeof count === 'number' ? count : 0;
  }

  async setAnchor(ms: number): Promise<void> {
    const tx = this.idb.transaction(META, 'readwrite');
    tx.objectStore(META).put(ms, ANCHOR_KEY);
    await committed(tx);
  }

  /** Whether nothing has been saved since the seed (or since the last reset). */
  async isEmpty(): Promise<boolean> {
    const stores = [PRODUCTS, ORDERS, MOVEMENTS, IDEMPOTENCY];
    const tx = this.idb.transaction([...stores, META], 'readonly');
    const counts = await Promise.all([
      ...stores.map((name) => done(tx.objectStore(name).count())),
      done(tx.objectStore(META).count(IDBKeyRange.bound(pricingKey(0), `${PRICING_PREFIX}~`))),
    ]);
    return counts.every((n) => n === 0);
  }

  /** Everything written after change `after` (0 = the whole overlay). */
  async readSince(after: number): Promise<OverlayContents> {
    const tx = this.idb.transaction([PRODUCTS, ORDERS, MOVEMENTS, IDEMPOTENCY, META], 'readonly');
    const range = IDBKeyRange.lowerBound(after, true);
    const pricingRange = IDBKeyRange.bound(pricingKey(after + 1), `${PRICING_PREFIX}~`);
    const [products, orders, movements, idempotency, seq, pricingKeys, pricing] = await Promise.all([
      done(tx.objectStore(PRODUCTS).index(SEQ_KEY).getAll(range)) as Promise<StoredProduct[]>,
      done(tx.objectStore(ORDERS).index(SEQ_KEY).getAll(range)) as Promise<StoredOrder[]>,
      done(tx.objectStore(MOVEMENTS).index(SEQ_KEY).getAll(range)) as Promise<StoredMovement[]>,
      done(tx.objectStore(IDEMPOTENCY).index(SEQ_KEY).getAll(range)) as Promise<StoredIdempotency[]>,
      done(tx.objectStore(META).get(SEQ_KEY)),
      done(tx.objectStore(META).getAllKeys(pricingRange)),
      done(tx.objectStore(META).getAll(pricingRange)) as Promise<PricingChanges[]>,
    ]);
    return {
      seq: typeof seq === 'number' ? seq : 0,
      products: products.map(({ seq: s, record }) => ({ seq: s, record })),
      orders: orders.map(({ seq: s, order }) => ({ seq: s, order })),
      // The seq index returns rows by change, then by id: put them back in the order they were written.
      movements: movements.sort((a, b) => a.seq - b.seq || (a.at < b.at ? -1 : a.at > b.at ? 1 : 0)).map(({ seq: _seq, ...m }) => m),
      idempotency: idempotency.map(({ key, fingerprint, result }) => ({ key, fingerprint, result })),
      pricing: pricing.map((changes, i) => ({ seq: Number(String(pricingKeys[i]).slice(PRICING_PREFIX.length)), changes })),
    };
  }

  /** One transaction: a change is durable entirely or not at all. */
  async save(changes: ChangeSet): Promise<void> {
    const tx = this.idb.transaction([PRODUCTS, ORDERS, MOVEMENTS, IDEMPOTENCY, META], 'readwrite');
    const products = tx.objectStore(PRODUCTS);
    for (const record of changes.products) products.put({ id: record.product.id, seq: changes.seq, record } satisfies StoredProduct);
    const orders = tx.objectStore(ORDERS);
    for (const order of changes.orders) orders.put({ id: order.id, seq: changes.seq, order } satisfies StoredOrder);
    const movements = tx.objectStore(MOVEMENTS);
    for (const movement of changes.movements) movements.put({ ...movement, seq: changes.seq } satisfies StoredMovement);
    const idempotency = tx.objectStore(IDEMPOTENCY);
    for (const idem of changes.idempotency) idempotency.put({ ...idem, seq: changes.seq } satisfies StoredIdempotency);
    tx.objectStore(META).put(changes.seq, SEQ_KEY);
    if (changes.pricing) tx.objectStore(META).put(changes.pricing, pricingKey(changes.seq));
    await committed(tx);
  }

  /**
   * Drops every change but keeps the change counter: numbers must never be
   * reused, or a tab that has not heard of the reset yet would take a new
   * change for one it already applied.
   */
  async clear(): Promise<void> {
    const stores = [PRODUCTS, ORDERS, MOVEMENTS, IDEMPOTENCY];
    const tx = this.idb.transaction([...stores, META], 'readwrite');
    for (const name of stores) tx.objectStore(name).clear();
    const meta = tx.objectStore(META);
    meta.delete(IDBKeyRange.bound(pricingKey(0), `${PRICING_PREFIX}~`));
    const resets = meta.get(RESETS_KEY);
    resets.onsuccess = () => meta.put((typeof resets.result === 'number' ? resets.result : 0) + 1, RESETS_KEY);
    await committed(tx);
  }

  close(): void {
    this.idb.close();
  }
}
