/**
 * Journey 4: "Export CSV" exports every row of the current view (all pages,
 * fetched from the API page by page), not just the rows on screen.
 */
import { readFile } from 'node:fs/promises';
import Papa from 'papaparse';
import { describe, expect, test } from 'vitest';
import { apiProducts, listSummary, openScreen, UI_TIMEOUT, waitForProductRows } from './app';
import { setupBrowser } from './browser';

const session = setupBrowser();

const HEADER = [
  'id',
  'title',
  'handle',
  'status',
  'category',
  'tags',
  'skus',
  'variants',
  'price_min_usd',
  'price_max_usd',
  'stock',
  'updated_at',
];

describe('exporting the products list', () => {
  test('a filtered view exports all its matching rows, not only the page', async () => {
    const { page, baseUrl } = session;
    await openScreen(page, baseUrl, '/products?status=active&categoryId=cables-chargers&priceMin=1000&pageSize=10&sort=price');
    await waitForProductRows(page);
    const { total, last } = await listSummary(page);
    // Otherwise the test could not tell "all rows" from "this page".
    expect(total).toBeGreaterThan(last);

    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: UI_TIMEOUT }),
      page.getByRole('button', { name: 'Export CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('products.csv');
    const text = await readFile(await download.path(), 'utf8');
    const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.meta.fields).toEqual(HEADER);
    expect(parsed.data).toHaveLength(total);

    for (const row of parsed.data) {
      expect(row.status).toBe('active');
      expect(row.category).toBe('Cables & Chargers');
      // The API's price filter matches a product when some variant's price is in range.
      expect(Number(row.price_max_usd)).toBeGreaterThanOrEqual(10);
    }
    // The same rows, in the same order, as the API's answer for the view.
    const api = await apiProducts(page, {
      status: 'active',
      categoryId: 'cables-chargers',
      priceMin: '1000',
      sort: 'price',
      limit: '500',
    });
    expect(api.total).toBe(total);
    expect(parsed.data.map((r) => r.id)).toEqual(api.items.map((p) => p.id));
    const ids = new Set(parsed.data.map((r) => r.id));
    expect(ids.size).toBe(total);
  });
});
