import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { mockDb, signInAs } from '../../mocks/node';
import { createProduct } from '../../mocks/product-writes';
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
    expect(row).toHaveTextContent('role: support → manager');
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
    expect(row).toHaveTextContent(`title: ${record!.product.title} → First rename`);

    await user.click(screen.getByRole('tab', { name: 'Details' }));
    expect(screen.getByRole('textbox', { name: /^Title/ })).toHaveValue('First rename and unsaved typing');
  });
});
