import { queryOptions } from '@tanstack/react-query';
import { request } from '@/api/client';
import { orderListSchema } from '@/contract/order-schemas';
import { queryKeys } from '@/api/query-keys';
import {
  breakdownSchema,
  salesReportSchema,
  storeClockSchema,
  type BreakdownQuery,
  type SalesReportQuery,
} from '@/contract/report-schemas';
import { inventoryListSchema } from '@/contract/stock-schemas';

export type SalesParams = Omit<SalesReportQuery, 'compare'> & Partial<Pick<SalesReportQuery, 'compare'>>;
export type BreakdownParams = Partial<BreakdownQuery> & Pick<BreakdownQuery, 'from' | 'to' | 'by'>;

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
  /** The store's today (America/New_York): presets count from it, never from the browser's date. */
  clock: () =>
    queryOptions({
      queryKey: [...queryKeys.reports.all, 'clock'] as const,
      queryFn: ({ signal }) => request('GET', '/reports/clock', { schema: storeClockSchema, signal }),
      staleTime: 60_000,
    }),
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

export function fetchBreakdownPage(params: BreakdownParams, signal?: AbortSignal) {
  return request('GET', '/reports/breakdown', { schema: breakdownSchema, query: params, signal });
}
