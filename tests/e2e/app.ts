/**
 * What the journeys do over and over: open a screen and wait until the person
 * could use it, read the product table as they see it, and ask the (mock) API
 * what it stored, from inside the page so the request goes through the mock.
 */
import type { Locator, Page } from 'playwright-core';
import { demoStaffOf } from '../../src/demo-shop/demo-staff';
import { ROLE_LABELS, type Role } from '../../src/contract/permissions';
import type { Product, ProductSummary } from '../../src/contract/schemas';
import type { InventoryLevel, StockMovement } from '../../src/contract/stock-schemas';

export const UI_TIMEOUT = 15_000;
/** The journeys run against a build for the real API (npm run test:engine), not the mock. */
export const REAL_API = Boolean(process.env.STOCKROOM_E2E_BASE_URL);

/** Opens a path of the app and waits for the shell and the screen's heading (data may still be on its way). */
export async function openScreen(page: Page, baseUrl: string, path: string): Promise<void> {
  await page.goto(new URL(path, baseUrl).href);
  await waitForScreen(page);
}

/**
 * Opens `path` inside the running app (the router follows the history as for back and forward), as a person moves
 * between screens; a full load (about a second each: the app and its mock start again) only for the first screen,
 * or for another view of the same screen (its heading stays: a full load is the sure way to see the new one), or
 * when the new screen's heading does not come.
 */
export async function goInApp(page: Page, baseUrl: string, path: string): Promise<void> {
  const here = new URL(page.url());
  const there = new URL(path, baseUrl);
  const inApp = here.origin === there.origin && (await page.getByRole('navigation', { name: 'Main' }).count()) > 0;
  if (!inApp || here.pathname === there.pathname) return openScreen(page, baseUrl, path);
  await page.evaluate((to) => {
    for (const h of document.querySelectorAll('main h1')) h.setAttribute('data-left', '');
    history.pushState(history.state, '', to);
    dispatchEvent(new PopStateEvent('popstate', { state: history.state }));
  }, path);
  await page
    .locator('main h1:not([data-left])')
    .first()
    .waitFor({ timeout: 5_000 })
    .catch(() => openScreen(page, baseUrl, path));
}

export async function waitForScreen(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).waitFor({ timeout: UI_TIMEOUT });
  await page.locator('main h1').first().waitFor({ timeout: UI_TIMEOUT });
}

export function productTable(page: Page): Locator {
  return page.getByRole('table', { name: 'Products' });
}

/**
 * Waits until the product table shows the answer to the current URL: not busy,
 * and its rows are product rows (not the loading skeleton). Returns the titles.
 */
export async function waitForProductRows(page: Page): Promise<string[]> {
  const table = productTable(page);
  await table.locator('tbody tr a').first().waitFor({ timeout: UI_TIMEOUT });
  await page.waitForFunction(() => !document.querySelector('table[aria-label="Products"][aria-busy="true"]'), null, {
    timeout: UI_TIMEOUT,
  });
  return productRowTitles(page);
}

/** Each row's product id (from its link), which, unlike a title, identifies the row. */
export function productRowIds(page: Page): Promise<string[]> {
  return productTable(page)
    .locator('tbody tr')
    .evaluateAll((rows) => rows.map((row) => row.querySelector('a')?.getAttribute('href')?.split('/').pop() ?? ''));
}

export function productRowTitles(page: Page): Promise<string[]> {
  return productTable(page)
    .locator('tbody tr')
    .evaluateAll((rows) => rows.map((row) => row.querySelector('a')?.textContent?.trim() ?? ''));
}

/** The "26–50 of 1,234" line above the table, as numbers. */
export async function listSummary(page: Page): Promise<{ first: number; last: number; total: number }> {
  const text = await page
    .getByText(/^\d[\d,]*–\d[\d,]* of \d[\d,]*/)
    .first()
    .textContent({ timeout: UI_TIMEOUT });
  const match = /^([\d,]+)–([\d,]+) of ([\d,]+)/.exec(text ?? '');
  if (!match) throw new Error(`No list summary in "${text}"`);
  const n = (s: string | undefined) => Number((s ?? '').replaceAll(',', ''));
  return { first: n(match[1]), last: n(match[2]), total: n(match[3]) };
}

/** GET under /api from inside the page, through the mock, parsed as JSON. */
export async function apiGet<T>(page: Page, path: string): Promise<T> {
  // The app renders while the mock starts, so a request sent too early reaches the preview
  // server instead (an empty 404); the mock always answers JSON. Ask until it does.
  // Deadlines are durations, on the monotonic clock.
  const deadline = performance.now() + UI_TIMEOUT;
  for (;;) {
    const answer = await page.evaluate(async (url) => {
      const response = await fetch(url, { headers: { Accept: 'application/json' } });
      const json = response.headers.get('Content-Type')?.includes('json') ?? false;
      return { json, status: response.status, body: await response.text() };
    }, `/api${path}`);
    if (answer.json) {
      if (answer.status !== 200) throw new Error(`GET /api${path} answered ${answer.status}: ${answer.body}`);
      return JSON.parse(answer.body) as T;
    }
    if (performance.now() > deadline) throw new Error(`GET /api${path} never reached the mock API (last answer ${answer.status})`);
    await page.waitForTimeout(100);
  }
}

export function apiProduct(page: Page, id: string): Promise<Product> {
  return apiGet<Product>(page, `/products/${encodeURIComponent(id)}`);
}

export function apiProducts(page: Page, query: Record<string, string>): Promise<{ items: ProductSummary[]; total: number }> {
  return apiGet(page, `/products?${new URLSearchParams(query).toString()}`);
}

/** The text of whatever an element names in aria-describedby: where Mantine puts a field's error. */
export function accessibleDescription(field: Locator): Promise<string> {
  return field.evaluate((el) =>
    (el.getAttribute('aria-describedby') ?? '')
      .split(/\s+/)
      .filter(Boolean)
      .map((id) => document.getElementById(id)?.textContent?.trim() ?? '')
      .join(' '),
  );
}

/** Polls until `check` stops throwing (like Playwright Test's expect.poll, which playwright-core lacks). */
export async function eventually<T>(check: () => Promise<T>, timeout = UI_TIMEOUT): Promise<T> {
  const deadline = performance.now() + timeout;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (performance.now() > deadline) throw error;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

/** Picks an option in a Mantine Select/MultiSelect by its visible label, as a person would with the mouse. */
export async function chooseOption(page: Page, field: Locator, option: string): Promise<void> {
  await field.click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

/**
 * Signs in as the seeded person of a role: opens the sign-in page (which starts the mock) and
 * posts the demo credentials from inside the page, as the form would. The session then holds
 * for every page of the browser context, like a cookie.
 */
export async function signIn(page: Page, baseUrl: string, role: Role): Promise<void> {
  await page.goto(new URL('/sign-in', baseUrl).href);
  // The demo accounts are listed once the mock answers; a build for a real API lists none.
  await (
    REAL_API ? page.getByRole('textbox', { name: 'Email' }) : page.getByRole('button', { name: `Use ${ROLE_LABELS[role]} account` })
  ).waitFor({ timeout: UI_TIMEOUT });
  const person = demoStaffOf(role);
  const status = await page.evaluate(
    async ({ email, password }) =>
      (
        await fetch('/api/session', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ email, password }),
        })
      ).status,
    { email: person.email, password: person.password },
  );
  if (status !== 200) throw new Error(`Signing in as ${role} answered ${status}`);
}

/** The stock levels the API answers for a query (through the mock, from inside the page). */
export function apiInventory(page: Page, query: Record<string, string>): Promise<{ items: InventoryLevel[]; total: number }> {
  return apiGet(page, `/inventory?${new URLSearchParams(query).toString()}`);
}

/** One variant's level at one location, as the API has it now. */
export async function apiLevel(page: Page, variantId: string, locationId: string): Promise<InventoryLevel> {
  const { items } = await apiInventory(page, { variantId, limit: '50' });
  const level = items.find((l) => l.locationId === locationId);
  if (!level) throw new Error(`No level of ${variantId} at ${locationId}`);
  return level;
}

export function apiLedger(page: Page, query: Record<string, string>): Promise<{ items: StockMovement[]; total: number }> {
  return apiGet(page, `/inventory/ledger?${new URLSearchParams(query).toString()}`);
}

export function inventoryTable(page: Page): Locator {
  return page.getByRole('table', { name: 'Inventory' });
}

/** Waits until the inventory table shows rows for the current URL (not the skeleton, not busy). */
export async function waitForInventoryRows(page: Page): Promise<void> {
  await inventoryTable(page).locator('tbody tr a').first().waitFor({ timeout: UI_TIMEOUT });
  await page.waitForFunction(() => !document.querySelector('table[aria-label="Inventory"][aria-busy="true"]'), null, {
    timeout: UI_TIMEOUT,
  });
}
