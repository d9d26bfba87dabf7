/**
 * The replenishment screens against the real mock API: the reorder view's due rows drafted into purchase
 * orders (what is sent), a purchase order received in two deliveries, and the over-delivery rule said beside
 * the line before anything is sent.
 */
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { PurchaseOrder, PurchaseOrderSummary, ReorderRow, Supplier } from '../../src/contract/replenishment-schemas';
import { seededPurchaseOrderId } from '../../src/demo-shop/purchase-seed';
import { formatCents } from '../../src/contract/values/money';
import { poLabel } from '../../src/domain/purchase-decisions';
import { formatStoreDay } from '../../src/lib/date-format';
import { received, renderApp, setupMockApi } from './app-harness';

setupMockApi({ role: 'merchandiser' });

type User = ReturnType<typeof renderApp>['user'];

async function api<T>(path: string, init: { body?: unknown; version?: number } = {}): Promise<T> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() };
  if (init.version !== undefined) headers['If-Match'] = `"${init.version}"`;
  const response = await fetch(`/api${path}`, {
    method: init.body === undefined && init.version === undefined ? 'GET' : 'POST',
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const json = (await response.json()) as T;
  if (!response.ok) throw new Error(`${path} answered ${response.status}: ${JSON.stringify(json)}`);
  return json;
}

const posts = (pathname: string) => received.filter((r) => r.method === 'POST' && new URL(r.url).pathname === pathname);

/** A purchase order sent to its supplier for `quantity` units of one due row that has a supplier and a cost. */
async function sentOrder(quantity: number): Promise<PurchaseOrder> {
  const { items } = await api<{ items: ReorderRow[] }>('/reorder?limit=50');
  const row = items.find((r) => r.supplierId !== null && r.unitCost !== null)!;
  const { purchaseOrders } = await api<{ purchaseOrders: PurchaseOrder[] }>('/purchase-orders/from-reorder', {
    body: { items: [{ variantId: row.variantId, locationId: row.locationId, quantity }] },
  });
  const draft = purchaseOrders[0]!;
  return api<PurchaseOrder>(`/purchase-orders/${draft.id}/send`, { version: draft.version });
}

/** The text of the line's cell under a column of the purchase order's lines table. */
function lineCell(sku: string, column: string): string {
  const table = screen.getByRole('table', { name: 'Lines' });
  const headers = within(table)
    .getAllByRole('columnheader')
    .map((h) => h.textContent ?? '');
  const row = within(table)
    .getAllByRole('row')
    .find((r) => r.textContent?.includes(sku))!;
  return within(row).getAllByRole('cell')[headers.indexOf(column)]!.textContent ?? '';
}

async function openReceive(user: User, po: PurchaseOrder) {
  await user.click(await screen.findByRole('button', { name: 'Receive…' }));
  return screen.findByRole('dialog', { name: `Receive ${poLabel(po.number)}` });
}

describe('the reorder view', () => {
  it('lists the rows due by today and drafts the chosen ones, with their quantities, into purchase orders', async () => {
    const { today } = await api<{ today: string }>('/reports/clock');
    // The latest first: the rows due today, then the late ones (a reorder-by day before today).
    const { items, total } = await api<{ items: ReorderRow[]; total: number }>(`/reorder?by=${today}&sort=-reorderBy&limit=50`);
    expect(total).toBeGreaterThan(1);
    expect(items.every((r) => r.reorderBy <= today)).toBe(true);
    const dueToday = items.find((r) => r.reorderBy === today)!;
    const late = items.find((r) => r.reorderBy < today)!;
    expect(dueToday && late).toBeTruthy();
    const supplied = items.filter((r) => r.supplierId !== null && r.unitCost !== null);
    const [first, second] = supplied;

    const { user } = renderApp(`/reorder?by=${today}&sort=-reorderBy`);
    const table = await screen.findByRole('table', { name: 'Reorder' });
    await within(table).findByRole('link', { name: items[0]!.sku });
    expect(screen.getByText(`1–${Math.min(total, 50)} of ${total}`)).toBeInTheDocument();
    // "Late" is before the store's today (the API's clock, not the browser's).
    const rowOf = (r: ReorderRow) =>
      within(table)
        .getByRole('checkbox', { name: new RegExp(`^Select ${r.sku} at `) })
        .closest('tr')!;
    expect(within(rowOf(late)).getByText('Late')).toBeInTheDocument();
    expect(within(rowOf(dueToday)).queryByText('Late')).toBeNull();
    expect(within(rowOf(dueToday)).getByText(formatStoreDay(today))).toBeInTheDocument();

    const rowName = (r: ReorderRow) => new RegExp(`^Select ${r.sku} at `);
    await user.click(within(table).getByRole('checkbox', { name: rowName(first!) }));
    await user.click(within(table).getByRole('checkbox', { name: rowName(second!) }));
    // A chosen row's quantity starts at the suggestion and can be changed.
    const quantity = within(table).getByRole('textbox', { name: new RegExp(`^Units of ${first!.sku} to order`) });
    expect(quantity).toHaveValue(String(first!.suggestedQuantity));
    await user.clear(quantity);
    await user.type(quantity, String(first!.suggestedQuantity + 5));
    await user.click(screen.getByRole('button', { name: 'Draft purchase orders' }));

    await screen.findByText('Drafts made');
    const [post] = posts('/api/purchase-orders/from-reorder');
    expect(post!.headers.get('Idempotency-Key')).toMatch(/^[0-9a-f-]{36}$/);
    expect(await post!.json()).toEqual({
      items: [
        { variantId: first!.variantId, locationId: first!.locationId, quantity: first!.suggestedQuantity + 5 },
        { variantId: second!.variantId, locationId: second!.locationId, quantity: second!.suggestedQuantity },
      ],
    });
    // The shop's seeded draft (PO-1001) is not one of these: only the drafts the reorder view made.
    const made = (await api<{ items: PurchaseOrderSummary[] }>('/purchase-orders?status=draft')).items.filter(
      (po) => po.id !== seededPurchaseOrderId(1001),
    );
    expect(made.length).toBeGreaterThan(0);
    for (const po of made) expect(screen.getAllByRole('link', { name: poLabel(po.number) }).length).toBeGreaterThan(0);
  });
});

describe('receiving a purchase order', () => {
  it('takes two deliveries: the received column counts both, and the order is received once all has come', async () => {
    const po = await sentOrder(10);
    const line = po.lines[0]!;
    const { user } = renderApp(`/purchase-orders/${po.id}`);
    await screen.findByRole('heading', { name: new RegExp(`^${poLabel(po.number)}`), level: 1 });
    expect(lineCell(line.sku, 'Received')).toBe('0');

    let dialog = await openReceive(user, po);
    const arrived = within(dialog).getByRole('textbox', { name: `Units of ${line.sku} arrived` });
    expect(arrived).toHaveValue('10');
    await user.clear(arrived);
    await user.type(arrived, '4');
    await user.click(within(dialog).getByRole('button', { name: 'Receive' }));
    await screen.findByText('Delivery received');
    await waitFor(() => expect(lineCell(line.sku, 'Received')).toBe('4'));
    expect(lineCell(line.sku, 'Still to come')).toBe('6');
    expect(screen.getAllByText('Partly received').length).toBeGreaterThan(0);
    const [first] = posts(`/api/purchase-orders/${po.id}/receipts`);
    expect(first!.headers.get('If-Match')).toBe(`"${po.version}"`);
    expect(first!.headers.get('Idempotency-Key')).toBeTruthy();
    expect(await first!.json()).toEqual({ lines: [{ lineId: line.id, quantity: 4 }], note: '', overReason: '' });

    dialog = await openReceive(user, po);
    expect(within(dialog).getByRole('textbox', { name: `Units of ${line.sku} arrived` })).toHaveValue('6');
    await user.click(within(dialog).getByRole('button', { name: 'Receive' }));
    await waitFor(() => expect(lineCell(line.sku, 'Received')).toBe('10'));
    expect(screen.getAllByText('Received').length).toBeGreaterThan(0);
    const second = posts(`/api/purchase-orders/${po.id}/receipts`)[1]!;
    expect(second.headers.get('If-Match')).toBe(`"${po.version + 1}"`);
    expect(await second.json()).toEqual({ lines: [{ lineId: line.id, quantity: 6 }], note: '', overReason: '' });
  });

  it('says beside the line, in the API’s words, that more than is still to come needs a reason, and sends nothing', async () => {
    const po = await sentOrder(5);
    const line = po.lines[0]!;
    const { user } = renderApp(`/purchase-orders/${po.id}`);
    const dialog = await openReceive(user, po);
    const arrived = within(dialog).getByRole('textbox', { name: `Units of ${line.sku} arrived` });
    await user.clear(arrived);
    await user.type(arrived, '7');
    await user.click(within(dialog).getByRole('button', { name: 'Receive' }));
    const message = `Only 5 of 5 ${line.sku} are still to come; to take 7, say why in the over-delivery reason`;
    await waitFor(() => expect(arrived).toHaveAccessibleDescription(message));
    expect(arrived).toHaveAttribute('aria-invalid', 'true');
    expect(posts(`/api/purchase-orders/${po.id}/receipts`)).toHaveLength(0);

    // With a reason it goes, and the order records the over-delivery.
    await user.type(within(dialog).getByRole('textbox', { name: /Over-delivery reason/ }), 'Supplier sent a full case');
    await user.click(within(dialog).getByRole('button', { name: 'Receive' }));
    await waitFor(() => expect(lineCell(line.sku, 'Received')).toBe('7'));
    expect(await posts(`/api/purchase-orders/${po.id}/receipts`)[0]!.json()).toMatchObject({ overReason: 'Supplier sent a full case' });
  });
});

describe('someone else was quicker', () => {
  it('a delivery recorded meanwhile: the receipt is refused with what changed, and the fields show what is still to come now', async () => {
    const po = await sentOrder(10);
    const line = po.lines[0]!;
    const { user } = renderApp(`/purchase-orders/${po.id}`);
    const dialog = await openReceive(user, po);
    // A colleague receives 3 in another tab.
    await api<PurchaseOrder>(`/purchase-orders/${po.id}/receipts`, {
      version: po.version,
      body: { lines: [{ lineId: line.id, quantity: 3 }], note: '', overReason: '' },
    });
    await user.click(within(dialog).getByRole('button', { name: 'Receive' }));
    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent('This purchase order changed since you opened it');
    expect(alert).toHaveTextContent(`now at version ${po.version + 1}: 3 units received`);
    expect(within(dialog).getByRole('textbox', { name: `Units of ${line.sku} arrived` })).toHaveValue('7');
    expect(lineCell(line.sku, 'Received')).toBe('3');
    // Sent again, with the fresh version: 7 more, the order complete, nothing counted twice.
    await user.click(within(dialog).getByRole('button', { name: 'Receive' }));
    await waitFor(() => expect(lineCell(line.sku, 'Received')).toBe('10'));
    expect(posts(`/api/purchase-orders/${po.id}/receipts`).at(-1)!.headers.get('If-Match')).toBe(`"${po.version + 1}"`);
  });

  it('a supplier saved meanwhile: the edit is refused and shows their change beside the one typed', async () => {
    const { items } = await api<{ items: Supplier[] }>('/suppliers');
    const supplier = [...items].sort((a, b) => a.name.localeCompare(b.name, 'en-US'))[0]!;
    const { user } = renderApp('/suppliers');
    await user.click(await screen.findByRole('button', { name: `Edit ${supplier.name}` }));
    const dialog = await screen.findByRole('dialog', { name: `Edit ${supplier.name}` });
    const lead = within(dialog).getByRole('textbox', { name: /Lead time/ });
    await user.clear(lead);
    await user.type(lead, String(supplier.leadTimeDays + 2));
    const colleague = await fetch(`/api/suppliers/${supplier.id}`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json', 'If-Match': `"${supplier.version}"` },
      body: JSON.stringify({ ...supplier, minimumOrder: supplier.minimumOrder + 10_000 }),
    });
    expect(colleague.status).toBe(200);
    await user.click(within(dialog).getByRole('button', { name: 'Save supplier' }));
    const changed = await within(dialog).findByRole('table', { name: 'What changed' });
    const row = within(changed).getByRole('row', { name: /Minimum order/ });
    expect(row).toHaveTextContent(formatCents(supplier.minimumOrder + 10_000));
    const puts = received.filter((r) => r.method === 'PUT' && new URL(r.url).pathname === `/api/suppliers/${supplier.id}`);
    expect(puts.at(-1)!.headers.get('If-Match')).toBe(`"${supplier.version}"`);
    // Keeping theirs and saving the lead time typed: sent at their version.
    await user.click(within(dialog).getByRole('button', { name: 'Save mine over theirs' }));
    await screen.findByText('Supplier saved');
    const after = (await api<{ items: Supplier[] }>('/suppliers')).items.find((s) => s.id === supplier.id)!;
    expect(after).toMatchObject({ leadTimeDays: supplier.leadTimeDays + 2, version: supplier.version + 2 });
  });
});
