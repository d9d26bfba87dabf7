/**
 * Receiving a delivery from a CSV file: a file with a wrong row is refused and
 * nothing is applied; the fixed file applies once, even when Apply is
 * submitted twice (same Idempotency-Key, and the API's numbers move once).
 */
import type { Request } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { apiInventory, apiLedger, apiLevel, openScreen, UI_TIMEOUT, waitForInventoryRows } from './app';
import { setupBrowser } from './browser';

const session = setupBrowser();

const csv = (text: string, name = 'delivery.csv') => ({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });

describe('receiving a delivery', () => {
  test('a bad row is refused with nothing applied; the fixed file applies once even when submitted twice', async () => {
    const { page, baseUrl } = session;
    await openScreen(page, baseUrl, '/inventory');
    const [level] = (await apiInventory(page, { locationId: 'dallas-tx', sort: 'sku', limit: '1' })).items;
    if (!level) throw new Error('No levels at Dallas');
    const before = await apiLevel(page, level.variantId, 'dallas-tx');
    const ledgerBefore = (await apiLedger(page, { variantId: level.variantId, limit: '1' })).total;

    const receipts: Request[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST' && new URL(r.url()).pathname === '/api/inventory/receipts') receipts.push(r);
    });

    await openScreen(page, baseUrl, '/inventory/receive');
    const file = page.getByLabel('Delivery file (CSV)');
    await file.setInputFiles(csv(`sku,location,quantity\n${level.sku},"dallas, tx",12\n${level.sku},Nowhere,3\n`));
    await page.getByText('1 of 2 rows need fixing').waitFor({ timeout: UI_TIMEOUT });
    const wrongRow = page.getByRole('table', { name: 'Delivery rows' }).locator('tbody tr').nth(1);
    expect(await wrongRow.textContent()).toMatch(/Nowhere.+Fix/);
    const apply = page.getByRole('button', { name: 'Apply delivery' });
    expect(await apply.isDisabled()).toBe(true);
    expect((await apiLevel(page, level.variantId, 'dallas-tx')).onHand).toBe(before.onHand);

    await file.setInputFiles(csv(`sku,location,quantity\n${level.sku},dallas-tx,12\n`, 'delivery-fixed.csv'));
    await page.getByText('The row is ready').waitFor({ timeout: UI_TIMEOUT });
    // Two clicks before the page can re-render: both reach the API, with one key.
    await apply.evaluate((button: HTMLButtonElement) => {
      button.click();
      button.click();
    });
    await page.getByText('Delivery received').first().waitFor({ timeout: UI_TIMEOUT });
    await page.waitForURL((url) => url.pathname === '/inventory', { timeout: UI_TIMEOUT });
    await waitForInventoryRows(page);

    const applies = receipts.filter((r) => (JSON.parse(r.postData() ?? '{}') as { dryRun?: boolean }).dryRun === false);
    expect(applies).toHaveLength(2);
    const keys = new Set(await Promise.all(applies.map((r) => r.headerValue('Idempotency-Key'))));
    expect(keys.size).toBe(1);
    expect([...keys][0]).toMatch(/^[0-9a-f-]{36}$/);

    expect((await apiLevel(page, level.variantId, 'dallas-tx')).onHand).toBe(before.onHand + 12);
    expect((await apiLedger(page, { variantId: level.variantId, limit: '1' })).total).toBe(ledgerBefore + 1);
  });
  test('a file dropped on the field is checked like one chosen, and the field says which file it is', async () => {
    const { page, baseUrl } = session;
    await openScreen(page, baseUrl, '/inventory/receive');
    const [level] = (await apiInventory(page, { locationId: 'dallas-tx', sort: 'sku', limit: '1' })).items;
    if (!level) throw new Error('No levels at Dallas');
    const zone = page.getByLabel('Delivery file (CSV)').locator('..');
    const drop = async (name: string, type: string, text: string) => {
      const transfer = await page.evaluateHandle(
        (file) => {
          const data = new DataTransfer();
          data.items.add(new File([file.text], file.name, { type: file.type }));
          return data;
        },
        { name, type, text },
      );
      await zone.dispatchEvent('drop', { dataTransfer: transfer });
    };

    await drop('notes.txt', 'text/plain', 'not a delivery');
    await page.getByText('Choose a CSV file (.csv).').waitFor({ timeout: UI_TIMEOUT });

    const text = `sku,location,quantity\n${level.sku},dallas-tx,3\n`;
    await drop('dallas-delivery.csv', 'text/csv', text);
    await page.getByText('The row is ready').waitFor({ timeout: UI_TIMEOUT });
    expect(await zone.textContent()).toContain(`dallas-delivery.csv · ${Buffer.byteLength(text)} bytes`);
    expect(await page.getByText('Choose a CSV file (.csv).').count()).toBe(0);
  });
});
