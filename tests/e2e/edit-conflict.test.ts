/**
 * Journey 2: two tabs of one browser edit the same product. The mock behaves
 * like one server (shared IndexedDB, BroadcastChannel), so the second save is
 * stale: it must be refused with a dialog that shows what the other tab
 * changed, never applied silently.
 */
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import type { Product } from '../../src/contract/schemas';
import { apiProduct, apiProducts, eventually, openScreen, UI_TIMEOUT } from './app';
import { setupBrowser } from './browser';

const session = setupBrowser();

const dollars = (cents: number) => `$${(cents / 100).toFixed(2)}`;

/** Opens the same seeded product in two tabs (pages of one context) and saves a price change in tab A. */
async function priceSavedInTabA(): Promise<{ a: Page; b: Page; before: Product; newPrice: number; variantName: string }> {
  const { page: a, context, baseUrl } = session;
  await openScreen(a, baseUrl, '/products');
  const [first] = (await apiProducts(a, { sort: 'title', limit: '1' })).items;
  if (!first) throw new Error('The seeded shop has no products');
  const before = await apiProduct(a, first.id);
  const variant = before.variants[0];
  if (!variant) throw new Error('A product without variants');
  const variantName = variant.optionValues.join(' / ') || 'Default';
  // Whole dollars up, so the new price stays below any compare-at price only if there is none: drop it to keep the product valid.
  const newPrice = variant.price + 100;

  const b = await context.newPage();
  await openScreen(a, baseUrl, `/products/${first.id}`);
  await openScreen(b, baseUrl, `/products/${first.id}`);

  // A person switches to the tab they type in; a background tab's timers are throttled.
  await a.bringToFront();
  const price = a.getByRole('textbox', { name: `Price of ${variantName}`, exact: true });
  await price.fill((newPrice / 100).toFixed(2));
  if (variant.compareAtPrice !== null && variant.compareAtPrice <= newPrice) {
    await a.getByRole('textbox', { name: `Compare-at price of ${variantName}`, exact: true }).fill('');
  }
  await a.getByRole('button', { name: 'Save', exact: true }).click();
  await a.getByText('All changes saved').waitFor({ timeout: UI_TIMEOUT });
  await eventually(async () => expect((await apiProduct(a, first.id)).version).toBe(before.version + 1));
  return { a, b, before, newPrice, variantName };
}

/** Tab B, still showing the version it opened, changes the title and saves: the conflict dialog must show tab A's price. */
async function staleTitleSaveInTabB(b: Page, before: Product, newPrice: number, variantName: string, newTitle: string) {
  await b.bringToFront();
  await b.getByRole('textbox', { name: 'Title', exact: true }).fill(newTitle);
  await b.getByRole('button', { name: 'Save', exact: true }).click();
  const dialog = b.getByRole('dialog', { name: 'Someone else changed this product' });
  await dialog.waitFor({ timeout: UI_TIMEOUT });
  const rows = await dialog
    .getByRole('table', { name: 'What changed' })
    .locator('tbody tr')
    .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent?.trim() ?? '')));
  const variant = before.variants[0];
  if (!variant) throw new Error('A product without variants');
  // Field | when you opened it | saved by them | yours.
  expect(rows).toContainEqual([`${variantName}: Price`, dollars(variant.price), dollars(newPrice), dollars(variant.price)]);
  // The title was changed only by me, so it is not something "they" changed.
  expect(rows.map((r) => r[0])).not.toContain('Title');
  return dialog;
}

describe('editing one product in two tabs', () => {
  test('a stale save shows what the other tab changed; "Load their version" shows their price and discards my title', async () => {
    const { a, b, before, newPrice, variantName } = await priceSavedInTabA();
    const newTitle = `${before.title} (tab B)`;
    const dialog = await staleTitleSaveInTabB(b, before, newPrice, variantName, newTitle);

    await dialog.getByRole('button', { name: /Load their version/ }).click();
    await dialog.waitFor({ state: 'hidden', timeout: UI_TIMEOUT });
    expect(await b.getByRole('textbox', { name: 'Title', exact: true }).inputValue()).toBe(before.title);
    expect(await b.getByRole('textbox', { name: `Price of ${variantName}`, exact: true }).inputValue()).toBe((newPrice / 100).toFixed(2));

    const stored = await apiProduct(a, before.id);
    expect(stored.title).toBe(before.title);
    expect(stored.variants[0]?.price).toBe(newPrice);
    expect(stored.version).toBe(before.version + 1);
  });

  test('"Save mine over theirs" saves my whole edit on top of their version, knowingly', async () => {
    const { a, b, before, newPrice, variantName } = await priceSavedInTabA();
    const newTitle = `${before.title} (tab B)`;
    const dialog = await staleTitleSaveInTabB(b, before, newPrice, variantName, newTitle);

    await dialog.getByRole('button', { name: 'Save mine over theirs' }).click();
    await dialog.waitFor({ state: 'hidden', timeout: UI_TIMEOUT });
    await b.getByText('All changes saved').waitFor({ timeout: UI_TIMEOUT });

    // Mine is the whole form: my title, and the price as I had it, which undoes theirs, as the button said it would.
    const stored = await apiProduct(a, before.id);
    expect(stored.title).toBe(newTitle);
    expect(stored.variants[0]?.price).toBe(before.variants[0]?.price);
    expect(stored.version).toBe(before.version + 2);
    await b.reload();
    await b.getByRole('heading', { level: 1, name: newTitle }).waitFor({ timeout: UI_TIMEOUT });
  });
});
