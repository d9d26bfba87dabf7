/**
 * The browser keeps the last shops it made in IndexedDB, keyed by what makes a shop (seed, sizes, anchor), as the
 * levels their orders left and the orders' day sums (`KeptShop`): a reload makes the records from the seed, sets those
 * levels and answers, and makes the orders afterwards. Two are kept, so switching between two sizes does not make
 * either again. Written in the first quiet moment after a shop is made, at start-up or again (a reset, another size),
 * as made (the changes since are the overlay's).
 */
import type { KeptShop } from '../src/demo-shop/seeded-shop';
import { committed, done } from './idb';

const DATABASE = 'stockroom-mock-shops';
/** 2: shops kept as levels (version 1 kept whole objects, and only small shops). */
const VERSION = 2;
const SHOPS = 'shops';
/** When each was saved, apart from the shops, so choosing which to drop reads no shop. */
const SAVED = 'saved';
const KEEP = 2;

type Stored = { key: string; shop: KeptShop };
type Saved = { key: string; savedAt: number };

function open(factory: IDBFactory): Promise<IDBDatabase> {
  const request = factory.open(DATABASE, VERSION);
  request.onupgradeneeded = () => {
    // An earlier version's shops are of another form: dropped, not read.
    for (const name of [...request.result.objectStoreNames]) request.result.deleteObjectStore(name);
    request.result.createObjectStore(SHOPS, { keyPath: 'key' });
    request.result.createObjectStore(SAVED, { keyPath: 'key' });
  };
  return done(request);
}

export async function loadShop(key: string, factory: IDBFactory | undefined = globalThis.indexedDB): Promise<KeptShop | undefined> {
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
  shop: KeptShop,
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
      shops.put({ key, shop } satisfies Stored);
      saved.put({ key, savedAt } satisfies Saved);
      const others = earlier.filter((s) => s.key !== key).sort((a, b) => b.savedAt - a.savedAt);
      for (const old of others.slice(KEEP - 1)) {
        shops.delete(old.key);
        saved.delete(old.key);
      }
      await committed(tx);
    } finally {
      idb.close();
    }
  } catch (error) {
    // Full or refused: the next load makes the shop again, as before.
    console.warn('[mock] could not keep the shop for the next load', error);
  }
}
