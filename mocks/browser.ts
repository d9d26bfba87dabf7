/**
 * Starts the mock API for the page: the store and its handlers run in a worker (mock-worker.ts),
 * off the page's main thread; the page registers MSW's service worker and forwards every request
 * under /api (and for the seeded pictures' host) to it. Holds only what a page has and a worker
 * lacks: localStorage (handed over at start and written back), the address (mock.* settings) and
 * the page's clock. Resolves once requests are intercepted; the worker answers them once its shop is
 * seeded, and queues them until then.
 */
import { http, HttpResponse, passthrough } from 'msw';
import { setupWorker } from 'msw/browser';
import { MOCK_STORAGE_PREFIX, type FromWorker, type ToWorker, type WireResponse } from './worker-protocol';

/** The seeded pictures' reserved host (src/demo-shop/seed.ts IMAGE_HOST), named here so the page's chunk holds no seed code. */
const IMAGE_HOST = 'https://images.stockroom.test';

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

function writeStorage(key: string, value: string | null): void {
  try {
    if (value === null) localStorage.removeItem(key);
    else localStorage.setItem(key, value);
  } catch {
    // Storage full or disabled: the mock keeps working for this page.
  }
}

export async function startMockApi(): Promise<void> {
  const worker = new Worker(new URL('./mock-worker.ts', import.meta.url), { type: 'module', name: 'stockroom-mock' });
  const send = (message: ToWorker, transfer: Transferable[] = []) => worker.postMessage(message, transfer);
  const pending = new Map<number, { done: (answer: WireResponse | null) => void; fail: (error: Error) => void }>();
  let nextId = 1;

  worker.onmessage = (event: MessageEvent<FromWorker>) => {
    const message = event.data;
    if (message.type === 'storage') {
      writeStorage(message.key, message.value);
      return;
    }
    const waiting = pending.get(message.id);
    pending.delete(message.id);
    if (message.type === 'response') waiting?.done(message.response);
    else waiting?.fail(new Error(message.message));
  };
  worker.onerror = (event) => console.error('[mock] the worker failed', event.message);
  // Another tab's write to the mock's entries (a sign-in, the people document, settings).
  addEventListener('storage', (event) => {
    if (event.storageArea === localStorage && event.key?.startsWith(MOCK_STORAGE_PREFIX)) {
      send({ type: 'storage', key: event.key, value: event.newValue });
    }
  });
  send({ type: 'start', storage: mockStorage(), search: location.search, pageNow: Date.now() });

  const forward = async ({ request }: { request: Request }) => {
    const body = request.method === 'GET' || request.method === 'HEAD' ? null : await request.arrayBuffer();
    const id = nextId++;
    const answer = await new Promise<WireResponse | null>((done, fail) => {
      pending.set(id, { done, fail });
      send(
        { type: 'request', id, pageNow: Date.now(), request: { method: request.method, url: request.url, headers: [...request.headers], body } },
        body ? [body] : [],
      );
    });
    if (!answer) return passthrough();
    if (answer.error) return HttpResponse.error();
    return new HttpResponse(answer.body, { status: answer.status, statusText: answer.statusText, headers: answer.headers });
  };
  const msw = setupWorker(http.all('/api/*', forward), http.all(`${IMAGE_HOST}/*`, forward));
  await msw.start({ serviceWorker: { url: '/mockServiceWorker.js' }, onUnhandledRequest: 'bypass', quiet: true });
}
