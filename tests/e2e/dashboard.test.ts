/**
 * The manager's journey: the dashboard for the last 90 days against the same days
 * last year agrees with the order list to the cent; a refund made in the order
 * screen shows on the dashboard when the manager comes back to it, without a reload.
 */
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import type { OrderSummary } from '../../src/contract/order-schemas';
import { presetRange } from '../../src/domain/report-rules';
import { formatCents } from '../../src/contract/values/money';
import { apiGet, eventually, openScreen, UI_TIMEOUT } from './app';
import { setupBrowser } from './browser';
import { apiOrder, apiOrders, orderTable, waitForOrderRows } from './orders-app';
import { storeDate } from '../../src/domain/store-time';
import { formatStoreDay } from '../../src/lib/date-format';
import { testClock } from '../clock';

// A browser far from the store: every day and figure must still be the store's (America/New_York).
const session = setupBrowser({ timezoneId: 'Asia/Tokyo' }, { role: 'manager' });

/** The figure a KPI card shows, once it shows one. */
async function kpi(page: Page, name: string): Promise<string> {
  const figure = page.getByRole('region', { name, exact: true }).getByText(/^\$[\d,]+\.\d\d$/);
  await figure.waitFor({ timeout: UI_TIMEOUT });
  return (await figure.textContent()) ?? '';
}

/** Every order placed in the range, through the API's pages: what the order list shows. */
async function ordersIn(page: Page, from: string, to: string): Promise<OrderSummary[]> {
  const rows: OrderSummary[] = [];
  for (;;) {
    const { items, total } = await apiOrders(page, { from, to, limit: '500', offset: String(rows.length) });
    rows.push(...items);
    if (rows.length >= total || items.length === 0) return rows;
  }
}

describe('dashboard', () => {
  test('one store day: every order the list shows for it reads that day, and the dashboard counts as many', async () => {
    const { page, baseUrl } = session;
    await openScreen(page, baseUrl, '/orders');
    // The shop is current on the tests' clock: the API's today is the clock's store day.
    const { today } = await apiGet<{ today: string }>(page, '/reports/clock');
    expect(today).toBe(storeDate(testClock()));
    const yesterday = presetRange('yesterday', today).from;

    await waitForOrderRows(page);
    await page.getByLabel('Placed from').fill(yesterday);
    await page.getByLabel('Placed to').fill(yesterday);
    await page.waitForURL((url) => url.searchParams.get('from') === yesterday && url.searchParams.get('to') === yesterday, {
      timeout: UI_TIMEOUT,
    });
    await page.getByRole('combobox', { name: 'Rows per page' }).selectOption('100');
    await waitForOrderRows(page);
    const footer = page.getByText(/^1–\d+ of \d+$/);
    await footer.waitFor({ timeout: UI_TIMEOUT });
    const total = Number(/of (\d+)$/.exec((await footer.textContent()) ?? '')?.[1]);
    expect(total).toBeGreaterThan(0);
    const placed = await orderTable(page).evaluate((table) => {
      const column = [...table.querySelectorAll('thead th')].findIndex((th) => th.textContent?.trim().startsWith('Placed'));
      return [...table.querySelectorAll('tbody tr')].map((row) => row.querySelectorAll('td')[column]?.textContent ?? '');
    });
    expect(placed).toHaveLength(total);
    // "Nov 30, 2026, 9:12 PM ET": the store's day and zone, whatever the browser's.
    for (const text of placed) expect(text).toMatch(new RegExp(`^${formatStoreDay(yesterday)}, .* ET$`));

    await openScreen(page, baseUrl, `/dashboard?from=${yesterday}&to=${yesterday}`);
    const orders = page
      .getByRole('region', { name: 'Orders', exact: true })
      .getByText(/^[\d,]+$/)
      .first();
    await eventually(async () => expect(Number((await orders.textContent())?.replace(/,/g, ''))).toBe(total));
  });

  test('last 90 days against last year agrees with the order list, and a refund shows when the manager comes back', async () => {
    const { page, baseUrl } = session;
    await openScreen(page, baseUrl, '/dashboard');
    await kpi(page, 'Revenue');

    await page.getByRole('combobox', { name: 'Date range' }).selectOption('last_90_days');
    await page.getByRole('combobox', { name: 'Compare with' }).selectOption('last_year');
    await page.waitForURL((url) => url.search === '?range=last_90_days&compare=last_year', { timeout: UI_TIMEOUT });

    const { today } = await apiGet<{ today: string }>(page, '/reports/clock');
    const { from, to } = presetRange('last_90_days', today);
    const orders = await ordersIn(page, from, to);
    expect(orders.length).toBeGreaterThan(100);
    const revenue = orders.reduce((sum, o) => sum + o.total, 0);
    await eventually(async () => expect(await kpi(page, 'Revenue')).toBe(formatCents(revenue)));
    await page.getByText(/compared with the same period last year/).waitFor({ timeout: UI_TIMEOUT });
    const refundsBefore = await kpi(page, 'Refunds');
    const netBefore = await kpi(page, 'Net revenue');

    // A recent, paid order from the dashboard's own list; refund $5.00 in its screen.
    const recent = page.getByRole('table', { name: 'Recent orders' });
    await recent.getByRole('link').first().waitFor({ timeout: UI_TIMEOUT });
    const { items } = await apiOrders(page, { limit: '5' });
    const target = items.find((o) => o.paymentStatus === 'paid' && o.status !== 'cancelled');
    if (!target) throw new Error('No paid order among the five most recent');
    const order = await apiOrder(page, target.id);
    // Nothing shipped yet, so no units to refund: an amount (a goodwill credit) instead.
    const amount = 500;
    await recent.getByRole('link', { name: `#${order.number}`, exact: true }).click();
    await page.getByRole('button', { name: 'Refund…' }).click();
    const dialog = page.getByRole('dialog', { name: `Refund order #${order.number}` });
    await dialog.getByRole('textbox', { name: 'Extra amount' }).fill('5.00');
    await dialog.getByRole('textbox', { name: 'Reason' }).fill('Arrived damaged');
    await dialog.getByRole('button', { name: `Refund ${formatCents(amount)}` }).click();
    await page.getByText('Refund issued').first().waitFor({ timeout: UI_TIMEOUT });

    // Back in the app's history, not a reload: the dashboard's figures were invalidated by the refund.
    await page.goBack();
    await page.waitForURL((url) => url.pathname === '/dashboard', { timeout: UI_TIMEOUT });
    const cents = (text: string) => Number(text.replace(/[$,.]/g, ''));
    await eventually(async () => expect(cents(await kpi(page, 'Refunds'))).toBe(cents(refundsBefore) + amount));
    expect(cents(await kpi(page, 'Net revenue'))).toBe(cents(netBefore) - amount);
    // Revenue counts orders placed in the range: a refund does not take it back.
    expect(await kpi(page, 'Revenue')).toBe(formatCents(revenue));
  });
});
