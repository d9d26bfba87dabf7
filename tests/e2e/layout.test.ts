/**
 * Nothing cut off: every screen at a laptop's 1440 × 900 or 1280 × 800 and a
 * phone's 390 × 844, in the light and the dark scheme, without the page growing
 * sideways and without a cell or control running past the edge of the screen
 * unless it sits in something that scrolls (a wide table scrolls inside its
 * card, with a shade that says so).
 */
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { goInApp, waitForProductRows } from './app';
import { setupBrowser } from './browser';

/**
 * Every screen at the narrower laptop and a phone. Only the record pages (an order, a customer) lay out anew at
 * Mantine's `xl` (1408 px: a narrower side column); everything else is 1280 with more room at 1440, so the wide
 * laptop checks just those.
 */
const XL_PATHS = ['/orders/ord_0001176', '/customers/cus_000001'];
const SIZES = [
  { name: 'laptop', viewport: { width: 1440, height: 900 }, only: XL_PATHS },
  { name: 'small laptop', viewport: { width: 1280, height: 800 }, only: null },
  { name: 'phone', viewport: { width: 390, height: 844 }, only: null },
] as const;
const SCHEMES = ['light', 'dark'] as const;

/** Every screen a person reaches from the navigation, and one record of each kind. */
const PATHS = [
  '/dashboard',
  '/reports',
  '/reports/summary',
  '/reports/profit',
  '/reports/sell-through',
  '/reports/refunds?range=last_90_days',
  '/reports/lines?categoryId=audio',
  '/products',
  '/products/new',
  '/products/prod_000001',
  '/products/import',
  '/inventory',
  '/inventory/ledger/var_0000001',
  '/inventory/receive',
  '/orders',
  '/discounts',
  '/discounts/new',
  '/discounts/disc_0003',
  '/audit',
  '/settings',
  '/pricing',
  '/pricing/batches',
  '/pricing/history',
  // A customer's page: their orders' table scrolls inside its card on a phone.
  '/customers',
  '/customers/cus_000001',
  // An order shipped and refunded (two lines, a discount): on a phone its tables stack into labelled rows.
  '/orders/ord_0001176',
  '/returns',
  // Replenishment: the reorder view's wide table scrolls inside its card; the suppliers' table stacks on a phone.
  '/reorder',
  '/purchase-orders',
  '/purchase-orders/new',
  '/suppliers',
];

/** What runs past the right edge of the screen, or makes the page itself wider than the screen. */
function overflowIn(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const found: string[] = [];
    if (document.documentElement.scrollWidth > width + 1) found.push(`the page is ${document.documentElement.scrollWidth} px wide`);
    const scrolls = (element: Element | null): boolean => {
      for (let e = element; e; e = e.parentElement) if (/(auto|scroll)/.test(getComputedStyle(e).overflowX)) return true;
      return false;
    };
    for (const element of document.querySelectorAll(
      'main td, main th, main button, main a, main input, header button, header a, nav a, nav button',
    )) {
      const box = element.getBoundingClientRect();
      // Visually hidden text (a 1 px clip) and collapsed things are not seen.
      if (box.width <= 1 || box.height <= 1) continue;
      if (box.right > width + 1 && !scrolls(element.parentElement)) {
        found.push(
          `${element.tagName.toLowerCase()} "${(element.textContent ?? '').trim().slice(0, 40)}" ends at ${Math.round(box.right)} px`,
        );
      }
    }
    return [...new Set(found)];
  });
}

async function openRecord(page: Page, baseUrl: string, path: string): Promise<void> {
  await goInApp(page, baseUrl, path);
  if (path === '/products') await waitForProductRows(page);
  // Panels fill in as their answers arrive; the check reads the screen once they have.
  await page
    .waitForFunction(() => !document.querySelector('[aria-busy="true"], .mantine-Skeleton-root'), null, { timeout: 15_000 })
    .catch(() => {});
}

for (const size of SIZES) {
  describe(`${size.name} (${size.viewport.width} × ${size.viewport.height})`, () => {
    const session = setupBrowser({ viewport: size.viewport });

    test('no screen runs past the edge, in the light or the dark scheme', async () => {
      const { page, baseUrl } = session;
      const problems: Record<string, string[]> = {};
      for (const path of size.only ?? PATHS) {
        await openRecord(page, baseUrl, path);
        // The same screen in each scheme: the app follows the system's, so emulating the preference switches it.
        for (const scheme of SCHEMES) {
          await page.emulateMedia({ colorScheme: scheme });
          await page.waitForFunction((want) => document.documentElement.dataset.mantineColorScheme === want, scheme, { timeout: 5_000 });
          const found = await overflowIn(page);
          if (found.length) problems[`${path} (${scheme})`] = found.slice(0, 4);
        }
      }
      expect(problems).toEqual({});
    });
  });
}

describe('a phone', () => {
  const session = setupBrowser({ viewport: { width: 390, height: 844 } });

  test('keeps a list’s filters behind one button that counts the active ones', async () => {
    const { page, baseUrl } = session;
    await openRecord(page, baseUrl, '/products?status=active&tag=usb-c');
    const search = page.getByRole('searchbox', { name: 'Search' });
    expect(await search.count()).toBe(0);
    await page.getByRole('button', { name: 'Filters, 2 active' }).click();
    const drawer = page.getByRole('dialog', { name: 'Filters' });
    await drawer.getByRole('searchbox', { name: 'Search' }).waitFor({ timeout: 5_000 });
    await drawer.getByRole('button', { name: 'Clear filters' }).click();
    await page.waitForURL((url) => !url.searchParams.has('status') && !url.searchParams.has('tag'), { timeout: 5_000 });
    await drawer.getByRole('button', { name: 'Show results' }).click();
    await page.getByRole('button', { name: 'Filters', exact: true }).waitFor({ timeout: 5_000 });
  });
});

describe('a laptop', () => {
  const session = setupBrowser({ viewport: { width: 1440, height: 900 } });

  test('shows the whole bulk price preview beside its form, with Apply in view', async () => {
    const { page, baseUrl } = session;
    await openRecord(page, baseUrl, '/pricing?categoryId=audio');
    await page.getByRole('textbox', { name: 'Name of the change' }).fill('Audio sale');
    await page.getByRole('textbox', { name: 'Percent' }).fill('20');
    const preview = page.getByRole('table', { name: 'Preview' });
    await preview.locator('tbody tr').first().waitFor({ timeout: 15_000 });
    // Every column, Flags the last, inside the screen without scrolling sideways.
    const flags = await preview.getByRole('columnheader', { name: 'Flags' }).boundingBox();
    expect(flags && flags.x + flags.width).toBeLessThanOrEqual(1440);
    const apply = await page.getByRole('button', { name: /^Apply \d+ changes$/ }).boundingBox();
    expect(apply && apply.y + apply.height).toBeLessThanOrEqual(900);
  });
});
