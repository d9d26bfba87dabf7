/**
 * The support journey: find an order by the customer's email, ship one of its
 * two lines with a tracking number, refund one unit with restock; then the
 * timeline, the order list's statuses and the stock ledger all tell the story.
 */
import { readFile } from 'node:fs/promises';
import Papa from 'papaparse';
import { describe, expect, test } from 'vitest';
import { lineRefundAmount } from '../../src/domain/order-rules';
import { centsToInput, formatCents } from '../../src/contract/values/money';
import { chooseOption, eventually, listSummary, openScreen, UI_TIMEOUT } from './app';
import { setupBrowser } from './browser';
import { apiMovements, apiOrder, apiOrders, openTwoLineOrder, orderTable, waitForOrderRows } from './orders-app';

const session = setupBrowser();

const USPS_TRACKING = '9400111899223197428490';

describe('orders', () => {
  test('find by email, fulfil one of two lines, refund one unit with restock; timeline, list and ledger agree', async () => {
    const { page, baseUrl } = session;
    await openScreen(page, baseUrl, '/orders');
    const order = await openTwoLineOrder(page);
    const [shipped, kept] = order.lines as [(typeof order.lines)[0], (typeof order.lines)[0]];

    // Find it by the customer's email.
    await waitForOrderRows(page);
    await page.getByRole('searchbox', { name: 'Search' }).fill(order.customer.email);
    await eventually(async () => expect(new URL(page.url()).searchParams.get('q')).toBe(order.customer.email));
    await waitForOrderRows(page);
    const link = orderTable(page).getByRole('link', { name: `#${order.number}`, exact: true });
    const row = orderTable(page)
      .getByRole('row')
      .filter({ has: page.getByRole('link', { name: `#${order.number}`, exact: true }) });
    expect(await row.textContent()).toContain('Unfulfilled');
    await link.click();
    await page.getByRole('heading', { name: `Order #${order.number}`, level: 1 }).waitFor({ timeout: UI_TIMEOUT });

    // Ship the first line only, by USPS; a wrong number is caught as it is typed.
    await page.getByRole('button', { name: 'Fulfil…' }).click();
    const fulfil = page.getByRole('dialog', { name: `Fulfil order #${order.number}` });
    await fulfil.getByRole('textbox', { name: `Units of ${kept.sku} to ship` }).fill('0');
    await chooseOption(page, fulfil.getByRole('combobox', { name: 'Carrier' }), 'USPS');
    const tracking = fulfil.getByRole('textbox', { name: 'Tracking number' });
    await tracking.fill('1Z999AA10123456784');
    await fulfil.getByText('A USPS tracking number is 20 to 22 digits', { exact: false }).waitFor({ timeout: UI_TIMEOUT });
    await tracking.fill(USPS_TRACKING);
    await fulfil.getByRole('button', { name: /^Ship \d/ }).click();
    await page.getByText('Order fulfilled').first().waitFor({ timeout: UI_TIMEOUT });
    await fulfil.waitFor({ state: 'detached', timeout: UI_TIMEOUT });
    await page.getByRole('table', { name: 'Fulfilments' }).getByText(`USPS ${USPS_TRACKING}`).waitFor({ timeout: UI_TIMEOUT });

    // Refund one unit of the shipped line, back on the shelf at the order's warehouse.
    await page.getByRole('button', { name: 'Refund…' }).click();
    const refund = page.getByRole('dialog', { name: `Refund order #${order.number}` });
    await refund.getByRole('textbox', { name: `Units of ${shipped.sku} to refund` }).fill('1');
    const amount = lineRefundAmount(shipped, 0, 1);
    await refund
      .getByTestId('refund-summary')
      .getByText(`Refund ${formatCents(amount)}`)
      .waitFor({ timeout: UI_TIMEOUT });
    await refund.getByRole('checkbox', { name: 'Put the refunded units back in stock' }).check();
    await refund.getByRole('textbox', { name: 'Reason' }).fill('Returned unopened');
    await refund.getByRole('button', { name: `Refund ${formatCents(amount)}` }).click();
    await page.getByText('Refund issued').first().waitFor({ timeout: UI_TIMEOUT });
    await refund.waitFor({ state: 'detached', timeout: UI_TIMEOUT });

    // The timeline, newest first, says what was done and by whom.
    const events = page.getByRole('list', { name: 'Timeline, newest first' }).getByRole('listitem');
    await eventually(async () =>
      expect(await events.first().textContent()).toContain(`Refunded ${formatCents(amount)} for 1 unit, restocked`),
    );
    const texts = await events.allTextContents();
    expect(texts[0]).toContain('Ada Admin');
    expect(texts[1]).toContain(`Shipped ${shipped.quantity === 1 ? '1 unit' : `${shipped.quantity} units`}`);
    expect(texts[1]).toContain(USPS_TRACKING);
    expect(texts.at(-1)).toContain('Placed by the customer');

    const after = await apiOrder(page, order.id);
    expect(after).toMatchObject({
      status: 'open',
      fulfilmentStatus: 'partially_fulfilled',
      paymentStatus: 'partially_refunded',
      refunded: amount,
    });

    // The list shows the new statuses.
    await page.getByRole('link', { name: '← Orders' }).click();
    await openScreen(page, baseUrl, `/orders?q=${encodeURIComponent(order.customer.email)}`);
    await waitForOrderRows(page);
    const listed = orderTable(page)
      .getByRole('row')
      .filter({ has: page.getByRole('link', { name: `#${order.number}`, exact: true }) });
    const rowText = (await listed.textContent()) ?? '';
    expect(rowText).toContain('Partly refunded');
    expect(rowText).toContain('Partly fulfilled');
    expect(rowText).toContain('Open');

    // The ledger has the sale and the restock, each naming the order, which links back to it.
    const moves = (await apiMovements(page, shipped.variantId, 2)).items;
    expect(moves.map((m) => [m.reason, m.quantity, m.orderId])).toEqual([
      ['refund_restock', 1, order.id],
      ['sale', -shipped.quantity, order.id],
    ]);
    await openScreen(page, baseUrl, `/inventory/ledger/${shipped.variantId}`);
    const ledger = page.getByRole('table', { name: 'Stock movements' });
    const newest = ledger.locator('tbody tr').first();
    await eventually(async () => expect(await newest.textContent()).toContain('Restocked (refund)'));
    expect(await ledger.locator('tbody tr').nth(1).textContent()).toContain('Sale');
    await newest.getByRole('link', { name: `#${order.number}` }).click();
    await page.getByRole('heading', { name: `Order #${order.number}`, level: 1 }).waitFor({ timeout: UI_TIMEOUT });
    expect(new URL(page.url()).pathname).toBe(`/orders/${order.id}`);
  });

  test('Export CSV writes every order of the filtered view, money in dollars, in the list’s order', async () => {
    const { page, baseUrl } = session;
    await openScreen(page, baseUrl, '/orders?state=CA&sort=-total&pageSize=10');
    await waitForOrderRows(page);
    const { total, last } = await listSummary(page);
    expect(total).toBeGreaterThan(last);
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: UI_TIMEOUT }),
      page.getByRole('button', { name: 'Export CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('orders.csv');
    const parsed = Papa.parse<Record<string, string>>(await readFile(await download.path(), 'utf8'), {
      header: true,
      skipEmptyLines: true,
    });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data).toHaveLength(total);
    const api = await apiOrders(page, { state: 'CA', sort: '-total', limit: '5' });
    expect(parsed.data.slice(0, 5).map((r) => [r.order, r.total_usd, r.email])).toEqual(
      api.items.map((o) => [String(o.number), centsToInput(o.total), o.customerEmail]),
    );
    for (const row of parsed.data) expect(row.state).toBe('CA');
  });
});
