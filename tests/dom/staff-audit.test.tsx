import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { mockDb, signInAs } from '../../mocks/node';
import { refundOrder } from '../../mocks/order-writes';
import { createProduct, updateProduct } from '../../mocks/product-writes';
import { productToInput } from '../../src/contract/product-input';
import type { Product } from '../../src/contract/schemas';
import { received, renderApp, setupMockApi } from './app-harness';

setupMockApi({ role: null });

describe('Settings → Staff', () => {
  it('admin changes a role (with If-Match) and sees it in the audit log', async () => {
    signInAs('admin');
    const { user } = renderApp('/settings');
    const staff = await screen.findByRole('table', { name: 'Staff' });
    await user.click(await within(staff).findByLabelText('Role of Sam Support', { selector: 'input:not([type=hidden])' }));
    await user.click(await screen.findByRole('option', { name: 'Manager' }));
    await screen.findByText('Sam Support: now Manager');
    const patch = received.find((r) => r.method === 'PATCH');
    expect(new URL(patch!.url).pathname).toBe('/api/staff/staff_support');
    expect(patch!.headers.get('If-Match')).toBe('"1"');
    expect(mockDb().auth.staff.find((s) => s.id === 'staff_support')?.role).toBe('manager');

    await user.click(screen.getByRole('link', { name: 'Audit log' }));
    const log = await screen.findByRole('table', { name: 'Audit log' });
    const row = await within(log).findByRole('row', { name: /Sam Support/ });
    expect(row).toHaveTextContent('Ada Admin (Admin)');
    expect(row).toHaveTextContent('Role: Support → Manager');
  });

  it('offers no way to deactivate yourself, and refusals from the API are shown', async () => {
    signInAs('admin');
    const { user } = renderApp('/settings');
    const staff = await screen.findByRole('table', { name: 'Staff' });
    await within(staff).findByRole('button', { name: 'Deactivate Sam Support' });
    expect(within(staff).queryByRole('button', { name: 'Deactivate Ada Admin' })).not.toBeInTheDocument();
    // Demoting the only admin: the API says why.
    await user.click(within(staff).getByLabelText('Role of Ada Admin', { selector: 'input:not([type=hidden])' }));
    await user.click(await screen.findByRole('option', { name: 'Support' }));
    expect(await screen.findByText(/only active admin/)).toBeInTheDocument();
  });

  it('is not shown to a merchandiser, who has no audit log either', async () => {
    signInAs('merchandiser');
    renderApp('/settings');
    await screen.findByRole('heading', { name: 'Demo data' });
    expect(screen.queryByRole('table', { name: 'Staff' })).not.toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Audit log' })).not.toBeInTheDocument();
  });
});

describe('audit log', () => {
  it('shows what people typed as text, never as markup, and filters by kind in the URL', async () => {
    const [record] = [...mockDb().allRecords()];
    const p = record!.product;
    await createProduct(
      mockDb(),
      { id: 'staff_merch', name: 'Mia Merchandiser', role: 'merchandiser' },
      {
        ...p,
        title: '<img src=x onerror=alert(1)> Sneaky',
        handle: 'sneaky-title',
        variants: [{ ...p.variants[0]!, id: undefined, sku: 'SNEAKY-1', barcode: null }],
      },
    );
    signInAs('manager');
    const { user, history } = renderApp('/audit');
    const log = await screen.findByRole('table', { name: 'Audit log' });
    await within(log).findAllByText(/<img src=x onerror=alert\(1\)> Sneaky/);
    expect(log.querySelector('img[src="x"]')).toBeNull();

    await user.click(screen.getByLabelText('Kind of record', { selector: 'input:not([type=hidden])' }));
    await user.click(await screen.findByRole('option', { name: 'Price' }));
    await waitFor(() => expect(history.location.search).toBe('?entityType=price'));
    await waitFor(() => expect(within(log).getAllByRole('row')).toHaveLength(2));
  });
});

describe('product history tab', () => {
  it('shows the product’s changes, and the form keeps what was typed meanwhile', async () => {
    signInAs('manager');
    const [record] = [...mockDb().allRecords()];
    const id = record!.product.id;
    const { user } = renderApp(`/products/${id}`);
    const title = await screen.findByRole('textbox', { name: /^Title/ });
    await user.clear(title);
    await user.type(title, 'First rename');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText('All changes saved');
    await user.type(title, ' and unsaved typing');

    await user.click(screen.getByRole('tab', { name: 'History' }));
    const history = await screen.findByRole('table', { name: 'History' });
    const row = await within(history).findByRole('row', { name: /Max Manager/ });
    expect(row).toHaveTextContent(`Title: ${record!.product.title} → First rename`);

    await user.click(screen.getByRole('tab', { name: 'Details' }));
    expect(screen.getByRole('textbox', { name: /^Title/ })).toHaveValue('First rename and unsaved typing');
  });
});

/** The row whose changes hold this value, once it shows (and the row has settled: the lookups render it again). */
async function rowShowing(table: HTMLElement, value: string): Promise<HTMLElement> {
  let row: HTMLElement | null = null;
  await waitFor(() => {
    row = within(table).getByText(value).closest('tr');
    expect(row).not.toBeNull();
  });
  return row!;
}

const merchandiser = { id: 'staff_merch', name: 'Mia Merchandiser', role: 'merchandiser' } as const;

/**
 * A product with options, whose first variant a merchandiser priced at $89.99 and then
 * lowered to $84.99 in the same save that set its tags: a price entry and a product entry.
 */
async function repricedProduct(): Promise<{ product: Product; sku: string; options: string }> {
  const db = mockDb();
  const found = [...db.allRecords()].map((r) => r.product).find((p) => p.options.length > 0 && p.variants.length > 1);
  if (!found) throw new Error('The seed has no product with options');
  const at = (price: number, tags: string[]) => {
    const input = productToInput(db.getProduct(found.id)!);
    input.variants[0] = { ...input.variants[0]!, price, compareAtPrice: null };
    return { ...input, tags };
  };
  const first = await updateProduct(db, merchandiser, found.id, found.version, at(8999, []));
  const product = await updateProduct(db, merchandiser, found.id, first.version, at(8499, ['usb-c', 'travel']));
  const variant = product.variants[0]!;
  return { product, sku: variant.sku, options: variant.optionValues.join(' / ') };
}

describe('audit log, in the screens’ words', () => {
  it('reads a price change in dollars under the variant’s SKU and options, tags as chips, and links to the product', async () => {
    const { product, sku, options } = await repricedProduct();
    signInAs('manager');
    renderApp('/audit');
    const log = await screen.findByRole('table', { name: 'Audit log' });

    const price = await rowShowing(log, '$84.99');
    expect(price).toHaveTextContent('Price');
    expect(within(price).getByText('Price:').closest('li')).toHaveTextContent('Price: $89.99 → $84.99');
    // The option values come from the product (the entry names the SKU only): they show once it has loaded.
    await within(price).findByText(`${sku} · ${options}`);
    expect(price).not.toHaveTextContent(/variants\.|compareAtPrice|8999/);
    expect(within(price).getByRole('link', { name: product.title })).toHaveAttribute('href', `/products/${product.id}`);

    // The second save set the tags: before none, after one chip each.
    const tagsRow = await rowShowing(log, 'travel');
    const tags = within(tagsRow).getByText('Tags:').closest('li')!;
    expect(tags).toHaveTextContent(/^Tags: — →/);
    expect(
      within(tags)
        .getAllByRole('listitem')
        .map((chip) => chip.textContent),
    ).toEqual(['usb-c', 'travel']);
    expect(tagsRow).not.toHaveTextContent('["usb-c"');
  });

  it('reads an order’s refund in dollars and its payment status in words, and links to the order', async () => {
    const db = mockDb();
    const order = [...db.allOrders()].find((o) => o.status === 'closed' && o.refunded === 0 && o.total > 4529);
    if (!order) throw new Error('The seed has no closed order to refund');
    const admin = { id: 'staff_admin', name: 'Ada Admin', role: 'admin' } as const;
    const body = {
      version: order.version,
      lines: [],
      shipping: false,
      amount: 4529,
      restock: false,
      locationId: null,
      reason: 'Late delivery',
    };
    await refundOrder(db, admin, order.id, body, { key: 'refund-1', fingerprint: 'refund-1' });
    signInAs('manager');
    renderApp('/audit?entityType=order');
    const log = await screen.findByRole('table', { name: 'Audit log' });
    const row = await within(log).findByRole('row', { name: new RegExp(`Order #${order.number}`) });
    expect(row).toHaveTextContent('Refunded in total: $0.00 → $45.29');
    expect(row).toHaveTextContent('Refund: $45.29');
    expect(row).toHaveTextContent('Payment: Paid → Partly refunded');
    expect(row).not.toHaveTextContent(/paymentStatus|4529/);
    expect(within(row).getByRole('link', { name: `Order #${order.number}` })).toHaveAttribute('href', `/orders/${order.id}`);
  });

  it('links a discount’s entries to the discount’s page', async () => {
    signInAs('merchandiser');
    const before = await (await fetch('/api/discounts/disc_0003')).json();
    const { id: _id, status: _s, uses: _u, revenue: _r, discountGiven: _d, createdAt: _c, updatedAt: _t, version: _v, ...input } = before;
    const put = await fetch('/api/discounts/disc_0003', {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json', 'If-Match': `"${before.version}"` },
      body: JSON.stringify({ ...input, title: 'Friends, renamed' }),
    });
    expect(put.status).toBe(200);
    signInAs('manager');
    renderApp('/audit?entityType=discount');
    const log = await screen.findByRole('table', { name: 'Audit log' });
    const label = before.code ?? before.title;
    const row = await within(log).findByRole('row', { name: new RegExp(`Friends, renamed`) });
    expect(within(row).getByRole('link', { name: label })).toHaveAttribute('href', '/discounts/disc_0003');
  });

  it('shows only one record’s changes from its row, in the URL, and back to every record', async () => {
    const { product } = await repricedProduct();
    signInAs('manager');
    const { user, history } = renderApp('/audit');
    const log = await screen.findByRole('table', { name: 'Audit log' });
    const row = await rowShowing(log, '$84.99');
    await user.click(within(row).getByRole('button', { name: `Only this record: ${product.title}` }));
    await waitFor(() => expect(history.location.search).toBe(`?entityId=${product.id}`));
    await screen.findByText(`Only ${product.title}`);
    // Two saves, each a product and a price entry, and nothing else.
    await waitFor(() => expect(within(log).getAllByRole('row')).toHaveLength(5));

    await user.click(screen.getByRole('button', { name: 'Show every record' }));
    await waitFor(() => expect(history.location.search).toBe(''));
  });
});

describe('product history tab, in the same words', () => {
  it('reads the price change and the tags as the audit log does', async () => {
    const { product, sku, options } = await repricedProduct();
    signInAs('manager');
    const { user } = renderApp(`/products/${product.id}`);
    await user.click(await screen.findByRole('tab', { name: 'History' }));
    const table = await screen.findByRole('table', { name: 'History' });
    const price = await rowShowing(table, '$84.99');
    expect(within(price).getByText('Price:').closest('li')).toHaveTextContent('Price: $89.99 → $84.99');
    expect(within(price).getByText(`${sku} · ${options}`)).toBeInTheDocument();
    const tags = within(await rowShowing(table, 'travel'))
      .getByText('Tags:')
      .closest('li')!;
    expect(tags).toHaveTextContent(/^Tags: — →/);
    expect(
      within(tags)
        .getAllByRole('listitem')
        .map((chip) => chip.textContent),
    ).toEqual(['usb-c', 'travel']);
  });

  it('opens the audit log filtered to the product, from its History', async () => {
    const { product } = await repricedProduct();
    signInAs('manager');
    const { user, history } = renderApp(`/products/${product.id}`);
    await user.click(await screen.findByRole('tab', { name: 'History' }));
    const table = await screen.findByRole('table', { name: 'History' });
    // Two saves, each a product and a price entry.
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(5));
    expect(screen.getByText('4 changes, newest first.')).toBeInTheDocument();

    await user.click(screen.getByRole('link', { name: 'Open in the audit log' }));
    await waitFor(() => expect(history.location.pathname).toBe('/audit'));
    expect(history.location.search).toBe(`?entityId=${product.id}`);
    await screen.findByText(`Only ${product.title}`);
    const log = await screen.findByRole('table', { name: 'Audit log' });
    await waitFor(() => expect(within(log).getAllByRole('row')).toHaveLength(5));
  });
});
