/**
 * Saved views (issue 23): filter the product list, save the view under a name, reload, go back to All, then
 * click the view's tab: the filter is back, in the URL, the controls and the rows. Its menu deletes it.
 */
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { apiProducts, chooseOption, eventually, listSummary, openScreen, UI_TIMEOUT, waitForProductRows, waitForScreen } from './app';
import { setupBrowser } from './browser';

const session = setupBrowser();

const views = (page: Page) => page.getByRole('navigation', { name: 'Saved views of products' });
const searchOf = (page: Page) => Object.fromEntries(new URL(page.url()).searchParams);

async function statusPills(page: Page): Promise<string[]> {
  return page
    .getByRole('main')
    .locator('.mantine-MultiSelect-root, .mantine-InputWrapper-root')
    .filter({ has: page.getByRole('combobox', { name: 'Status' }) })
    .locator('.mantine-Pill-label')
    .allTextContents();
}

describe('saved views', () => {
  test('a saved view of the product list comes back as a tab after a reload, with its filter', async () => {
    const { page, baseUrl } = session;
    // A name of its own, so a rerun on the same shop does not find it taken.
    const name = `Active only ${crypto.randomUUID().slice(0, 8)}`;
    await openScreen(page, baseUrl, '/products');
    await waitForProductRows(page);
    const all = await listSummary(page);
    await expect.poll(() => views(page).getByRole('link', { name: 'All' }).getAttribute('aria-current')).toBe('page');

    await chooseOption(page, page.getByRole('combobox', { name: 'Status' }), 'Active');
    await page.keyboard.press('Escape');
    await eventually(async () => expect(searchOf(page)).toMatchObject({ status: 'active' }));
    await waitForProductRows(page);

    await page.getByRole('button', { name: 'Save view' }).click();
    const dialog = page.getByRole('dialog', { name: 'Save this view of products' });
    await dialog.getByRole('textbox', { name: 'Name' }).fill(name);
    await dialog.getByRole('button', { name: 'Save view' }).click();
    await dialog.waitFor({ state: 'hidden', timeout: UI_TIMEOUT });
    const tab = views(page).getByRole('link', { name });
    await expect.poll(() => tab.getAttribute('aria-current'), { timeout: UI_TIMEOUT }).toBe('page');

    // After a reload it is still there; All shows the whole list again.
    await page.reload();
    await waitForScreen(page);
    await views(page).getByRole('link', { name: 'All' }).click();
    await eventually(async () => expect(searchOf(page)).toEqual({}));
    await eventually(async () => expect((await listSummary(page)).total).toBe(all.total));
    expect(await statusPills(page)).toEqual([]);

    // Its tab brings the filter back: the URL, the Status control and the rows.
    await page.reload();
    await waitForScreen(page);
    await views(page).getByRole('link', { name }).click();
    await eventually(async () => expect(searchOf(page)).toEqual({ status: 'active' }));
    await eventually(async () => expect(await statusPills(page)).toEqual(['Active']));
    const active = await apiProducts(page, { status: 'active', limit: '1' });
    await eventually(async () => expect((await listSummary(page)).total).toBe(active.total));
    expect(active.total).toBeLessThan(all.total);
    expect(await tab.getAttribute('aria-current')).toBe('page');

    // The owner's menu deletes it; the tab goes.
    await page.getByRole('button', { name: `Actions for the view ${name}` }).click();
    await page.getByRole('menuitem', { name: 'Delete…' }).click();
    await page.getByRole('dialog', { name: 'Delete the view?' }).getByRole('button', { name: 'Delete view' }).click();
    await tab.waitFor({ state: 'detached', timeout: UI_TIMEOUT });
  });
});
