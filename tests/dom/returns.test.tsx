/**
 * Returns and exchanges on the order page, cancelling the unshipped rest, and the returns list: what the
 * dialogs check and work out before sending, what they send, and what the page shows after, over the real mock.
 */
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { mockDb, signInAs } from '../../mocks/node';
import { closeReturn } from '../../mocks/order-writes';
import type { Order } from '../../src/contract/order-schemas';
import type { OrderRecord } from '../../src/demo-shop/shop-records';
import type { StockMovement } from '../../src/contract/stock-schemas';
import { formatCents } from '../../src/contract/values/money';
import { lineRefundAmount, lineRefundParts, unitsToShip } from '../../src/domain/order-rules';
import { salesTax } from '../../src/domain/sales-tax';
import { received, renderApp, searchesOf, setupMockApi } from './app-harness';

setupMockApi();

type User = ReturnType<typeof renderApp>['user'];
type Line = Order['lines'][number];

async function api<T>(path: string, body?: unknown): Promise<T> {
  const response = await fetch(`/api${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = (await response.json()) as T;
  if (!response.ok) throw new Error(`${path} answered ${response.status}: ${JSON.stringify(json)}`);
  return json;
}

const orderNow = (id: string) => api<Order>(`/orders/${id}`);

function posts(pathname: string) {
  return received.filter((r) => r.method === 'POST' && new URL(r.url).pathname === pathname);
}

/** A shipped (closed) order with nothing refunded, and the first line `pick` accepts. */
function shippedOrder(pick: (line: Line, order: OrderRecord) => boolean = () => true): { order: OrderRecord; line: Line } {
  for (const order of mockDb().allOrders()) {
    if (order.status !== 'closed' || order.refunded !== 0 || order.returns.length) continue;
    const line = order.lines.find((l) => pick(l, order));
    if (line) return { order, line };
  }
  throw new Error('No such shipped order in the seed');
}

/** Opens a return on `quantity` units of the line and receives it, all restocked, through the API. */
async function receivedReturn(order: OrderRecord, line: Line, quantity: number): Promise<Order> {
  const opened = await api<Order>(`/orders/${order.id}/returns`, {
    version: order.version,
    reason: 'wrong_item',
    note: '',
    lines: [{ lineId: line.id, quantity }],
  });
  return api<Order>(`/orders/${order.id}/returns/${opened.returns[0]!.id}/receipt`, {
    version: opened.version,
    locationId: order.locationId,
    lines: [{ lineId: line.id, restock: quantity, writeOff: 0 }],
  });
}

async function openOrderScreen(order: OrderRecord) {
  const app = renderApp(`/orders/${order.id}`);
  await screen.findByRole('heading', { name: `Order #${order.number}`, level: 1 });
  return app;
}

async function openDialog(user: User, scope: HTMLElement, button: string, name: string) {
  await user.click(within(scope).getByRole('button', { name: button }));
  return screen.findByRole('dialog', { name });
}

const returnCard = (n: number) => screen.getByRole('article', { name: `Return ${n}` });

describe('opening and receiving a return', () => {
  it('takes shipped units with a reason, then receives them: one back on the shelf, one written off, each in the ledger', async () => {
    const { order, line } = shippedOrder((l) => l.quantity >= 2);
    const { user } = await openOrderScreen(order);
    const dialog = await openDialog(user, document.body, 'Return…', `Return from order #${order.number}`);

    // Nothing chosen, no reason: said beside the fields, nothing sent.
    await user.click(within(dialog).getByRole('button', { name: 'Open return' }));
    expect(await within(dialog).findByText('Return at least one unit')).toBeInTheDocument();
    expect(within(dialog).getByText('Choose why it comes back')).toBeInTheDocument();
    expect(posts(`/api/orders/${order.id}/returns`)).toHaveLength(0);

    const units = within(dialog).getByRole('textbox', { name: `Units of ${line.sku} to return` });
    await user.clear(units);
    await user.type(units, '2');
    await user.click(within(dialog).getByRole('radio', { name: 'Defective' }));
    await user.type(within(dialog).getByRole('textbox', { name: 'Note' }), 'One stopped charging');
    await user.click(within(dialog).getByRole('button', { name: 'Open return of 2 units' }));
    await screen.findByText('Return opened');
    const [post] = posts(`/api/orders/${order.id}/returns`);
    expect(post!.headers.get('Idempotency-Key')).toMatch(/^[0-9a-f-]{36}$/);
    expect(await post!.json()).toEqual({
      version: order.version,
      reason: 'defective',
      note: 'One stopped charging',
      lines: [{ lineId: line.id, quantity: 2 }],
    });
    expect(returnCard(1)).toHaveTextContent('Requested');
    expect(returnCard(1)).toHaveTextContent('Defective');
    expect(within(returnCard(1)).getByRole('list', { name: 'Steps of return 1' })).toHaveTextContent('Requested by Ada Admin');
    const newest = within(screen.getByRole('list', { name: 'Timeline, newest first' })).getAllByRole('listitem')[0]!;
    expect(newest).toHaveTextContent('Return opened for 2 units (Defective): One stopped charging.');
    expect(newest).toHaveTextContent('Return requested');

    const receive = await openDialog(user, returnCard(1), 'Receive…', `Receive return 1 of order #${order.number}`);
    // All back on the shelf by default; writing one off takes it from the shelf, so the two add up.
    const shelf = within(receive).getByRole('textbox', { name: `Units of ${line.sku} back on the shelf` });
    expect(shelf).toHaveValue('2');
    const writeOff = within(receive).getByRole('textbox', { name: `Units of ${line.sku} written off as damaged` });
    await user.clear(writeOff);
    await user.type(writeOff, '1');
    expect(shelf).toHaveValue('1');
    await user.click(within(receive).getByRole('button', { name: 'Receive' }));
    await screen.findByText('Return received');
    expect(await posts(`/api/orders/${order.id}/returns/${order.id.replace('ord_', 'ret_')}_1/receipt`)[0]!.json()).toEqual({
      version: order.version + 1,
      locationId: order.locationId,
      lines: [{ lineId: line.id, restock: 1, writeOff: 1 }],
    });
    await waitFor(() => expect(returnCard(1)).toHaveTextContent('Received'));
    const units1 = within(returnCard(1)).getByRole('table', { name: 'Units of return 1' });
    expect(
      within(units1)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual([expect.stringContaining(line.sku), '2', '1', '1']);
    const ledger = await api<{ items: StockMovement[] }>(`/inventory/ledger?variantId=${line.variantId}&limit=3`);
    expect(ledger.items.slice(0, 2).map((m) => [m.reason, m.quantity])).toEqual([
      ['damaged', -1],
      ['returned', 2],
    ]);
  });

  it('closes a return that never arrived, with its reason in its steps', async () => {
    const { order, line } = shippedOrder();
    const opened = await api<Order>(`/orders/${order.id}/returns`, {
      version: order.version,
      reason: 'changed_mind',
      note: '',
      lines: [{ lineId: line.id, quantity: 1 }],
    });
    const { user } = await openOrderScreen(opened);
    const dialog = await openDialog(user, returnCard(1), 'Close…', `Close return 1 of order #${order.number}`);
    await user.click(within(dialog).getByRole('button', { name: 'Close the return' }));
    expect(await within(dialog).findByText('Say why the return is closed')).toBeInTheDocument();
    await user.type(within(dialog).getByRole('textbox', { name: 'Reason' }), 'Customer kept it');
    await user.click(within(dialog).getByRole('button', { name: 'Close the return' }));
    await screen.findByText('Return closed');
    await waitFor(() => expect(returnCard(1)).toHaveTextContent('Closed'));
    expect(within(returnCard(1)).getByRole('list', { name: 'Steps of return 1' })).toHaveTextContent(
      'Closed with no refund: Customer kept it by Ada Admin',
    );
    expect(within(returnCard(1)).queryByRole('button')).not.toBeInTheDocument();
  });

  it('says so when a colleague took the step first, instead of the dialog vanishing', async () => {
    const { order, line } = shippedOrder();
    const opened = await api<Order>(`/orders/${order.id}/returns`, {
      version: order.version,
      reason: 'changed_mind',
      note: '',
      lines: [{ lineId: line.id, quantity: 1 }],
    });
    const { user } = await openOrderScreen(opened);
    const dialog = await openDialog(user, returnCard(1), 'Close…', `Close return 1 of order #${order.number}`);
    // Max, on another screen, closes it first.
    const max = { id: 'staff_manager', name: 'Max Manager', role: 'manager' as const };
    await closeReturn(mockDb(), {
      actor: max,
      id: order.id,
      returnId: opened.returns[0]!.id,
      input: { version: opened.version, reason: 'Parcel lost' },
      idempotency: { key: crypto.randomUUID(), fingerprint: 'dom-test' },
    });
    await user.type(within(dialog).getByRole('textbox', { name: 'Reason' }), 'Customer kept it');
    await user.click(within(dialog).getByRole('button', { name: 'Close the return' }));
    expect(await screen.findByRole('alert', { name: 'Return 1 changed' })).toHaveTextContent(
      'Max Manager marked it closed while your dialog was open. Nothing of yours was sent',
    );
    expect(within(returnCard(1)).getByRole('list', { name: 'Steps of return 1' })).toHaveTextContent(
      'Closed with no refund: Parcel lost by Max Manager',
    );
  });
});

describe('settling a return', () => {
  it('proposes the refund of what the units were paid, line by line; never more; sends what is edited down', async () => {
    const { order, line } = shippedOrder((l) => l.quantity >= 2 && l.discount > 0);
    const ready = await receivedReturn(order, line, 2);
    const { user } = await openOrderScreen(ready);
    const dialog = await openDialog(user, returnCard(1), 'Refund…', `Refund return 1 of order #${order.number}`);
    const parts = lineRefundParts(line, 0, 2);
    const receipt = within(dialog).getByRole('table', { name: 'What the returned units were paid' });
    expect(within(receipt).getAllByRole('row')[1]).toHaveTextContent(
      [
        line.sku,
        formatCents(line.unitPrice),
        '2',
        `−${formatCents(parts.discount)}`,
        formatCents(parts.tax),
        formatCents(parts.amount),
      ].join(''),
    );
    const amount = within(dialog).getByRole('textbox', { name: 'Amount to refund' });
    expect(amount).toHaveValue((parts.amount / 100).toFixed(2));

    await user.clear(amount);
    await user.type(amount, ((parts.amount + 1) / 100).toFixed(2));
    await user.tab();
    expect(await within(dialog).findByText(`At most ${formatCents(parts.amount)}: what the returned units were paid`)).toBeInTheDocument();
    await user.clear(amount);
    await user.type(amount, ((parts.amount - 500) / 100).toFixed(2));
    await user.click(within(dialog).getByRole('button', { name: `Refund ${formatCents(parts.amount - 500)}` }));
    await screen.findByText('Refund issued');
    expect(await posts(`/api/orders/${order.id}/returns/${ready.returns[0]!.id}/refund`)[0]!.json()).toEqual({
      version: ready.version,
      amount: parts.amount - 500,
    });
    await waitFor(() => expect(returnCard(1)).toHaveTextContent('Refunded'));
    // The record says what the units were paid and what was taken off.
    const record = within(screen.getByRole('table', { name: 'Refunds' })).getAllByRole('row')[1]!;
    expect(record).toHaveTextContent(`${line.sku} × 2: ${formatCents(parts.amount)}`);
    expect(record).toHaveTextContent(
      `2 × ${formatCents(line.unitPrice)} − ${formatCents(parts.discount)} discount + ${formatCents(parts.tax)} tax`,
    );
    expect(record).toHaveTextContent('Less than the units were paid: −$5.00');
  });

  it('support sees the API’s refusal once support’s refunds on the order today pass $500', async () => {
    const { order, line } = shippedOrder((l, o) => o.total >= 60_000 && lineRefundAmount(l, 0, 1) > 6_000);
    const ready = await receivedReturn(order, line, 1);
    signInAs('support');
    const goodwill = await api<Order>(`/orders/${order.id}/refunds`, {
      version: ready.version,
      lines: [],
      shipping: false,
      amount: 45_000,
      restock: false,
      locationId: null,
      reason: 'Goodwill',
    });
    const { user } = await openOrderScreen(goodwill);
    const dialog = await openDialog(user, returnCard(1), 'Refund…', `Refund return 1 of order #${order.number}`);
    expect(within(dialog).getByText(/^Support can refund up to \$500\.00 on an order per store day/)).toBeInTheDocument();
    const credit = lineRefundAmount(line, 0, 1);
    await user.click(within(dialog).getByRole('button', { name: `Refund ${formatCents(credit)}` }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      `Support may refund up to $500.00 on an order a day; support has refunded $450.00 on order #${order.number} today and this refund is ${formatCents(credit)}. Ask a manager.`,
    );
    expect((await orderNow(order.id)).refunded).toBe(45_000);
  });

  it('exchanges for a dearer variant: the price and what is owed are shown, and the new order links back and asks for it', async () => {
    const db = mockDb();
    // A dearer variant the order's warehouse has a unit of, free to promise.
    const dearer = (l: Line, at: string) =>
      db
        .getProduct(l.productId)
        ?.variants.find((v) => v.id !== l.variantId && v.price > l.unitPrice && (db.level(v.id, at)?.available ?? 0) > 0);
    const { order, line } = shippedOrder((l, o) => l.quantity === 1 && dearer(l, o.locationId) !== undefined);
    const variant = dearer(line, order.locationId)!;
    const ready = await receivedReturn(order, line, 1);
    const { user, history } = await openOrderScreen(ready);
    const dialog = await openDialog(user, returnCard(1), 'Exchange…', `Exchange return 1 of order #${order.number}`);
    await user.click(within(dialog).getByRole('button', { name: 'Place the exchange' }));
    expect(await within(dialog).findByText('Choose the variant to send')).toBeInTheDocument();

    await user.click(within(dialog).getByRole('combobox', { name: `Variant to send instead of ${line.sku}` }));
    await user.click(await screen.findByRole('option', { name: new RegExp(`· ${variant.sku}$`) }));
    // The same discount, the state's tax on the rest; the credit is what the returned unit was paid.
    const parts = lineRefundParts(line, 0, 1);
    const discount = Math.min(parts.discount, variant.price);
    const value = variant.price - discount + salesTax(variant.price - discount, order.shippingAddress.state);
    const owed = value - parts.amount;
    expect(within(dialog).getByTestId('exchange-summary')).toHaveTextContent(
      `Replacement ${formatCents(value)} · credit ${formatCents(parts.amount)}${formatCents(owed)} is owed by the customer`,
    );
    await user.click(within(dialog).getByRole('button', { name: 'Place the exchange' }));
    await screen.findByText('Exchange placed');
    expect(await posts(`/api/orders/${order.id}/returns/${ready.returns[0]!.id}/exchange`)[0]!.json()).toEqual({
      version: ready.version,
      lines: [{ lineId: line.id, variantId: variant.id }],
    });

    await waitFor(() => expect(returnCard(1)).toHaveTextContent('Exchanged'));
    const link = within(returnCard(1)).getByRole('link', { name: /^order #\d+$/ });
    const record = within(screen.getByRole('table', { name: 'Refunds' })).getAllByRole('row')[1]!;
    expect(record).toHaveTextContent(`${formatCents(parts.amount)} toward ${link.textContent}`);
    await user.click(link);
    const number = link.textContent!.replace('order #', '');
    await screen.findByRole('heading', { name: `Order #${number}`, level: 1 });
    expect(history.location.pathname).not.toBe(`/orders/${order.id}`);
    expect(screen.getByText(`Exchange for #${order.number}`)).toBeInTheDocument();
    expect(screen.getByTitle('Payment: Payment due')).toBeInTheDocument();
    expect(within(screen.getByRole('table', { name: 'Totals' })).getByRole('row', { name: /^Balance due / })).toHaveTextContent(
      formatCents(owed),
    );
    expect(screen.getByRole('link', { name: `Open order #${order.number}` })).toBeInTheDocument();

    // Cancelling the replacement waives what is owed first: only the credit goes back.
    const cancel = await openDialog(user, document.body, 'Cancel order…', `Cancel order #${number}`);
    const refund = within(cancel).getByRole('checkbox', { name: `Refund the cancelled units (${formatCents(parts.amount)})` });
    expect(refund).toHaveAccessibleDescription(
      `${formatCents(owed)} the customer owed for this exchange is waived first; the rest goes back to them`,
    );
  });
});

describe('cancelling the unshipped rest', () => {
  it('offers every unit not shipped, refunds what fewer cancelled units were paid, and keeps the order open', async () => {
    const db = mockDb();
    const order = [...db.allOrders()].find(
      (o) =>
        o.status === 'open' &&
        o.refunded === 0 &&
        o.lines.length === 2 &&
        o.lines[1]!.quantity >= 2 &&
        o.lines.every((l) => l.fulfilledQuantity === 0 && (db.level(l.variantId, o.locationId)?.onHand ?? 0) >= l.quantity),
    );
    if (!order) throw new Error('The seed has no open two-line order to ship in part');
    const [first, second] = order.lines as [Line, Line];
    const shipped = await api<Order>(`/orders/${order.id}/fulfilments`, {
      version: order.version,
      locationId: order.locationId,
      carrier: 'UPS',
      trackingNumber: '1Z999AA10123456784',
      lines: [{ lineId: first.id, quantity: first.quantity }],
    });
    const { user } = await openOrderScreen(shipped);
    expect(screen.queryByRole('button', { name: 'Cancel order…' })).not.toBeInTheDocument();
    const dialog = await openDialog(user, document.body, 'Cancel unshipped…', `Cancel unshipped units of order #${order.number}`);
    const units = within(dialog).getByRole('textbox', { name: `Units of ${second.sku} to cancel` });
    expect(units).toHaveValue(String(unitsToShip(second)));
    // Fewer units: what they were paid, no shipping (part has shipped).
    await user.clear(units);
    await user.type(units, '1');
    const amount = lineRefundAmount(second, 0, 1);
    const refund = within(dialog).getByRole('checkbox', { name: `Refund the cancelled units (${formatCents(amount)})` });
    expect(refund).toBeChecked();
    await user.type(within(dialog).getByRole('textbox', { name: 'Reason' }), 'Out of stock, customer agreed');
    await user.click(within(dialog).getByRole('button', { name: 'Cancel 1 unit' }));
    await screen.findByText('Units cancelled');
    expect(await posts(`/api/orders/${order.id}/cancel`)[0]!.json()).toEqual({
      version: shipped.version,
      reason: 'Out of stock, customer agreed',
      refund: true,
      lines: [{ lineId: second.id, quantity: 1 }],
    });
    const after = await orderNow(order.id);
    expect(after).toMatchObject({ status: 'open', refunded: amount });
    expect(after.lines[1]!.cancelledQuantity).toBe(1);
    await waitFor(() => expect(screen.getByRole('button', { name: 'Cancel unshipped…' })).toBeInTheDocument());
  });
});

describe('returns list', () => {
  it('asks the API for the view in the URL and links each return to its order', async () => {
    const { order, line } = shippedOrder();
    await api<Order>(`/orders/${order.id}/returns`, {
      version: order.version,
      reason: 'defective',
      note: '',
      lines: [{ lineId: line.id, quantity: 1 }],
    });
    const { user, history } = renderApp('/returns?status=requested&reason=defective,wrong_item&sort=requestedAt&q=%23' + order.number);
    const table = await screen.findByRole('table', { name: 'Returns' });
    const link = await within(table).findByRole('link', { name: `#${order.number}` });
    expect(Object.fromEntries(searchesOf('/api/returns').at(-1)!)).toEqual({
      status: 'requested',
      reason: 'defective,wrong_item',
      sort: 'requestedAt',
      q: `#${order.number}`,
      offset: '0',
      limit: '25',
    });
    expect(link.closest('tr')).toHaveTextContent(`#${order.number}${order.customer.name}RequestedDefective1`);
    await user.click(link);
    await screen.findByRole('heading', { name: `Order #${order.number}`, level: 1 });
    expect(history.location.pathname).toBe(`/orders/${order.id}`);
  });
});
