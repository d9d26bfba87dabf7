/**
 * Journey 6: a merchandiser starts a 20 % sale on the Audio category from the
 * product list, checks three prices and a variant's price history (after a
 * reload: the batch is in IndexedDB), then reverts the batch.
 */
import { describe, expect, test } from 'vitest';
import type { Product } from '../../src/contract/schemas';
import { formatCents } from '../../src/contract/values/money';
import { percentOf } from '../../src/domain/price-rules';
import { apiProduct, apiProducts, chooseOption, eventually, openScreen, UI_TIMEOUT, waitForProductRows } from './app';
import { setupBrowser } from './browser';

const session = setupBrowser({}, { role: 'merchandiser' });

type Expected = {
  productId: string;
  variantId: string;
  sku: string;
  price: number;
  compareAtPrice: number | null;
  newPrice: number;
  newCompareAt: number;
};

function expectedSale(product: Product): Expected {
  const v = product.variants[0]!;
  return {
    productId: product.id,
    variantId: v.id,
    sku: v.sku,
    price: v.price,
    compareAtPrice: v.compareAtPrice,
    newPrice: percentOf(v.price, 8000),
    // A variant already on sale keeps its original compare-at.
    newCompareAt: v.compareAtPrice !== null && v.compareAtPrice > v.price ? v.compareAtPrice : v.price,
  };
}

describe('pricing', () => {
  test('a 20 % sale on Audio: preview, apply, three prices and a history, then revert', async () => {
    const { page, baseUrl } = session;
    await openScreen(page, baseUrl, '/products?categoryId=audio&sort=title');
    await waitForProductRows(page);
    const audio = await apiProducts(page, { categoryId: 'audio', sort: 'title', limit: '3' });
    const three = await Promise.all(audio.items.map(async (p) => expectedSale(await apiProduct(page, p.id))));
    expect(three).toHaveLength(3);

    await page.getByRole('button', { name: 'Change prices of all matching' }).click();
    await page.getByRole('heading', { name: 'Pricing', level: 1 }).waitFor({ timeout: UI_TIMEOUT });
    expect(new URL(page.url()).search).toBe('?categoryId=audio');

    await page.getByRole('textbox', { name: 'Name of the change' }).fill('Audio sale 20 %');
    await page.getByRole('textbox', { name: 'Percent' }).fill('20');
    await chooseOption(page, page.getByRole('combobox', { name: 'Compare-at price' }), 'Start a sale (old price becomes compare-at)');

    const preview = page.getByRole('table', { name: 'Preview' });
    const firstRow = preview.getByRole('row', { name: new RegExp(three[0]!.sku) });
    await firstRow.waitFor({ timeout: UI_TIMEOUT });
    await expect
      .poll(() => firstRow.textContent(), { timeout: UI_TIMEOUT })
      .toContain(`${formatCents(three[0]!.price)} → ${formatCents(three[0]!.newPrice)}`);
    const apply = page.getByRole('button', { name: /^Apply \d+ changes$/ });
    const count = Number((await apply.textContent())?.match(/\d+/)?.[0]);
    expect(count).toBeGreaterThan(3);

    await apply.click();
    await page.getByRole('dialog', { name: 'Change these prices now?' }).getByRole('button', { name: 'Apply' }).click();
    await page.waitForURL(/\/pricing\/batches\/pb_/, { timeout: UI_TIMEOUT });
    await page.getByText(`${count} prices changed`).waitFor({ timeout: UI_TIMEOUT });
    const batchUrl = page.url();

    for (const e of three) {
      const v = (await apiProduct(page, e.productId)).variants.find((x) => x.id === e.variantId)!;
      expect({ sku: v.sku, price: v.price, compareAtPrice: v.compareAtPrice }).toEqual({
        sku: e.sku,
        price: e.newPrice,
        compareAtPrice: e.newCompareAt,
      });
    }

    // The history survives a reload: the batch and its prices live in the mock's IndexedDB.
    const [first] = three;
    await openScreen(page, baseUrl, `/pricing/history?sku=${encodeURIComponent(first!.sku)}`);
    const history = page.getByRole('table', { name: 'Price history' });
    const saleRow = history.getByRole('row', { name: /bulk price change/ });
    await saleRow.waitFor({ timeout: UI_TIMEOUT });
    expect(await saleRow.textContent()).toContain(`${formatCents(first!.price)} → ${formatCents(first!.newPrice)}`);
    expect(await saleRow.textContent()).toContain('Audio sale 20 %');
    expect(await saleRow.textContent()).toContain('Mia Merchandiser');

    await saleRow.getByRole('link', { name: 'Audio sale 20 %' }).click();
    await page.waitForURL(batchUrl, { timeout: UI_TIMEOUT });
    await page.getByRole('button', { name: 'Revert batch' }).click();
    await page.getByRole('dialog', { name: 'Revert this batch?' }).getByRole('button', { name: 'Revert' }).click();
    await page.getByText(`${count} prices restored`, { exact: true }).waitFor({ timeout: UI_TIMEOUT });

    await eventually(async () => {
      for (const e of three) {
        const v = (await apiProduct(page, e.productId)).variants.find((x) => x.id === e.variantId)!;
        expect({ price: v.price, compareAtPrice: v.compareAtPrice }).toEqual({ price: e.price, compareAtPrice: e.compareAtPrice });
      }
    });
    await openScreen(page, baseUrl, `/pricing/history?sku=${encodeURIComponent(first!.sku)}`);
    await history.getByRole('row', { name: /price batch reverted/ }).waitFor({ timeout: UI_TIMEOUT });
  });
});
