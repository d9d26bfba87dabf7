/**
 * Journey (issue 21): a merchandiser creates a 15 % code for Audio starting tomorrow
 * (wrong input is refused beside its field first), sees it Scheduled in the list,
 * prices a sample basket with it (the audio line gets the discount, the other does
 * not, and the figures on screen add up to the total), then disables it at once.
 */
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import type { Discount, DiscountList } from '../../src/contract/discount-schemas';
import { parseDollars } from '../../src/contract/values/money';
import { percentOf } from '../../src/domain/price-rules';
import { addDays } from '../../src/domain/report-rules';
import { storeDate } from '../../src/domain/store-time';
import { testClock } from '../clock';
import { accessibleDescription, apiGet, apiProducts, chooseOption, eventually, openScreen, UI_TIMEOUT, waitForScreen } from './app';
import { setupBrowser } from './browser';

const session = setupBrowser({}, { role: 'merchandiser' });

/** "$1,299.99" or "−$5.00" as signed cents. */
function cents(text: string): number {
  const trimmed = text.trim();
  const negative = trimmed.startsWith('−') || trimmed.startsWith('-');
  const value = parseDollars(trimmed.replace(/^[−-]/, ''));
  if (value === null) throw new Error(`Not an amount: "${text}"`);
  return negative ? -value : value;
}

/** Puts one variant of a product found by its SKU in the sample basket. */
async function addToBasket(page: Page, sku: string, units: number) {
  const search = page.getByRole('combobox', { name: 'Add a product to the basket' });
  await search.fill(sku);
  await page
    .getByRole('option', { name: new RegExp(sku) })
    .first()
    .click();
  await chooseOption(page, page.getByRole('combobox', { name: 'Variant' }), await variantOption(page, sku));
  await page.getByRole('textbox', { name: 'Units' }).fill(String(units));
  await page.getByRole('button', { name: 'Add to basket' }).click();
}

/** The variant's option as the Variant field lists it (its label ends with the SKU and price). */
async function variantOption(page: Page, sku: string): Promise<string> {
  const options = page.getByRole('option', { name: new RegExp(`· ${sku} ·`) });
  await page.getByRole('combobox', { name: 'Variant' }).click();
  const name = (await options.first().textContent({ timeout: UI_TIMEOUT }))?.trim() ?? '';
  await page.keyboard.press('Escape');
  return name;
}

async function listStatus(page: Page, baseUrl: string, code: string): Promise<string> {
  await openScreen(page, baseUrl, `/discounts?q=${code}`);
  const table = page.getByRole('table', { name: 'Discounts' });
  const row = table.locator('tbody tr', { hasText: code });
  await row.waitFor({ timeout: UI_TIMEOUT });
  await eventually(async () => expect(await table.locator('tbody tr').count()).toBe(1));
  return (await row.locator('td').nth(3).textContent())?.trim() ?? '';
}

describe('discounts', () => {
  test('a 15 % code for Audio from tomorrow: scheduled, priced on a basket, disabled', async () => {
    const { page, baseUrl } = session;
    // Unique per run (the server journeys share one database), from no clock.
    const code = `AUDIO15-${crypto.randomUUID().replaceAll('-', '').slice(0, 6).toUpperCase()}`;
    const tomorrow = addDays(storeDate(testClock()), 1);
    const textbox = (name: string) => page.getByRole('textbox', { name, exact: true });

    await openScreen(page, baseUrl, '/discounts');
    await page.getByRole('link', { name: 'New discount' }).click();
    await page.getByRole('heading', { level: 1, name: 'New discount' }).waitFor({ timeout: UI_TIMEOUT });

    // Sent empty: each missing field says so beside it, the code's rule included, and nothing is created.
    await page.getByRole('button', { name: 'Create discount' }).click();
    await eventually(async () => {
      expect(await accessibleDescription(textbox('Code'))).toContain('Enter the code customers type');
      expect(await accessibleDescription(textbox('Title'))).toContain('Enter a title');
      expect(await accessibleDescription(textbox('Percent off'))).toContain('Enter a value');
    });
    expect(new URL(page.url()).pathname).toBe('/discounts/new');

    await textbox('Code').fill(code);
    await textbox('Title').fill('Audio week: 15 % off');
    await textbox('Percent off').fill('15');
    await page.getByRole('radio', { name: 'Categories' }).check();
    // Categories chosen: none yet, which the schema refuses beside the picker.
    await page.getByRole('button', { name: 'Create discount' }).click();
    const categories = page.getByRole('combobox', { name: 'Categories' });
    await eventually(async () => expect(await accessibleDescription(categories)).toContain('Choose the categories it applies to'));
    await chooseOption(page, categories, 'Audio');
    await page.keyboard.press('Escape');
    await page.getByLabel('Starts on', { exact: true }).fill(tomorrow);
    await page.getByLabel('Starts on, time (ET)').fill('09:00');
    await page.getByRole('button', { name: 'Create discount' }).click();

    await page.waitForURL((url) => /^\/discounts\/(?!new$)[^/]+$/.test(url.pathname), { timeout: UI_TIMEOUT });
    const id = decodeURIComponent(new URL(page.url()).pathname.split('/').pop() ?? '');
    const heading = page.getByRole('heading', { level: 1, name: new RegExp(code) });
    await heading.waitFor({ timeout: UI_TIMEOUT });
    await eventually(async () => expect(await heading.textContent()).toContain('Scheduled'));

    // What the API stored: basis points, the category, tomorrow 9:00 on the store's clock.
    const stored = await apiGet<Discount>(page, `/discounts/${id}`);
    expect(stored).toMatchObject({
      code,
      type: 'percent',
      value: 1500,
      scope: 'categories',
      targetIds: ['audio'],
      status: 'scheduled',
      enabled: true,
    });
    expect(storeDate(Date.parse(stored.startsAt))).toBe(tomorrow);

    expect(await listStatus(page, baseUrl, code)).toBe('Scheduled');

    // The discount's page: price a basket of an audio product and one of another category.
    await page.getByRole('table', { name: 'Discounts' }).getByRole('link', { name: code }).click();
    await waitForScreen(page);
    await heading.waitFor({ timeout: UI_TIMEOUT });
    const [audio] = (await apiProducts(page, { categoryId: 'audio', status: 'active', sort: 'title', limit: '1' })).items;
    const [power] = (await apiProducts(page, { categoryId: 'power', status: 'active', sort: 'title', limit: '1' })).items;
    if (!audio || !power) throw new Error('The shop has no active audio or power product');
    await addToBasket(page, audio.skus[0]!, 2);
    await addToBasket(page, power.skus[0]!, 1);

    const priced = page.getByRole('table', { name: 'Priced basket' });
    await eventually(async () => expect(await priced.locator('tbody tr').count()).toBe(2));
    await page.getByText('The discount applies').waitFor({ timeout: UI_TIMEOUT });
    const lines = await priced
      .locator('tbody tr')
      .evaluateAll((rows) => rows.map((row) => [...row.querySelectorAll('td')].map((td) => td.textContent?.trim() ?? '')));
    const audioLine = lines.find((cells) => cells[0]!.includes(audio.title))!;
    const powerLine = lines.find((cells) => cells[0]!.includes(power.title))!;
    // Units, unit price, discount, tax, total.
    const [audioUnits, audioPrice, audioDiscount, audioTax, audioTotal] = audioLine
      .slice(1)
      .map((t, i) => (i === 0 ? Number(t) : cents(t)));
    expect(audioUnits).toBe(2);
    expect(audioDiscount).toBe(-percentOf(2 * audioPrice!, 1500));
    expect(audioTotal).toBe(2 * audioPrice! + audioDiscount! + audioTax!);
    expect(cents(powerLine[3]!)).toBe(0);
    expect(powerLine[0]).toContain('not included in the discount');

    const totals = Object.fromEntries(
      await page
        .getByRole('table', { name: 'Basket totals' })
        .locator('tr')
        .evaluateAll((rows) =>
          rows.map((row) => [row.querySelector('th')?.textContent?.trim(), row.querySelector('td')?.textContent?.trim()]),
        ),
    ) as Record<string, string>;
    const [subtotal, discount, shipping, tax, total] = ['Subtotal', 'Discount', 'Shipping', 'Tax', 'Total'].map((k) => cents(totals[k]!));
    // The basket adds up on screen, to the cent: the discount is the audio line's, the tax the lines'.
    expect(discount).toBe(audioDiscount);
    expect(subtotal).toBe(2 * audioPrice! + cents(powerLine[2]!));
    expect(tax).toBe(audioTax! + cents(powerLine[4]!));
    expect(subtotal! + discount! + shipping! + tax!).toBe(total);
    expect(audioTotal! + cents(powerLine[5]!) + shipping!).toBe(total);

    // Disabled at once.
    await page.getByRole('button', { name: 'Disable now' }).click();
    await eventually(async () => expect(await heading.textContent()).toContain('Disabled'));
    await page.getByRole('button', { name: 'Enable' }).waitFor({ timeout: UI_TIMEOUT });
    const disabled = await apiGet<Discount>(page, `/discounts/${id}`);
    expect(disabled).toMatchObject({ enabled: false, status: 'disabled', version: 2, value: 1500, targetIds: ['audio'] });
    expect(await listStatus(page, baseUrl, code)).toBe('Disabled');
    const found = await apiGet<DiscountList>(page, `/discounts?q=${code}&status=disabled`);
    expect(found.items.map((d) => d.id)).toEqual([id]);
  });
});
