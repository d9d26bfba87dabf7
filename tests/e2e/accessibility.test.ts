/**
 * Journey 5: every screen, and the Ctrl+K palette, passes axe's WCAG 2.1 A/AA
 * rules with nothing serious or critical, in the light and the dark scheme
 * (the app follows the system's, so emulating the preference picks it).
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import {
  apiInventory,
  apiProducts,
  chooseOption,
  inventoryTable,
  goInApp,
  productTable,
  signIn,
  UI_TIMEOUT,
  waitForInventoryRows,
  waitForProductRows,
} from './app';
import { setupBrowser } from './browser';
import { apiOrder, apiOrders, openTwoLineOrder, waitForOrderRows } from './orders-app';
import type { Order } from '../../src/contract/order-schemas';

type AxeResults = Awaited<ReturnType<AxeBuilder['analyze']>>;
type Violation = AxeResults['violations'][number];

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const BLOCKING = new Set(['serious', 'critical']);

const SHOWN_NODES = 4;

/**
 * A line per rule, then its first few elements with axe's reason; the same
 * mistake repeated in 25 table rows would otherwise bury every other rule.
 */
export function describeViolations(violations: readonly Violation[]): string {
  return violations
    .map((v) =>
      [
        `[${v.impact ?? 'unknown'}] ${v.id}: ${v.help}, ${v.nodes.length} element(s) (${v.helpUrl})`,
        ...v.nodes
          .slice(0, SHOWN_NODES)
          .map(
            (n) =>
              `    at ${n.target.join(' ')}\n       ${n.html.slice(0, 160)}\n       ${(n.failureSummary ?? '').replace(/\s+/g, ' ').slice(0, 300)}`,
          ),
        ...(v.nodes.length > SHOWN_NODES ? [`    … and ${v.nodes.length - SHOWN_NODES} more`] : []),
      ].join('\n'),
    )
    .join('\n');
}

/**
 * What a colour scheme can change: the colours. Names, roles, labels and structure are the same in both schemes,
 * so the second scheme is audited for the colour rules only (a full audit of it took as long again).
 */
const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];

async function audit(page: Page, within?: string, onlyColours = false): Promise<Violation[]> {
  // Let opening transitions finish: half-faded text would be judged at the wrong contrast. (Endless
  // animations, such as a loader's, never finish and are not waited for.)
  await page.waitForFunction(
    () =>
      document
        .getAnimations()
        .every((a) => a.playState !== 'running' || a.effect?.getComputedTiming().endTime === Number.POSITIVE_INFINITY),
    undefined,
    { timeout: UI_TIMEOUT },
  );
  // Only violations are read; leaving out passes and incompletes makes axe's answer much smaller and faster.
  // Legacy mode runs axe in the page itself: the default opens a blank page to merge each frame's results,
  // which took longer than the audit (0.8 s instead of 1.9 s on the product list). The app has no frames.
  const builder = new AxeBuilder({ page }).setLegacyMode(true).options({ resultTypes: ['violations'] });
  if (onlyColours) builder.withRules(COLOUR_RULES);
  else builder.withTags(TAGS);
  if (within) builder.include(within);
  const results = await builder.analyze();
  return results.violations.filter((v) => BLOCKING.has(v.impact ?? ''));
}

/**
 * `within`: audit only that part (the palette: the page behind it is audited on its own, and is inert while it is open).
 * `endsSession`: the screen expires the session, so the next screens need a new one (they share it).
 * `freshShop`: the screen needs the shop as seeded (no batches yet, an order without a return), not as earlier screens left it.
 */
type Screen = {
  name: string;
  open: (page: Page, baseUrl: string) => Promise<void>;
  within?: string;
  endsSession?: true;
  freshShop?: true;
};

const SCREENS: Screen[] = [
  {
    name: 'products list',
    open: async (page, baseUrl) => {
      await goInApp(page, baseUrl, '/products');
      await waitForProductRows(page);
    },
  },
  {
    name: 'products list with saved views, saving one',
    open: async (page, baseUrl) => {
      await goInApp(page, baseUrl, '/products');
      // A shared view of the person's own (made through the API; a second run finds the name taken, which is fine).
      await page.evaluate(async () => {
        await fetch('/api/views', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ list: 'products', name: 'Active audio', search: '?status=active&categoryId=audio', shared: true }),
        });
      });
      await goInApp(page, baseUrl, '/products?status=active&categoryId=audio');
      await waitForProductRows(page);
      await page
        .getByRole('navigation', { name: 'Saved views of products' })
        .getByRole('link', { name: /Active audio/ })
        .waitFor({ timeout: UI_TIMEOUT });
      await page.getByRole('button', { name: 'Save view' }).click();
      await page.getByRole('dialog', { name: 'Save this view of products' }).waitFor({ timeout: UI_TIMEOUT });
    },
  },
  { name: 'new product', open: (page, baseUrl) => goInApp(page, baseUrl, '/products/new') },
  {
    name: 'product editor',
    open: async (page, baseUrl) => {
      await goInApp(page, baseUrl, '/products');
      await waitForProductRows(page);
      // In-app navigation, as a person gets there (and without a second start of the mock).
      await productTable(page).locator('tbody tr a').first().click();
      await page.getByRole('table', { name: 'Variants' }).waitFor({ timeout: UI_TIMEOUT });
    },
  },
  {
    name: 'inventory list',
    open: async (page, baseUrl) => {
      await goInApp(page, baseUrl, '/inventory?state=low,out,oversold');
      await waitForInventoryRows(page);
    },
  },
  {
    name: 'inventory adjust dialog',
    open: async (page, baseUrl) => {
      await goInApp(page, baseUrl, '/inventory');
      await waitForInventoryRows(page);
      await inventoryTable(page)
        .getByRole('button', { name: /^Stock actions for / })
        .first()
        .click();
      await page.getByRole('menuitem', { name: 'Adjust stock…' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByText('Now:', { exact: false }).waitFor({ timeout: UI_TIMEOUT });
      await chooseOption(page, dialog.getByRole('combobox', { name: 'Reason' }), 'Lost');
      // An error beside the field is part of what is audited.
      await dialog.getByRole('textbox', { name: 'Units lost' }).fill('999999');
      await dialog.getByText('On hand cannot go below zero', { exact: false }).first().waitFor({ timeout: UI_TIMEOUT });
    },
    within: '[role="dialog"]',
  },
  {
    name: 'inventory transfer dialog',
    open: async (page, baseUrl) => {
      await goInApp(page, baseUrl, '/inventory');
      await waitForInventoryRows(page);
      await inventoryTable(page)
        .getByRole('button', { name: /^Stock actions for / })
        .first()
        .click();
      await page.getByRole('menuitem', { name: 'Transfer…' }).click();
      await page.getByRole('dialog').getByText('There now:', { exact: false }).first().waitFor({ timeout: UI_TIMEOUT });
    },
    within: '[role="dialog"]',
  },
  {
    name: 'stock ledger',
    open: async (page, baseUrl) => {
      await goInApp(page, baseUrl, '/inventory');
      await waitForInventoryRows(page);
      await inventoryTable(page).locator('tbody tr a').first().click();
      await page.getByRole('table', { name: 'Stock movements' }).locator('tbody tr time').first().waitFor({ timeout: UI_TIMEOUT });
    },
  },
  {
    name: 'receive delivery (a checked file with a wrong row)',
    open: async (page, baseUrl) => {
      await goInApp(page, baseUrl, '/inventory/receive');
      const [level] = (await apiInventory(page, { limit: '1' })).items;
      await page.getByLabel('Delivery file (CSV)').setInputFiles({
        name: 'delivery.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(`sku,location,quantity\n${level?.sku ?? 'X'},dallas-tx,4\nNO-SUCH-SKU,dallas-tx,two\n`),
      });
      await page.getByRole('table', { name: 'Delivery rows' }).waitFor({ timeout: UI_TIMEOUT });
    },
  },
  {
    name: 'orders list',
    open: async (page, baseUrl) => {
      await goInApp(page, baseUrl, '/orders?status=open,closed');
      await waitForOrderRows(page);
    },
  },
  {
    name: 'order detail (shipped and refunded in part)',
    open: async (page, baseUrl) => {
      await goInApp(page, baseUrl, '/orders');
      const [order] = (await apiOrders(page, { paymentStatus: 'partially_refunded', limit: '1' })).items;
      await goInApp(page, baseUrl, `/orders/${order?.id ?? 'none'}`);
      await page.getByRole('table', { name: 'Refunds' }).waitFor({ timeout: UI_TIMEOUT });
    },
  },
  {
    name: 'order fulfil dialog (a wrong tracking number)',
    open: async (page, baseUrl) => {
      await goInApp(page, baseUrl, '/orders');
      const order = await openTwoLineOrder(page);
      await goInApp(page, baseUrl, `/orders/${order.id}`);
      await page.getByRole('button', { name: 'Fulfil…' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByRole('textbox', { name: 'Tracking number' }).fill('1Z12');
      await dialog.getByText('A UPS tracking number is', { exact: false }).waitFor({ timeout: UI_TIMEOUT });
    },
    within: '[role="dialog"]',
  },
  {
    name: 'order refund dialog (more than can be refunded)',
    open: async (page, baseUrl) => {
      await goInApp(page, baseUrl, '/orders');
      const [order] = (await apiOrders(page, { status: 'closed', paymentStatus: 'paid', limit: '1' })).items;
      await goInApp(page, baseUrl, `/orders/${order?.id ?? 'none'}`);
      await page.getByRole('button', { name: 'Refund…' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByRole('checkbox', { name: 'Put the refunded units back in stock' }).check();
      await dialog.getByRole('textbox', { name: 'Extra amount' }).fill('999999');
      await dialog.getByText('That is more than can be refunded', { exact: false }).waitFor({ timeout: UI_TIMEOUT });
    },
    within: '[role="dialog"]',
  },
  {
    name: 'dashboard (charts drawn, every panel loaded)',
    open: async (page, baseUrl) => {
      await goInApp(page, baseUrl, '/dashboard?range=last_90_days&compare=last_year');
      await page.getByRole('table', { name: 'Recent orders' }).locator('tbody a').first().waitFor({ timeout: UI_TIMEOUT });
      await page.getByRole('table', { name: 'Items running out' }).waitFor({ timeout: UI_TIMEOUT });
      await page.locator('.recharts-surface').nth(3).waitFor({ timeout: UI_TIMEOUT });
    },
  },
  {
    name: 'dashboard, a chart shown as a table',
    open: async (page, baseUrl) => {
      await goInApp(page, baseUrl, '/dashboard');
      const panel = page.getByRole('region', { name: 'Revenue over time' });
      await panel.getByRole('switch', { name: 'Show as table' }).check();
      await panel.getByRole('table', { name: 'Revenue by period' }).locator('tbody tr').first().waitFor({ timeout: UI_TIMEOUT });
    },
  },
  {
    name: 'reports (by state, filtered by category)',
    open: async (page, baseUrl) => {
      await goInApp(page, baseUrl, '/reports?by=state&categoryId=audio&sort=-orders');
      await page.getByRole('table', { name: 'Sales by state' }).locator('tbody tr td').nth(2).waitFor({ timeout: UI_TIMEOUT });
      await page.locator('.recharts-surface').first().waitFor({ timeout: UI_TIMEOUT });
    },
  },
  {
    name: 'dashboard, a figure’s definition open',
    open: async (page, baseUrl) => {
      await goInApp(page, baseUrl, '/dashboard');
      const refunds = page.getByRole('region', { name: 'Refunds', exact: true });
      await refunds.getByRole('link').waitFor({ timeout: UI_TIMEOUT });
      await refunds.getByRole('button', { name: 'What Refunds counts' }).click();
      await page.getByRole('dialog').getByText('By the day each refund was made', { exact: false }).waitFor({ timeout: UI_TIMEOUT });
    },
  },
  {
    name: 'refunds made (the records behind Refunds)',
    open: async (page, baseUrl) => {
      await goInApp(page, baseUrl, '/reports/refunds?range=last_90_days');
      await page.getByRole('table', { name: 'Refunds' }).locator('tfoot td').first().waitFor({ timeout: UI_TIMEOUT });
    },
  },
  {
    name: 'sold lines (a category’s figure in one state)',
    open: async (page, baseUrl) => {
      await goInApp(page, baseUrl, '/reports/lines?categoryId=audio&state=CA');
      await page.getByRole('table', { name: 'Sold lines' }).locator('tfoot td').first().waitFor({ timeout: UI_TIMEOUT });
    },
  },
  {
    name: 'sales summary',
    open: async (page, baseUrl) => {
      await goInApp(page, baseUrl, '/reports/summary?granularity=week');
      await page.getByRole('table', { name: 'Sales summary by week' }).locator('tfoot td').first().waitFor({ timeout: UI_TIMEOUT });
    },
  },
  {
    name: 'profit by product (ABC classes)',
    open: async (page, baseUrl) => {
      await goInApp(page, baseUrl, '/reports/profit');
      await page.getByRole('table', { name: 'Profit by product' }).locator('tfoot td').first().waitFor({ timeout: UI_TIMEOUT });
    },
  },
  {
    name: 'sell-through',
    open: async (page, baseUrl) => {
      await goInApp(page, baseUrl, '/reports/sell-through');
      await page.getByRole('table', { name: 'Sell-through' }).locator('tfoot td').first().waitFor({ timeout: UI_TIMEOUT });
    },
  },
  // ---- pricing screens
  {
    name: 'discounts list',
    open: async (page, baseUrl) => {
      await goInApp(page, baseUrl, '/discounts');
      await page.getByRole('table', { name: 'Discounts' }).getByRole('link', { name: 'HOLIDAY20' }).waitFor({ timeout: UI_TIMEOUT });
    },
  },
  {
    name: 'new discount (sent empty: messages beside the fields)',
    open: async (page, baseUrl) => {
      await goInApp(page, baseUrl, '/discounts/new');
      await page.getByRole('radio', { name: 'Categories' }).check();
      await page.getByRole('button', { name: 'Create discount' }).click();
      await page.getByText('Enter the code customers type').waitFor({ timeout: UI_TIMEOUT });
    },
  },
  {
    name: 'discount page (performance, a basket priced)',
    open: async (page, baseUrl) => {
      await goInApp(page, baseUrl, '/discounts/disc_0003');
      await page.getByRole('link', { name: 'Open these orders' }).waitFor({ timeout: UI_TIMEOUT });
      const [audio] = (await apiProducts(page, { categoryId: 'audio', status: 'active', sort: 'title', limit: '1' })).items;
      const sku = audio!.skus[0]!;
      await page.getByRole('combobox', { name: 'Add a product to the basket' }).fill(sku);
      await page
        .getByRole('option', { name: new RegExp(sku) })
        .first()
        .click();
      await page.getByRole('combobox', { name: 'Variant' }).click();
      await page.getByRole('option', { name: new RegExp(`· ${sku} ·`) }).click();
      await page.getByRole('button', { name: 'Add to basket' }).click();
      await page.getByRole('table', { name: 'Basket totals' }).waitFor({ timeout: UI_TIMEOUT });
    },
  },
  {
    name: 'discount page (a disabled automatic offer)',
    open: async (page, baseUrl) => {
      await goInApp(page, baseUrl, '/discounts/disc_0005');
      await page.getByRole('button', { name: 'Enable' }).waitFor({ timeout: UI_TIMEOUT });
      await page.getByText('An automatic offer has no code').waitFor({ timeout: UI_TIMEOUT });
    },
  },
  {
    name: 'pricing: bulk change with preview',
    open: async (page, baseUrl) => {
      await goInApp(page, baseUrl, '/pricing?categoryId=audio');
      await page.getByRole('textbox', { name: 'Percent' }).fill('20');
      await page.getByRole('table', { name: 'Preview' }).locator('tbody tr').nth(2).getByText('→').first().waitFor({ timeout: UI_TIMEOUT });
    },
  },
  {
    name: 'pricing: batch detail',
    open: async (page, baseUrl) => {
      await openBatch(page, baseUrl);
    },
  },
  {
    name: 'pricing: price history',
    open: async (page, baseUrl) => {
      await openBatch(page, baseUrl);
      await page.getByRole('table', { name: 'Batch variants' }).getByRole('link', { name: 'History' }).first().click();
      await page
        .getByRole('table', { name: 'Price history' })
        .getByRole('row', { name: /bulk price change/ })
        .waitFor({ timeout: UI_TIMEOUT });
    },
    freshShop: true,
  },
  {
    name: 'pricing: empty batches list; product CSV import with its preview',
    open: async (page, baseUrl) => {
      await goInApp(page, baseUrl, '/pricing/batches');
      await page.getByText('No price batches yet.').waitFor({ timeout: UI_TIMEOUT });
      await goInApp(page, baseUrl, '/products/import');
      await page.getByRole('button', { name: 'Download template' }).waitFor({ timeout: UI_TIMEOUT });
      // The preview: a new product's variants under it, and a row with errors.
      await page.getByLabel('CSV file', { exact: true }).setInputFiles({
        name: 'products.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(
          [
            'handle,sku,title,category,price,option1_name,option1_value',
            'axe-import-band,AXE-BAND-BLK,Axe Import Band,Wearables,49.99,Color,Black',
            'axe-import-band,AXE-BAND-RED,,,49.99,Color,Red',
            ',AXE-CABLE,,Nowhere,abc,,',
          ].join('\n'),
        ),
      });
      await page.getByRole('table', { name: 'Import rows' }).getByText('New product: Axe Import Band').waitFor({ timeout: UI_TIMEOUT });
    },
    freshShop: true,
  },
  // ---- end of pricing screens
  {
    name: 'settings',
    open: async (page, baseUrl) => {
      await goInApp(page, baseUrl, '/settings');
      await page.getByRole('button', { name: 'Save demo settings' }).waitFor({ timeout: UI_TIMEOUT });
      await page
        .getByRole('table', { name: 'Staff' })
        .getByRole('row', { name: /Sam Support/ })
        .waitFor({ timeout: UI_TIMEOUT });
    },
  },
  {
    name: 'audit log',
    open: async (page, baseUrl) => {
      // One entry, so the table has a row to audit; made through the API, so no toast covers the screen.
      await goInApp(page, baseUrl, '/settings');
      const status = await page.evaluate(async () => {
        const response = await fetch('/api/staff/staff_support', {
          method: 'PATCH',
          headers: { 'Content-Type': 'application/json', 'If-Match': '"1"' },
          body: JSON.stringify({ role: 'merchandiser' }),
        });
        return response.status;
      });
      expect(status).toBe(200);
      await goInApp(page, baseUrl, '/audit');
      await page
        .getByRole('table', { name: 'Audit log' })
        .getByRole('row', { name: /Sam Support/ })
        .waitFor({ timeout: UI_TIMEOUT });
    },
  },
  {
    name: 'product history tab',
    open: async (page, baseUrl) => {
      await goInApp(page, baseUrl, '/products');
      await waitForProductRows(page);
      await productTable(page).locator('tbody tr a').first().click();
      await page.getByRole('tab', { name: 'History' }).click();
      await page.getByText('No changes recorded yet').waitFor({ timeout: UI_TIMEOUT });
    },
  },
  {
    name: 'product stock tab',
    open: async (page, baseUrl) => {
      await goInApp(page, baseUrl, '/products');
      await waitForProductRows(page);
      await productTable(page).locator('tbody tr a').first().click();
      await page.getByRole('tab', { name: 'Stock' }).click();
      await page.getByRole('table', { name: 'Stock by variant' }).waitFor({ timeout: UI_TIMEOUT });
    },
  },
  {
    name: 'sign in',
    open: async (page, baseUrl) => {
      await page.goto(new URL('/sign-in', baseUrl).href);
      await page.getByRole('button', { name: 'Use Admin account' }).waitFor({ timeout: UI_TIMEOUT });
    },
  },
  {
    name: 'sign in again (session expired dialog)',
    open: async (page, baseUrl) => {
      await goInApp(page, baseUrl, '/products');
      await waitForProductRows(page);
      await page.evaluate(() => fetch('/api/_mock/expire-session', { method: 'POST' }));
      await page.getByRole('button', { name: 'Next page' }).click();
      await page.getByRole('dialog', { name: 'Your session has expired' }).waitFor({ timeout: UI_TIMEOUT });
    },
    within: '[role="dialog"]',
    endsSession: true,
  },
  {
    name: 'command palette (Ctrl+K)',
    open: async (page, baseUrl) => {
      await goInApp(page, baseUrl, '/products');
      await waitForProductRows(page);
      await page.keyboard.press('Control+K');
      await page.getByRole('dialog').getByRole('textbox', { name: 'Search' }).waitFor({ timeout: UI_TIMEOUT });
    },
    within: '[role="dialog"]',
  },
  // ---- customers
  {
    name: 'customers list (filtered)',
    open: async (page, baseUrl) => {
      await goInApp(page, baseUrl, '/customers?ordersMin=2&sort=-spent');
      await page.getByRole('table', { name: 'Customers' }).locator('tbody tr a').first().waitFor({ timeout: UI_TIMEOUT });
    },
  },
  {
    name: 'customer page (their orders, timeline, note form)',
    open: async (page, baseUrl) => {
      await goInApp(page, baseUrl, '/customers/cus_000001');
      await page.getByRole('table', { name: 'Their orders' }).locator('tbody tr a').first().waitFor({ timeout: UI_TIMEOUT });
      await page.getByRole('form', { name: 'Add a note' }).waitFor({ timeout: UI_TIMEOUT });
    },
  },
  {
    name: 'command palette with an order and customers found (their second lines)',
    open: async (page, baseUrl) => {
      await goInApp(page, baseUrl, '/customers');
      await page.keyboard.press('Control+K');
      await page.getByRole('dialog').getByRole('textbox', { name: 'Search' }).fill('1001');
      await page
        .getByRole('dialog')
        .getByRole('button', { name: /^Order #1001/ })
        .waitFor({ timeout: UI_TIMEOUT });
    },
    within: '[role="dialog"]',
  },
  // ---- end of customers
  // ---- returns
  {
    name: 'returns list (a return opened, filtered by status)',
    open: async (page, baseUrl) => {
      await goInApp(page, baseUrl, '/orders');
      await openReturnThroughApi(page);
      await goInApp(page, baseUrl, '/returns?status=requested');
      await page.getByRole('table', { name: 'Returns' }).locator('tbody tr a').first().waitFor({ timeout: UI_TIMEOUT });
    },
  },
  {
    name: 'order page with a return requested',
    open: async (page, baseUrl) => {
      await goInApp(page, baseUrl, '/orders');
      const order = await openReturnThroughApi(page);
      await goInApp(page, baseUrl, `/orders/${order.id}`);
      await page.getByRole('article', { name: 'Return 1' }).getByRole('button', { name: 'Receive…' }).waitFor({ timeout: UI_TIMEOUT });
    },
    freshShop: true,
  },
  {
    name: 'order page with a return, and its receive dialog',
    open: async (page, baseUrl) => {
      await goInApp(page, baseUrl, '/orders');
      const order = await openReturnThroughApi(page);
      await goInApp(page, baseUrl, `/orders/${order.id}`);
      await page.getByRole('article', { name: 'Return 1' }).getByRole('button', { name: 'Receive…' }).click();
      const dialog = page.getByRole('dialog');
      // An error beside a field is part of what is audited.
      await dialog.getByRole('textbox', { name: /written off as damaged$/ }).fill('');
      await dialog.getByRole('button', { name: 'Receive' }).click();
      await dialog.getByText('Enter a number of units').waitFor({ timeout: UI_TIMEOUT });
    },
    within: '[role="dialog"]',
    freshShop: true,
  },
  {
    name: 'open a return dialog (nothing chosen: messages beside the fields)',
    open: async (page, baseUrl) => {
      await goInApp(page, baseUrl, '/orders');
      const [order] = (await apiOrders(page, { status: 'closed', paymentStatus: 'paid', limit: '1' })).items;
      await goInApp(page, baseUrl, `/orders/${order?.id ?? 'none'}`);
      await page.getByRole('button', { name: 'Return…' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByRole('button', { name: 'Open return' }).click();
      await dialog.getByText('Choose why it comes back').waitFor({ timeout: UI_TIMEOUT });
    },
    within: '[role="dialog"]',
  },
  // ---- end of returns
  // ---- replenishment
  {
    name: 'reorder view (rows due now)',
    open: async (page, baseUrl) => {
      await goInApp(page, baseUrl, '/reorder?sort=-reorderBy');
      await page.getByRole('table', { name: 'Reorder' }).locator('tbody tr a').first().waitFor({ timeout: UI_TIMEOUT });
    },
  },
  { name: 'purchase orders list', open: (page, baseUrl) => goInApp(page, baseUrl, '/purchase-orders?overdue=true') },
  { name: 'new purchase order', open: (page, baseUrl) => goInApp(page, baseUrl, '/purchase-orders/new') },
  {
    name: 'suppliers',
    open: async (page, baseUrl) => {
      await goInApp(page, baseUrl, '/suppliers');
      await page.getByRole('table', { name: 'Suppliers' }).getByRole('button').first().waitFor({ timeout: UI_TIMEOUT });
    },
  },
  {
    name: 'purchase order sent, and its receive dialog (an over-delivery refused beside its line)',
    open: async (page, baseUrl) => {
      await goInApp(page, baseUrl, '/purchase-orders');
      const id = await page.evaluate(async () => {
        const post = async (path: string, body: unknown, version?: number) => {
          const headers: Record<string, string> = { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() };
          if (version !== undefined) headers['If-Match'] = `"${version}"`;
          const response = await fetch(path, { method: 'POST', headers, body: body === undefined ? undefined : JSON.stringify(body) });
          return response.json();
        };
        const { items } = await (await fetch('/api/reorder?limit=50')).json();
        const row = items.find((r: { supplierId: string | null; unitCost: number | null }) => r.supplierId && r.unitCost !== null);
        const { purchaseOrders } = await post('/api/purchase-orders/from-reorder', {
          items: [{ variantId: row.variantId, locationId: row.locationId, quantity: 5 }],
        });
        const sent = await post(`/api/purchase-orders/${purchaseOrders[0].id}/send`, undefined, purchaseOrders[0].version);
        return sent.id as string;
      });
      await goInApp(page, baseUrl, `/purchase-orders/${id}`);
      await page.getByRole('button', { name: 'Receive…' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByRole('textbox', { name: /arrived$/ }).fill('9');
      await dialog.getByRole('button', { name: 'Receive' }).click();
      await dialog.getByText(/are still to come; to take 9/).waitFor({ timeout: UI_TIMEOUT });
    },
    within: '[role="dialog"]',
  },
  // ---- end of replenishment
];

/** Opens a return on one unit of a shipped order through the API, as support would from its page; the order as it is then. */
async function openReturnThroughApi(page: Page): Promise<Order> {
  const [summary] = (await apiOrders(page, { status: 'closed', paymentStatus: 'paid', limit: '1' })).items;
  const order = await apiOrder(page, summary?.id ?? 'none');
  return page.evaluate(async (o) => {
    const response = await fetch(`/api/orders/${o.id}/returns`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() },
      body: JSON.stringify({ version: o.version, reason: 'defective', note: 'Axe', lines: [{ lineId: o.lines[0]!.id, quantity: 1 }] }),
    });
    return (await response.json()) as Order;
  }, order);
}

/** Applies a 10 % sale on Power through the API, then opens its batch from the batches list, as a person would. */
async function openBatch(page: Page, baseUrl: string): Promise<void> {
  await goInApp(page, baseUrl, '/pricing/batches');
  const status = await page.evaluate(async () => {
    const response = await fetch('/api/pricing/batches', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() },
      body: JSON.stringify({
        label: 'Axe sale',
        selection: { kind: 'filter', categoryId: 'power' },
        change: { op: 'lower', unit: 'percent', value: 1000, ending: '99', compareAt: 'start-sale', minMarginBp: null },
        skipFlagged: true,
      }),
    });
    return response.status;
  });
  expect(status).toBe(201);
  await goInApp(page, baseUrl, '/pricing/batches');
  await page.getByRole('table', { name: 'Price batches' }).getByRole('link', { name: 'Axe sale' }).click();
  await page.getByRole('table', { name: 'Batch variants' }).getByRole('link', { name: 'History' }).first().waitFor({ timeout: UI_TIMEOUT });
}

// Every screen on one shop and one session (each on a fresh page), unless it needs the shop as seeded.
const session = setupBrowser({ colorScheme: 'light' }, { shared: true });

async function signedInOnNewShop(): Promise<Page> {
  const page = await (await session.newContext()).newPage();
  await signIn(page, session.baseUrl, 'admin');
  return page;
}

describe('accessibility', () => {
  // Both schemes in one visit: the app follows the system scheme live, so switching the emulated
  // preference re-themes the same screen, and a second start of the app and its mock is saved.
  test.each(SCREENS.map((s) => [s.name, s] as const))('%s: no serious or critical axe violations, light and dark', async (_, screen) => {
    const { baseUrl } = session;
    const page = screen.freshShop ? await signedInOnNewShop() : session.page;
    await screen.open(page, baseUrl);
    const found: string[] = [];
    const ids: string[] = [];
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      await page.waitForFunction((scheme) => document.documentElement.getAttribute('data-mantine-color-scheme') === scheme, colorScheme, {
        timeout: UI_TIMEOUT,
      });
      const violations = await audit(page, screen.within, colorScheme === 'dark');
      ids.push(...violations.map((v) => `${colorScheme}: ${v.id}`));
      if (violations.length) found.push(`${colorScheme} scheme:\n${describeViolations(violations)}`);
    }
    if (screen.endsSession) await signIn(page, baseUrl, 'admin');
    expect(ids, `axe found on ${screen.name}:\n${found.join('\n')}`).toEqual([]);
  });
});
