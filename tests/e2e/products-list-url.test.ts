/**
 * Journey 3: the products list keeps its filters, sort and page in the URL. A
 * copied link reproduces the view in another tab, back and forward step
 * through the views, and a mangled link falls back to defaults instead of an error.
 */
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { apiProducts, chooseOption, eventually, listSummary, openScreen, productRowIds, productTable, waitForProductRows } from './app';
import { setupBrowser } from './browser';

const session = setupBrowser();

type View = { search: Record<string, string>; ids: string[]; summary: { first: number; last: number; total: number } };

/** What the person sees: the URL's list parameters, the rows (by id), and "26–50 of N". */
async function currentView(page: Page): Promise<View> {
  await waitForProductRows(page);
  return {
    search: Object.fromEntries(new URL(page.url()).searchParams),
    ids: await productRowIds(page),
    summary: await listSummary(page),
  };
}

/** Waits for the URL to change from `before` and the table to show a new answer (other rows or another count). */
async function nextView(page: Page, before: View): Promise<View> {
  await eventually(async () => {
    const view = await currentView(page);
    expect(view.search).not.toEqual(before.search);
    expect({ ids: view.ids, summary: view.summary }).not.toEqual({ ids: before.ids, summary: before.summary });
  });
  return currentView(page);
}

/** The filter controls' visible state: Mantine shows a MultiSelect's values as pills and a Select's as its input value. */
async function controlsState(page: Page) {
  const main = page.getByRole('main');
  const statusPills = await main
    .locator('.mantine-MultiSelect-root, .mantine-InputWrapper-root')
    .filter({ has: page.getByRole('combobox', { name: 'Status' }) })
    .locator('.mantine-Pill-label')
    .allTextContents();
  return {
    status: statusPills,
    category: await page.getByRole('combobox', { name: 'Category' }).inputValue(),
    priceSort: await productTable(page)
      .getByRole('columnheader', { name: /^Price/ })
      .getAttribute('aria-sort'),
    currentPage: await page.getByRole('button', { name: 'Page 2' }).getAttribute('aria-current'),
  };
}

describe('the products list in the URL', () => {
  test('filter, sort and page: a copied link, back and forward reproduce each view', async () => {
    const { page, context, baseUrl } = session;
    // 10 rows a page, so the filtered list has a page 2.
    await openScreen(page, baseUrl, '/products?pageSize=10');
    const start = await currentView(page);

    await chooseOption(page, page.getByRole('combobox', { name: 'Status' }), 'Active');
    await page.keyboard.press('Escape');
    const byStatus = await nextView(page, start);
    expect(byStatus.search).toMatchObject({ status: 'active' });

    await chooseOption(page, page.getByRole('combobox', { name: 'Category' }), 'Audio');
    const byCategory = await nextView(page, byStatus);
    expect(byCategory.search).toMatchObject({ status: 'active', categoryId: 'audio' });

    await productTable(page)
      .getByRole('button', { name: /^Price/ })
      .click();
    const sorted = await nextView(page, byCategory);
    expect(sorted.search.sort).toMatch(/^-?price$/);

    await page.getByRole('button', { name: 'Page 2' }).click();
    const page2 = await nextView(page, sorted);
    expect(page2.search).toMatchObject({ status: 'active', categoryId: 'audio', sort: sorted.search.sort, page: '2' });
    expect(page2.summary).toMatchObject({ first: 11, total: sorted.summary.total });

    // The rows are what the API answers for these parameters, in its order.
    const expected = await apiProducts(page, {
      status: 'active',
      categoryId: 'audio',
      sort: sorted.search.sort ?? '',
      offset: '10',
      limit: '10',
    });
    expect(page2.ids).toEqual(expected.items.map((p) => p.id));
    expect(expected.items.every((p) => p.status === 'active' && p.categoryId === 'audio')).toBe(true);
    const prices = expected.items.map((p) => p.priceMin);
    const ascending = [...prices].sort((x, y) => x - y);
    expect(prices).toEqual(sorted.search.sort?.startsWith('-') ? ascending.reverse() : ascending);
    const controls = await controlsState(page);
    expect(controls).toEqual({
      status: ['Active'],
      category: 'Audio',
      priceSort: sorted.search.sort?.startsWith('-') ? 'descending' : 'ascending',
      currentPage: 'page',
    });

    // A copied link, opened in another tab, shows the same view.
    const copied = page.url();
    const other = await context.newPage();
    await openScreen(other, baseUrl, copied);
    const reopened = await currentView(other);
    expect(reopened).toEqual(page2);
    expect(await controlsState(other)).toEqual(controls);
    await other.close();

    // Back and forward step through the views, controls included.
    await page.bringToFront();
    await page.goBack();
    expect(await nextView(page, page2)).toEqual(sorted);
    await page.goBack();
    const back2 = await nextView(page, sorted);
    expect(back2).toEqual(byCategory);
    expect((await controlsState(page)).category).toBe('Audio');
    await page.goForward();
    expect(await nextView(page, back2)).toEqual(sorted);
    await page.goForward();
    expect(await nextView(page, sorted)).toEqual(page2);
    expect(await controlsState(page)).toEqual(controls);
  });

  test('bad parameters fall back to the defaults, without an error', async () => {
    const { page, baseUrl } = session;
    await openScreen(page, baseUrl, '/products');
    const defaults = await currentView(page);

    await openScreen(page, baseUrl, '/products?page=abc&sort=bogus&pageSize=7&status=nope&priceMin=cheap');
    const view = await currentView(page);
    expect(view.ids).toEqual(defaults.ids);
    expect(view.summary).toEqual(defaults.summary);
    expect(await page.getByRole('alert').count()).toBe(0);
    expect(
      await productTable(page)
        .getByRole('columnheader', { name: /^Price/ })
        .getAttribute('aria-sort'),
    ).toBeNull();
  });
});
