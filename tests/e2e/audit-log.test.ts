/**
 * The audit journey: a merchandiser's price edit reads, in the audit log and in
 * the product's History, as the editor would say it ("Price: $89.99 → $84.99"
 * under the variant's SKU and option values), not as the API keeps it
 * (`variants.SKU.price: 8999 → 8499`); the record links to its product; the
 * log filters to that one record in its URL and back; nothing is cut off at 1440 px.
 */
import type { Locator, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { formatCents } from '../../src/contract/values/money';
import type { Product } from '../../src/contract/schemas';
import type { DiscountList } from '../../src/contract/discount-schemas';
import { apiGet, apiProduct, apiProducts, eventually, openScreen, UI_TIMEOUT } from './app';
import { setupBrowser } from './browser';

const session = setupBrowser({ viewport: { width: 1440, height: 900 } });

/** A product with options and several variants whose first variant can be a few dollars cheaper and stay above its cost. */
async function productToReprice(page: Page): Promise<{ product: Product; newPrice: number }> {
  const { items } = await apiProducts(page, { sort: 'title', limit: '25' });
  for (const summary of items) {
    const product = await apiProduct(page, summary.id);
    const variant = product.variants[0];
    if (product.options.length === 0 || product.variants.length < 2 || !variant) continue;
    const newPrice = variant.price - 500;
    if (newPrice > (variant.cost ?? 0) && newPrice > 0) return { product, newPrice };
  }
  throw new Error('No product with options among the first 25 that can be made $5 cheaper');
}

const LONG_DESCRIPTION = `Spec sheet: https://example.com/spec-sheets/${'braided-nylon-usb-c-cable-'.repeat(6)}final.pdf`;

function auditTable(page: Page): Locator {
  return page.getByRole('table', { name: 'Audit log' });
}

/** The list item that reads one change, by its label, inside a row. */
function change(row: Locator, label: string): Locator {
  return row.getByRole('listitem').filter({ has: row.page().getByText(`${label}:`, { exact: true }) });
}

/** Neither the page nor the table scrolls sideways: every change wraps inside its cell. */
async function expectNothingCutOff(table: Locator): Promise<void> {
  const widths = await table.evaluate((el) => {
    const box = el.parentElement!;
    return {
      page: document.documentElement.scrollWidth,
      window: window.innerWidth,
      table: el.getBoundingClientRect().right,
      box: box.getBoundingClientRect().right,
      boxScroll: box.scrollWidth,
      boxClient: box.clientWidth,
    };
  });
  expect(widths.page).toBeLessThanOrEqual(widths.window);
  expect(widths.table).toBeLessThanOrEqual(widths.box + 1);
  expect(widths.boxScroll).toBeLessThanOrEqual(widths.boxClient);
}

describe('audit log', () => {
  test('a price edit reads in dollars under its SKU and options, links to the product, and filters the log to it', async () => {
    const { page, baseUrl } = session;
    await openScreen(page, baseUrl, '/products');
    const { product, newPrice } = await productToReprice(page);
    const variant = product.variants[0]!;
    const options = variant.optionValues.join(' / ');
    const priceLine = `Price: ${formatCents(variant.price)} → ${formatCents(newPrice)}`;

    // The merchandiser's edit: one variant's price, in the editor, and a description with a long unbroken address.
    await openScreen(page, baseUrl, `/products/${product.id}`);
    await page.getByRole('textbox', { name: `Price of ${options}`, exact: true }).fill((newPrice / 100).toFixed(2));
    await page.getByRole('textbox', { name: 'Description', exact: true }).fill(LONG_DESCRIPTION);
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('All changes saved').waitFor({ timeout: UI_TIMEOUT });

    // The audit log, newest first: the variant by SKU and options, the price in dollars, no field names or cents.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Audit log' }).click();
    await page.getByRole('heading', { name: 'Audit log', level: 1 }).waitFor({ timeout: UI_TIMEOUT });
    const row = auditTable(page)
      .getByRole('row')
      .filter({ hasText: `${variant.sku} · ${options}` });
    await row.waitFor({ timeout: UI_TIMEOUT });
    expect(await change(row, 'Price').textContent()).toBe(priceLine);
    const text = (await row.textContent()) ?? '';
    expect(text).toContain('Ada Admin (Admin)');
    expect(text).not.toMatch(/variants\.|compareAtPrice|— → —/);
    expect(text).not.toContain(String(newPrice));
    // The description's entry wraps its long value inside the cell.
    await auditTable(page).getByRole('row').filter({ hasText: 'Description:' }).waitFor({ timeout: UI_TIMEOUT });
    await expectNothingCutOff(auditTable(page));

    // Only this record: the filter lives in the URL, survives a reload, and every row is this product's.
    await row.getByRole('button', { name: `Only this record: ${product.title}` }).click();
    await eventually(async () => expect(new URL(page.url()).searchParams.get('entityId')).toBe(product.id));
    await page.reload();
    await page.getByText(`Only ${product.title}`, { exact: true }).waitFor({ timeout: UI_TIMEOUT });
    await auditTable(page).getByRole('row').filter({ hasText: priceLine }).waitFor({ timeout: UI_TIMEOUT });
    const links = await auditTable(page).locator('tbody tr').getByRole('link').allTextContents();
    expect(links.length).toBeGreaterThan(0);
    expect(new Set(links)).toEqual(new Set([product.title]));

    // And back to every record.
    await page.getByRole('button', { name: 'Show every record' }).click();
    await eventually(async () => expect(new URL(page.url()).searchParams.has('entityId')).toBe(false));

    // The record opens its product.
    await auditTable(page)
      .getByRole('row')
      .filter({ hasText: `${variant.sku} · ${options}` })
      .getByRole('link', { name: product.title, exact: true })
      .click();
    await eventually(async () => expect(new URL(page.url()).pathname).toBe(`/products/${product.id}`));
    await page.locator('main h1', { hasText: product.title }).waitFor({ timeout: UI_TIMEOUT });

    // Its History says the same, in the same words, and opens the log filtered to it.
    await page.getByRole('tab', { name: 'History' }).click();
    const history = page.getByRole('table', { name: 'History' });
    const historyRow = history.getByRole('row').filter({ hasText: `${variant.sku} · ${options}` });
    await historyRow.waitFor({ timeout: UI_TIMEOUT });
    expect(await change(historyRow, 'Price').textContent()).toBe(priceLine);
    await expectNothingCutOff(history);
    await page.getByRole('link', { name: 'Open in the audit log' }).click();
    await eventually(async () => {
      const url = new URL(page.url());
      expect(url.pathname).toBe('/audit');
      expect(url.searchParams.get('entityId')).toBe(product.id);
    });
    await page.getByText(`Only ${product.title}`, { exact: true }).waitFor({ timeout: UI_TIMEOUT });
  });

  test('a discount’s entry links to the discount’s page', async () => {
    const { page, baseUrl } = session;
    await openScreen(page, baseUrl, '/discounts');
    const { items } = await apiGet<DiscountList>(page, '/discounts?status=active&limit=1');
    const discount = items[0]!;
    const name = discount.code ?? discount.title;
    await openScreen(page, baseUrl, `/discounts/${discount.id}`);
    await page.getByRole('button', { name: 'Disable now' }).click();
    await page.getByRole('button', { name: 'Enable' }).waitFor({ timeout: UI_TIMEOUT });

    await openScreen(page, baseUrl, '/audit?entityType=discount');
    const link = auditTable(page).getByRole('link', { name, exact: true }).first();
    await link.waitFor({ timeout: UI_TIMEOUT });
    await link.click();
    await page.waitForURL((url) => url.pathname === `/discounts/${discount.id}`, { timeout: UI_TIMEOUT });
    await eventually(async () => expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain('Disabled'));
  });
});
