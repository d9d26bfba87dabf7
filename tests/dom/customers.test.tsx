import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { mockDb, signInAs } from '../../mocks/node';
import type { Customer, CustomerSummary } from '../../src/contract/customer-schemas';
import { formatCents } from '../../src/contract/values/money';
import { formatMoment } from '../../src/lib/date-format';
import { received, renderApp, searchesOf, setupMockApi } from './app-harness';

setupMockApi({ role: 'support' });

const urlParam = (history: ReturnType<typeof renderApp>['history'], key: string) => new URLSearchParams(history.location.search).get(key);

/** A repeat buyer with at least one refund: every figure of the page has something to show. */
function repeatBuyer(): Customer {
  const { items } = mockDb().listCustomers({ offset: 0, limit: 200, sort: '-orders', ordersMin: 3 });
  const summary = items.find((c) => c.refunded > 0 && c.orders <= 10);
  const customer = summary && mockDb().getCustomer(summary.id);
  if (!customer) throw new Error('The seed has no repeat buyer with a refund');
  return customer;
}

function someCustomer(query: Partial<Parameters<ReturnType<typeof mockDb>['listCustomers']>[0]> = {}): CustomerSummary {
  const [first] = mockDb().listCustomers({ offset: 0, limit: 1, sort: '-lastOrderAt', ...query }).items;
  if (!first) throw new Error('No customer matches');
  return first;
}

describe('customers list', () => {
  it('reads its filters and sort from the URL, sends them to the API, and keeps what is typed in the URL', async () => {
    const { user, history } = renderApp('/customers?state=CA&ordersMin=2&spentMin=10000&sort=-spent');
    const table = await screen.findByRole('table', { name: 'Customers' });
    const expected = someCustomer({ state: 'CA', ordersMin: 2, spentMin: 10_000, sort: '-spent' });
    await within(table).findByRole('link', { name: expected.name });
    const first = searchesOf('/api/customers').at(-1)!;
    expect(Object.fromEntries(first)).toEqual({ sort: '-spent', state: 'CA', ordersMin: '2', spentMin: '10000', offset: '0', limit: '25' });
    // Dollars on screen, cents in the URL and on the wire.
    expect(screen.getByRole('textbox', { name: 'Spent from' })).toHaveValue('100.00');
    expect(within(table).getByRole('columnheader', { name: /Lifetime spend/ })).toHaveAttribute('aria-sort', 'descending');

    // Found by email: the search goes into the URL (replacing the entry) and to the API.
    const target = someCustomer({ state: 'CA', ordersMin: 2, spentMin: 10_000 });
    await user.type(screen.getByRole('searchbox', { name: 'Search' }), target.email);
    await waitFor(() => expect(urlParam(history, 'q')).toBe(target.email));
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(2));
    expect(within(table).getByRole('row', { name: new RegExp(target.name) })).toHaveTextContent(formatCents(target.spent));
    expect(searchesOf('/api/customers').at(-1)?.get('q')).toBe(target.email);

    // A money bound applies on Enter, as cents; a day bound as the store day chosen.
    const spentTo = screen.getByRole('textbox', { name: 'Spent to' });
    await user.type(spentTo, '5,000.5{Enter}');
    await waitFor(() => expect(urlParam(history, 'spentMax')).toBe('500050'));
    fireEvent.change(screen.getByLabelText('Last order from'), { target: { value: '2026-01-01' } });
    await waitFor(() => expect(urlParam(history, 'lastFrom')).toBe('2026-01-01'));
    await waitFor(() => expect(searchesOf('/api/customers').at(-1)?.get('lastFrom')).toBe('2026-01-01'));
    expect(searchesOf('/api/customers').at(-1)?.get('spentMax')).toBe('500050');

    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    await waitFor(() => expect(history.location.search).toBe('?sort=-spent'));
    expect(screen.getByRole('textbox', { name: 'Spent from' })).toHaveValue('');
  });
});

describe('customer page', () => {
  it('shows contact, addresses, figures, their orders and history, and takes a note', async () => {
    const customer = repeatBuyer();
    const { user } = renderApp(`/customers/${customer.id}`);
    await screen.findByRole('heading', { level: 1, name: customer.name });

    const contact = screen.getByRole('region', { name: 'Contact' });
    expect(within(contact).getByRole('link', { name: customer.email })).toHaveAttribute('href', `mailto:${customer.email}`);
    expect(within(contact).getByRole('link', { name: customer.phone })).toHaveAttribute(
      'href',
      `tel:+1${customer.phone.replace(/\D/g, '')}`,
    );
    const addresses = screen.getByRole('region', { name: /^Address/ });
    expect(within(addresses).getAllByRole('listitem')).toHaveLength(customer.addresses.length);

    const figures = within(screen.getByRole('region', { name: 'Figures' }));
    const figure = (term: string) => figures.getByText(term).nextElementSibling?.textContent;
    expect(figure('Orders')).toBe(String(customer.orders));
    expect(figure('Lifetime spend')).toBe(formatCents(customer.spent));
    expect(figure('Refunded')).toBe(formatCents(customer.refunded));
    expect(figure('Average order')).toBe(formatCents(customer.averageOrder));
    expect(figure('First order')).toBe(formatMoment(customer.firstOrderAt!));
    expect(figure('Last order')).toBe(formatMoment(customer.lastOrderAt!));
    expect(figure('Last order')).toMatch(/ ET$/);

    // Their orders: the order list's own request, for this customer, each row opening its order.
    const orders = await screen.findByRole('table', { name: 'Their orders' });
    await waitFor(() => expect(within(orders).getAllByRole('link', { name: /^#\d+$/ })).toHaveLength(customer.orders));
    expect(searchesOf('/api/orders').at(-1)?.get('customerId')).toBe(customer.id);
    const mine = [...mockDb().allOrders()].filter((o) => o.customer.id === customer.id).sort((a, b) => (a.placedAt < b.placedAt ? 1 : -1));
    const newest = within(orders).getAllByRole('link', { name: /^#\d+$/ })[0]!;
    expect(newest).toHaveTextContent(`#${mine[0]!.number}`);
    expect(newest).toHaveAttribute('href', `/orders/${mine[0]!.id}`);

    // The timeline, newest first, each event linking to its order.
    const timeline = screen.getByRole('list', { name: 'Timeline, newest first' });
    const times = within(timeline)
      .getAllByRole('listitem')
      .map((li) => li.querySelector('time')!.getAttribute('dateTime')!);
    expect(times).toEqual([...times].sort().reverse());
    expect(within(within(timeline).getAllByRole('listitem')[0]!).getByRole('link')).toHaveAttribute(
      'href',
      `/orders/${customer.timeline[0]!.order!.id}`,
    );

    // A note: sent once with an Idempotency-Key, then shown with the notes and at the top of the timeline.
    const form = screen.getByRole('form', { name: 'Add a note' });
    await user.click(within(form).getByRole('button', { name: 'Add note' }));
    expect(await within(form).findByText('Write a note')).toBeInTheDocument();
    await user.type(within(form).getByRole('textbox', { name: /Add a note/ }), 'Prefers email; asked for a gift receipt.');
    await user.click(within(form).getByRole('button', { name: 'Add note' }));
    const notes = screen.getByRole('region', { name: 'Notes' });
    await within(notes).findByText('Prefers email; asked for a gift receipt.');
    const posts = received.filter((r) => r.method === 'POST' && new URL(r.url).pathname === `/api/customers/${customer.id}/notes`);
    expect(posts).toHaveLength(1);
    expect(posts[0]!.headers.get('Idempotency-Key')).toBeTruthy();
    expect(await posts[0]!.json()).toEqual({ text: 'Prefers email; asked for a gift receipt.' });
    expect(within(timeline).getAllByRole('listitem')[0]).toHaveTextContent('Note: Prefers email; asked for a gift receipt.');
    expect(within(form).getByRole('textbox', { name: /Add a note/ })).toHaveValue('');
  });

  it('is reached from an order’s customer card; a merchandiser sees it without the note form', async () => {
    signInAs('merchandiser');
    const order = [...mockDb().allOrders()][0]!;
    const { user } = renderApp(`/orders/${order.id}`);
    await screen.findByRole('heading', { level: 1, name: `Order #${order.number}` });
    await user.click(within(screen.getByRole('region', { name: 'Customer' })).getByRole('link', { name: order.customer.name }));
    await screen.findByRole('heading', { level: 1, name: mockDb().getCustomer(order.customer.id)!.name });
    expect(screen.getByRole('region', { name: 'Notes' })).toHaveTextContent('No notes yet.');
    expect(screen.queryByRole('form', { name: 'Add a note' })).toBeNull();
  });

  it('is where the audit log’s entry for a note on them leads', async () => {
    signInAs('admin');
    const customer = someCustomer();
    const added = await fetch(`/api/customers/${customer.id}/notes`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ text: 'Called about a late parcel.' }),
    });
    expect(added.status).toBe(200);
    const { user } = renderApp('/audit?entityType=customer');
    const log = await screen.findByRole('table', { name: 'Audit log' });
    await user.click(await within(log).findByRole('link', { name: customer.name }));
    await screen.findByRole('heading', { level: 1, name: customer.name });
    expect(screen.getByRole('region', { name: 'Notes' })).toHaveTextContent('Called about a late parcel.');
  });
});
