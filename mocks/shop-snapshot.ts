/**
 * The browser keeps the last shops it made in IndexedDB, as made (before any change; the changes
 * are the overlay's), keyed by what makes a shop (seed, sizes, anchor): a reload reads the shop
 * back instead of making it again. Written right after start-up (once the waiting requests are answered); two are kept,
 * so switching between two sizes does not make either again. Plain data (arrays, typed arrays),
 * so a structured clone keeps all of it.
 */
import type { Shop } from '../src/demo-shop/seeded-shop';

const DATABASE = 'stockroom-mock-shops';
const SHOPS = 'shops';
/** When each was saved, apart from the shops, so choosing which to drop reads no shop. */
const SAVED = 'saved';
const KEEP = 2;
/**
 * Only a small shop is kept: reading objects back from IndexedDB costs about what making them does
 * at scale (measured on a busy 2-core machine: 50,000 products read back in 3.3 s, made in 2.0 s;
 * 200,000 orders took over 20 s to write). The default shop (300 products, 6,000 orders) reads back
 * in 80–160 ms instead of 300–450 ms. Bigger shops are made again on each load, in the worker, so the
 * page stays responsive; keeping them needs a compact (columnar) form first.
 */
export function worthKeeping(settings: { products: number; orders: number }): boolean {
  return settings.products <= 5_000 && settings.orders <= 20_000;
}

type Stored = { key: string; shop: Shop };
type Saved = { key: string; savedAt: number };

function done<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
  });
}

function open(factory: IDBFactory): Promise<IDBDatabase> {
  const request = factory.open(DATABASE, 1);
  request.onupgradeneeded = () => {
    request.result.createObjectStore(SHOPS, { keyPath: 'key' });
    request.result.createObjectStore(SAVED, { keyPath: 'key' });
  };
  return done(request);
}

export async function loadShop(key: string, factory: IDBFactory | undefined = globalThis.indexedDB): Promise<Shop | undefined> {
  if (!factory) return undefined;
  try {
    const idb = await open(factory);
    try {
      const stored = (await done(idb.transaction(SHOPS, 'readonly').objectStore(SHOPS).get(key))) as Stored | undefined;
      return stored?.shop;
    } finally {
      idb.close();
    }
  } catch {
    // No IndexedDB (a private window), or a snapshot it cannot read: the shop is made again.
    return undefined;
  }
}

export async function saveShop(
  key: string,
  shop: Shop,
  savedAt: number,
  factory: IDBFactory | undefined = globalThis.indexedDB,
): Promise<void> {
  if (!factory) return;
  try {
    const idb = await open(factory);
    try {
      const earlier = (await done(idb.transaction(SAVED, 'readonly').objectStore(SAVED).getAll())) as Saved[];
      // One transaction with no await inside, so it cannot close between its requests.
      const tx = idb.transaction([SHOPS, SAVED], 'readwrite');
      const shops = tx.objectStore(SHOPS);
      const saved = tx.objectStore(SAVED);
      // The ledger's index is derived and rebuilt on demand.
      shops.put({ key, shop: { records: shop.records, stock: { ...shop.stock, ordersBySlot: null } } } satisfies Stored);
      saved.put({ key, savedAt } satisfies Saved);
      const others = earlier.filter((s) => s.key !== key).sort((a, b) => b.savedAt - a.savedAt);
      for (const old of others.slice(KEEP - 1)) {
        shops.delete(old.key);
        saved.delete(old.key);
      }
      await new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
        tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
      });
    } finally {
      idb.close();
    }
  } catch (error) {
    // Full or refused: the next load makes the shop again, as before.
    console.warn('[mock] could not keep the shop for the next load', error);
  }
}
