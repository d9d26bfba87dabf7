import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { presetRange } from '../../src/domain/report-rules';
import type { SalesBreakdown, SalesReport } from '../../src/contract/report-schemas';
import { formatCents } from '../../src/contract/values/money';
import { renderApp, searchesOf, setupMockApi } from './app-harness';

setupMockApi({ role: 'merchandiser' });

async function api<T>(path: string): Promise<T> {
  return (await (await fetch(path)).json()) as T;
}

/** The body's rows: the header's and the totals row are not rows of the list. */
async function rowsOf(table: HTMLElement) {
  await waitFor(() => expect(table).not.toHaveAttribute('aria-busy'));
  await waitFor(() => expect(within(table).getAllByRole('row')[1]!.querySelectorAll('td').length).toBeGreaterThan(1));
  return [...table.querySelectorAll<HTMLElement>('tbody tr')];
}

describe('reports', () => {
  it('breaks sales down by category as the API answers, and sorts on the server by a column', async () => {
    const { today } = await api<{ today: string }>('/api/reports/clock');
    const { from, to } = presetRange('last_30_days', today);
    const { history, user } = renderApp('/reports?by=category');
    const table = await screen.findByRole('table', { name: 'Sales by category' });
    const rows = await rowsOf(table);

    const expected = await api<SalesBreakdown>(`/api/reports/breakdown?from=${from}&to=${to}&by=category&limit=25`);
    expect(rows).toHaveLength(expected.items.length);
    expect(rows.map((r) => within(r).getAllByRole('cell')[0]!.textContent)).toEqual(expected.items.map((i) => i.label));
    expect(within(rows[0]!).getByText(formatCents(expected.items[0]!.revenue))).toBeInTheDocument();
    expect(within(table).getByRole('columnheader', { name: /Revenue/ })).toHaveAttribute('aria-sort', 'descending');
    // Each row opens the order lines behind it; the totals row is the API's sums over every row.
    const first = expected.items[0]!;
    expect(within(rows[0]!).getByRole('link', { name: first.label })).toHaveAttribute(
      'href',
      `/reports/lines?from=${from}&to=${to}&categoryId=${first.key}`,
    );
    const footer = table.querySelector('tfoot')!;
    expect(within(footer).getByText(formatCents(expected.totals.revenue))).toBeInTheDocument();

    await user.click(within(table).getByRole('button', { name: /Orders/ }));
    await waitFor(() => expect(history.location.search).toMatch(/sort=-?orders/));
    const sort = new URLSearchParams(history.location.search).get('sort')!;
    await waitFor(() => expect(searchesOf('/api/reports/breakdown').at(-1)!.get('sort')).toBe(sort));
    const sorted = await api<SalesBreakdown>(`/api/reports/breakdown?from=${from}&to=${to}&by=category&limit=25&sort=${sort}`);
    await waitFor(async () =>
      expect((await rowsOf(table)).map((r) => within(r).getAllByRole('cell')[0]!.textContent)).toEqual(sorted.items.map((i) => i.label)),
    );
    const orders = sorted.items.map((i) => i.orders);
    expect(orders).toEqual([...orders].sort((a, b) => (sort.startsWith('-') ? b - a : a - b)));
  });

  it('filters by state and category, and asks for the breakdown the person chose', async () => {
    const { history, user } = renderApp('/reports?page=2');
    await screen.findByRole('table', { name: 'Sales by product' });
    await user.selectOptions(screen.getByRole('combobox', { name: 'State' }), 'NY');
    await waitFor(() => expect(history.location.search).toBe('?state=NY'));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Break down by' }), 'variant');
    await screen.findByRole('table', { name: 'Sales by variant' });
    // The categories arrive with their own request.
    await within(screen.getByRole('combobox', { name: 'Category' })).findByRole('option', { name: 'Audio' });
    await user.selectOptions(screen.getByRole('combobox', { name: 'Category' }), 'audio');
    await waitFor(() => expect(history.location.search).toBe('?state=NY&by=variant&categoryId=audio'));
    await waitFor(() =>
      expect(Object.fromEntries(searchesOf('/api/reports/breakdown').at(-1)!)).toMatchObject({
        by: 'variant',
        state: 'NY',
        categoryId: 'audio',
        offset: '0',
        limit: '25',
        sort: '-revenue',
      }),
    );
    // The figures above the table are for the same selection.
    await waitFor(() => expect(searchesOf('/api/reports/sales').at(-1)!.get('categoryId')).toBe('audio'));
    expect(searchesOf('/api/reports/sales').at(-1)!.get('state')).toBe('NY');
  });

  it('the totals row by product holds the report’s Orders and Avg. order: each order once, however many rows it is in', async () => {
    const { today } = await api<{ today: string }>('/api/reports/clock');
    const { from, to } = presetRange('last_30_days', today);
    renderApp('/reports');
    const table = await screen.findByRole('table', { name: 'Sales by product' });
    await rowsOf(table);
    const expected = await api<SalesBreakdown>(`/api/reports/breakdown?from=${from}&to=${to}&by=product&limit=25`);
    const report = await api<SalesReport>(`/api/reports/sales?from=${from}&to=${to}`);
    expect(expected.totals.orders).toBe(report.totals.orders);
    const footer = table.querySelector('tfoot')!;
    const cells = within(footer).getAllByRole('cell');
    const headers = within(table)
      .getAllByRole('columnheader')
      .map((h) => h.textContent ?? '');
    const cellOf = (name: RegExp) => cells[headers.findIndex((h) => name.test(h))]!;
    expect(cellOf(/^Orders/)).toHaveTextContent(report.totals.orders.toLocaleString('en-US'));
    expect(cellOf(/^Avg\. order/)).toHaveTextContent(formatCents(expected.totals.averageOrderValue));
  });
});
