/**
 * Settings → Demo data: another catalogue size is another shop (the app
 * restarts on it), and "Reset demo data" discards what was changed here.
 */
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { apiProduct, listSummary, openScreen, UI_TIMEOUT, waitForProductRows } from './app';
import { setupBrowser } from './browser';

const session = setupBrowser();

/** When the browser last kept a shop for the next load (mocks/shop-snapshot.ts), by the page's clock; 0 for never. */
function lastShopKeptAt(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const opening = indexedDB.open('stockroom-mock-shops');
        opening.onerror = () => resolve(0);
        opening.onsuccess = () => {
          const db = opening.result;
          if (!db.objectStoreNames.contains('saved')) return resolve(0);
          const all = db.transaction('saved', 'readonly').objectStore('saved').getAll();
          all.onsuccess = () => {
            resolve(Math.max(0, ...(all.result as { savedAt: number }[]).map((s) => s.savedAt)));
            db.close();
          };
        };
      }),
  );
}

describe('demo data settings', () => {
  test('a new catalogue size restarts the app on a shop of that size', async () => {
    const { page, baseUrl } = session;
    await openScreen(page, baseUrl, '/settings');
    await page.getByRole('combobox', { name: /Catalogue size/ }).selectOption('2000');
    await Promise.all([
      page.waitForEvent('load', { timeout: UI_TIMEOUT }),
      page.getByRole('button', { name: 'Save demo settings' }).click(),
    ]);

    await openScreen(page, baseUrl, '/products');
    await waitForProductRows(page);
    expect((await listSummary(page)).total).toBe(2000);
  });

  test('reset brings back the seeded shop', async () => {
    const { page, baseUrl } = session;
    await openScreen(page, baseUrl, '/products/prod_000001');
    const seeded = await apiProduct(page, 'prod_000001');
    const title = page.getByRole('textbox', { name: 'Title' });
    await title.fill('Renamed before the reset');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(async () => (await apiProduct(page, 'prod_000001')).title, { timeout: UI_TIMEOUT }).toBe('Renamed before the reset');

    await openScreen(page, baseUrl, '/settings');
    // The shop kept last (at start-up), stamped by the page's clock: the one the reset makes is kept after it.
    const keptBefore = await lastShopKeptAt(page);
    // Requests back to back, as a busy screen sends them: the mock never has a quiet moment, and keeps the shop anyway.
    await page.evaluate(() => {
      const flag = window as unknown as { busy: boolean };
      flag.busy = true;
      void (async () => {
        while (flag.busy) await fetch('/api/session');
      })();
    });
    await page.getByRole('button', { name: 'Reset demo data' }).click();
    await page.getByRole('dialog', { name: 'Reset demo data?' }).getByRole('button', { name: 'Reset' }).click();
    // Exact: the dialog's own text ends with the same words and would match while it closes, before the reset is done.
    await page.getByText('The seeded shop is made again, with its orders up to now.', { exact: true }).waitFor({ timeout: UI_TIMEOUT });
    expect((await apiProduct(page, 'prod_000001')).title).toBe(seeded.title);
    // The shop made again is kept for the next load (as the one made at start-up is), so the reload does not make it again.
    await expect.poll(() => lastShopKeptAt(page), { timeout: UI_TIMEOUT }).toBeGreaterThan(keptBefore);
    await page.evaluate(() => ((window as unknown as { busy: boolean }).busy = false));

    await page.reload();
    expect((await apiProduct(page, 'prod_000001')).title).toBe(seeded.title);
  });
});
