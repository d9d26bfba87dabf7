/**
 * Replenishment journey (issue 22): a shelf empties and the bell says so;
 * the merchandiser drafts a purchase order from the reorder view, sends it,
 * receives it in two deliveries, and sees on order, on hand and days of cover
 * change in the inventory list, and the alert go away.
 */
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import type { ReorderRow } from '../../src/contract/replenishment-schemas';
import { apiGet, apiLevel, eventually, inventoryTable, openScreen, UI_TIMEOUT, waitForInventoryRows } from './app';
import { setupBrowser } from './browser';

const session = setupBrowser({}, { role: 'merchandiser' });

const LOCATIONS: Record<string, string> = { 'edison-nj': 'Edison, NJ', 'ontario-ca': 'Ontario, CA', 'dallas-tx': 'Dallas, TX' };

/** A write the journey does not look at (emptying a shelf), sent as the app sends it. */
async function countAsEmpty(page: Page, row: ReorderRow): Promise<void> {
  const status = await page.evaluate(async (r) => {
    const response = await fetch('/api/inventory/adjustments', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() },
      body: JSON.stringify({
        variantId: r.variantId,
        locationId: r.locationId,
        version: r.version,
        reason: 'count_correction',
        quantity: 0,
        note: 'Shelf found empty',
      }),
    });
    return response.status;
  }, row);
  expect(status).toBe(200);
}

/** The cells of a level's row in the inventory list filtered to its SKU and location, by column header. */
async function inventoryRow(page: Page): Promise<Record<string, string>> {
  const table = inventoryTable(page);
  // A sortable header also holds its arrow and "sortable" for screen readers: the name is what comes before.
  const headers = (await table.locator('thead th').allTextContents()).map((h) => h.replace(/[▲▼↕].*$/, '').trim());
  const cells = (await table.locator('tbody tr').first().locator('td').allTextContents()).map((c) => c.trim());
  return Object.fromEntries(headers.map((h, i) => [h, cells[i] ?? '']));
}

describe('replenishment', () => {
  test('draft a purchase order from the reorder view, receive it in two deliveries: on hand and days of cover change, the alert goes', async () => {
    const { page, baseUrl } = session;
    await openScreen(page, baseUrl, '/reorder');
    // A due level with a supplier, a cost, stock on the shelf that no order holds and nothing coming yet.
    const due = await apiGet<{ items: ReorderRow[] }>(page, '/reorder?limit=200&sort=-suggestedQuantity');
    const row = due.items.find(
      (r) => r.supplierId && r.unitCost !== null && r.available > 0 && r.onHand === r.available && r.onOrder === 0 && r.inTransit === 0,
    );
    if (!row) throw new Error('No due level with stock on its shelf in the seed');
    const where = LOCATIONS[row.locationId]!;

    await countAsEmpty(page, row);
    const title = `${row.sku} at ${where} is out of stock`;
    await openScreen(page, baseUrl, `/reorder?q=${encodeURIComponent(row.sku)}&locationId=${row.locationId}`);
    const bell = page.getByRole('button', { name: /^Alerts, \d+ open$/ });
    await bell.click();
    await page.getByRole('list', { name: 'Open alerts' }).getByRole('link', { name: title }).waitFor({ timeout: UI_TIMEOUT });
    await page.keyboard.press('Escape');

    // The reorder view: the row, chosen with its suggested quantity, drafted.
    const table = page.getByRole('table', { name: 'Reorder' });
    await table.getByRole('checkbox', { name: `Select ${row.sku} at ${where}` }).click();
    const quantity = table.getByRole('textbox', { name: new RegExp(`^Units of ${row.sku} to order`) });
    const ordered = Number(await quantity.inputValue());
    expect(ordered).toBeGreaterThanOrEqual(2);
    await page.getByRole('button', { name: 'Draft purchase orders' }).click();
    const drafts = page.getByRole('alert').filter({ hasText: 'Drafts made' });
    await drafts.waitFor({ timeout: UI_TIMEOUT });
    await drafts.getByRole('link', { name: /^PO-\d+$/ }).click();

    // The purchase order: sent, then received in two deliveries.
    await page.getByRole('heading', { level: 1, name: /^PO-\d+/ }).waitFor({ timeout: UI_TIMEOUT });
    await page.getByRole('button', { name: 'Send to supplier' }).click();
    await page.getByRole('button', { name: 'Receive…' }).waitFor({ timeout: UI_TIMEOUT });
    const level = await apiLevel(page, row.variantId, row.locationId);
    expect(level.onOrder).toBe(ordered);
    // On order counts toward the cover even with the shelf empty.
    expect(level.daysOfCover).toBeGreaterThan(0);

    const first = Math.floor(ordered / 2);
    for (const [i, arriving] of [first, ordered - first].entries()) {
      await page.getByRole('button', { name: 'Receive…' }).click();
      const dialog = page.getByRole('dialog', { name: /^Receive PO-\d+$/ });
      const field = dialog.getByRole('textbox', { name: `Units of ${row.sku} arrived` });
      // Prefilled with what is still to come.
      expect(Number(await field.inputValue())).toBe(i === 0 ? ordered : ordered - first);
      await field.fill(String(arriving));
      await dialog.getByRole('button', { name: 'Receive' }).click();
      await dialog.waitFor({ state: 'detached', timeout: UI_TIMEOUT });
    }
    await page.getByText('Received', { exact: true }).first().waitFor({ timeout: UI_TIMEOUT });

    // The inventory list: the units on the shelf, nothing on order, the cover back in days.
    await openScreen(page, baseUrl, `/inventory?q=${encodeURIComponent(row.sku)}&locationId=${row.locationId}`);
    await waitForInventoryRows(page);
    await eventually(async () => {
      const shown = await inventoryRow(page);
      expect(shown['On hand']).toBe(ordered.toLocaleString('en-US'));
      expect(shown['On order']).toMatch(/^(0|—)$/);
      expect(shown['Days of cover']).toMatch(/ d$/);
    });
    const after = await apiLevel(page, row.variantId, row.locationId);
    expect(after).toMatchObject({ onHand: ordered, onOrder: 0 });

    // The out-of-stock alert is gone: the shelf has units again.
    await page.getByRole('button', { name: /^Alerts/ }).click();
    const list = page.getByRole('dialog', { name: 'Alerts' });
    await list.waitFor({ timeout: UI_TIMEOUT });
    await eventually(async () => expect(await list.getByRole('link', { name: title }).count()).toBe(0));
  });
});
