import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { demoStaffOf as demo } from '../../src/demo-shop/demo-staff';
import { mockDb, signInAs } from '../../mocks/node';
import { received, renderApp, setupMockApi } from './app-harness';

setupMockApi({ role: null });

const firstProductId = () => [...mockDb().allRecords()][0]!.product.id;

describe('signing in', () => {
  it('sends a visitor to sign-in and, once signed in, back where they were going', async () => {
    const { user, history } = renderApp('/products?status=active');
    await screen.findByRole('heading', { name: 'Sign in to Stockroom' });
    expect(history.location.pathname).toBe('/sign-in');

    // Demo mode lists the mock's accounts; "Use" fills the form.
    await user.click(await screen.findByRole('button', { name: 'Use Merchandiser account' }));
    expect(screen.getByRole('textbox', { name: 'Email' })).toHaveValue(demo('merchandiser').email);
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    await screen.findByRole('heading', { name: 'Products' });
    expect(history.location.pathname).toBe('/products');
    expect(history.location.search).toBe('?status=active');
    expect(screen.getByText('Mia Merchandiser · Merchandiser')).toBeInTheDocument();
  });

  it('says so when the password is wrong', async () => {
    const { user } = renderApp('/sign-in');
    await user.type(await screen.findByRole('textbox', { name: 'Email' }), demo('admin').email);
    await user.type(screen.getByLabelText('Password'), 'not-the-password');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('The email or password is wrong.');
  });

  it('signs out on the API too', async () => {
    signInAs('admin');
    const { user, history } = renderApp('/products');
    await user.click(await screen.findByRole('button', { name: 'Sign out' }));
    await waitFor(() => expect(history.location.pathname).toBe('/sign-in'));
    expect(received.some((r) => r.method === 'DELETE' && new URL(r.url).pathname === '/api/session')).toBe(true);
    expect(mockDb().auth.sessions).toEqual([]);
  });
});

describe('what a role sees', () => {
  it('support: no pricing, dashboard or reports in the navigation, products read-only without Save', async () => {
    signInAs('support');
    renderApp(`/products/${firstProductId()}`);
    const nav = await screen.findByRole('navigation', { name: 'Main' });
    const links = within(nav)
      .getAllByRole('link')
      .map((a) => a.textContent);
    expect(links).toEqual([
      'Products',
      'Inventory',
      'Reorder',
      'Purchase orders',
      'Suppliers',
      'Orders',
      'Returns',
      'Customers',
      'Discounts',
      'Settings',
    ]);
    expect(await screen.findByText('View only')).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: /^Title/ })).toBeDisabled();
    expect(screen.queryByRole('button', { name: 'Save' })).not.toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: /^Price of/ })).toBeDisabled();
  });

  it('support: the palette jumps only to the screens the navigation shows', async () => {
    signInAs('support');
    const { user } = renderApp('/products');
    await screen.findByRole('table', { name: 'Products' });
    await user.keyboard('{Control>}k{/Control}');
    const palette = await screen.findByRole('dialog', { name: 'Search and jump to' });
    const screens = within(palette)
      .getAllByRole('button')
      .map((b) => b.textContent);
    expect(screens).toEqual([
      'Products',
      'Inventory',
      'Reorder',
      'Purchase orders',
      'Suppliers',
      'Orders',
      'Returns',
      'Customers',
      'Discounts',
      'Settings',
    ]);
  });

  it('support: the products list offers no new product and no bulk selection', async () => {
    signInAs('support');
    renderApp('/products');
    await screen.findByRole('table', { name: 'Products' });
    expect(screen.queryByRole('link', { name: 'Add product' })).not.toBeInTheDocument();
    expect(screen.queryByRole('checkbox', { name: /select/i })).not.toBeInTheDocument();
  });

  it('admin: everything in the navigation', async () => {
    signInAs('admin');
    renderApp('/products');
    const nav = await screen.findByRole('navigation', { name: 'Main' });
    expect(within(nav).getAllByRole('link')).toHaveLength(14);
  });
});

describe('a session that expires mid-work', () => {
  it('asks to sign in over the screen, then saves what was typed', async () => {
    signInAs('merchandiser');
    const id = firstProductId();
    const { user, history } = renderApp(`/products/${id}`);
    const title = await screen.findByRole('textbox', { name: /^Title/ });
    await user.clear(title);
    await user.type(title, 'Typed before the session ran out');

    mockDb().expireSession();
    await user.click(screen.getByRole('button', { name: 'Save' }));

    const dialog = await screen.findByRole('dialog', { name: 'Your session has expired' });
    // The same person signs in again, so the resumed save stays theirs.
    expect(within(dialog).getByRole('textbox', { name: 'Email' })).toHaveValue(demo('merchandiser').email);
    expect(within(dialog).getByRole('textbox', { name: 'Email' })).toHaveAttribute('readonly');
    await user.type(within(dialog).getByLabelText('Password'), demo('merchandiser').password);
    await user.click(within(dialog).getByRole('button', { name: 'Sign in and continue' }));

    await waitFor(() => expect(mockDb().getProduct(id)?.title).toBe('Typed before the session ran out'));
    expect(await screen.findByText('All changes saved')).toBeInTheDocument();
    expect(history.location.pathname).toBe(`/products/${id}`);
    const puts = received.filter((r) => r.method === 'PUT');
    expect(puts.map((r) => r.headers.get('If-Match'))).toEqual([puts[0]!.headers.get('If-Match'), puts[0]!.headers.get('If-Match')]);
  });
});
