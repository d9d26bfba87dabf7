/**
 * Replenishment on the inventory screen, against the real mock API: a level's
 * reorder settings (the suggestion from sales, what is sent, a colleague's save
 * of the settings or of the supplier in between), a transfer shipped in transit and received on arrival, and the
 * header's alerts bell after a write empties a shelf.
 */
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Supplier, VariantSupply } from '../../src/contract/replenishment-schemas';
import type { InventoryLevel } from '../../src/contract/stock-schemas';
import { DEFAULT_LEAD_TIME_DAYS, suggestedPoint, suggestedQuantity } from '../../src/domain/reorder-rules';
import { received, renderApp, setupMockApi } from './app-harness';

setupMockApi({ role: 'merchandiser' });

const EDISON = { id: 'edison-nj', name: 'Edison, NJ' };
const ONTARIO = { id: 'ontario-ca', name: 'Ontario, CA' };

async function api<T>(path: string, init?: RequestInit): Promise<T> {
  const response = await fetch(path, init);
  return (await response.json()) as T;
}

async function levelsAt(locationId: string, sort: string): Promise<InventoryLevel[]> {
  return (await api<{ items: InventoryLevel[] }>(`/api/inventory?locationId=${locationId}&sort=${sort}&limit=100`)).items;
}

async function levelNow(variantId: string, locationId: string): Promise<InventoryLevel> {
  const { items } = await api<{ items: InventoryLevel[] }>(`/api/inventory?variantId=${variantId}&limit=10`);
  return items.find((l) => l.locationId === locationId)!;
}

function requests(method: string, pathname: string | RegExp) {
  return received.filter(
    (r) =>
      r.method === method && (typeof pathname === 'string' ? new URL(r.url).pathname === pathname : pathname.test(new URL(r.url).pathname)),
  );
}

async function openAction(user: ReturnType<typeof renderApp>['user'], level: InventoryLevel, where: string, item: string) {
  await user.click(await screen.findByRole('button', { name: `Stock actions for ${level.sku} at ${where}` }));
  await user.click(await screen.findByRole('menuitem', { name: item }));
  return screen.findByRole('dialog');
}

/** The text of a row's cell under a column, the row found by what it says (a location's name). */
async function cellOf(rowText: string, column: string): Promise<string> {
  const table = await screen.findByRole('table', { name: 'Inventory' });
  await waitFor(() => expect(table).not.toHaveAttribute('aria-busy'));
  const headers = within(table)
    .getAllByRole('columnheader')
    .map((h) => h.textContent ?? '');
  const index = headers.findIndex((h) => h.startsWith(column));
  const row = within(table)
    .getAllByRole('row')
    .find((r) => r.textContent?.includes(rowText));
  return within(row!).getAllByRole('cell')[index]!.textContent ?? '';
}

describe('reorder settings', () => {
  it('shows the suggestion from sales and the supplier’s lead time, sends what is set by hand with If-Match, and shows a colleague’s save', async () => {
    const level = (await levelsAt(EDISON.id, '-available')).find((l) => l.sold28 >= 10 && l.reorderPoint === null)!;
    const supply = await api<VariantSupply>(`/api/variants/${level.variantId}/supply`);
    const { items: suppliers } = await api<{ items: Supplier[] }>('/api/suppliers');
    const lead = suppliers.find((s) => s.id === supply.supplierId)?.leadTimeDays ?? DEFAULT_LEAD_TIME_DAYS;

    const { user } = renderApp(`/inventory?q=${encodeURIComponent(level.sku)}&locationId=${EDISON.id}`);
    const dialog = await openAction(user, level, EDISON.name, 'Reorder settings…');
    const suggestion = await within(dialog).findByTestId('reorder-suggestion');
    const point = suggestedPoint(level.sold28, lead, level.safetyDays);
    expect(suggestion).toHaveTextContent(`${level.sold28} sold in 28 days, ${lead} days’ lead time`);
    expect(suggestion).toHaveTextContent(`reorder at ${point} units, order ${suggestedQuantity(level.sold28)} at a time`);
    const pointGroup = within(dialog).getByRole('radiogroup', { name: 'Reorder point' });
    expect(within(pointGroup).getByRole('radio', { name: `Suggested (${point} from sales)` })).toBeChecked();

    // Ten safety days: the suggested point follows as it is typed.
    const safety = within(dialog).getByRole('textbox', { name: 'Safety days' });
    await user.clear(safety);
    await user.type(safety, '10');
    const longer = suggestedPoint(level.sold28, lead, 10);
    await waitFor(() => expect(within(pointGroup).getByRole('radio', { name: `Suggested (${longer} from sales)` })).toBeInTheDocument());

    const quantityGroup = within(dialog).getByRole('radiogroup', { name: 'Reorder quantity' });
    await user.click(within(quantityGroup).getByRole('radio', { name: 'Set by hand' }));
    await user.type(within(dialog).getByRole('textbox', { name: 'Reorder quantity (units)' }), '40');
    await user.click(within(dialog).getByRole('button', { name: 'Save settings' }));
    await screen.findByText('Reorder settings saved');

    const [put] = requests('PUT', `/api/inventory/levels/${level.variantId}/${EDISON.id}/reorder`);
    expect(put!.headers.get('If-Match')).toBe(`"${level.version}"`);
    expect(await put!.json()).toEqual({ reorderPoint: null, reorderQuantity: 40, safetyDays: 10 });
    // The supplier was left as it was: nothing sent for it.
    expect(requests('PUT', `/api/variants/${level.variantId}/supply`)).toHaveLength(0);
    const saved = await levelNow(level.variantId, EDISON.id);
    expect(saved).toMatchObject({ reorderPoint: null, reorderQuantity: 40, safetyDays: 10, version: level.version + 1 });

    // A colleague saves in between: the next save is refused and the fresh settings are shown.
    const again = await openAction(user, saved, EDISON.name, 'Reorder settings…');
    await within(again).findByTestId('reorder-suggestion');
    const colleague = await fetch(`/api/inventory/levels/${level.variantId}/${EDISON.id}/reorder`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json', 'If-Match': `"${saved.version}"` },
      body: JSON.stringify({ reorderPoint: 5, reorderQuantity: 40, safetyDays: 3 }),
    });
    expect(colleague.status).toBe(200);
    await user.click(within(again).getByRole('button', { name: 'Save settings' }));
    const conflict = await within(again).findByRole('alert');
    expect(conflict).toHaveTextContent('changed since you opened them');
    expect(conflict).toHaveTextContent('point 5');
    expect(conflict).toHaveTextContent('3 safety days');
    expect(within(again).getByRole('textbox', { name: 'Safety days' })).toHaveValue('3');
  });

  it('sets the variant’s supplier and supplier SKU', async () => {
    const level = (await levelsAt(EDISON.id, '-available')).find((l) => l.sold28 > 0)!;
    const supply = await api<VariantSupply>(`/api/variants/${level.variantId}/supply`);
    const { items: suppliers } = await api<{ items: Supplier[] }>('/api/suppliers');
    const other = suppliers.find((s) => s.id !== supply.supplierId)!;

    const { user } = renderApp(`/inventory?q=${encodeURIComponent(level.sku)}&locationId=${EDISON.id}`);
    const dialog = await openAction(user, level, EDISON.name, 'Reorder settings…');
    await within(dialog).findByTestId('reorder-suggestion');
    await user.click(within(dialog).getByRole('combobox', { name: 'Supplier' }));
    await user.click(await screen.findByRole('option', { name: `${other.name} (${other.leadTimeDays} days’ lead time)` }));
    await user.clear(within(dialog).getByRole('textbox', { name: 'Supplier SKU' }));
    await user.type(within(dialog).getByRole('textbox', { name: 'Supplier SKU' }), 'ACME-123');
    expect(within(dialog).getByTestId('reorder-suggestion')).toHaveTextContent(`${other.leadTimeDays} days’ lead time`);
    await user.click(within(dialog).getByRole('button', { name: 'Save settings' }));
    await screen.findByText('Reorder settings saved');

    const [put] = requests('PUT', `/api/variants/${level.variantId}/supply`);
    // From the version the dialog read.
    expect(put!.headers.get('If-Match')).toBe(`"${supply.version}"`);
    expect(await put!.json()).toEqual({ supplierId: other.id, supplierSku: 'ACME-123' });
    expect(await api<VariantSupply>(`/api/variants/${level.variantId}/supply`)).toMatchObject({
      supplierId: other.id,
      supplierSku: 'ACME-123',
      version: supply.version + 1,
    });
  });

  it('shows the supplier a colleague set in between beside the supplier fields, which take it, and saves from it', async () => {
    const level = (await levelsAt(EDISON.id, '-available')).find((l) => l.sold28 > 0)!;
    const path = `/api/variants/${level.variantId}/supply`;
    const supply = await api<VariantSupply>(path);
    const { items: suppliers } = await api<{ items: Supplier[] }>('/api/suppliers');
    const [mine, theirs] = suppliers.filter((s) => s.id !== supply.supplierId);

    const { user } = renderApp(`/inventory?q=${encodeURIComponent(level.sku)}&locationId=${EDISON.id}`);
    const dialog = await openAction(user, level, EDISON.name, 'Reorder settings…');
    await within(dialog).findByTestId('reorder-suggestion');
    await user.click(within(dialog).getByRole('combobox', { name: 'Supplier' }));
    await user.click(await screen.findByRole('option', { name: `${mine!.name} (${mine!.leadTimeDays} days’ lead time)` }));
    const sku = within(dialog).getByRole('textbox', { name: 'Supplier SKU' });
    await user.clear(sku);
    await user.type(sku, 'MINE-1');
    const safety = within(dialog).getByRole('textbox', { name: 'Safety days' });
    await user.clear(safety);
    await user.type(safety, '9');

    // A colleague sets another supplier behind the dialog's back.
    const colleague = await fetch(path, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json', 'If-Match': `"${supply.version}"` },
      body: JSON.stringify({ supplierId: theirs!.id, supplierSku: 'THEIRS-7' }),
    });
    expect(colleague.status).toBe(200);

    await user.click(within(dialog).getByRole('button', { name: 'Save settings' }));
    const conflict = await within(dialog).findByRole('alert');
    expect(conflict).toHaveTextContent('The supplier changed since you opened these settings');
    expect(conflict).toHaveTextContent(`Nothing was saved. Now: ${theirs!.name}, supplier SKU THEIRS-7`);
    // The supplier fields take what is set now; the level's settings stay as typed, and nothing of them was sent.
    expect(within(dialog).getByRole('textbox', { name: 'Supplier SKU' })).toHaveValue('THEIRS-7');
    expect(within(dialog).getByRole('combobox', { name: 'Supplier' })).toHaveValue(
      `${theirs!.name} (${theirs!.leadTimeDays} days’ lead time)`,
    );
    expect(within(dialog).getByRole('textbox', { name: 'Safety days' })).toHaveValue('9');
    expect(within(dialog).getByTestId('reorder-suggestion')).toHaveTextContent(`${theirs!.leadTimeDays} days’ lead time`);
    expect(requests('PUT', `/api/inventory/levels/${level.variantId}/${EDISON.id}/reorder`)).toHaveLength(0);
    expect(await api<VariantSupply>(path)).toMatchObject({ supplierId: theirs!.id, supplierSku: 'THEIRS-7', version: supply.version + 1 });

    // Saving again changes the SKU from the colleague's version.
    await user.clear(within(dialog).getByRole('textbox', { name: 'Supplier SKU' }));
    await user.type(within(dialog).getByRole('textbox', { name: 'Supplier SKU' }), 'THEIRS-8');
    await user.click(within(dialog).getByRole('button', { name: 'Save settings' }));
    await screen.findByText('Reorder settings saved');
    const puts = requests('PUT', path);
    // The colleague's, the dialog's refused one (from the version it opened with), then the dialog's from the fresh version.
    expect(puts.map((r) => r.headers.get('If-Match'))).toEqual([`"${supply.version}"`, `"${supply.version}"`, `"${supply.version + 1}"`]);
    expect(await api<VariantSupply>(path)).toEqual({
      variantId: level.variantId,
      supplierId: theirs!.id,
      supplierSku: 'THEIRS-8',
      version: supply.version + 2,
    });
    expect(await levelNow(level.variantId, EDISON.id)).toMatchObject({ safetyDays: 9, version: level.version + 1 });
  });
});

describe('transfers in transit', () => {
  it('ships units now, shows them in transit at the destination, and receives them there once', async () => {
    const [level] = await levelsAt(EDISON.id, '-available');
    const ontarioBefore = await levelNow(level!.variantId, ONTARIO.id);

    const { user } = renderApp(`/inventory?q=${encodeURIComponent(level!.sku)}`);
    const dialog = await openAction(user, level!, EDISON.name, 'Transfer…');
    await user.click(within(dialog).getByRole('combobox', { name: 'To' }));
    await user.click(await screen.findByRole('option', { name: ONTARIO.name }));
    await user.type(within(dialog).getByRole('textbox', { name: 'Units to move' }), '3');
    await user.click(within(dialog).getByRole('checkbox', { name: /Ship now, receive on arrival/ }));
    await user.click(within(dialog).getByRole('button', { name: 'Ship' }));
    await screen.findByText('Stock shipped');

    const [post] = requests('POST', '/api/inventory/transfers');
    expect(await post!.json()).toMatchObject({ fromLocationId: EDISON.id, toLocationId: ONTARIO.id, quantity: 3, inTransit: true });
    // Left Edison now; not on Ontario's shelf yet, but in transit there.
    await waitFor(async () => expect(await cellOf(ONTARIO.name, 'In transit')).toBe(String(ontarioBefore.inTransit + 3)));
    expect(await cellOf(ONTARIO.name, 'On hand')).toBe(ontarioBefore.onHand.toLocaleString('en-US'));
    expect(await cellOf(EDISON.name, 'On hand')).toBe((level!.onHand - 3).toLocaleString('en-US'));

    await user.click(screen.getByRole('tab', { name: 'In transit (1)' }));
    const transit = await screen.findByRole('table', { name: 'Transfers in transit' });
    await user.click(within(transit).getByRole('button', { name: `Receive 3 × ${level!.sku} at ${ONTARIO.name}` }));
    await screen.findByText('Transfer received');
    const [receipt] = requests('POST', /^\/api\/inventory\/transfers\/[^/]+\/receive$/);
    expect(receipt!.headers.get('If-Match')).toBe('"1"');
    expect(receipt!.headers.get('Idempotency-Key')).toBeTruthy();
    await screen.findByText(/Nothing is in transit/);

    await user.click(screen.getByRole('tab', { name: 'Levels' }));
    await waitFor(async () => expect(await cellOf(ONTARIO.name, 'On hand')).toBe((ontarioBefore.onHand + 3).toLocaleString('en-US')));
    expect(await cellOf(ONTARIO.name, 'In transit')).toBe(String(ontarioBefore.inTransit));
  });

  it('says a transfer was received already when a colleague received it first', async () => {
    const [level] = await levelsAt(EDISON.id, '-available');
    const sent = await api<{ transfer: { id: string; version: number } }>('/api/inventory/transfers', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': 'ship-1' },
      body: JSON.stringify({
        variantId: level!.variantId,
        fromLocationId: EDISON.id,
        toLocationId: ONTARIO.id,
        fromVersion: level!.version,
        toVersion: (await levelNow(level!.variantId, ONTARIO.id)).version,
        quantity: 2,
        inTransit: true,
      }),
    });
    const { user } = renderApp('/inventory?tab=transit');
    const transit = await screen.findByRole('table', { name: 'Transfers in transit' });
    const receive = within(transit).getByRole('button', { name: `Receive 2 × ${level!.sku} at ${ONTARIO.name}` });
    const colleague = await fetch(`/api/inventory/transfers/${sent.transfer.id}/receive`, {
      method: 'POST',
      headers: { 'If-Match': `"${sent.transfer.version}"`, 'Idempotency-Key': 'colleague-1' },
    });
    expect(colleague.status).toBe(200);
    await user.click(receive);
    expect(await screen.findByRole('alert')).toHaveTextContent(/received at Ontario, CA .*nothing more was added/);
    expect((await levelNow(level!.variantId, ONTARIO.id)).inTransit).toBe(0);
  });
});

describe('alerts', () => {
  it('the bell counts the alert a write raises when a shelf empties, and Dismiss takes it away', async () => {
    const level = (await levelsAt(EDISON.id, '-available')).find((l) => l.reserved === 0 && l.onOrder === 0)!;
    // The shop opens with one alert: its seeded purchase order that is late (src/demo-shop/purchase-seed.ts).
    const before = await api<{ total: number; items: { kind: string }[] }>('/api/alerts');
    expect(before.items.map((a) => a.kind)).toEqual(['po_overdue']);
    const { user } = renderApp(`/inventory?q=${encodeURIComponent(level.sku)}&locationId=${EDISON.id}`);
    await screen.findByRole('button', { name: 'Alerts, 1 open' });

    // Counted: nothing on the shelf.
    const dialog = await openAction(user, level, EDISON.name, 'Adjust stock…');
    await user.click(within(dialog).getByRole('combobox', { name: 'Reason' }));
    await user.click(await screen.findByRole('option', { name: 'Count correction' }));
    await user.type(within(dialog).getByRole('textbox', { name: 'Counted quantity' }), '0');
    await user.click(within(dialog).getByRole('button', { name: 'Adjust stock' }));
    await screen.findByText('Stock adjusted');

    const open = await api<{ total: number }>('/api/alerts');
    expect(open.total).toBeGreaterThan(before.total);
    const bell = await screen.findByRole('button', { name: `Alerts, ${open.total} open` });
    await user.click(bell);
    const list = await screen.findByRole('list', { name: 'Open alerts' });
    const title = `${level.sku} at ${EDISON.name} is out of stock`;
    expect(within(list).getByRole('link', { name: title })).toHaveAttribute(
      'href',
      expect.stringContaining(`variantId=${level.variantId}`),
    );
    await user.click(within(list).getByRole('button', { name: `Dismiss: ${title}` }));
    await waitFor(() => expect(within(list).queryByRole('link', { name: title })).not.toBeInTheDocument());
    expect(requests('POST', /^\/api\/alerts\/[^/]+\/dismiss$/)).toHaveLength(1);
    const left = open.total - 1;
    expect(screen.getByRole('button', { name: left ? `Alerts, ${left} open` : 'Alerts, none open' })).toBeInTheDocument();
  });
});
