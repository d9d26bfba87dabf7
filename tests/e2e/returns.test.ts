/**
 * Journeys (issue 20), as support: a customer's order shipped, one defective unit returned, written off
 * and refunded, the ledger telling the story; a wrong colour exchanged for another variant, the new order
 * linked; the unshipped rest of a partly shipped order cancelled; the order page on a 390 px phone.
 */
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import type { Order } from '../../src/contract/order-schemas';
import type { Product } from '../../src/contract/schemas';
import { formatCents } from '../../src/contract/values/money';
import { lineRefundAmount } from '../../src/domain/order-rules';
import { apiGet, apiLevel, chooseOption, eventually, openScreen, UI_TIMEOUT } from './app';
import { setupBrowser } from './browser';
import { apiOrder, apiOrders, openTwoLineOrder } from './orders-app';

const UPS_TRACKING = '1Z999AA10123456784';

/** POST under /api from inside the page, through the mock, with a fresh Idempotency-Key; the order it answers. */
async function apiPost(page: Page, path: string, body: unknown): Promise<Order> {
  const answer = await page.evaluate(
    async ({ url, json }) => {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() },
        body: JSON.stringify(json),
      });
      return { status: response.status, body: await response.text() };
    },
    { url: `/api${path}`, json: body },
  );
  if (answer.status !== 200) throw new Error(`POST /api${path} answered ${answer.status}: ${answer.body}`);
  return JSON.parse(answer.body) as Order;
}

/** A shipped order whose line `pick` accepts (asked of the API, so the browser's shop is the one searched). */
async function shippedOrder(page: Page, pick: (line: Order['lines'][number], order: Order) => Promise<boolean>) {
  const { items } = await apiOrders(page, { status: 'closed', paymentStatus: 'paid', limit: '40' });
  for (const summary of items) {
    const order = await apiOrder(page, summary.id);
    for (const line of order.lines) if (await pick(line, order)) return { order, line };
  }
  throw new Error('No such shipped order in the shop');
}

/** Opens a return on one unit of the line and receives it back on the shelf, through the API. */
async function receivedReturn(page: Page, order: Order, lineId: string, reason: string): Promise<Order> {
  const opened = await apiPost(page, `/orders/${order.id}/returns`, {
    version: order.version,
    reason,
    note: '',
    lines: [{ lineId, quantity: 1 }],
  });
  return apiPost(page, `/orders/${order.id}/returns/${opened.returns[0]!.id}/receipt`, {
    version: opened.version,
    locationId: order.locationId,
    lines: [{ lineId, restock: 1, writeOff: 0 }],
  });
}

async function openOrder(page: Page, baseUrl: string, order: Pick<Order, 'id' | 'number'>) {
  await openScreen(page, baseUrl, `/orders/${order.id}`);
  await page.getByRole('heading', { name: `Order #${order.number}`, level: 1 }).waitFor({ timeout: UI_TIMEOUT });
}

describe('returns', () => {
  const session = setupBrowser({}, { role: 'support' });

  test('a customer’s order shipped, one defective unit returned, written off and refunded; the ledger shows it', async () => {
    const { page, baseUrl } = session;
    await openScreen(page, baseUrl, '/orders');
    const order = await openTwoLineOrder(page);
    const [line] = order.lines as [Order['lines'][0]];
    const before = await apiLevel(page, line.variantId, order.locationId);

    // From the customer's page to their order, shipped whole.
    await openScreen(page, baseUrl, `/customers/${order.customer.id}`);
    await page
      .getByRole('table', { name: 'Their orders' })
      .getByRole('link', { name: `#${order.number}`, exact: true })
      .click();
    await page.getByRole('heading', { name: `Order #${order.number}`, level: 1 }).waitFor({ timeout: UI_TIMEOUT });
    await page.getByRole('button', { name: 'Fulfil…' }).click();
    const fulfil = page.getByRole('dialog', { name: `Fulfil order #${order.number}` });
    await fulfil.getByRole('textbox', { name: 'Tracking number' }).fill(UPS_TRACKING);
    await fulfil.getByRole('button', { name: /^Ship \d/ }).click();
    await fulfil.waitFor({ state: 'detached', timeout: UI_TIMEOUT });

    // One unit comes back, defective.
    await page.getByRole('button', { name: 'Return…' }).click();
    const open = page.getByRole('dialog', { name: `Return from order #${order.number}` });
    await open.getByRole('textbox', { name: `Units of ${line.sku} to return` }).fill('1');
    await open.getByRole('radio', { name: 'Defective' }).check();
    await open.getByRole('textbox', { name: 'Note' }).fill('Does not switch on');
    await open.getByRole('button', { name: 'Open return of 1 unit' }).click();
    await open.waitFor({ state: 'detached', timeout: UI_TIMEOUT });

    // It arrives broken: written off as damaged.
    const card = page.getByRole('article', { name: 'Return 1' });
    await card.getByRole('button', { name: 'Receive…' }).click();
    const receive = page.getByRole('dialog', { name: `Receive return 1 of order #${order.number}` });
    await receive.getByRole('textbox', { name: `Units of ${line.sku} written off as damaged` }).fill('1');
    expect(await receive.getByRole('textbox', { name: `Units of ${line.sku} back on the shelf` }).inputValue()).toBe('0');
    await receive.getByRole('button', { name: 'Receive' }).click();
    await receive.waitFor({ state: 'detached', timeout: UI_TIMEOUT });

    // Refunded at what the unit was paid.
    const amount = lineRefundAmount(line, 0, 1);
    await card.getByRole('button', { name: 'Refund…' }).click();
    const refund = page.getByRole('dialog', { name: `Refund return 1 of order #${order.number}` });
    await refund.getByRole('button', { name: `Refund ${formatCents(amount)}` }).click();
    await refund.waitFor({ state: 'detached', timeout: UI_TIMEOUT });
    await card.getByText('Refunded', { exact: true }).first().waitFor({ timeout: UI_TIMEOUT });
    const record = page.getByRole('table', { name: 'Refunds' }).locator('tbody tr').first();
    expect(await record.textContent()).toContain(`${line.sku} × 1: ${formatCents(amount)}`);
    expect(await record.textContent()).toContain('Return: Defective');
    const after = await apiOrder(page, order.id);
    expect(after).toMatchObject({ refunded: amount, paymentStatus: 'partially_refunded' });

    // The ledger: sold, back from the customer, written off; on hand is what it was less the unit sold and lost.
    await openScreen(page, baseUrl, `/inventory/ledger/${line.variantId}`);
    const rows = page.getByRole('table', { name: 'Stock movements' }).locator('tbody tr');
    // The unit back and the unit written off are recorded at the same instant, in either order.
    await eventually(async () => expect(await rows.nth(2).textContent()).toContain('Sale'));
    const back = [await rows.nth(0).textContent(), await rows.nth(1).textContent()].sort();
    expect(back[0]).toMatch(/Damaged\s*[−-]1/);
    expect(back[1]).toMatch(/Returned by customer\s*\+1/);
    expect((await apiLevel(page, line.variantId, order.locationId)).onHand).toBe(before.onHand - line.quantity);

    // The returns list has it, and leads back to the order.
    await openScreen(page, baseUrl, '/returns?status=refunded');
    const listed = page.getByRole('table', { name: 'Returns' }).getByRole('link', { name: `#${order.number}`, exact: true });
    await listed.click();
    await page.getByRole('heading', { name: `Order #${order.number}`, level: 1 }).waitFor({ timeout: UI_TIMEOUT });
  });

  test('a wrong colour exchanged for another variant at the same price: no money moves, the new order is linked', async () => {
    const { page, baseUrl } = session;
    await openScreen(page, baseUrl, '/orders');
    const products = new Map<string, Product>();
    const sibling = async (line: Order['lines'][number]) => {
      if (!products.has(line.productId)) products.set(line.productId, await apiGet<Product>(page, `/products/${line.productId}`));
      return products.get(line.productId)!.variants.find((v) => v.id !== line.variantId && v.price === line.unitPrice);
    };
    const { order, line } = await shippedOrder(page, async (l) => (await sibling(l)) !== undefined);
    const colour = (await sibling(line))!;
    await receivedReturn(page, order, line.id, 'wrong_item');

    await openOrder(page, baseUrl, order);
    const card = page.getByRole('article', { name: 'Return 1' });
    await card.getByRole('button', { name: 'Exchange…' }).click();
    const dialog = page.getByRole('dialog', { name: `Exchange return 1 of order #${order.number}` });
    await chooseOption(
      page,
      dialog.getByRole('combobox', { name: `Variant to send instead of ${line.sku}` }),
      `${colour.optionValues.join(' / ')} · ${formatCents(colour.price)} · ${colour.sku}`,
    );
    await dialog.getByTestId('exchange-summary').getByText('No money moves').waitFor({ timeout: UI_TIMEOUT });
    await dialog.getByRole('button', { name: 'Place the exchange' }).click();
    await dialog.waitFor({ state: 'detached', timeout: UI_TIMEOUT });

    const link = card.getByRole('link', { name: /^order #\d+$/ });
    await link.waitFor({ timeout: UI_TIMEOUT });
    const number = Number((await link.textContent())!.replace('order #', ''));
    await link.click();
    await page.getByRole('heading', { name: `Order #${number}`, level: 1 }).waitFor({ timeout: UI_TIMEOUT });
    await page.getByText(`Exchange for #${order.number}`).waitFor({ timeout: UI_TIMEOUT });
    expect(await page.getByRole('table', { name: 'Line items' }).textContent()).toContain(colour.sku);
    expect(await page.getByTitle('Payment: Paid').count()).toBe(1);
    expect(await page.getByTitle('Fulfilment: Unfulfilled').count()).toBe(1);
    // The replacement ships like any order.
    expect(await page.getByRole('button', { name: 'Fulfil…' }).count()).toBe(1);
  });

  test('the unshipped rest of a partly shipped order cancelled and refunded; the order closes', async () => {
    const { page, baseUrl } = session;
    await openScreen(page, baseUrl, '/orders');
    const order = await openTwoLineOrder(page);
    const [first, second] = order.lines as [Order['lines'][0], Order['lines'][0]];
    const shipped = await apiPost(page, `/orders/${order.id}/fulfilments`, {
      version: order.version,
      locationId: order.locationId,
      carrier: 'UPS',
      trackingNumber: UPS_TRACKING,
      lines: [{ lineId: first.id, quantity: first.quantity }],
    });

    await openOrder(page, baseUrl, shipped);
    await page.getByRole('button', { name: 'Cancel unshipped…' }).click();
    const dialog = page.getByRole('dialog', { name: `Cancel unshipped units of order #${order.number}` });
    expect(await dialog.getByRole('textbox', { name: `Units of ${second.sku} to cancel` }).inputValue()).toBe(String(second.quantity));
    const amount = lineRefundAmount(second, 0, second.quantity);
    expect(await dialog.getByRole('checkbox', { name: `Refund the cancelled units (${formatCents(amount)})` }).isChecked()).toBe(true);
    await dialog.getByRole('textbox', { name: 'Reason' }).fill('Discontinued');
    await dialog.getByRole('button', { name: `Cancel ${second.quantity} ${second.quantity === 1 ? 'unit' : 'units'}` }).click();
    await dialog.waitFor({ state: 'detached', timeout: UI_TIMEOUT });

    await page.getByTitle('Status: Closed').waitFor({ timeout: UI_TIMEOUT });
    expect(await page.getByRole('table', { name: 'Refunds' }).textContent()).toContain(formatCents(amount));
    expect(await page.getByRole('button', { name: /^Cancel/ }).count()).toBe(0);
    const after = await apiOrder(page, order.id);
    expect(after).toMatchObject({ status: 'closed', fulfilmentStatus: 'fulfilled', refunded: amount });
    expect(after.lines.map((l) => [l.fulfilledQuantity, l.cancelledQuantity])).toEqual([
      [first.quantity, 0],
      [0, second.quantity],
    ]);
  });
});

describe('a phone', () => {
  const session = setupBrowser({ viewport: { width: 390, height: 844 } }, { role: 'support' });

  test('the order page with a return and refunds, and a return dialog, fit 390 px', async () => {
    const { page, baseUrl } = session;
    await openScreen(page, baseUrl, '/orders');
    const { order, line } = await shippedOrder(page, async (l, o) => o.lines.length >= 2 && l.quantity >= 1);
    const ready = await receivedReturn(page, order, line.id, 'defective');
    await apiPost(page, `/orders/${order.id}/refunds`, {
      version: ready.version,
      lines: [],
      shipping: false,
      amount: 500,
      restock: false,
      locationId: null,
      reason: 'Late delivery',
    });

    await openOrder(page, baseUrl, order);
    await page.getByRole('table', { name: 'Refunds' }).waitFor({ timeout: UI_TIMEOUT });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    // Each line's unit price and amount are on screen, labelled, not cut off.
    const price = page.getByRole('table', { name: 'Line items' }).locator('td[data-label="Unit price"]').first();
    const box = await price.boundingBox();
    expect(box && box.x + box.width).toBeLessThanOrEqual(390);
    // The return's actions are reachable, and its dialog fits too.
    await page.getByRole('article', { name: 'Return 1' }).getByRole('button', { name: 'Refund…' }).click();
    const dialog = page.getByRole('dialog', { name: `Refund return 1 of order #${order.number}` });
    await dialog.getByRole('button', { name: /^Refund \$/ }).waitFor({ timeout: UI_TIMEOUT });
    const button = await dialog.getByRole('button', { name: /^Refund \$/ }).boundingBox();
    expect(button && button.x + button.width).toBeLessThanOrEqual(390);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });
});
