import { queryOptions, type QueryClient } from '@tanstack/react-query';
import { request } from '@/api/client';
import { storeClockQuery } from '@/api/store-clock';
import { orderListSchema } from '@/contract/order-schemas';
import { queryKeys } from '@/api/query-keys';
import {
  breakdownSchema,
  profitReportSchema,
  refundRecordListSchema,
  saleLineListSchema,
  salesReportSchema,
  salesSummarySchema,
  sellThroughReportSchema,
  type BreakdownQuery,
  type ProfitQuery,
  type RefundRecordQuery,
  type SaleLineQuery,
  type SalesReportQuery,
  type SalesSummaryQuery,
  type SellThroughQuery,
} from '@/contract/report-schemas';
import { productSchema } from '@/contract/schemas';
import { resolveRange } from '../range';
import type { RangeView } from '../search';
import { inventoryListSchema } from '@/contract/stock-schemas';

export type SalesParams = Omit<SalesReportQuery, 'compare'> & Partial<Pick<SalesReportQuery, 'compare'>>;
export type BreakdownParams = Partial<BreakdownQuery> & Pick<BreakdownQuery, 'from' | 'to' | 'by'>;
type Ranged<Q extends { from: string; to: string }> = Partial<Q> & Pick<Q, 'from' | 'to'>;
export type RefundParams = Ranged<RefundRecordQuery>;
export type SaleLineParams = Ranged<SaleLineQuery>;
export type ProfitParams = Ranged<ProfitQuery> & Pick<ProfitQuery, 'by'>;
export type SellThroughParams = Ranged<SellThroughQuery>;

/** How many rows a dashboard panel shows. */
export const TOP = 5;

/**
 * Everything the dashboard and reports show lives under one root (queryKeys.reports),
 * which the writes that change figures name in their meta: a refund, a cancellation or
 * a product write changes the figures, a fulfilment or a stock change the items running
 * out. The warehouses and categories they name are reference data (src/api/reference-queries.ts).
 */
export const reportQueries = {
  all: () => queryKeys.reports.all,
  sales: (params: SalesParams) =>
    queryOptions({
      queryKey: [...queryKeys.reports.all, 'sales', params] as const,
      queryFn: ({ signal }) => request('GET', '/reports/sales', { schema: salesReportSchema, query: params, signal }),
    }),
  breakdowns: () => [...queryKeys.reports.all, 'breakdown'] as const,
  breakdown: (params: BreakdownParams) =>
    queryOptions({
      queryKey: [...reportQueries.breakdowns(), params] as const,
      queryFn: ({ signal }) => fetchBreakdownPage(params, signal),
    }),
  summary: (params: SalesSummaryQuery) =>
    queryOptions({
      queryKey: [...queryKeys.reports.all, 'summary', params] as const,
      queryFn: ({ signal }) => request('GET', '/reports/summary', { schema: salesSummarySchema, query: params, signal }),
    }),
  /** The refunds made in a range: the records behind a Refunds figure. */
  refunds: (params: RefundParams) =>
    queryOptions({
      queryKey: [...queryKeys.reports.all, 'refunds', params] as const,
      queryFn: ({ signal }) => fetchRefundPage(params, signal),
    }),
  /** The order lines placed in a range: the records behind a filtered Revenue, Orders or Units figure. */
  lines: (params: SaleLineParams) =>
    queryOptions({
      queryKey: [...queryKeys.reports.all, 'lines', params] as const,
      queryFn: ({ signal }) => fetchSaleLinePage(params, signal),
    }),
  profit: (params: ProfitParams) =>
    queryOptions({
      queryKey: [...queryKeys.reports.all, 'profit', params] as const,
      queryFn: ({ signal }) => fetchProfitPage(params, signal),
    }),
  sellThrough: (params: SellThroughParams) =>
    queryOptions({
      queryKey: [...queryKeys.reports.all, 'sell-through', params] as const,
      queryFn: ({ signal }) => fetchSellThroughPage(params, signal),
    }),
  /** The product a drill-down is filtered to, to name it. */
  product: (id: string) =>
    queryOptions({
      queryKey: [...queryKeys.reports.all, 'product', id] as const,
      queryFn: ({ signal }) => request('GET', `/products/${encodeURIComponent(id)}`, { schema: productSchema, signal }),
      staleTime: 60_000,
    }),
  /** The variant a drill-down is filtered to, to name it: its stock rows carry its SKU and title. */
  variant: (id: string) =>
    queryOptions({
      queryKey: [...queryKeys.reports.all, 'variant', id] as const,
      queryFn: ({ signal }) =>
        request('GET', '/inventory', { schema: inventoryListSchema, query: { variantId: id, limit: 1 }, signal }).then(
          (list) => list.items[0] ?? null,
        ),
      staleTime: 60_000,
    }),
  /** Items running out: the inventory's low-stock view, fewest days of cover first. */
  runningOut: () =>
    queryOptions({
      queryKey: [...queryKeys.reports.all, 'running-out'] as const,
      queryFn: ({ signal }) =>
        request('GET', '/inventory', { schema: inventoryListSchema, query: { low: true, sort: 'daysOfCover', limit: TOP }, signal }),
    }),
  recentOrders: () =>
    queryOptions({
      queryKey: [...queryKeys.reports.all, 'recent-orders'] as const,
      queryFn: ({ signal }) => request('GET', '/orders', { schema: orderListSchema, query: { limit: TOP }, signal }),
    }),
};

/** States drawn in the dashboard's ranked chart; the table beside it lists the same. */
export const STATES_SHOWN = 10;

/** What the dashboard's figures and charts ask for, for a range view on the store's day (the screen and its route's loader alike). */
export function dashboardQueries(view: RangeView, today: string) {
  const { from, to, compare } = resolveRange(view, today);
  const range = { from, to };
  return {
    range,
    compare,
    sales: reportQueries.sales({ from, to, compare, granularity: view.granularity }),
    products: reportQueries.breakdown({ ...range, by: 'product', limit: TOP }),
    categories: reportQueries.breakdown({ ...range, by: 'category', limit: TOP }),
    states: reportQueries.breakdown({ ...range, by: 'state', limit: STATES_SHOWN }),
  };
}

/**
 * The dashboard's requests, started as its route loads: on a first visit its figures are asked for while the charting
 * code is still loading, not after it has drawn a first frame. The store's day comes first (the range counts from it).
 * Settles once the sales over time (the chart) are in, whether they came or failed; the rest are on their way.
 */
export async function prefetchDashboard(client: QueryClient, view: RangeView): Promise<void> {
  const { today } = await client.ensureQueryData(storeClockQuery());
  const { sales, products, categories, states } = dashboardQueries(view, today);
  const chart = client.prefetchQuery(sales);
  for (const breakdown of [products, categories, states]) void client.prefetchQuery(breakdown);
  void client.prefetchQuery(reportQueries.runningOut());
  void client.prefetchQuery(reportQueries.recentOrders());
  await chart;
}

export function fetchBreakdownPage(params: BreakdownParams, signal?: AbortSignal) {
  return request('GET', '/reports/breakdown', { schema: breakdownSchema, query: params, signal });
}

export function fetchRefundPage(params: RefundParams, signal?: AbortSignal) {
  return request('GET', '/reports/refunds', { schema: refundRecordListSchema, query: params, signal });
}

export function fetchSaleLinePage(params: SaleLineParams, signal?: AbortSignal) {
  return request('GET', '/reports/lines', { schema: saleLineListSchema, query: params, signal });
}

export function fetchProfitPage(params: ProfitParams, signal?: AbortSignal) {
  return request('GET', '/reports/profit', { schema: profitReportSchema, query: params, signal });
}

export function fetchSellThroughPage(params: SellThroughParams, signal?: AbortSignal) {
  return request('GET', '/reports/sell-through', { schema: sellThroughReportSchema, query: params, signal });
}
