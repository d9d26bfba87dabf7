/**
 * Journey 6: the app works from the keyboard alone: the skip link comes
 * first, Ctrl+K opens the palette, and typing a product's title then Enter
 * opens that product.
 */
import { describe, expect, test } from 'vitest';
import { openScreen, productRowIds, productRowTitles, UI_TIMEOUT, waitForProductRows } from './app';
import { setupBrowser } from './browser';

const session = setupBrowser();

describe('keyboard only', () => {
  test('Tab reaches the skip link first, and it moves focus into the main content', async () => {
    const { page, baseUrl } = session;
    await openScreen(page, baseUrl, '/products');
    await waitForProductRows(page);

    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => ({
      text: document.activeElement?.textContent?.trim(),
      href: document.activeElement?.getAttribute('href'),
      // Shown on focus (it sits off-screen otherwise).
      left: document.activeElement?.getBoundingClientRect().left ?? -1,
    }));
    expect(focused).toMatchObject({ text: 'Skip to content', href: '#main' });
    expect(focused.left).toBeGreaterThanOrEqual(0);

    await page.keyboard.press('Enter');
    // The next Tab lands inside the main content, not back in the header or the navigation.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => Boolean(document.activeElement?.closest('main')))).toBe(true);
  });

  test('Ctrl+K, type a product title, Enter: the product opens', async () => {
    const { page, baseUrl } = session;
    await openScreen(page, baseUrl, '/products');
    await waitForProductRows(page);
    const [title] = await productRowTitles(page);
    const [id] = await productRowIds(page);
    if (!title || !id) throw new Error('No product rows');

    await page.keyboard.press('Control+K');
    const search = page.getByRole('dialog').getByRole('textbox', { name: 'Search' });
    await search.waitFor({ timeout: UI_TIMEOUT });
    expect(await search.evaluate((el) => el === document.activeElement)).toBe(true);

    await page.keyboard.type(title);
    // The palette asks the API; wait until the product is offered.
    await page
      .getByRole('dialog')
      .getByRole('button', { name: new RegExp(title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) })
      .first()
      .waitFor({
        timeout: UI_TIMEOUT,
      });
    await page.keyboard.press('Enter');

    await page.waitForURL((url) => url.pathname === `/products/${id}`, { timeout: 5_000 });
    await page.getByRole('heading', { level: 1, name: title }).waitFor({ timeout: UI_TIMEOUT });
  });
});
