/**
 * Browser persistence: the changes made to one seeded shop, kept in IndexedDB
 * as whole records over the deterministic seed. Startup is seed + overlay;
 * reset is clearing it. Every record carries the change number that wrote it,
 * so a tab can read just what it has not seen.
 */
import type { PricingChanges } from './pricing-state';
import type { ChangeSet, IdempotencyRecord, ProductRecord } from './records';

const PRODUCTS = 'products';
const IDEMPOTENCY = 'idempotency';
const META = 'meta';
const SEQ_KEY = 'seq';

type StoredProduct = { id: string; seq: number; record: ProductRecord };
type StoredIdempotency = IdempotencyRecord & { seq: number };

export type OverlayContents = {
  seq: number;
  products: { seq: number; record: ProductRecord }[];
  idempotency: IdempotencyRecord[];
  pricing: { seq: number; changes: PricingChanges }[];
};

/** Pricing changes live in the meta store under ordered keys, so they need no schema upgrade. */
const PRICING_PREFIX = 'pricing:';
const pricingKey = (seq: number) => `${PRICING_PREFIX}${String(seq).padStart(12, '0')}`;

function done<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
  });
}

function committed(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
  });
}

export function overlayName(shopKey: string): string {
  return `stockroom-mock-${shopKey}`;
}

export class Overlay {
  private constructor(private readonly idb: IDBDatabase) {}

  /** One database per seeded shop (seed + size): changes to one shop never leak into another. */
  static async open(shopKey: string, factory: IDBFactory = indexedDB): Promise<Overlay> {
    const request = factory.open(overlayName(shopKey), 1);
    request.onupgradeneeded = () => {
      const idb = request.result;
      idb.createObjectStore(PRODUCTS, { keyPath: 'id' }).createIndex(SEQ_KEY, SEQ_KEY);
      idb.createObjectStore(IDEMPOTENCY, { keyPath: 'key' }).createIndex(SEQ_KEY, SEQ_KEY);
      idb.createObjectStore(META);
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

  /** Everything written after change `after` (0 = the whole overlay). */
  async readSince(after: number): Promise<OverlayContents> {
    const tx = this.idb.transaction([PRODUCTS, IDEMPOTENCY, META], 'readonly');
    const range = IDBKeyRange.lowerBound(after, true);
    const pricingRange = IDBKeyRange.bound(pricingKey(after + 1), `${PRICING_PREFIX}~`);
    const [products, idempotency, seq, pricingKeys, pricing] = await Promise.all([
      done(tx.objectStore(PRODUCTS).index(SEQ_KEY).getAll(range)) as Promise<StoredProduct[]>,
      done(tx.objectStore(IDEMPOTENCY).index(SEQ_KEY).getAll(range)) as Promise<StoredIdempotency[]>,
      done(tx.objectStore(META).get(SEQ_KEY)),
      done(tx.objectStore(META).getAllKeys(pricingRange)),
      done(tx.objectStore(META).getAll(pricingRange)) as Promise<PricingChanges[]>,
    ]);
    return {
      seq: typeof seq === 'number' ? seq : 0,
      products: products.map(({ seq: s, record }) => ({ seq: s, record })),
      idempotency: idempotency.map(({ key, fingerprint, result }) => ({ key, fingerprint, result })),
      pricing: pricing.map((changes, i) => ({ seq: Number(String(pricingKeys[i]).slice(PRICING_PREFIX.length)), changes })),
    };
  }

  /** One transaction: a change is durable entirely or not at all. */
  async save(changes: ChangeSet): Promise<void> {
    const tx = this.idb.transaction([PRODUCTS, IDEMPOTENCY, META], 'readwrite');
    const products = tx.objectStore(PRODUCTS);
    for (const record of changes.products) products.put({ id: record.product.id, seq: changes.seq, record } satisfies StoredProduct);
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
    const tx = this.idb.transaction([PRODUCTS, IDEMPOTENCY, META], 'readwrite');
    for (const name of [PRODUCTS, IDEMPOTENCY]) tx.objectStore(name).clear();
    tx.objectStore(META).delete(IDBKeyRange.bound(pricingKey(0), `${PRICING_PREFIX}~`));
    await committed(tx);
  }

  close(): void {
    this.idb.close();
  }
}
