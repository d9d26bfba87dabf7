/**
 * Journeys of roles and sessions: the sign-in page shows before the app's scripts run, what support may not do is
 * neither shown nor accepted, and a session that runs out mid-edit loses nothing.
 */
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { demoStaffOf } from '../../src/demo-shop/demo-staff';
import { apiProduct, apiProducts, openScreen, REAL_API, signIn, UI_TIMEOUT, waitForProductRows } from './app';
import { setupBrowser } from './browser';

/**
 * Holds the app's scripts back until `release` is called: the page shows what its HTML alone draws. `asked`: the
 * scripts asked for meanwhile (a worker's too).
 */
async function holdScripts(page: Page): Promise<{ release: () => void; asked: string[] }> {
  let release = () => undefined as void;
  const released = new Promise<void>((resolve) => (release = resolve));
  const asked: string[] = [];
  // On the context: a worker's requests are not the page's.
  await page.context().route('**/assets/*.js', async (route) => {
    asked.push(new URL(route.request().url()).pathname);
    await released;
    await route.continue();
  });
  return { release, asked };
}

describe('the sign-in page', () => {
  const session = setupBrowser({}, { role: null });

  test('shows before the app’s scripts run, unusable until the app’s own form replaces it, which signs in', async () => {
    const { page, baseUrl } = session;
    const { release } = await holdScripts(page);
    await page.goto(new URL('/sign-in', baseUrl).href, { waitUntil: 'commit' });
    const heading = page.getByRole('heading', { name: 'Sign in to Stockroom' });
    await heading.waitFor({ timeout: UI_TIMEOUT });
    const email = page.getByRole('textbox', { name: 'Email' });
    const submit = page.getByRole('button', { name: 'Sign in', exact: true });
    expect([await email.getAttribute('readonly'), await submit.getAttribute('aria-disabled'), await submit.getAttribute('type')]).toEqual([
      '',
      'true',
      'button',
    ]);

    release();
    await page.locator('form[aria-label="Sign in"] button[type="submit"]').waitFor({ timeout: UI_TIMEOUT });
    expect(await page.locator('#sign-in-prerendered').count()).toBe(0);
    expect(await page.getByRole('heading', { name: 'Sign in to Stockroom' }).count()).toBe(1);
    expect(await email.getAttribute('readonly')).toBeNull();
    const merchandiser = demoStaffOf('merchandiser');
    await email.fill(merchandiser.email);
    await page.getByRole('textbox', { name: 'Password' }).fill(merchandiser.password);
    await submit.click();
    await waitForProductRows(page);
  });

  test('is not shown to a visit that holds a session, where the mock’s worker starts before the app’s scripts', async () => {
    const { page, baseUrl } = session;
    await signIn(page, baseUrl, 'merchandiser');
    const { release, asked } = await holdScripts(page);
    await page.goto(new URL('/products', baseUrl).href, { waitUntil: 'commit' });
    await page.locator('#sign-in-prerendered').waitFor({ state: 'attached', timeout: UI_TIMEOUT });
    expect(await page.getByRole('heading', { name: 'Sign in to Stockroom' }).isVisible()).toBe(false);
    // index.html's boot script has asked for the mock's worker while none of the app's code could run (a build for a
    // real API has none).
    const mockWorkers = REAL_API ? 0 : 1;
    await expect.poll(() => asked.filter((path) => /\/mock-worker-[\w-]+\.js$/.test(path)).length).toBe(mockWorkers);
    release();
    await waitForProductRows(page);
    // The app took that worker over rather than starting another.
    expect(page.workers().filter((w) => w.url().includes('/mock-worker-'))).toHaveLength(mockWorkers);
  });
});

describe('support', () => {
  const session = setupBrowser({}, { role: 'support' });

  test('sees no price editing anywhere, and is refused when forcing the request', async () => {
    const { page, baseUrl } = session;
    await openScreen(page, baseUrl, '/products');
    const nav = page.getByRole('navigation', { name: 'Main' });
    expect(await nav.getByRole('link').allTextContents()).toEqual([
      'Products',
      'Inventory',
      'Reorder',
      'Purchase orders',
      'Suppliers',
      'Orders',
      'Returns',
      'Customers',
      'Discounts',
      'Settings',
    ]);
    await expect(page.getByRole('link', { name: 'Add product' }).count()).resolves.toBe(0);

    const [first] = (await apiProducts(page, { limit: '1' })).items;
    if (!first) throw new Error('The shop has no products');
    await openScreen(page, baseUrl, `/products/${first.id}`);
    await page.getByText('View only').waitFor({ timeout: UI_TIMEOUT });
    const prices = page.getByRole('textbox', { name: /^Price of/ });
    expect(await prices.count()).toBeGreaterThan(0);
    for (const price of await prices.all()) expect(await price.isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: 'Save' }).count()).toBe(0);

    // Forcing it: the same request the editor would send, straight from the page.
    const product = await apiProduct(page, first.id);
    const answer = await page.evaluate(async (p) => {
      const body = { ...p, variants: p.variants.map((v) => ({ ...v, price: 1 })) };
      const response = await fetch(`/api/products/${p.id}`, {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json', 'If-Match': `"${p.version}"` },
        body: JSON.stringify(body),
      });
      return { status: response.status, body: (await response.json()) as { detail?: string } };
    }, product);
    expect(answer.status).toBe(403);
    expect(answer.body.detail).toBe('Your role (Support) may not edit products, prices or stock. Ask a manager or an admin.');
    expect((await apiProduct(page, first.id)).version).toBe(product.version);
  });
});

describe('an expired session', () => {
  const session = setupBrowser({}, { role: 'merchandiser' });

  test('while editing a product: sign in again in the dialog, and the edit is saved', async () => {
    const { page, baseUrl } = session;
    const [first] = (await apiProducts(page, { limit: '1' })).items;
    if (!first) throw new Error('The shop has no products');
    await openScreen(page, baseUrl, `/products/${first.id}`);
    const title = page.getByRole('textbox', { name: /^Title/ });
    await title.fill('Edited across a session expiry');

    // The mock ends the session on request; against a real API the browser loses its session cookie.
    if (REAL_API) await page.context().clearCookies();
    else await page.evaluate(() => fetch('/api/_mock/expire-session', { method: 'POST' }));
    await page.getByRole('button', { name: 'Save' }).click();

    const dialog = page.getByRole('dialog', { name: 'Your session has expired' });
    await dialog.waitFor({ timeout: UI_TIMEOUT });
    await dialog.locator('input[type=password]').fill('merch-demo-2026');
    await dialog.getByRole('button', { name: 'Sign in and continue' }).click();

    await page.getByText('All changes saved').waitFor({ timeout: UI_TIMEOUT });
    expect(await title.inputValue()).toBe('Edited across a session expiry');
    expect(new URL(page.url()).pathname).toBe(`/products/${first.id}`);
    expect((await apiProduct(page, first.id)).title).toBe('Edited across a session expiry');
  });
});

describe('admin', () => {
  const session = setupBrowser();

  test('changes a staff member’s role and sees it in the audit log', async () => {
    const { page, baseUrl } = session;
    await openScreen(page, baseUrl, '/settings');
    const staff = page.getByRole('table', { name: 'Staff' });
    await staff.getByRole('combobox', { name: 'Role of Sam Support' }).click();
    await page.getByRole('option', { name: 'Merchandiser', exact: true }).click();
    await page.getByText('Sam Support: now Merchandiser').waitFor({ timeout: UI_TIMEOUT });

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Audit log' }).click();
    const row = page.getByRole('table', { name: 'Audit log' }).getByRole('row', { name: /Sam Support/ });
    await row.waitFor({ timeout: UI_TIMEOUT });
    expect(await row.textContent()).toContain('Role: Support → Merchandiser');
    expect(await row.textContent()).toContain('Ada Admin (Admin)');

    // The log is the API's, and stays after a reload.
    await page.reload();
    await row.waitFor({ timeout: UI_TIMEOUT });
  });
});
