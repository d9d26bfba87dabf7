import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { signInAs } from '../../mocks/node';
import { received, renderApp, searchesOf, setupMockApi } from './app-harness';

setupMockApi({ role: 'merchandiser' });

function sent(method: string, path: string) {
  return received.filter((r) => r.method === method && new URL(r.url).pathname === path);
}

async function getDiscount(id: string) {
  return (await fetch(`/api/discounts/${id}`)).json();
}

describe('discounts', () => {
  it('lists the seeded codes with their usage, filtered by the URL', async () => {
    renderApp('/discounts?status=scheduled');
    const table = await screen.findByRole('table', { name: 'Discounts' });
    const row = await within(table).findByRole('row', { name: /SPRING25/ });
    expect(row).toHaveTextContent('25 %');
    expect(row).toHaveTextContent('Scheduled');
    expect(row).toHaveTextContent('0 of 500');
    expect(within(table).queryByRole('link', { name: 'HOLIDAY20' })).toBeNull();
    await waitFor(() => expect(searchesOf('/api/discounts').at(-1)?.get('status')).toBe('scheduled'));
  });

  it('searches and filters by kind in the URL, and clears the filters at once', async () => {
    const { user, history } = renderApp('/discounts');
    const table = await screen.findByRole('table', { name: 'Discounts' });
    await within(table).findByRole('row', { name: /SPRING25/ });
    await user.type(screen.getByRole('searchbox', { name: 'Search' }), 'spring');
    await waitFor(() => expect(new URLSearchParams(history.location.search).get('q')).toBe('spring'));
    await waitFor(() => expect(searchesOf('/api/discounts').at(-1)?.get('q')).toBe('spring'));
    await waitFor(() => expect(within(table).queryByRole('row', { name: /HOLIDAY20/ })).toBeNull());
    expect(within(table).getByRole('row', { name: /SPRING25/ })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    await waitFor(() => expect(history.location.search).toBe(''));
    expect(screen.getByRole('searchbox', { name: 'Search' })).toHaveValue('');
    expect(screen.queryByRole('button', { name: 'Clear filters' })).toBeNull();
  });

  it('sends a typed percent as basis points and a taken code comes back beside the code', async () => {
    const { user } = renderApp('/discounts/new');
    await user.type(await screen.findByRole('textbox', { name: /^Code/ }), 'holiday20');
    await user.type(screen.getByRole('textbox', { name: /^Title/ }), 'Another holiday code');
    await user.type(screen.getByRole('textbox', { name: /^Percent off/ }), '12.5');
    await user.click(screen.getByRole('button', { name: 'Create discount' }));

    await waitFor(() =>
      expect(screen.getByRole('textbox', { name: /^Code/ })).toHaveAccessibleDescription(/HOLIDAY20 is already a discount code/),
    );
    const [request] = sent('POST', '/api/discounts');
    expect(await request!.json()).toMatchObject({ kind: 'code', code: 'holiday20', type: 'percent', value: 1250, scope: 'order' });
    expect(request!.headers.get('Idempotency-Key')).toBeTruthy();

    // An amount is dollars typed, cents sent.
    await user.click(screen.getByRole('radio', { name: 'Amount off' }));
    await user.type(screen.getByRole('textbox', { name: /^Amount off/ }), '$5');
    // The API's refusal stays beside the code while the code is what it refused, whatever else changes.
    expect(screen.getByRole('textbox', { name: /^Code/ })).toHaveAccessibleDescription(/HOLIDAY20 is already a discount code/);
    await user.clear(screen.getByRole('textbox', { name: /^Code/ }));
    await user.type(screen.getByRole('textbox', { name: /^Code/ }), 'FIVEOFF');
    await user.click(screen.getByRole('button', { name: 'Create discount' }));
    await screen.findByRole('heading', { level: 1, name: /FIVEOFF/ });
    expect(await sent('POST', '/api/discounts')[1]!.json()).toMatchObject({ code: 'FIVEOFF', type: 'amount', value: 500 });
  });

  it('shows what someone else changed instead of overwriting it, then saves deliberately', async () => {
    const before = await getDiscount('disc_0003');
    const { user } = renderApp('/discounts/disc_0003');
    const title = await screen.findByRole('textbox', { name: /^Title/ });

    // A colleague makes it 20 % after this screen loaded it.
    const { id: _id, status: _s, uses: _u, revenue: _r, discountGiven: _d, createdAt: _c, updatedAt: _t, version: _v, ...input } = before;
    const colleague = await fetch('/api/discounts/disc_0003', {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json', 'If-Match': `"${before.version}"` },
      body: JSON.stringify({ ...input, value: 2000 }),
    });
    expect(colleague.status).toBe(200);

    await user.clear(title);
    await user.type(title, 'Friends: renamed by me');
    await user.click(screen.getByRole('button', { name: 'Save' }));

    const dialog = await screen.findByRole('dialog', { name: 'Someone else changed this discount' });
    const row = within(within(dialog).getByRole('table', { name: 'What changed' })).getByRole('row', { name: /Value/ });
    expect(row).toHaveTextContent('15 %20 %15 %');
    expect((await getDiscount('disc_0003')).title).toBe(before.title);

    await user.click(within(dialog).getByRole('button', { name: 'Save mine over theirs' }));
    await waitFor(async () => expect((await getDiscount('disc_0003')).title).toBe('Friends: renamed by me'));
    const puts = sent('PUT', '/api/discounts/disc_0003').slice(1);
    expect(puts.map((r) => r.headers.get('If-Match'))).toEqual([`"${before.version}"`, `"${before.version + 1}"`]);
  });

  it('disables a discount at once with the version it was read at', async () => {
    const { user } = renderApp('/discounts/disc_0002');
    await user.click(await screen.findByRole('button', { name: 'Disable now' }));
    await screen.findByRole('button', { name: 'Enable' });
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Disabled');
    const [put] = sent('PUT', '/api/discounts/disc_0002');
    expect(put!.headers.get('If-Match')).toBe('"1"');
    expect(await put!.json()).toMatchObject({ code: 'HOLIDAY20', value: 2000, enabled: false });
  });

  it('shows support everything, read-only', async () => {
    signInAs('support');
    renderApp('/discounts/disc_0004');
    expect(await screen.findByText('View only')).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: /^Code/ })).toBeDisabled();
    expect(screen.queryByRole('button', { name: 'Save' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Disable now' })).toBeNull();
    expect(screen.getByRole('combobox', { name: 'Add a product to the basket' })).toBeEnabled();
  });
});
