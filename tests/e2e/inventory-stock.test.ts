/**
 * Inventory journeys: adjust stock with a reason and find the movement in the
 * ledger; transfer units and see both locations change, in the list and in
 * the API's numbers.
 */
import { readFile } from 'node:fs/promises';
import Papa from 'papaparse';
import { describe, expect, test } from 'vitest';
import type { InventoryLevel } from '../../src/contract/stock-schemas';
import {
  apiInventory,
  apiLedger,
  apiLevel,
  chooseOption,
  eventually,
  inventoryTable,
  openScreen,
  UI_TIMEOUT,
  waitForInventoryRows,
} from './app';
import { setupBrowser } from './browser';

const session = setupBrowser();

const EDISON = { id: 'edison-nj', name: 'Edison, NJ' };
const ONTARIO = { id: 'ontario-ca', name: 'Ontario, CA' };
const units = (n: number) => n.toLocaleString('en-US');

/** The best-stocked level at Edison, so units can leave it. */
async function stockedAtEdison(): Promise<InventoryLevel> {
  const { page, baseUrl } = session;
  await openScreen(page, baseUrl, '/inventory');
  const [level] = (await apiInventory(page, { locationId: EDISON.id, sort: '-available', limit: '1' })).items;
  if (!level) throw new Error('No stock at Edison in the seed');
  return level;
}

/** The "On hand" cell of the row of a location, in the list filtered to one SKU. */
async function onHandShown(locationName: string): Promise<string> {
  const row = inventoryTable(session.page).getByRole('row').filter({ hasText: locationName });
  return ((await row.getByRole('cell').nth(3).textContent()) ?? '').trim();
}

describe('inventory', () => {
  test('adjust stock with a reason and a note, then find the movement in the ledger', async () => {
    const { page, baseUrl } = session;
    const level = await stockedAtEdison();
    await openScreen(page, baseUrl, `/inventory?q=${encodeURIComponent(level.sku)}`);
    await waitForInventoryRows(page);

    await page.getByRole('button', { name: `Stock actions for ${level.sku} at ${EDISON.name}` }).click();
    await page.getByRole('menuitem', { name: 'Adjust stock…' }).click();
    const dialog = page.getByRole('dialog', { name: `Adjust stock: ${level.sku}` });
    await dialog.getByText(`Now: ${units(level.onHand)} on hand`, { exact: false }).waitFor({ timeout: UI_TIMEOUT });
    await chooseOption(page, dialog.getByRole('combobox', { name: 'Reason' }), 'Count correction');
    const counted = dialog.getByRole('textbox', { name: 'Counted quantity' });
    await counted.fill(String(level.onHand - 2));
    await dialog.getByText('Difference −2', { exact: false }).waitFor({ timeout: UI_TIMEOUT });
    await dialog.getByRole('textbox', { name: 'Note' }).fill('Cycle count, aisle 4');
    await dialog.getByRole('button', { name: 'Adjust stock' }).click();
    await page.getByText('Stock adjusted').waitFor({ timeout: UI_TIMEOUT });
    await dialog.waitFor({ state: 'detached', timeout: UI_TIMEOUT });

    await eventually(async () => expect(await onHandShown(EDISON.name)).toBe(units(level.onHand - 2)));
    expect((await apiLevel(page, level.variantId, EDISON.id)).onHand).toBe(level.onHand - 2);

    await inventoryTable(page)
      .getByRole('link', { name: `${level.sku} at ${EDISON.name}: ledger` })
      .click();
    const ledger = page.getByRole('table', { name: 'Stock movements' });
    const newest = ledger.locator('tbody tr').first();
    await eventually(async () => expect(await newest.textContent()).toContain('Count correction'));
    const text = (await newest.textContent()) ?? '';
    expect(text).toContain('−2');
    expect(text).toContain('Cycle count, aisle 4');
    expect(text).toContain(EDISON.name);
    expect(new URL(page.url()).pathname).toBe(`/inventory/ledger/${level.variantId}`);

    // The API's ledger agrees, newest first.
    const [movement] = (await apiLedger(page, { variantId: level.variantId, limit: '1' })).items;
    expect(movement).toMatchObject({
      reason: 'count_correction',
      quantity: -2,
      locationId: EDISON.id,
      note: 'Cycle count, aisle 4',
      onHandAfter: level.onHand - 2,
    });
  });

  test('transfer units from one warehouse to another: both change, in the list and in the API', async () => {
    const { page, baseUrl } = session;
    const level = await stockedAtEdison();
    const ontario = await apiLevel(page, level.variantId, ONTARIO.id);
    await openScreen(page, baseUrl, `/inventory?q=${encodeURIComponent(level.sku)}`);
    await waitForInventoryRows(page);

    await page.getByRole('button', { name: `Stock actions for ${level.sku} at ${EDISON.name}` }).click();
    await page.getByRole('menuitem', { name: 'Transfer…' }).click();
    const dialog = page.getByRole('dialog', { name: `Transfer stock: ${level.sku}` });
    await dialog.getByText('There now:', { exact: false }).first().waitFor({ timeout: UI_TIMEOUT });
    await chooseOption(page, dialog.getByRole('combobox', { name: 'To' }), ONTARIO.name);
    const quantity = dialog.getByRole('textbox', { name: 'Units to move' });
    await quantity.fill(String(level.available + 1));
    await dialog
      .getByText(`Only ${units(level.available)} available at ${EDISON.name}`)
      .first()
      .waitFor({ timeout: UI_TIMEOUT });
    expect(await dialog.getByRole('button', { name: 'Transfer' }).isDisabled()).toBe(true);
    await quantity.fill('5');
    await dialog.getByRole('textbox', { name: 'Note' }).fill('Rebalance for the West Coast');
    await dialog.getByRole('button', { name: 'Transfer' }).click();
    await page.getByText('Stock transferred').waitFor({ timeout: UI_TIMEOUT });

    await eventually(async () => {
      expect(await onHandShown(EDISON.name)).toBe(units(level.onHand - 5));
      expect(await onHandShown(ONTARIO.name)).toBe(units(ontario.onHand + 5));
    });
    expect((await apiLevel(page, level.variantId, EDISON.id)).onHand).toBe(level.onHand - 5);
    expect((await apiLevel(page, level.variantId, ONTARIO.id)).onHand).toBe(ontario.onHand + 5);
    const moves = (await apiLedger(page, { variantId: level.variantId, limit: '2' })).items;
    expect(moves.map((m) => [m.reason, m.locationId, m.quantity]).sort()).toEqual([
      ['transfer_in', ONTARIO.id, 5],
      ['transfer_out', EDISON.id, -5],
    ]);
    expect(moves[0]!.transferId).toBe(moves[1]!.transferId);
  });

  test('from the keyboard: open a row’s actions, set its threshold, and the API has it (If-Match, once)', async () => {
    const { page, baseUrl } = session;
    const level = await stockedAtEdison();
    await openScreen(page, baseUrl, `/inventory?q=${encodeURIComponent(level.sku)}&locationId=${EDISON.id}`);
    await waitForInventoryRows(page);
    await page.getByRole('button', { name: `Stock actions for ${level.sku} at ${EDISON.name}` }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('menuitem', { name: 'Adjust stock…' }).waitFor({ timeout: UI_TIMEOUT });
    // The menu takes the focus a moment after it opens; from there, down to Set threshold (the third item).
    await eventually(async () => expect(await page.evaluate(() => Boolean(document.activeElement?.closest('[role="menu"]')))).toBe(true));
    const setThreshold = page.getByRole('menuitem', { name: 'Set threshold…' });
    for (let presses = 0; !(await setThreshold.evaluate((el) => el === document.activeElement)); presses++) {
      expect(presses).toBeLessThan(4);
      await page.keyboard.press('ArrowDown');
    }
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: `Low-stock threshold: ${level.sku}` });
    await dialog.waitFor({ timeout: UI_TIMEOUT });
    // The threshold field has the focus; select what is there and type over it.
    const field = dialog.getByRole('textbox', { name: 'Threshold' });
    expect(await field.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type(String(level.threshold + 9));
    await page.keyboard.press('Enter');
    await page.getByText('Threshold saved').waitFor({ timeout: UI_TIMEOUT });
    const after = await apiLevel(page, level.variantId, EDISON.id);
    expect(after.threshold).toBe(level.threshold + 9);
    expect(after.version).toBe(level.version + 1);
  });

  test('Export CSV writes every matching level, not only the page', async () => {
    const { page, baseUrl } = session;
    await openScreen(page, baseUrl, `/inventory?locationId=${ONTARIO.id}&state=low,out&pageSize=10`);
    await waitForInventoryRows(page);
    const api = await apiInventory(page, { locationId: ONTARIO.id, state: 'low,out', limit: '500' });
    expect(api.total).toBeGreaterThan(10);
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: UI_TIMEOUT }),
      page.getByRole('button', { name: 'Export CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('inventory.csv');
    const text = await readFile(await download.path(), 'utf8');
    const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data).toHaveLength(api.total);
    expect(parsed.data.map((r) => r.sku)).toEqual(api.items.slice(0, parsed.data.length).map((l) => l.sku));
    for (const row of parsed.data) {
      expect(row.location).toBe(ONTARIO.name);
      expect(['low', 'out']).toContain(row.status);
    }
  });

  test('the low-stock view has its own address and keeps its filters on reload', async () => {
    const { page, baseUrl } = session;
    await openScreen(page, baseUrl, `/inventory?low=true&locationId=${EDISON.id}&sort=daysOfCover`);
    await waitForInventoryRows(page);
    expect(await page.getByRole('switch', { name: /Running low/ }).isChecked()).toBe(true);
    const api = await apiInventory(page, { low: 'true', locationId: EDISON.id, sort: 'daysOfCover', limit: '25' });
    const skus = await inventoryTable(page)
      .locator('tbody tr')
      .evaluateAll((rows) => rows.map((row) => row.querySelector('a')?.textContent?.trim() ?? ''));
    expect(skus).toEqual(api.items.map((l) => l.sku));
    await page.reload();
    await waitForInventoryRows(page);
    expect(new URL(page.url()).search).toBe(`?low=true&locationId=${EDISON.id}&sort=daysOfCover`);
  });
});
