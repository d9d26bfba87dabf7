/**
 * The page's end of the mock's worker (mock-worker.ts), small enough to start before msw loads: the
 * worker seeds its shop while the page fetches msw and registers the service worker (browser.ts).
 * It hands the worker what only a page has (its `stockroom.mock*` localStorage entries, its address
 * and its clock), writes back what the worker changes there, forwards other tabs' changes, and sends
 * requests and matches their answers.
 */
import {
  EARLY_WORKER_GLOBAL,
  MOCK_SERVICE_WORKER_URL,
  MOCK_STORAGE_PREFIX,
  type EarlyWorker,
  type FromWorker,
  type ToWorker,
  type WireRequest,
  type WireResponse,
} from './worker-protocol';

export type MockClient = { request(request: WireRequest): Promise<WireResponse | null> };

function mockStorage(): Record<string, string> {
  const entries: Record<string, string> = {};
  try {
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i);
      if (key?.startsWith(MOCK_STORAGE_PREFIX)) entries[key] = localStorage.getItem(key) ?? '';
    }
  } catch {
    // Storage can be disabled; defaults and URL parameters still apply.
  }
  return entries;
}

function readStorage(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function writeStorage(key: string, value: string | null): void {
  try {
    if (value === null) localStorage.removeItem(key);
    else localStorage.setItem(key, value);
  } catch (error) {
    // Storage full or disabled: the mock keeps working for this page, and says what a reload will not find.
    console.warn(`[mock] could not save ${key}; this tab keeps it, a reload will not`, error);
  }
}

export function startMockWorker(): MockClient {
  // MSW's service worker installs while msw's page code (browser.ts) downloads and compiles: its start() then
  // finds the registration under way instead of beginning it.
  void navigator.serviceWorker?.register(MOCK_SERVICE_WORKER_URL).catch(() => undefined);
  // The worker index.html's boot script started (a signed-in visit to a build), or one started now.
  const early = (window as unknown as Record<string, EarlyWorker | undefined>)[EARLY_WORKER_GLOBAL];
  const worker = early?.worker ?? new Worker(new URL('./mock-worker.ts', import.meta.url), { type: 'module', name: 'stockroom-mock' });
  const send = (message: ToWorker, transfer: Transferable[] = []) => worker.postMessage(message, transfer);
  const pending = new Map<number, { done: (answer: WireResponse | null) => void; fail: (error: Error) => void }>();
  let nextId = 1;
  let alive = false;
  /** Set when the worker's script failed to load or to run: every request, waiting or new, fails with it. */
  let dead: Error | null = null;

  worker.onmessage = (event: MessageEvent<FromWorker>) => {
    const message = event.data;
    if (message.type === 'alive') {
      alive = true;
      return;
    }
    if (message.type === 'storage') {
      writeStorage(message.key, message.value);
      return;
    }
    const waiting = pending.get(message.id);
    pending.delete(message.id);
    if (message.type === 'response') waiting?.done(message.response);
    else waiting?.fail(new Error(message.message));
  };
  worker.onerror = (event) => {
    console.error('[mock] the worker failed', event.message);
    // Before it said it runs, the worker is not running (its script did not load, or threw as it ran): nothing would
    // ever answer, so every request says so rather than wait forever.
    if (alive) return;
    dead = new Error(`The mock API could not start (${event.message || 'its script did not load'}). Reload the page.`);
    for (const { fail } of pending.values()) fail(dead);
    pending.clear();
  };
  // What it said (or how it failed) before this page listened, in order.
  for (const event of early?.events.splice(0) ?? []) {
    if (event instanceof MessageEvent) worker.onmessage(event);
    else worker.onerror(event as ErrorEvent);
  }
  // Another tab's write to the mock's entries (a sign-in, the people document, settings): the value localStorage holds
  // now, not the event's, which may be older than a write of this tab's that came after it.
  addEventListener('storage', (event) => {
    if (event.storageArea === localStorage && event.key?.startsWith(MOCK_STORAGE_PREFIX)) {
      send({ type: 'storage', key: event.key, value: readStorage(event.key) });
    }
  });
  const storage = mockStorage();
  if (!early) send({ type: 'start', storage, search: location.search, pageNow: Date.now() });
  else {
    // The boot script started it with the entries it read then: what another tab wrote since follows, as its events would.
    for (const key of new Set([...Object.keys(early.storage), ...Object.keys(storage)])) {
      if (early.storage[key] !== storage[key]) send({ type: 'storage', key, value: storage[key] ?? null });
    }
  }

  return {
    request: (request) =>
      new Promise((done, fail) => {
        if (dead) return fail(dead);
        const id = nextId++;
        pending.set(id, { done, fail });
        send({ type: 'request', id, pageNow: Date.now(), request }, request.body ? [request.body] : []);
      }),
  };
}
