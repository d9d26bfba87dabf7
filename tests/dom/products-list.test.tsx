import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { mockDb } from '../../mocks/node';
import { renderApp, searchesOf, setupMockApi } from './app-harness';

setupMockApi();

async function rowsOf(table: HTMLElement) {
  await waitFor(() => expect(table).not.toHaveAttribute('aria-busy'));
  return within(table).getAllByRole('row').slice(1);
}

describe('products list', () => {
  it('asks the API for the view in the URL and shows its rows', async () => {
    renderApp('/products?status=active&categoryId=audio&sort=-price&page=2&pageSize=10');
    const table = await screen.findByRole('table', { name: 'Products' });
    await waitFor(() => expect(searchesOf('/api/products').length).toBeGreaterThan(0));
    const sent = searchesOf('/api/products').at(-1)!;
    expect(Object.fromEntries(sent)).toEqual({ status: 'active', categoryId: 'audio', sort: '-price', offset: '10', limit: '10' });

    const expected = await (await fetch('/api/products?status=active&categoryId=audio&sort=-price&offset=10&limit=10')).json();
    await waitFor(async () => {
      const rows = await rowsOf(table);
      expect(rows).toHaveLength(expected.items.length);
      expect(rows[0]).toHaveTextContent(expected.items[0].title);
    });
    expect(screen.getByText(`11–20 of ${expected.total}`)).toBeInTheDocument();
    expect(within(table).getByRole('columnheader', { name: /price/i })).toHaveAttribute('aria-sort', 'descending');
  });

  it('falls back to defaults for parameters it cannot read', async () => {
    renderApp('/products?page=abc&sort=bogus&pageSize=7&status=nope&priceMin=-5');
    await screen.findByRole('table', { name: 'Products' });
    await waitFor(() => expect(searchesOf('/api/products').length).toBeGreaterThan(0));
    expect(Object.fromEntries(searchesOf('/api/products').at(-1)!)).toEqual({ sort: '-updatedAt', offset: '0', limit: '25' });
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('puts a changed filter and sort into the URL and the request, and goes back to page 1', async () => {
    const { history, user } = renderApp('/products?page=3');
    const table = await screen.findByRole('table', { name: 'Products' });
    await user.click(within(table).getByRole('button', { name: /SKUs/ }));
    // Counts sort largest first; the defaults (page 1, 25 rows) stay out of the address.
    await waitFor(() => expect(history.location.search).toBe('?sort=-variantCount'));

    await user.type(screen.getByRole('searchbox', { name: 'Search' }), 'cable');
    await waitFor(() => expect(history.location.search).toContain('q=cable'));
    await waitFor(() =>
      expect(Object.fromEntries(searchesOf('/api/products').at(-1)!)).toMatchObject({ q: 'cable', sort: '-variantCount' }),
    );
    const rows = await rowsOf(table);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row.textContent?.toLowerCase()).toMatch(/cable/);

    history.back();
    await waitFor(() => expect(history.location.search).not.toContain('q=cable'));
  });

  it('keeps the search box focused while the URL follows the typing, and follows the URL back', async () => {
    const { history, user } = renderApp('/products');
    const box = await screen.findByRole('searchbox', { name: 'Search' });
    await user.type(box, 'cab');
    await waitFor(() => expect(history.location.search).toBe('?q=cab'));
    await user.type(box, 'le');
    await waitFor(() => expect(history.location.search).toBe('?q=cable'));
    expect(box).toHaveFocus();
    expect(box).toHaveValue('cable');

    const priceFrom = screen.getByRole('textbox', { name: 'Price from' });
    await user.type(priceFrom, '20{Enter}');
    await waitFor(() => expect(history.location.search).toBe('?q=cable&priceMin=2000'));

    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    await waitFor(() => expect(history.location.search).toBe(''));
    expect(box).toHaveValue('');
    expect(priceFrom).toHaveValue('');
    history.back();
    await waitFor(() => expect(priceFrom).toHaveValue('20.00'));
    expect(box).toHaveValue('cable');
  });

  it('offers "Clear filters" for filters only, not for the demo’s mock.* settings in the URL', async () => {
    const { history, user } = renderApp('/products?mock.latency=0&sort=title');
    await rowsOf(await screen.findByRole('table', { name: 'Products' }));
    expect(screen.queryByRole('button', { name: 'Clear filters' })).not.toBeInTheDocument();

    await user.type(screen.getByRole('textbox', { name: 'Price from' }), '20{Enter}');
    await user.click(await screen.findByRole('button', { name: 'Clear filters' }));
    // The filters go; the sort and the demo's settings stay.
    await waitFor(() => expect(new URLSearchParams(history.location.search).get('priceMin')).toBeNull());
    expect(Object.fromEntries(new URLSearchParams(history.location.search))).toEqual({ 'mock.latency': '0', sort: 'title' });
    expect(screen.queryByRole('button', { name: 'Clear filters' })).not.toBeInTheDocument();
  });

  it('archives the selected products in one request and shows the result', async () => {
    const { user } = renderApp('/products?status=active&sort=title&pageSize=10');
    const table = await screen.findByRole('table', { name: 'Products' });
    const rows = await rowsOf(table);
    const [first, second] = rows;
    await user.click(within(first!).getByRole('checkbox'));
    await user.click(within(second!).getByRole('checkbox'));
    await user.click(screen.getByRole('button', { name: 'Archive 2' }));
    await user.click(await screen.findByRole('button', { name: 'Archive' }));
    await screen.findByText('2 set to archived');

    const post = (await import('./app-harness')).received.find((r) => r.method === 'POST');
    expect(post?.headers.get('Idempotency-Key')).toMatch(/[0-9a-f-]{36}/);
    const body = await post!.json();
    expect(body.status).toBe('archived');
    expect(body.ids).toHaveLength(2);
    for (const id of body.ids) expect(mockDb().getProduct(id)?.status).toBe('archived');
  });

  it('says why when the API fails, and retries on request', async () => {
    const { http, HttpResponse } = await import('msw');
    const { server } = await import('../../mocks/node');
    server.use(
      http.get(
        '/api/products',
        () =>
          HttpResponse.json(
            { type: 'about:blank', title: 'Unavailable', status: 503, detail: 'The catalogue is resting.' },
            { status: 503, headers: { 'Content-Type': 'application/problem+json' } },
          ),
        { once: true },
      ),
    );
    const { user } = renderApp('/products');
    expect(await screen.findByText('The catalogue is resting.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    const table = await screen.findByRole('table', { name: 'Products' });
    expect((await rowsOf(table)).length).toBe(25);
  });
});
