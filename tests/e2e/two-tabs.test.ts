/**
 * Two tabs of one browser are one server: each tab's mock runs in its own worker, and what one tab writes into the
 * people document (saved views, discounts, purchase orders, staff, customer notes, the audit log) is what the other
 * tab's next write starts from. A worker holds a copy of localStorage, which another tab's write reaches only through
 * two pages and a storage event, late when this tab's page is busy (and Chromium names no moment by which it must);
 * under the write lock the worker reads the people document from IndexedDB, where every write also leaves it
 * (mocks/guarded-entries.ts).
 */
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { DEFAULT_SETTINGS } from '../../mocks/settings';
import { shopKeyOf } from '../../mocks/store';
import { writeLockName } from '../../mocks/tab-sync';
import { openScreen, REAL_API, UI_TIMEOUT } from './app';
import { setupBrowser } from './browser';

const session = setupBrowser();
const LOCK = writeLockName(shopKeyOf(DEFAULT_SETTINGS));

type Probe = Window & { saving?: Promise<number>; releaseLock?: () => void };

/** Starts saving a view of the products list from this tab; `saved` waits for its status. */
async function startSaving(page: Page, name: string): Promise<void> {
  await page.evaluate((viewName) => {
    (window as Probe).saving = fetch('/api/views', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ list: 'products', name: viewName, search: 'status=active' }),
    }).then((r) => r.status);
  }, name);
}

const saved = (page: Page) => page.evaluate(() => (window as Probe).saving);

function viewNames(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const list = (await (await fetch('/api/views?list=products')).json()) as { items: { name: string }[] };
    return list.items.map((v) => v.name).sort();
  });
}

describe.skipIf(REAL_API)('two tabs writing at once', () => {
  test('a write waiting in one tab while the other writes keeps what the other wrote, even with its page busy', async () => {
    const { context, page, baseUrl } = session;
    const other = await context.newPage();
    await openScreen(page, baseUrl, '/products');
    await openScreen(other, baseUrl, '/products');

    // A third party holds the tabs' write lock, so both tabs' saves queue for it: the first tab's, then the other's.
    await page.evaluate(
      (lock) =>
        new Promise<void>((held) => {
          void navigator.locks.request(lock, () => {
            held();
            return new Promise<void>((release) => ((window as Probe).releaseLock = release));
          });
        }),
      LOCK,
    );
    await startSaving(page, 'First tab’s view');
    await page.waitForTimeout(200);
    await startSaving(other, 'Other tab’s view');
    await other.waitForTimeout(200);
    // The other tab's page is busy (drawing a big screen, say) while the lock passes from the first tab to it.
    const busy = other.evaluate(() => {
      const until = performance.now() + 1_500;
      while (performance.now() < until);
    });
    await page.evaluate(() => (window as Probe).releaseLock?.());
    await busy;
    expect([await saved(page), await saved(other)]).toEqual([201, 201]);

    const both = ['First tab’s view', 'Other tab’s view'];
    // The other tab saved second, under the lock, from what IndexedDB held: it has both at once. The first tab's worker
    // hears of the other's view through the pages and a storage event, when the other page gets to it (see above).
    expect(await viewNames(other)).toEqual(both);
    await expect.poll(() => viewNames(page), { timeout: UI_TIMEOUT }).toEqual(both);
    // Loaded afresh, each tab's worker starts from what localStorage kept.
    await openScreen(other, baseUrl, '/products');
    expect(await viewNames(other)).toEqual(both);
  });
});
