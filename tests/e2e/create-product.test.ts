/**
 * Journey 1: a merchandiser creates a product with two colour variants. Wrong
 * input is refused beside the field and saves nothing; right input is saved
 * and survives a reload (it is in the mock's IndexedDB, not only in memory).
 */
import { describe, expect, test } from 'vitest';
import { upcCheckDigit } from '../../src/contract/values/upc';
import { accessibleDescription, apiProduct, apiProducts, chooseOption, eventually, openScreen, UI_TIMEOUT, waitForScreen } from './app';
import { setupBrowser } from './browser';
import { VIEWPORT } from './chromium';

const session = setupBrowser();

/** Valid UPC-A codes outside the seed's range (seeded ones start with 8). */
function upc(body: string): string {
  return body + upcCheckDigit(body);
}

describe('creating a product', () => {
  test('with two variants: refused with messages beside the fields, then saved and still there after a reload', async () => {
    const { page, baseUrl } = session;
    // Unique per run (the server journeys share one database), from no clock.
    const run = crypto.randomUUID().replaceAll('-', '').slice(0, 6).toUpperCase();
    const title = `E2E Trail Earbuds ${run}`;
    const black = { sku: `E2E-TRL-BLK-${run}`, barcode: upc('01234500001') };
    const white = { sku: `E2E-TRL-WHT-${run}`, barcode: upc('01234500002') };
    // A wrong check digit: the last digit is off by one.
    const wrongBarcode = white.barcode.slice(0, 11) + String((Number(white.barcode[11]) + 1) % 10);

    const textbox = (name: string) => page.getByRole('textbox', { name, exact: true });

    await openScreen(page, baseUrl, '/products/new');
    await textbox('Title').fill(title);
    await chooseOption(page, page.getByRole('combobox', { name: 'Category' }), 'Audio');

    await page.getByRole('button', { name: 'Add option' }).click();
    await textbox('Option 1 name').fill('Color');
    const values = page.getByRole('combobox', { name: 'Option 1 values' });
    await values.fill('Black');
    await values.press('Enter');
    await values.fill('White');
    await values.press('Enter');

    // The option's two values make two variant rows.
    const variants = page.getByRole('table', { name: 'Variants' });
    await eventually(async () => expect(await variants.locator('tbody tr').count()).toBe(2));
    await expect(variants.locator('tbody tr').first().textContent()).resolves.toContain('Black');
    await expect(variants.locator('tbody tr').nth(1).textContent()).resolves.toContain('White');

    await textbox('SKU of Black').fill(black.sku);
    await textbox('Barcode of Black').fill(black.barcode);
    await textbox('Price of Black').fill('49.99');
    // Below the price: must be refused.
    await textbox('Compare-at price of Black').fill('39.99');
    await textbox('Cost of Black').fill('20.00');

    await textbox('SKU of White').fill(white.sku);
    // The barcode field sits just above the sticky Save bar when the person clicks into it. Its message
    // (three lines in that narrow column) must show whole once the field is left, not end at "…: check the"
    // with the rest under the bar.
    const saveBar = page.getByRole('button', { name: 'Create product' }).locator('xpath=..');
    await page.setViewportSize({ width: VIEWPORT.width, height: 640 });
    const gap = await textbox('Barcode of White').evaluate(
      (field, bar) => {
        window.scrollBy(0, field.getBoundingClientRect().bottom - (bar!.getBoundingClientRect().top - 4));
        return bar!.getBoundingClientRect().top - field.getBoundingClientRect().bottom;
      },
      await saveBar.elementHandle(),
    );
    expect(gap).toBeGreaterThanOrEqual(0);
    expect(gap).toBeLessThan(10);
    await textbox('Barcode of White').click();
    await page.keyboard.type(wrongBarcode);
    // Left as a click elsewhere leaves it (Tab would scroll the next field into view, and the message with it).
    await textbox('Barcode of White').blur();
    const checkDigit = page.getByText('The check digit does not match: check the barcode', { exact: true });
    await checkDigit.waitFor({ timeout: UI_TIMEOUT });
    const [message, bar] = [await checkDigit.boundingBox(), await saveBar.boundingBox()];
    expect(message!.y).toBeGreaterThanOrEqual(0);
    expect(message!.y + message!.height).toBeLessThanOrEqual(bar!.y);
    await page.setViewportSize(VIEWPORT);
    await textbox('Price of White').fill('59.99');
    await textbox('Cost of White').fill('25.00');

    // Live margin, (price − cost) / price, rounded to a tenth of a percent.
    await eventually(async () => expect(await page.getByLabel('Margin of Black').textContent()).toBe('60.0%'));
    await eventually(async () => expect(await page.getByLabel('Margin of White').textContent()).toBe('58.3%'));

    await page.getByRole('button', { name: 'Create product' }).click();

    const compareAt = textbox('Compare-at price of Black');
    const barcode = textbox('Barcode of White');
    await eventually(async () => {
      expect(await accessibleDescription(compareAt)).toContain('Compare-at price must be above the price');
      expect(await accessibleDescription(barcode)).toContain('The check digit does not match');
    });
    expect(await compareAt.getAttribute('aria-invalid')).toBe('true');
    expect(await barcode.getAttribute('aria-invalid')).toBe('true');
    // Nothing saved: still on the new-product screen, and the API knows no such product.
    expect(new URL(page.url()).pathname).toBe('/products/new');
    expect((await apiProducts(page, { q: title })).total).toBe(0);

    await compareAt.fill('69.99');
    await barcode.fill(white.barcode);
    await page.getByRole('button', { name: 'Create product' }).click();

    await page.waitForURL((url) => /^\/products\/(?!new$)[^/]+$/.test(url.pathname), { timeout: UI_TIMEOUT });
    const id = decodeURIComponent(new URL(page.url()).pathname.split('/').pop() ?? '');
    await page.getByRole('heading', { level: 1, name: new RegExp(title) }).waitFor({ timeout: UI_TIMEOUT });

    // After a reload the page is built from what the mock persisted, not from the form's memory.
    await page.reload();
    await waitForScreen(page);
    await page.getByRole('heading', { level: 1, name: new RegExp(title) }).waitFor({ timeout: UI_TIMEOUT });
    await eventually(async () => expect(await variants.locator('tbody tr').count()).toBe(2));
    expect(await textbox('SKU of Black').inputValue()).toBe(black.sku);
    expect(await textbox('SKU of White').inputValue()).toBe(white.sku);
    expect(await textbox('Barcode of White').inputValue()).toBe(white.barcode);
    expect(await textbox('Price of Black').inputValue()).toBe('49.99');
    expect(await textbox('Compare-at price of Black').inputValue()).toBe('69.99');
    expect(await textbox('Price of White').inputValue()).toBe('59.99');
    expect(await page.getByLabel('Margin of White').textContent()).toBe('58.3%');

    // What the API stored: integer cents, in variant order.
    const stored = await apiProduct(page, id);
    expect(stored.title).toBe(title);
    expect(stored.categoryId).toBe('audio');
    expect(stored.options).toEqual([{ name: 'Color', values: ['Black', 'White'] }]);
    expect(
      stored.variants.map((v) => ({
        optionValues: v.optionValues,
        sku: v.sku,
        barcode: v.barcode,
        price: v.price,
        compareAtPrice: v.compareAtPrice,
        cost: v.cost,
      })),
    ).toEqual([
      { optionValues: ['Black'], sku: black.sku, barcode: black.barcode, price: 4999, compareAtPrice: 6999, cost: 2000 },
      { optionValues: ['White'], sku: white.sku, barcode: white.barcode, price: 5999, compareAtPrice: null, cost: 2500 },
    ]);
    expect((await apiProducts(page, { q: title })).total).toBe(1);
  });
});
