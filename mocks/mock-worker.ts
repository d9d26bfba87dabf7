/**
 * The mock API's own thread: the store, the seed, its indexes and the handlers run here, so
 * seeding a 50,000-product shop or scanning 200,000 orders never holds the page. The page keeps
 * MSW's service worker as the interception layer and forwards each /api request here
 * (browser.ts); `getResponse` runs the very handlers the contract suite runs in node.
 *
 * A dedicated worker per tab, with today's tab sync (BroadcastChannel, Web Locks, IndexedDB all
 * exist in workers). localStorage does not: the page hands over the mock's entries at start and
 * writes back what the worker changes (`MirroredStorage`), so sessions, the people document,
 * settings and shop anchors stay where they were and other tabs see them as before.
 */
import './worker-globals';
import { getResponse } from 'msw';
import { browserAuthStorage, PEOPLE_DOCUMENT_KEYS } from './auth';
import { readGuarded, writeGuarded } from './guarded-entries';
import { createHandlers } from './handlers';
import { resolveSettings, SETTINGS_STORAGE_KEY } from './settings';
import { adoptKeptShop, keepShop, lastSeededShop, seededShopKey, type ShopSettings } from '../src/demo-shop/seeded-shop';
import { daySumsOf } from './report-index';
import { loadShop, saveShop } from './shop-snapshot';
import { MockDb, shopKeyOf } from './store';
import { connectTabs, shopAnchor } from './tab-sync';
import type { FromWorker, ToWorker, WireRequest, WireResponse } from './worker-protocol';

type Scope = {
  postMessage(message: FromWorker, transfer?: Transferable[]): void;
  onmessage: ((event: MessageEvent<ToWorker>) => void) | null;
};
const scope = self as unknown as Scope;

/** The people document's entries (mocks/auth.ts), which the tabs' write lock guards. */
const GUARDED: ReadonlySet<string> = new Set(PEOPLE_DOCUMENT_KEYS);

/**
 * localStorage as the page last told it, written through to the page. The people document is also written through to
 * IndexedDB (guarded-entries.ts), where a write under the tabs' lock reads it: another tab's write may not have reached
 * this copy through the pages yet.
 */
class MirroredStorage {
  private entries: Map<string, string>;
  /** This worker's IndexedDB reads and writes of the people document, in the order they were asked for. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(initial: Record<string, string>) {
    this.entries = new Map(Object.entries(initial));
  }
  get length(): number {
    return this.entries.size;
  }
  key(index: number): string | null {
    return [...this.entries.keys()][index] ?? null;
  }
  getItem(key: string): string | null {
    return this.entries.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.entries.set(key, String(value));
    scope.postMessage({ type: 'storage', key, value: String(value) });
    if (GUARDED.has(key)) this.save();
  }
  removeItem(key: string): void {
    this.entries.delete(key);
    scope.postMessage({ type: 'storage', key, value: null });
    if (GUARDED.has(key)) this.save();
  }
  clear(): void {
    for (const key of [...this.entries.keys()]) this.removeItem(key);
  }
  /** Another tab's write, seen by the page. */
  follow(key: string, value: string | null): void {
    if (value === null) this.entries.delete(key);
    else this.entries.set(key, value);
  }

  private then<T>(step: () => Promise<T>): Promise<T> {
    const next = this.queue.then(step);
    this.queue = next.catch((error: unknown) => console.warn('[mock] IndexedDB could not keep the people document', error));
    return next;
  }

  /** The people document as this copy holds it, into IndexedDB (after this worker's earlier reads and writes). */
  private save(): void {
    const entries = PEOPLE_DOCUMENT_KEYS.map((key) => [key, this.getItem(key)] as const);
    void this.then(() => writeGuarded(entries)).catch(() => undefined);
  }

  /** Inside the tabs' write lock, before anything is read: the people document as the last write left it. */
  async pull(): Promise<void> {
    const latest = await this.then(() => readGuarded(PEOPLE_DOCUMENT_KEYS)).catch(() => new Map<string, string | null>());
    for (const [key, value] of latest) this.follow(key, value);
  }

  /** Before the write lock is let go: once what this worker wrote is in IndexedDB, where the next tab's write reads it. */
  async push(): Promise<void> {
    await this.then(async () => undefined);
  }
}

/**
 * The page's clock: each request brings the page's time, and the mock's "now" runs on from it.
 * A test that sets the page's clock (Playwright's clock) sets the mock's too, as when the mock ran in the page.
 */
let offsetMs = 0;
const pageClock = () => Date.now() + offsetMs;
const followPage = (pageNow: number) => {
  // A message takes a moment to arrive: follow only a real difference, so the mock's clock never steps back by that moment.
  const offset = pageNow - Date.now();
  if (Math.abs(offset - offsetMs) > 1_000) offsetMs = offset;
};

let storage: MirroredStorage | null = null;
let handlers: ReturnType<typeof createHandlers> | null = null;
let ready: Promise<void> | null = null;

async function start(message: Extract<ToWorker, { type: 'start' }>): Promise<void> {
  followPage(message.pageNow);
  const mirror = new MirroredStorage(message.storage);
  storage = mirror;
  const local = mirror as unknown as Storage;
  const { settings, fromUrl } = resolveSettings(mirror.getItem(SETTINGS_STORAGE_KEY), message.search);
  // URL overrides stick, so a benchmark link keeps its shop across the app's own navigation and reloads.
  if (fromUrl) mirror.setItem(SETTINGS_STORAGE_KEY, JSON.stringify(settings));

  // The shop this browser made before (its anchor), or a new one made now.
  const anchorMs = await shopAnchor(shopKeyOf(settings), pageClock(), { storage: local });
  const started = performance.now();
  // The shop this browser made before, kept as the levels its orders left: made again from them, its orders when needed.
  const shop: ShopSettings = { seed: settings.seed, products: settings.products, orders: settings.orders, anchorMs };
  const keptShop = await loadShop(seededShopKey(shop));
  const kept = keptShop !== undefined && adoptKeptShop(shop, keptShop);
  const db = new MockDb(settings, { clock: pageClock, anchorMs });
  db.makeOrdersInSlices = nextTask;
  db.authStorage = browserAuthStorage(local);
  // This page's localStorage may not have another tab's latest write yet; IndexedDB has.
  await mirror.pull();
  db.catchUpAuth();
  const seeded = performance.now();
  handlers = createHandlers(db);
  db.sync = await connectTabs(db, { storage: local, shared: mirror });
  console.info(
    `[mock] ${db.productCount.toLocaleString('en-US')} products (seed ${settings.seed}): ${kept ? 'made from its kept levels' : 'seeded'} in ${Math.round(seeded - started)} ms ` +
      `in a worker, saved changes in ${Math.round(performance.now() - seeded)} ms`,
  );
  // The shop as it is now (another tab's reset may have made it again meanwhile), and each one made after it.
  const current = (): ShopSettings => {
    const { seed, products, orders } = db.settings;
    return { seed, products, orders, anchorMs: db.anchorMs };
  };
  afterShopMade(db, kept && seededShopKey(current()) === seededShopKey(shop) ? null : current());
  db.onReseed = () => afterShopMade(db, current());
}

/** Which shop's quiet-time work is running: a shop made again stops the last one's. */
let quietRound = 0;

/**
 * Once a shop is made (`made`: its settings; null when it was made again from a kept one): keep it for the next load
 * at once, with its orders' day sums (summed as the store made the orders), so that a reload or a sign-in's next page
 * finds it however soon it comes; then, in quiet moments, sort orders, uniqueness indexes, search text and report sums,
 * a slice at a time.
 */
function afterShopMade(db: MockDb, made: ShopSettings | null): void {
  const round = ++quietRound;
  const shop = made && lastSeededShop(made);
  if (shop) {
    const saving = performance.now();
    // The store summed a shop's orders by day as it made them (one made again from a kept shop has its kept sums).
    shop.stock.daySums ??= daySumsOf(shop.stock.orders.each());
    void saveShop(seededShopKey(made), keepShop(shop, shop.stock.daySums), pageClock()).then(() =>
      console.info(`[mock] kept the shop for the next load in ${Math.round(performance.now() - saving)} ms`),
    );
  }
  whenQuiet(QUIET_MS, () => round === quietRound && db.warmUpStep());
}

/**
 * The next task, queued behind the messages already here: a message on a channel of our own, as timers may run before
 * the page's messages (a request arriving while the orders are made in slices would wait for all of them).
 */
const tasks = new MessageChannel();
const waiting: (() => void)[] = [];
tasks.port1.onmessage = () => waiting.shift()?.();
function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    waiting.push(resolve);
    tasks.port2.postMessage(null);
  });
}

/**
 * When a request last came in or was answered, and how many are being answered: background work waits for a quiet
 * moment, as requestIdleCallback did in the page.
 */
let lastRequestAt = 0;
let answering = 0;
const QUIET_MS = 150;

/**
 * Background work in slices, each once no request is being answered and none has come or gone for `quietMs`, so a
 * screen's requests (a burst, or one waiting for a kept shop's orders) are not kept waiting behind a slice. `step` does
 * one slice and says whether there is more.
 */
function whenQuiet(quietMs: number, step: () => boolean): void {
  const next = () => {
    const quietFor = performance.now() - lastRequestAt;
    if (answering > 0 || quietFor < quietMs) setTimeout(next, Math.max(quietMs - quietFor, 1));
    else if (step()) setTimeout(next, 0);
  };
  setTimeout(next, quietMs);
}

async function answer(wire: WireRequest): Promise<WireResponse | null> {
  await ready;
  // Another request still being answered: one task first, so an answer that is all but sent (its body is read a task
  // or so later) goes out before this request's work.
  if (answering > 1) await nextTask();
  if (!handlers) throw new Error('The mock did not start');
  const request = new Request(wire.url, {
    method: wire.method,
    headers: wire.headers,
    body: wire.body && wire.method !== 'GET' && wire.method !== 'HEAD' ? wire.body : undefined,
  });
  const response = await getResponse(handlers, request);
  if (!response) return null;
  if (response.type === 'error') return { error: true };
  const body = response.body ? await response.arrayBuffer() : null;
  return { error: false, status: response.status, statusText: response.statusText, headers: [...response.headers], body };
}

scope.onmessage = (event) => {
  const message = event.data;
  if (message.type === 'start') {
    ready = start(message);
    ready.catch((error: unknown) => console.error('[mock] could not start', error));
  } else if (message.type === 'storage') {
    storage?.follow(message.key, message.value);
  } else {
    lastRequestAt = performance.now();
    answering++;
    followPage(message.pageNow);
    answer(message.request)
      .then(
        (response) =>
          scope.postMessage(
            { type: 'response', id: message.id, response },
            response?.error === false && response.body ? [response.body] : [],
          ),
        (error: unknown) =>
          scope.postMessage({ type: 'failed', id: message.id, message: error instanceof Error ? error.message : String(error) }),
      )
      .finally(() => {
        answering--;
        lastRequestAt = performance.now();
      });
  }
};

scope.postMessage({ type: 'alive' });
