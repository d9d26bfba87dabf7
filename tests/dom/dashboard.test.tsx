import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { server, signInAs } from '../../mocks/node';
import { presetRange } from '../../src/domain/report-rules';
import type { SalesReport } from '../../src/contract/report-schemas';
import { changeOf, describeChange } from '../../src/features/analytics/components/change';
import { formatCents } from '../../src/contract/values/money';
import { received, renderApp, searchesOf, setupMockApi } from './app-harness';

setupMockApi({ role: 'manager' });

async function api<T>(path: string): Promise<T> {
  return (await (await fetch(path)).json()) as T;
}

async function storeToday(): Promise<string> {
  return (await api<{ today: string }>('/api/reports/clock')).today;
}

/** The KPI card of a measure, once it shows a figure. */
async function kpi(name: string) {
  const card = await screen.findByRole('region', { name });
  await waitFor(() => expect(within(card).getByText(/^\$?[\d,.]+$/)).toBeInTheDocument());
  return card;
}

describe('dashboard', () => {
  it('shows the API’s figures for the range in the URL, with the change against last year in words', async () => {
    const today = await storeToday();
    const { from, to } = presetRange('last_90_days', today);
    renderApp('/dashboard?range=last_90_days&compare=last_year');
    const revenue = await kpi('Revenue');

    const report = await api<SalesReport>(`/api/reports/sales?from=${from}&to=${to}&compare=last_year`);
    expect(report.totals.revenue).toBeGreaterThan(0);
    expect(within(revenue).getByText(formatCents(report.totals.revenue))).toBeInTheDocument();
    expect(within(revenue).getByText(`vs ${formatCents(report.comparisonTotals!.revenue)}`)).toBeInTheDocument();
    // The seeded shop is a year old: the same days last year have few orders.
    const word = report.totals.revenue >= report.comparisonTotals!.revenue ? 'Up' : 'Down';
    expect(within(revenue).getByText(describeChange(changeOf(report.totals.revenue, report.comparisonTotals!.revenue)))).toHaveTextContent(
      word,
    );
    expect(within(await kpi('Orders')).getByText(report.totals.orders.toLocaleString('en-US'))).toBeInTheDocument();
    expect(within(await kpi('Refunds')).getByText(formatCents(report.totals.refunds))).toBeInTheDocument();
    expect(within(await kpi('Net revenue')).getByText(formatCents(report.totals.net))).toBeInTheDocument();
    expect(within(await kpi('Average order value')).getByText(formatCents(report.totals.averageOrderValue))).toBeInTheDocument();

    // What the API was asked: the store's days, and the granularity left to it.
    const asked = Object.fromEntries(searchesOf('/api/reports/sales')[0]!);
    expect(asked).toEqual({ from, to, compare: 'last_year' });
    expect(screen.getByRole('combobox', { name: 'Group by' })).toHaveValue(report.granularity);
  });

  it('changing the preset changes the URL and what the API is asked; a new range lets the API choose the granularity again', async () => {
    const today = await storeToday();
    const { history, user } = renderApp('/dashboard?granularity=month');
    await kpi('Revenue');
    expect(searchesOf('/api/reports/sales').at(-1)!.get('granularity')).toBe('month');

    await user.selectOptions(screen.getByRole('combobox', { name: 'Date range' }), 'last_7_days');
    await waitFor(() => expect(history.location.search).toBe('?range=last_7_days'));
    const { from, to } = presetRange('last_7_days', today);
    await waitFor(() => expect(Object.fromEntries(searchesOf('/api/reports/sales').at(-1)!)).toEqual({ from, to, compare: 'previous' }));
    await waitFor(() => expect(screen.getByRole('combobox', { name: 'Group by' })).toHaveValue('day'));
    // The breakdown panels follow the same range.
    await waitFor(() =>
      expect(searchesOf('/api/reports/breakdown').some((s) => s.get('from') === from && s.get('by') === 'state')).toBe(true),
    );

    await user.selectOptions(screen.getByRole('combobox', { name: 'Compare with' }), 'none');
    await waitFor(() => expect(history.location.search).toBe('?range=last_7_days&compare=none'));
    await waitFor(() => expect(searchesOf('/api/reports/sales').at(-1)!.get('compare')).toBe('none'));
    expect(await within(await kpi('Revenue')).findByText('No comparison')).toBeInTheDocument();
  });

  it('takes a custom range from the URL and falls back to the default range for a bad one', async () => {
    renderApp('/dashboard?from=2026-03-01&to=2026-03-14&compare=bogus');
    await kpi('Revenue');
    expect(Object.fromEntries(searchesOf('/api/reports/sales').at(-1)!)).toEqual({
      from: '2026-03-01',
      to: '2026-03-14',
      compare: 'previous',
    });
    expect(screen.getByRole('combobox', { name: 'Date range' })).toHaveValue('custom');
    expect(screen.getByLabelText('From')).toHaveValue('2026-03-01');
  });

  it('a failing chart stays in its panel: the rest of the dashboard works', async () => {
    server.use(
      http.get('/api/reports/breakdown', ({ request }) =>
        new URL(request.url).searchParams.get('by') === 'state'
          ? HttpResponse.json({ type: 'about:blank', title: 'Unavailable', status: 503, detail: 'States are resting.' }, { status: 503 })
          : undefined,
      ),
    );
    renderApp('/dashboard');
    const states = await screen.findByRole('region', { name: 'Sales by state' });
    expect(await within(states).findByRole('alert')).toHaveTextContent('States are resting.');
    await kpi('Revenue');
    const products = screen.getByRole('region', { name: 'Top products' });
    // Each chart carries its figures as a table for screen readers.
    expect(await within(products).findByRole('table', { name: 'Top products' })).toBeInTheDocument();
    expect(await screen.findByRole('table', { name: 'Recent orders' })).toBeInTheDocument();
  });

  it('lists items running out and recent orders, linked to their screens', async () => {
    renderApp('/dashboard');
    const orders = await screen.findByRole('table', { name: 'Recent orders' });
    const { items } = await api<{ items: { id: string; number: number }[] }>('/api/orders?limit=5');
    await waitFor(() => expect(within(orders).getAllByRole('link')).toHaveLength(5));
    expect(within(orders).getByRole('link', { name: `#${items[0]!.number}` })).toHaveAttribute('href', `/orders/${items[0]!.id}`);
    expect(screen.getByRole('link', { name: 'All items running low' })).toHaveAttribute('href', '/inventory?low=true');
    expect(searchesOf('/api/inventory').map((s) => Object.fromEntries(s))).toContainEqual({ low: 'true', sort: 'daysOfCover', limit: '5' });
  });

  it('tells a role that may not see reports so, and asks the API for none', async () => {
    signInAs('support');
    renderApp('/dashboard');
    const refusal = await screen.findByText('Your role (Support) may not see reports. Ask a manager or an admin.');
    expect(refusal.closest('[role="alert"], .mantine-Alert-root')).toHaveTextContent('The dashboard is not part of your role');
    expect(screen.queryByText("The store's calendar could not be loaded")).not.toBeInTheDocument();
    expect(received.filter((r) => new URL(r.url).pathname.startsWith('/api/reports'))).toEqual([]);
  });

  it('says why when the API refuses the calendar all the same (a role changed since sign-in)', async () => {
    const detail = 'Your role (Support) may not see reports. Ask a manager or an admin.';
    server.use(
      http.get('/api/reports/clock', () =>
        HttpResponse.json({ type: 'about:blank', title: 'Forbidden', status: 403, detail }, { status: 403 }),
      ),
    );
    renderApp('/dashboard');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Your role may not see reports');
    expect(alert).toHaveTextContent(detail);
    expect(alert).not.toHaveTextContent('calendar');
  });
});
