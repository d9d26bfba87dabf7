/**
 * Numbers you can check (issue 19): a figure on the dashboard opens the records
 * behind it, and the list's totals row says the same amount, to the cent. Refunds
 * open the refunds made in the range; Revenue and Orders the orders placed in it;
 * a figure filtered by category the order lines sold; a state’s row its orders.
 */
import { readFile } from 'node:fs/promises';
import Papa from 'papaparse';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { presetRange } from '../../src/domain/report-rules';
import { formatCents, parseDollars } from '../../src/contract/values/money';
import { apiGet, eventually, openScreen, UI_TIMEOUT } from './app';
import { setupBrowser } from './browser';

const session = setupBrowser({ timezoneId: 'Asia/Tokyo' }, { role: 'manager' });

const MONEY = /^\$[\d,]+\.\d\d$/;

function card(page: Page, name: string): Locator {
  return page.getByRole('region', { name, exact: true });
}

/** The figure a KPI card shows, once it shows one. */
async function figure(page: Page, name: string, pattern = MONEY): Promise<string> {
  const text = card(page, name).getByText(pattern);
  await text.waitFor({ timeout: UI_TIMEOUT });
  return (await text.textContent()) ?? '';
}

/** A list's totals row, once the answer for the current URL is in (not busy). */
async function totalsRow(page: Page, table: string): Promise<Locator> {
  const footer = page.getByRole('table', { name: table }).locator('tfoot');
  await footer.waitFor({ timeout: UI_TIMEOUT });
  await page.waitForFunction((name) => !document.querySelector(`table[aria-label="${name}"][aria-busy="true"]`), table, {
    timeout: UI_TIMEOUT,
  });
  return footer;
}

async function lastDays(page: Page, preset: 'last_30_days' | 'last_90_days') {
  const { today } = await apiGet<{ today: string }>(page, '/reports/clock');
  return presetRange(preset, today);
}

describe('figures open the records behind them', () => {
  test('Refunds on the dashboard opens the refunds made in its days, whose total is the card’s', async () => {
    const { page, baseUrl } = session;
    await openScreen(page, baseUrl, '/dashboard?range=last_90_days');
    const refunds = await figure(page, 'Refunds');
    expect(refunds).not.toBe('$0.00');
    // The card says which date it goes by, and its definition tells refunds made from the order list's.
    await card(page, 'Refunds').getByText('By refund date').waitFor({ timeout: UI_TIMEOUT });
    await card(page, 'Refunds').getByRole('button', { name: 'What Refunds counts' }).click();
    await page
      .getByRole('dialog')
      .getByText(/order list’s Refunded column is different/)
      .waitFor({ timeout: UI_TIMEOUT });
    await page.keyboard.press('Escape');

    await card(page, 'Refunds').getByRole('link').click();
    const { from, to } = await lastDays(page, 'last_90_days');
    await page.waitForURL(
      (url) => url.pathname === '/reports/refunds' && url.searchParams.get('from') === from && url.searchParams.get('to') === to,
      {
        timeout: UI_TIMEOUT,
      },
    );
    await page.getByRole('heading', { name: 'Refunds made', level: 1 }).waitFor({ timeout: UI_TIMEOUT });
    const footer = await totalsRow(page, 'Refunds');
    await eventually(async () => expect(await footer.getByText(MONEY).first().textContent()).toBe(refunds));
    // Each row names its order, as a link, and when it was refunded, on the store's clock.
    const first = page.getByRole('table', { name: 'Refunds' }).locator('tbody tr').first();
    await first.getByRole('link', { name: /^#\d+$/ }).waitFor({ timeout: UI_TIMEOUT });
    expect(await first.locator('time').textContent()).toMatch(/ ET$/);

    // The export holds every refund of the list, not just the page, and adds up to the same figure.
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: UI_TIMEOUT }),
      page.getByRole('button', { name: 'Export CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`refunds-${from}-to-${to}.csv`);
    const rows = Papa.parse<Record<string, string>>(await readFile(await download.path(), 'utf8'), { header: true, skipEmptyLines: true });
    expect(rows.errors).toEqual([]);
    const summary = (await page.getByText(/^\d[\d,]*–\d[\d,]* of \d[\d,]*$/).textContent()) ?? '';
    expect(rows.data).toHaveLength(Number(summary.replace(/^.* of /, '').replaceAll(',', '')));
    const cents = rows.data.reduce((sum, row) => sum + (parseDollars(row.amount_usd ?? '') ?? Number.NaN), 0);
    expect(formatCents(cents)).toBe(refunds);
  });

  test('Revenue opens the orders placed in its days, whose totals row is Revenue and Orders to the cent', async () => {
    const { page, baseUrl } = session;
    await openScreen(page, baseUrl, '/dashboard');
    const revenue = await figure(page, 'Revenue');
    const orders = await figure(page, 'Orders', /^[\d,]+$/);
    await card(page, 'Revenue').getByRole('link').click();
    const { from, to } = await lastDays(page, 'last_30_days');
    await page.waitForURL(
      (url) => url.pathname === '/orders' && url.searchParams.get('from') === from && url.searchParams.get('to') === to,
      {
        timeout: UI_TIMEOUT,
      },
    );
    const footer = await totalsRow(page, 'Orders');
    await eventually(async () => expect(await footer.locator('[data-total="total"]').textContent()).toBe(revenue));
    expect(await footer.getByText(/^Totals, [\d,]+ orders?$/).textContent()).toBe(`Totals, ${orders} orders`);
    // The list's own filters show the days it was opened for.
    expect(await page.getByLabel('Placed from').inputValue()).toBe(from);
  });

  test('Gross sales and Discounts on the sales summary open the orders placed, whose totals row shows both to the cent', async () => {
    const { page, baseUrl } = session;
    await openScreen(page, baseUrl, '/reports/summary');
    const summary = page.getByRole('table', { name: 'Sales summary', exact: true });
    const figureOf = async (line: string) => {
      const link = summary.getByRole('row', { name: new RegExp(`^${line}`) }).getByRole('link');
      await link.waitFor({ timeout: UI_TIMEOUT });
      // The link's text, less what only a screen reader hears (": open the orders placed in these days").
      return { link, text: ((await link.textContent()) ?? '').replace(/:.*$/, '') };
    };
    const gross = await figureOf('Gross sales');
    const discounts = await figureOf('Discounts');
    expect(gross.text).toMatch(MONEY);
    expect(discounts.text).toMatch(/^−\$[\d,]+\.\d\d$/);
    await discounts.link.click();
    await page.waitForURL((url) => url.pathname === '/orders', { timeout: UI_TIMEOUT });
    const footer = await totalsRow(page, 'Orders');
    await eventually(async () => expect(await footer.locator('[data-total="discount"]').textContent()).toBe(discounts.text));
    expect(await footer.locator('[data-total="subtotal"]').textContent()).toBe(gross.text);
    // And above the table, in one line that adds up to the total.
    await page.getByText(`Gross sales ${gross.text} − discounts ${discounts.text.slice(1)} + shipping`).waitFor({ timeout: UI_TIMEOUT });
  });

  test('Revenue filtered by a category opens the sold lines, whose total revenue is the card’s', async () => {
    const { page, baseUrl } = session;
    await openScreen(page, baseUrl, '/reports?categoryId=audio');
    const revenue = await figure(page, 'Revenue');
    await card(page, 'Revenue').getByRole('link').click();
    await page.waitForURL((url) => url.pathname === '/reports/lines' && url.searchParams.get('categoryId') === 'audio', {
      timeout: UI_TIMEOUT,
    });
    const footer = await totalsRow(page, 'Sold lines');
    await eventually(async () => expect(await footer.locator('[data-total="revenue"]').textContent()).toBe(revenue));
  });
  test('a state in Sales by state, shown as a table, opens that state’s orders; their total is the row’s revenue', async () => {
    const { page, baseUrl } = session;
    await openScreen(page, baseUrl, '/dashboard');
    const panel = page.getByRole('region', { name: 'Sales by state' });
    await panel.getByRole('switch', { name: 'Show as table' }).check();
    const first = panel.getByRole('table', { name: 'Sales by state' }).locator('tbody tr').first();
    const link = first.getByRole('link');
    await link.waitFor({ timeout: UI_TIMEOUT });
    const revenue = (await first.locator('td').nth(1).textContent()) ?? '';
    expect(revenue).toMatch(MONEY);
    await link.click();
    await page.waitForURL((url) => url.pathname === '/orders' && /^[A-Z]{2}$/.test(url.searchParams.get('state') ?? ''), {
      timeout: UI_TIMEOUT,
    });
    const footer = await totalsRow(page, 'Orders');
    await eventually(async () => expect(await footer.locator('[data-total="total"]').textContent()).toBe(revenue));
  });
});
