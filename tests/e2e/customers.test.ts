/**
 * Journey (issue 20): support finds a customer by email in the Ctrl+K palette, opens their page, opens one
 * of their orders from it, then finds another order by its number from the palette.
 */
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import type { CustomerList } from '../../src/contract/customer-schemas';
import { formatCents } from '../../src/contract/values/money';
import { apiGet, openScreen, UI_TIMEOUT, waitForScreen } from './app';
import { setupBrowser } from './browser';
import { apiOrders } from './orders-app';

const session = setupBrowser({}, { role: 'support' });

/** Opens the palette from the keyboard and types into its search. */
async function paletteSearch(page: Page, text: string) {
  await page.keyboard.press('Control+K');
  const search = page.getByRole('dialog').getByRole('textbox', { name: 'Search' });
  await search.waitFor({ timeout: UI_TIMEOUT });
  await search.fill(text);
}

describe('customers', () => {
  test('a customer found by email in the palette, their page, one of their orders; an order by number', async () => {
    const { page, baseUrl } = session;
    await openScreen(page, baseUrl, '/orders');
    const { items } = await apiGet<CustomerList>(page, '/customers?ordersMin=2&ordersMax=10&sort=-lastOrderAt&limit=1');
    const customer = items[0];
    if (!customer) throw new Error('The shop has no repeat customer');

    // The palette offers the customer with their email and orders as the second line; Enter opens them.
    await paletteSearch(page, customer.email);
    const offered = page.getByRole('dialog').getByRole('button', { name: new RegExp(`${customer.name}.*${customer.orders} orders`) });
    await offered.first().waitFor({ timeout: UI_TIMEOUT });
    expect(await offered.first().textContent()).toContain(customer.email);
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname === `/customers/${customer.id}`, { timeout: UI_TIMEOUT });
    await page.getByRole('heading', { level: 1, name: customer.name }).waitFor({ timeout: UI_TIMEOUT });

    // Their orders, each a link to the order.
    const theirs = page.getByRole('table', { name: 'Their orders' });
    const links = theirs.locator('tbody a');
    await links.first().waitFor({ timeout: UI_TIMEOUT });
    expect(await links.count()).toBe(customer.orders);
    const number = (await links.last().textContent())?.trim() ?? '';
    await links.last().click();
    await page.getByRole('heading', { level: 1, name: `Order ${number}` }).waitFor({ timeout: UI_TIMEOUT });
    await page.getByRole('region', { name: 'Customer' }).getByRole('link', { name: customer.name }).waitFor({ timeout: UI_TIMEOUT });

    // An order by its number alone (no #): the second line says whose it is, what it came to and where it stands.
    const [other] = (await apiOrders(page, { limit: '1', sort: 'placedAt' })).items;
    if (!other) throw new Error('The shop has no orders');
    await paletteSearch(page, String(other.number));
    const order = page.getByRole('dialog').getByRole('button', { name: new RegExp(`^Order #${other.number}`) });
    await order.waitFor({ timeout: UI_TIMEOUT });
    expect(await order.textContent()).toContain(`${other.customerName} · ${formatCents(other.total)}`);
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname === `/orders/${other.id}`, { timeout: UI_TIMEOUT });
    await waitForScreen(page);
    await page.getByRole('heading', { level: 1, name: `Order #${other.number}` }).waitFor({ timeout: UI_TIMEOUT });
  });
});
