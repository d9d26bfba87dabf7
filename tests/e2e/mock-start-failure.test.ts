/**
 * When the mock's worker cannot start (its script fails to load: a deploy replaced the chunks under an open tab, or
 * the network dropped), the screen says so: before, every request waited for a worker that would never answer, and
 * the screen showed its loading spinner for ever.
 */
import { describe, expect, test } from 'vitest';
import { REAL_API } from './app';
import { setupBrowser } from './browser';

const session = setupBrowser();

describe.skipIf(REAL_API)('the mock’s worker fails to start', () => {
  test('a signed-in screen says the mock could not start, and what to do', async () => {
    const { context, page, baseUrl } = session;
    await context.route(/\/assets\/mock-worker-[\w-]+\.js$/, (route) => route.fulfill({ status: 404, body: 'Not found' }));
    await page.goto(new URL('/products', baseUrl).href);
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.textContent()).toContain('The mock API could not start (its script did not load). Reload the page.');
    await expect.poll(() => alert.getByRole('button', { name: 'Try again' }).isVisible()).toBe(true);
  });
});
