/**
 * The localStorage entries the tabs' write lock guards (the people document and its revision, mocks/auth.ts), kept in
 * IndexedDB as well. A tab's worker reads a copy of localStorage that another tab's write reaches only through two
 * pages and a storage event, and Chromium names no moment by which another process's localStorage write is sure to be
 * seen; an IndexedDB transaction sees every one committed before it, whatever tab made it. So the worker writes these
 * entries here whenever it saves them, and a write reads them from here once it holds the lock, waiting for its own
 * writes before it lets the lock go (mock-worker.ts `MirroredStorage`, tab-sync.ts `shared`). localStorage still
 * carries them to the pages and to the next load.
 */
import { committed, done } from './idb';

const DATABASE = 'stockroom-mock-guarded';
const VERSION = 1;
const ENTRIES = 'entries';

type Entry = { key: string; value: string | null };

function open(factory: IDBFactory): Promise<IDBDatabase> {
  const request = factory.open(DATABASE, VERSION);
  request.onupgradeneeded = () => request.result.createObjectStore(ENTRIES, { keyPath: 'key' });
  return done(request);
}

/** The entries as last written under the lock (null: removed); a key never written here is missing, and localStorage's value stands. */
export async function readGuarded(
  keys: readonly string[],
  factory: IDBFactory | undefined = globalThis.indexedDB,
): Promise<Map<string, string | null>> {
  const found = new Map<string, string | null>();
  if (!factory) return found;
  const idb = await open(factory);
  try {
    const store = idb.transaction(ENTRIES, 'readonly').objectStore(ENTRIES);
    const entries = await Promise.all(keys.map((key) => done(store.get(key)) as Promise<Entry | undefined>));
    keys.forEach((key, i) => {
      const entry = entries[i];
      if (entry) found.set(key, entry.value);
    });
    return found;
  } finally {
    idb.close();
  }
}

/** Writes the entries (null: removed) in one transaction, and resolves once it has committed. */
export async function writeGuarded(
  entries: readonly (readonly [string, string | null])[],
  factory: IDBFactory | undefined = globalThis.indexedDB,
): Promise<void> {
  if (!factory) return;
  const idb = await open(factory);
  try {
    const tx = idb.transaction(ENTRIES, 'readwrite');
    const store = tx.objectStore(ENTRIES);
    for (const [key, value] of entries) store.put({ key, value } satisfies Entry);
    await committed(tx);
  } finally {
    idb.close();
  }
}
