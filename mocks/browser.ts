/**
 * Starts the mock API in the page: settings (localStorage, overridden by
 * mock.* URL parameters), the seeded shop, the persisted overlay and the
 * other tabs, then the MSW worker. Await it before rendering.
 */
import { setupWorker } from 'msw/browser';
import { browserAuthStorage } from './auth';
import { createHandlers } from './handlers';
import { resolveSettings, SETTINGS_STORAGE_KEY } from './settings';
import { MockDb, shopKeyOf } from './store';
import { connectTabs, shopAnchor } from './tab-sync';
import { systemClock } from '../src/domain/clock';

export async function startMockApi(): Promise<void> {
  let stored: string | null = null;
  let storage: Storage | null = null;
  try {
    storage = localStorage;
    stored = storage.getItem(SETTINGS_STORAGE_KEY);
  } catch {
    // Storage can be disabled; defaults and URL parameters still apply.
  }
  const { settings, fromUrl } = resolveSettings(stored, location.search);
  // URL overrides stick, so a benchmark link keeps its shop across the app's own navigation and reloads.
  if (fromUrl) {
    try {
      localStorage.setItem(SETTINGS_STORAGE_KEY, JSON.stringify(settings));
    } catch {
      // Not persisting is acceptable: the URL still applies on this load.
    }
  }

  // The shop this browser made before (its anchor), or a new one made now.
  const anchorMs = await shopAnchor(shopKeyOf(settings), systemClock(), { storage });
  const started = performance.now();
  const db = new MockDb(settings, { anchorMs });
  db.authStorage = browserAuthStorage(localStorage);
  db.catchUpAuth();
  const seeded = performance.now();
  // Registering the service worker does not need the shop, so it runs while the saved
  // changes load; the app holds its requests until both are done (see holdRequestsUntil).
  const worker = setupWorker(...createHandlers(db));
  const [sync] = await Promise.all([
    connectTabs(db),
    worker.start({ serviceWorker: { url: '/mockServiceWorker.js' }, onUnhandledRequest: 'bypass', quiet: true }),
  ]);
  db.sync = sync;
  console.info(
    `[mock] ${db.productCount.toLocaleString('en-US')} products (seed ${settings.seed}): seeded in ${Math.round(seeded - started)} ms, ` +
      `changes and worker ready in ${Math.round(performance.now() - seeded)} ms`,
  );
  warmUpWhenIdle(db);
}

/** Sorts the catalogue by each column while the page is idle, one column per idle slot. */
function warmUpWhenIdle(db: MockDb): void {
  const later = (fn: () => void) =>
    typeof requestIdleCallback === 'function' ? requestIdleCallback(fn, { timeout: 2000 }) : setTimeout(fn, 50);
  const step = () => {
    if (db.warmUpStep()) later(step);
  };
  later(step);
}
