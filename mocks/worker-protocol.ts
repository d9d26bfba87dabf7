/**
 * What the page and the mock's worker (mock-worker.ts) say to each other. The page owns what only
 * it has (localStorage, the address, its clock, which tests may set); the worker owns the shop.
 */

/** The page → the worker. */
export type ToWorker =
  /** First message: the page's `stockroom.*` localStorage entries, its address's query and its clock. */
  | { type: 'start'; storage: Record<string, string>; search: string; pageNow: number }
  /** Another tab changed localStorage (the page saw a `storage` event): the worker's copy follows. */
  | { type: 'storage'; key: string; value: string | null }
  | { type: 'request'; id: number; pageNow: number; request: WireRequest };

/** The worker → the page. */
export type FromWorker =
  /** The worker's script has loaded and runs: an error after this is not the end of the worker. */
  | { type: 'alive' }
  /** The worker changed a localStorage entry: the page writes it, so it survives and other tabs see it. */
  | { type: 'storage'; key: string; value: string | null }
  | { type: 'response'; id: number; response: WireResponse | null }
  | { type: 'failed'; id: number; message: string };

export type WireRequest = { method: string; url: string; headers: [string, string][]; body: ArrayBuffer | null };

/** `null` when no handler answers (the page lets the request through); `error` for a network error. */
export type WireResponse =
  { error: true } | { error: false; status: number; statusText: string; headers: [string, string][]; body: ArrayBuffer | null };

/** The localStorage keys the mock keeps (settings, anchors, the people document, the session cookie). */
export const MOCK_STORAGE_PREFIX = 'stockroom.mock';

/** The mock's session cookie (auth.ts keeps it in localStorage, as the browser's cookie jar would). */
export const MOCK_SESSION_KEY = `${MOCK_STORAGE_PREFIX}.session`;

/**
 * On a signed-in visit index.html's boot script (src/lib/prerendered.ts) starts the worker before the app's scripts
 * load: from the address in this meta tag, which the build writes (vite.config.ts), leaving it and the events it sent
 * before anyone listened at `window[EARLY_WORKER_GLOBAL]`, where mock-client.ts takes it over. The boot script sends
 * its start message itself, with the entries it read then (`storage`).
 */
export const MOCK_WORKER_META = 'stockroom-mock-worker';
export const EARLY_WORKER_GLOBAL = 'stockroomEarlyWorker';
export type EarlyWorker = { worker: Worker; events: Event[]; storage: Record<string, string> };

/** MSW's service worker script (public/), which the page registers (browser.ts). */
export const MOCK_SERVICE_WORKER_URL = '/mockServiceWorker.js';
