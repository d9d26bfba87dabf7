import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { presetRange } from '../../src/domain/report-rules';
import type { OrderList } from '../../src/contract/order-schemas';
import type { ProfitReport, RefundRecordList, SalesReport, SalesSummary } from '../../src/contract/report-schemas';
import { formatCents } from '../../src/contract/values/money';
import { renderApp, searchesOf, setupMockApi } from './app-harness';

setupMockApi({ role: 'manager' });

async function api<T>(path: string): Promise<T> {
  return (await (await fetch(path)).json()) as T;
}

async function lastDays(preset: 'last_30_days' | 'last_90_days') {
  const { today } = await api<{ today: string }>('/api/reports/clock');
  return presetRange(preset, today);
}

/** A table's totals row, once the answer is in. */
async function footerOf(name: string) {
  const table = await screen.findByRole('table', { name });
  await waitFor(() => expect(table.querySelector('tfoot')).not.toBeNull());
  await waitFor(() => expect(table).not.toHaveAttribute('aria-busy'));
  return table.querySelector('tfoot')!;
}

describe('the records behind a figure', () => {
  it('each dashboard figure links to its list for the same days: orders, refunds made, or the summary for Net', async () => {
    const { from, to } = await lastDays('last_30_days');
    renderApp('/dashboard');
    const report = await api<SalesReport>(`/api/reports/sales?from=${from}&to=${to}`);
    const link = async (name: string) => within(await screen.findByRole('region', { name })).findByRole('link');
    expect(await link('Revenue')).toHaveAttribute('href', `/orders?from=${from}&to=${to}`);
    expect(await link('Orders')).toHaveAccessibleName(
      `${report.totals.orders.toLocaleString('en-US')}: open the orders placed in these days`,
    );
    expect(await link('Refunds')).toHaveAttribute('href', `/reports/refunds?from=${from}&to=${to}`);
    expect(await link('Net revenue')).toHaveAttribute('href', `/reports/summary?from=${from}&to=${to}`);
    // Each card says which date it counts by.
    expect(within(screen.getByRole('region', { name: 'Refunds' })).getByText('By refund date')).toBeInTheDocument();
    expect(within(screen.getByRole('region', { name: 'Revenue' })).getByText('By order date')).toBeInTheDocument();
  });

  it('under a category, a figure opens the sold lines or refunds of that category; Net links both', async () => {
    const { from, to } = await lastDays('last_30_days');
    renderApp('/reports?categoryId=audio');
    const card = async (name: string) => screen.findByRole('region', { name });
    expect(await within(await card('Units sold')).findByRole('link')).toHaveAttribute(
      'href',
      `/reports/lines?from=${from}&to=${to}&categoryId=audio`,
    );
    expect(await within(await card('Refunds')).findByRole('link')).toHaveAttribute(
      'href',
      `/reports/refunds?from=${from}&to=${to}&categoryId=audio`,
    );
    const net = await card('Net revenue');
    expect(await within(net).findByRole('link', { name: 'lines sold' })).toHaveAttribute(
      'href',
      `/reports/lines?from=${from}&to=${to}&categoryId=audio`,
    );
    expect(within(net).getByRole('link', { name: 'refunds made' })).toHaveAttribute(
      'href',
      `/reports/refunds?from=${from}&to=${to}&categoryId=audio`,
    );
  });

  it('the refunds made list asks for the URL’s days and sort, and its totals row is the API’s over every match', async () => {
    const { from, to } = await lastDays('last_90_days');
    const { history, user } = renderApp(`/reports/refunds?from=${from}&to=${to}&pageSize=10`);
    const footer = await footerOf('Refunds');
    const all = await api<RefundRecordList>(`/api/reports/refunds?from=${from}&to=${to}&limit=10`);
    expect(all.total).toBeGreaterThan(10);
    expect(within(footer).getByText(formatCents(all.totals.amount))).toBeInTheDocument();
    expect(within(footer).getByText(`Totals, ${all.totals.refunds} refunds`)).toBeInTheDocument();
    const report = await api<SalesReport>(`/api/reports/sales?from=${from}&to=${to}`);
    expect(all.totals.amount).toBe(report.totals.refunds);

    await user.click(within(screen.getByRole('table', { name: 'Refunds' })).getByRole('button', { name: /Amount/ }));
    await waitFor(() => expect(new URLSearchParams(history.location.search).get('sort')).toMatch(/^-?amount$/));
    await waitFor(() =>
      expect(Object.fromEntries(searchesOf('/api/reports/refunds').at(-1)!)).toMatchObject({ from, to, limit: '10', offset: '0' }),
    );
    expect(searchesOf('/api/reports/refunds').at(-1)!.get('sort')).toMatch(/^-?amount$/);
  });

  it('the sales summary reads gross to total sales as the API answers, and opens the orders and refunds behind them', async () => {
    const { from, to } = await lastDays('last_30_days');
    renderApp('/reports/summary');
    const table = await screen.findByRole('table', { name: 'Sales summary' });
    const summary = await api<SalesSummary>(`/api/reports/summary?from=${from}&to=${to}`);
    const row = (name: string) => within(table).getByRole('row', { name: new RegExp(`^${name}`) });
    await waitFor(() => expect(within(row('Gross sales')).getByText(formatCents(summary.totals.grossSales))).toBeInTheDocument());
    expect(within(row('Gross sales')).getByRole('link')).toHaveAttribute('href', `/orders?from=${from}&to=${to}`);
    expect(within(row('Returns')).getByRole('link')).toHaveAttribute('href', `/reports/refunds?from=${from}&to=${to}`);
    expect(within(row('Total sales')).getByText(formatCents(summary.totals.totalSales))).toBeInTheDocument();
    expect(within(row('Total sales')).queryByRole('link')).toBeNull();
  });

  it('profit shows margin in tenths of a percent and each product’s ABC class', async () => {
    const { from, to } = await lastDays('last_30_days');
    renderApp('/reports/profit');
    const footer = await footerOf('Profit by product');
    const report = await api<ProfitReport>(`/api/reports/profit?from=${from}&to=${to}&by=product&limit=25`);
    const margin = report.totals.margin!;
    expect(within(footer).getByText(`${Math.trunc(margin / 10)}.${margin % 10} %`)).toBeInTheDocument();
    const table = screen.getByRole('table', { name: 'Profit by product' });
    const first = report.items[0]!;
    const row = within(table).getByRole('link', { name: first.label }).closest('tr')!;
    expect(within(row).getByLabelText(`Class ${first.abc}`)).toBeInTheDocument();
  });

  it('gross sales and discounts open the orders placed, whose totals show both to the cent, and what adds up to the total', async () => {
    const { from, to } = await lastDays('last_30_days');
    const { user, history } = renderApp('/reports/summary');
    const table = await screen.findByRole('table', { name: 'Sales summary' });
    const summary = await api<SalesSummary>(`/api/reports/summary?from=${from}&to=${to}`);
    const row = (name: string) => within(table).getByRole('row', { name: new RegExp(`^${name}`) });
    await waitFor(() => expect(within(row('Discounts')).getByRole('link')).toHaveTextContent(`−${formatCents(summary.totals.discounts)}`));
    expect(within(row('Discounts')).getByRole('link')).toHaveAttribute('href', `/orders?from=${from}&to=${to}`);
    await user.click(within(row('Discounts')).getByRole('link'));
    await waitFor(() => expect(history.location.pathname).toBe('/orders'));

    const footer = await footerOf('Orders');
    const figure = (key: string) => footer.querySelector(`[data-total="${key}"]`)?.textContent;
    await waitFor(() => expect(figure('subtotal')).toBe(formatCents(summary.totals.grossSales)));
    expect(figure('discount')).toBe(`−${formatCents(summary.totals.discounts)}`);
    const list = await api<OrderList>(`/api/orders?from=${from}&to=${to}&limit=1`);
    expect(figure('shipping')).toBe(formatCents(list.totals.shipping));
    expect(figure('tax')).toBe(formatCents(list.totals.tax));
    // Above the table too, in one line that adds up.
    const t = list.totals;
    expect(
      screen.getByText(
        `Gross sales ${formatCents(t.subtotal)} − discounts ${formatCents(t.discount)} + shipping ${formatCents(t.shipping)} + tax ${formatCents(t.tax)} = ${formatCents(t.total)} total`,
      ),
    ).toBeInTheDocument();
    expect(t.subtotal - t.discount + t.shipping + t.tax).toBe(t.total);
  });

  it('a state chosen on the sales summary is in the URL, with nothing else', async () => {
    const { user, history } = renderApp('/reports/summary');
    await screen.findByRole('table', { name: 'Sales summary' });
    await user.selectOptions(screen.getByRole('combobox', { name: 'State' }), 'NY');
    await waitFor(() => expect(history.location.search).toBe('?state=NY'));
    await waitFor(() => expect(searchesOf('/api/reports/summary').at(-1)!.get('state')).toBe('NY'));
  });

  it('profit keeps one ABC class in the URL, asks the API for it, and lets it go under another breakdown', async () => {
    const { from, to } = await lastDays('last_30_days');
    const { user, history } = renderApp('/reports/profit?page=2');
    await footerOf('Profit by product');
    await user.selectOptions(screen.getByRole('combobox', { name: 'ABC class' }), 'B');
    await waitFor(() => expect(history.location.search).toBe('?abc=B'));
    await waitFor(() =>
      expect(Object.fromEntries(searchesOf('/api/reports/profit').at(-1)!)).toMatchObject({
        from,
        to,
        by: 'product',
        abc: 'B',
        offset: '0',
      }),
    );
    const report = await api<ProfitReport>(`/api/reports/profit?from=${from}&to=${to}&by=product&abc=B&limit=25`);
    expect(report.items.length).toBeGreaterThan(0);
    const table = screen.getByRole('table', { name: 'Profit by product' });
    await waitFor(() =>
      expect(
        within(table)
          .getAllByLabelText(/^Class /)
          .map((b) => b.getAttribute('aria-label')),
      ).toEqual(report.items.map(() => 'Class B')),
    );
    // The cards are that class's sums.
    expect(within(screen.getByRole('region', { name: 'Sales' })).getByText(formatCents(report.totals.sales))).toBeInTheDocument();

    await user.selectOptions(screen.getByRole('combobox', { name: 'Break down by' }), 'category');
    await waitFor(() => expect(history.location.search).toBe('?by=category'));
    expect(screen.queryByRole('combobox', { name: 'ABC class' })).toBeNull();
    await waitFor(() => expect(searchesOf('/api/reports/profit').at(-1)!.get('by')).toBe('category'));
    expect(searchesOf('/api/reports/profit').at(-1)!.has('abc')).toBe(false);
  });
});
