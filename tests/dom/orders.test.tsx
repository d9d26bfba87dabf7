import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { mockDb, server, signInAs } from '../../mocks/node';
import { lineRefundAmount, lineRefundParts, refundable } from '../../src/domain/order-rules';
import type { Order } from '../../src/contract/order-schemas';
import type { OrderRecord } from '../../src/demo-shop/shop-records';
import type { StockMovement } from '../../src/contract/stock-schemas';
import { storeDate } from '../../src/domain/store-time';
import { formatStoreDay } from '../../src/lib/date-format';
import { formatCents } from '../../src/contract/values/money';
import { received, renderApp, searchesOf, setupMockApi } from './app-harness';

setupMockApi();

const UPS_TRACKING = '1Z999AA10123456784';
type User = ReturnType<typeof renderApp>['user'];

async function api<T>(path: string, init?: RequestInit): Promise<T> {
  const response = await fetch(path, init);
  return (await response.json()) as T;
}

const orderNow = (id: string) => api<Order>(`/api/orders/${id}`);

function posts(pathname: string) {
  return received.filter((r) => r.method === 'POST' && new URL(r.url).pathname === pathname);
}

/** An open, unshipped order with two lines, each in stock at the order's warehouse. */
function openTwoLineOrder(): OrderRecord {
  const db = mockDb();
  const found = [...db.allOrders()].find(
    (o) =>
      o.status === 'open' &&
      o.lines.length === 2 &&
      o.refunded === 0 &&
      o.lines.every((l) => l.fulfilledQuantity === 0 && (db.level(l.variantId, o.locationId)?.onHand ?? 0) >= l.quantity),
  );
  if (!found) throw new Error('The seed has no open two-line order with stock');
  return found;
}

/** A closed order, everything shipped and nothing refunded, under the support limit. */
function shippedOrder(): OrderRecord {
  const found = [...mockDb().allOrders()].find(
    (o) => o.status === 'closed' && o.refunded === 0 && o.total < 40_000 && o.lines.some((l) => l.quantity >= 2),
  );
  if (!found) throw new Error('The seed has no shipped order to refund');
  return found;
}

async function openOrderScreen(order: OrderRecord) {
  const app = renderApp(`/orders/${order.id}`);
  await screen.findByRole('heading', { name: `Order #${order.number}`, level: 1 });
  return app;
}

async function openDialog(user: User, button: string, name: string) {
  await user.click(screen.getByRole('button', { name: button }));
  return screen.findByRole('dialog', { name });
}

async function ledgerOf(variantId: string) {
  return api<{ items: StockMovement[] }>(`/api/inventory/ledger?variantId=${variantId}&limit=5`);
}

describe('order list', () => {
  it('asks the API for the view in the URL, and a bad parameter falls back to its default', async () => {
    renderApp(
      '/orders?q=%231042&status=open,closed&paymentStatus=paid&fulfilmentStatus=unfulfilled&from=2026-11-01&to=2026-11-20&state=NY&totalMin=5000&totalMax=20000&sku=ABC-1&sort=-total&page=2&pageSize=10',
    );
    await screen.findByRole('table', { name: 'Orders' });
    await waitFor(() => expect(searchesOf('/api/orders').length).toBeGreaterThan(0));
    expect(Object.fromEntries(searchesOf('/api/orders').at(-1)!)).toEqual({
      q: '#1042',
      status: 'open,closed',
      paymentStatus: 'paid',
      fulfilmentStatus: 'unfulfilled',
      from: '2026-11-01',
      to: '2026-11-20',
      state: 'NY',
      totalMin: '5000',
      totalMax: '20000',
      sku: 'ABC-1',
      sort: '-total',
      offset: '10',
      limit: '10',
    });
    expect(screen.getByRole('textbox', { name: 'Total from' })).toHaveValue('50.00');
  });

  it('ignores parameters that do not parse', async () => {
    renderApp('/orders?status=lost&state=new%20york&from=yesterday&totalMin=-3&sort=bogus&page=0');
    await screen.findByRole('table', { name: 'Orders' });
    await waitFor(() => expect(searchesOf('/api/orders').length).toBeGreaterThan(0));
    expect(Object.fromEntries(searchesOf('/api/orders').at(-1)!)).toEqual({ sort: '-placedAt', offset: '0', limit: '25' });
  });

  it('offers "Clear filters" for filters only, not for the demo’s mock.* settings in the URL', async () => {
    const { history, user } = renderApp('/orders?mock.products=300&state=NY');
    await screen.findByRole('table', { name: 'Orders' });
    await user.click(await screen.findByRole('button', { name: 'Clear filters' }));
    await waitFor(() => expect(history.location.search).toBe('?mock.products=300'));
    expect(screen.queryByRole('button', { name: 'Clear filters' })).not.toBeInTheDocument();
  });

  it('finds an order by the customer’s email and opens it', async () => {
    const order = openTwoLineOrder();
    const { history, user } = renderApp('/orders');
    const table = await screen.findByRole('table', { name: 'Orders' });
    await user.type(screen.getByRole('searchbox', { name: 'Search' }), order.customer.email);
    await waitFor(() => expect(history.location.search).toContain(`q=${encodeURIComponent(order.customer.email)}`));
    const link = await within(table).findByRole('link', { name: `#${order.number}` });
    expect(searchesOf('/api/orders').at(-1)!.get('q')).toBe(order.customer.email);
    const row = link.closest('tr')!;
    expect(row).toHaveTextContent(order.customer.email);
    expect(row).toHaveTextContent('Open');
    expect(row).toHaveTextContent('Unfulfilled');
    expect(row).toHaveTextContent(formatCents(order.total));
    await user.click(link);
    await screen.findByRole('heading', { name: `Order #${order.number}`, level: 1 });
    expect(history.location.pathname).toBe(`/orders/${order.id}`);
  });

  it('shows each order on the store day that the day filter finds it on, late evenings included', async () => {
    // An evening order in New York is already the next day in UTC (and in the browser, wherever that is).
    const late = [...mockDb().allOrders()].find((o) => storeDate(Date.parse(o.placedAt)) !== o.placedAt.slice(0, 10));
    if (!late) throw new Error('The seed has no order placed in a New York evening');
    const day = storeDate(Date.parse(late.placedAt));
    renderApp(`/orders?from=${day}&to=${day}&q=%23${late.number}`);
    const table = await screen.findByRole('table', { name: 'Orders' });
    const row = (await within(table).findByRole('link', { name: `#${late.number}` })).closest('tr')!;
    expect(row.querySelector('time')).toHaveTextContent(new RegExp(`^${formatStoreDay(day)}, \\d{1,2}:\\d{2} PM ET$`));
  });
});

describe('order detail', () => {
  it('shows lines, totals, customer, address and the timeline newest first; SKUs link to their stock', async () => {
    const order = shippedOrder();
    await openOrderScreen(order);
    const lines = screen.getByRole('table', { name: 'Line items' });
    const first = order.lines[0]!;
    expect(within(lines).getByRole('link', { name: `${first.sku}: stock by location` })).toHaveAttribute(
      'href',
      `/inventory?variantId=${first.variantId}`,
    );
    const totals = screen.getByRole('table', { name: 'Totals' });
    expect(within(totals).getByRole('row', { name: /^Total / })).toHaveTextContent(formatCents(order.total));
    expect(within(totals).getByRole('row', { name: /^Net / })).toHaveTextContent(formatCents(order.net));
    expect(within(totals).getByRole('row', { name: /^Subtotal / })).toHaveTextContent(formatCents(order.subtotal));
    expect(screen.getByText(order.customer.email)).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Shipping address' })).toHaveTextContent(`${order.shippingAddress.line1}`);
    expect(screen.getByRole('region', { name: 'Shipping address' })).toHaveTextContent(
      `${order.shippingAddress.city}, ${order.shippingAddress.state} ${order.shippingAddress.zip}`,
    );
    const timeline = screen.getByRole('list', { name: 'Timeline, newest first' });
    const items = within(timeline).getAllByRole('listitem');
    expect(items).toHaveLength((await orderNow(order.id)).timeline.length);
    expect(items.at(-1)).toHaveTextContent('Placed by the customer');
    expect(items.at(-1)).toHaveTextContent('Customer (online store)');
  });

  it('a merchandiser sees the order and no button that acts on it', async () => {
    signInAs('merchandiser');
    const order = openTwoLineOrder();
    await openOrderScreen(order);
    expect(screen.queryByRole('button', { name: 'Fulfil…' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Cancel order…' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Add note' })).not.toBeInTheDocument();
  });
});

describe('fulfilling', () => {
  it('ships one of two lines with a tracking number checked as it is typed; the rest stays open', async () => {
    const order = openTwoLineOrder();
    const [shipLine, keepLine] = order.lines as [Order['lines'][0], Order['lines'][0]];
    const { user } = await openOrderScreen(order);
    const dialog = await openDialog(user, 'Fulfil…', `Fulfil order #${order.number}`);
    // The order's own warehouse by default: it holds the order's reservations.
    expect((within(dialog).getByRole('combobox', { name: 'Ship from' }) as HTMLInputElement).value).toMatch(
      /\(holds this order’s stock\)$/,
    );
    const keep = within(dialog).getByRole('textbox', { name: `Units of ${keepLine.sku} to ship` });
    await user.clear(keep);
    await user.type(keep, '0');
    const tracking = within(dialog).getByRole('textbox', { name: 'Tracking number' });
    await user.type(tracking, '1Z12');
    expect(within(dialog).getByText(/A UPS tracking number is 1Z followed by 16/)).toBeInTheDocument();
    await user.clear(tracking);
    await user.type(tracking, UPS_TRACKING);
    expect(within(dialog).queryByText(/A UPS tracking number is/)).not.toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: /^Ship \d/ }));

    await screen.findByText('Order fulfilled');
    const [post] = posts(`/api/orders/${order.id}/fulfilments`);
    expect(post!.headers.get('Idempotency-Key')).toMatch(/^[0-9a-f-]{36}$/);
    expect(await post!.json()).toEqual({
      version: order.version,
      locationId: order.locationId,
      carrier: 'UPS',
      trackingNumber: UPS_TRACKING,
      lines: [{ lineId: shipLine.id, quantity: shipLine.quantity }],
    });

    const after = await orderNow(order.id);
    expect(after.fulfilmentStatus).toBe('partially_fulfilled');
    expect(after.lines.map((l) => l.fulfilledQuantity)).toEqual([shipLine.quantity, 0]);
    await waitFor(() => expect(screen.getByTitle('Fulfilment: Partly fulfilled')).toBeInTheDocument());
    const fulfilments = screen.getByRole('table', { name: 'Fulfilments' });
    expect(fulfilments).toHaveTextContent(`UPS ${UPS_TRACKING}`);
    expect(fulfilments).toHaveTextContent(`${shipLine.sku} × ${shipLine.quantity}`);
    const newest = within(screen.getByRole('list', { name: 'Timeline, newest first' })).getAllByRole('listitem')[0]!;
    expect(newest).toHaveTextContent(/^Shipped/);
    expect(newest).toHaveTextContent('Ada Admin');
    // Still to ship: the second line, so the button stays.
    expect(screen.getByRole('button', { name: 'Fulfil…' })).toBeInTheDocument();
    const [sale] = (await ledgerOf(shipLine.variantId)).items;
    expect(sale).toMatchObject({ reason: 'sale', quantity: -shipLine.quantity, orderId: order.id, locationId: order.locationId });
  });

  it('a stale version is refused: the screen shows the fresh order, ships nothing, and a second submit does', async () => {
    const order = openTwoLineOrder();
    const { user } = await openOrderScreen(order);
    const dialog = await openDialog(user, 'Fulfil…', `Fulfil order #${order.number}`);
    await user.type(within(dialog).getByRole('textbox', { name: 'Tracking number' }), UPS_TRACKING);

    // A colleague adds a note meanwhile: the order's version moves on.
    const note = await fetch(`/api/orders/${order.id}/notes`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ text: 'Customer asked to hold the parcel' }),
    });
    expect(note.status).toBe(200);
    received.length = 0;

    await user.click(within(dialog).getByRole('button', { name: /^Ship \d/ }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('This order changed since you opened it');
    // The fresh order is on the screen behind the dialog: the colleague's note.
    expect(await screen.findAllByText('Customer asked to hold the parcel')).not.toHaveLength(0);
    expect((await orderNow(order.id)).fulfilments).toHaveLength(0);

    await user.click(within(dialog).getByRole('button', { name: /^Ship \d/ }));
    await screen.findByText('Order fulfilled');
    const [refused, applied] = posts(`/api/orders/${order.id}/fulfilments`);
    expect((await refused!.clone().json()).version).toBe(order.version);
    expect((await applied!.clone().json()).version).toBe(order.version + 1);
    expect(applied!.headers.get('Idempotency-Key')).not.toBe(refused!.headers.get('Idempotency-Key'));
    expect((await orderNow(order.id)).fulfilments).toHaveLength(1);
  });

  it('puts the API’s refusal of a line beside that line', async () => {
    const order = openTwoLineOrder();
    const [, second] = order.lines as [Order['lines'][0], Order['lines'][0]];
    const { user } = await openOrderScreen(order);
    const dialog = await openDialog(user, 'Fulfil…', `Fulfil order #${order.number}`);
    server.use(
      http.post(
        `/api/orders/${order.id}/fulfilments`,
        () =>
          HttpResponse.json(
            {
              type: 'about:blank',
              title: 'Invalid request',
              status: 422,
              errors: { 'lines.1.quantity': 'Only 0 units on hand at Edison, NJ: ship from another warehouse or receive stock first' },
            },
            { status: 422, headers: { 'Content-Type': 'application/problem+json' } },
          ),
        { once: true },
      ),
    );
    await user.type(within(dialog).getByRole('textbox', { name: 'Tracking number' }), UPS_TRACKING);
    await user.click(within(dialog).getByRole('button', { name: /^Ship \d/ }));
    const field = within(dialog).getByRole('textbox', { name: `Units of ${second.sku} to ship` });
    await waitFor(() => expect(field).toHaveAttribute('aria-invalid', 'true'));
    expect(within(dialog).getByText(/Only 0 units on hand at Edison, NJ/)).toBeInTheDocument();
  });
});

describe('refunding', () => {
  it('refunds one unit with restock: the amount is the line’s exact share, and the units go back on the shelf', async () => {
    const order = shippedOrder();
    const line = order.lines.find((l) => l.quantity >= 2)!;
    const { user } = await openOrderScreen(order);
    const dialog = await openDialog(user, 'Refund…', `Refund order #${order.number}`);
    expect(within(dialog).getByText(`At most ${formatCents(refundable(order))} can still be refunded`)).toBeInTheDocument();
    await user.type(within(dialog).getByRole('textbox', { name: `Units of ${line.sku} to refund` }), '1');
    const expected = lineRefundAmount(line, 0, 1);
    expect(within(dialog).getByTestId('refund-summary')).toHaveTextContent(`Refund ${formatCents(expected)}`);
    // Broken down as support explains it: the unit's price, its discount and tax shares, the amount.
    const parts = lineRefundParts(line, 0, 1);
    const breakdown = within(dialog).getByRole('table', { name: 'Refund breakdown' });
    expect(within(breakdown).getAllByRole('row')[1]).toHaveTextContent(
      [
        line.sku,
        formatCents(line.unitPrice),
        '1',
        parts.discount ? `−${formatCents(parts.discount)}` : '$0.00',
        formatCents(parts.tax),
        formatCents(expected),
      ].join(''),
    );
    await user.click(within(dialog).getByRole('checkbox', { name: 'Put the refunded units back in stock' }));
    await user.type(within(dialog).getByRole('textbox', { name: 'Reason' }), 'Arrived scratched');
    await user.click(within(dialog).getByRole('button', { name: `Refund ${formatCents(expected)}` }));

    await screen.findByText('Refund issued');
    const [post] = posts(`/api/orders/${order.id}/refunds`);
    expect(post!.headers.get('Idempotency-Key')).toMatch(/^[0-9a-f-]{36}$/);
    expect(await post!.json()).toEqual({
      version: order.version,
      lines: [{ lineId: line.id, quantity: 1 }],
      shipping: false,
      amount: 0,
      restock: true,
      locationId: order.locationId,
      reason: 'Arrived scratched',
    });
    const after = await orderNow(order.id);
    expect(after.refunded).toBe(expected);
    expect(after.paymentStatus).toBe('partially_refunded');
    await waitFor(() => expect(screen.getByTitle('Payment: Partly refunded')).toBeInTheDocument());
    const refunds = screen.getByRole('table', { name: 'Refunds' });
    expect(refunds).toHaveTextContent(formatCents(expected));
    expect(refunds).toHaveTextContent('Arrived scratched');
    expect(refunds).toHaveTextContent('Yes, at');
    expect(within(screen.getByRole('table', { name: 'Totals' })).getByRole('row', { name: /^Net / })).toHaveTextContent(
      formatCents(order.total - expected),
    );
    const [restock] = (await ledgerOf(line.variantId)).items;
    expect(restock).toMatchObject({ reason: 'refund_restock', quantity: 1, orderId: order.id, locationId: order.locationId });
  });

  it('never offers more than can still be refunded, and shows the API’s refusal when it disagrees', async () => {
    const order = shippedOrder();
    const { user } = await openOrderScreen(order);
    const dialog = await openDialog(user, 'Refund…', `Refund order #${order.number}`);
    const most = refundable(order);
    await user.type(within(dialog).getByRole('textbox', { name: 'Extra amount' }), (most / 100 + 1).toFixed(2));
    expect(within(dialog).getByText(`That is more than can be refunded: at most ${formatCents(most)}`)).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: /^Refund \$/ })).toBeDisabled();

    // The API has the last word: here it says less is left than the screen knew.
    server.use(
      http.post(
        `/api/orders/${order.id}/refunds`,
        () =>
          HttpResponse.json(
            {
              type: 'about:blank',
              title: 'Invalid request',
              status: 422,
              detail: `Order #${order.number} has $1.00 left to refund. Nothing was refunded.`,
              errors: { amount: 'At most $1.00 can still be refunded; this refund is $5.00' },
            },
            { status: 422, headers: { 'Content-Type': 'application/problem+json' } },
          ),
        { once: true },
      ),
    );
    const extra = within(dialog).getByRole('textbox', { name: 'Extra amount' });
    await user.clear(extra);
    await user.type(extra, '5');
    await user.type(within(dialog).getByRole('textbox', { name: 'Reason' }), 'Goodwill');
    await user.click(within(dialog).getByRole('button', { name: 'Refund $5.00' }));
    expect(await within(dialog).findByText('At most $1.00 can still be refunded; this refund is $5.00')).toBeInTheDocument();
    expect(extra).toHaveAttribute('aria-invalid', 'true');
    expect((await orderNow(order.id)).refunded).toBe(0);
  });

  it('the real API refuses a refund above what was paid', async () => {
    const order = shippedOrder();
    const response = await fetch(`/api/orders/${order.id}/refunds`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() },
      body: JSON.stringify({
        version: order.version,
        lines: [],
        shipping: false,
        amount: order.total + 1,
        restock: false,
        locationId: null,
        reason: 'Too much',
      }),
    });
    expect(response.status).toBe(422);
    expect(((await response.json()) as { errors: Record<string, string> }).errors.amount).toMatch(/^At most /);
  });

  it('a double-clicked refund is sent with one key and applied once', async () => {
    const order = shippedOrder();
    const { user } = await openOrderScreen(order);
    const dialog = await openDialog(user, 'Refund…', `Refund order #${order.number}`);
    await user.type(within(dialog).getByRole('textbox', { name: 'Extra amount' }), '2.50');
    await user.type(within(dialog).getByRole('textbox', { name: 'Reason' }), 'Late delivery');
    await user.dblClick(within(dialog).getByRole('button', { name: 'Refund $2.50' }));
    await screen.findByText('Refund issued');
    const sent = posts(`/api/orders/${order.id}/refunds`);
    expect(sent.length).toBeGreaterThanOrEqual(1);
    expect(new Set(sent.map((p) => p.headers.get('Idempotency-Key'))).size).toBe(1);
    const after = await orderNow(order.id);
    expect(after.refunds).toHaveLength(order.refunds.length + 1);
    expect(after.refunded).toBe(250);
  });

  it('support sees the $500 limit and cannot send a refund above it', async () => {
    signInAs('support');
    const order = [...mockDb().allOrders()].find((o) => o.status === 'closed' && o.refunded === 0 && o.total > 60_000);
    if (!order) throw new Error('No order above $600 in the seed');
    const { user } = await openOrderScreen(order);
    const dialog = await openDialog(user, 'Refund…', `Refund order #${order.number}`);
    expect(within(dialog).getByText(/Support can refund up to \$500\.00/)).toBeInTheDocument();
    await user.type(within(dialog).getByRole('textbox', { name: 'Extra amount' }), '500.01');
    expect(within(dialog).getByRole('button', { name: 'Refund $500.01' })).toBeDisabled();
  });
});

describe('cancelling and notes', () => {
  it('cancels an unshipped order with its refund: stock is released and the timeline says who', async () => {
    const order = openTwoLineOrder();
    const { user } = await openOrderScreen(order);
    const dialog = await openDialog(user, 'Cancel order…', `Cancel order #${order.number}`);
    // Nothing shipped and everything cancelled: the units and the shipping, what the customer paid.
    const what = order.shipping > 0 ? 'units and the shipping' : 'units';
    expect(within(dialog).getByRole('checkbox', { name: `Refund the cancelled ${what} (${formatCents(order.total)})` })).toBeChecked();
    await user.type(within(dialog).getByRole('textbox', { name: 'Reason' }), 'Customer changed their mind');
    await user.click(within(dialog).getByRole('button', { name: 'Cancel order' }));
    await screen.findByText('Order cancelled');
    const [post] = posts(`/api/orders/${order.id}/cancel`);
    expect(post!.headers.get('Idempotency-Key')).toBeTruthy();
    expect(await post!.json()).toEqual({ version: order.version, reason: 'Customer changed their mind', refund: true });
    const after = await orderNow(order.id);
    expect(after).toMatchObject({ status: 'cancelled', paymentStatus: 'refunded', refunded: order.total });
    await waitFor(() => expect(screen.getByTitle('Status: Cancelled')).toBeInTheDocument());
    expect(screen.queryByRole('button', { name: 'Fulfil…' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Cancel order…' })).not.toBeInTheDocument();
    const [released] = (await ledgerOf(order.lines[0]!.variantId)).items;
    expect(released).toMatchObject({ reason: 'released', orderId: order.id });
  });

  it('adds a note: it shows with its author, in the notes and the timeline', async () => {
    const order = openTwoLineOrder();
    const { user } = await openOrderScreen(order);
    await user.type(screen.getByRole('textbox', { name: /^Add a note/ }), 'Called the customer about the address');
    await user.click(screen.getByRole('button', { name: 'Add note' }));
    await screen.findByText('Note added');
    expect(await posts(`/api/orders/${order.id}/notes`)[0]!.json()).toEqual({ text: 'Called the customer about the address' });
    const notes = screen.getByRole('region', { name: 'Notes' });
    expect(within(notes).getByText('Called the customer about the address')).toBeInTheDocument();
    const newest = within(screen.getByRole('list', { name: 'Timeline, newest first' })).getAllByRole('listitem')[0]!;
    expect(newest).toHaveTextContent('Note: Called the customer about the address');
    expect(screen.getByRole('textbox', { name: /^Add a note/ })).toHaveValue('');
  });
});
