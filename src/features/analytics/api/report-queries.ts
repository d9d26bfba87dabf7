import { queryOptions } from '@tanstack/react-query';
import { request } from '@/api/client';
import { orderListSchema } from '@/contract/order-schemas';
import { REPORTS_KEY } from '@/api/query-keys';
import {
  breakdownSchema,
  salesReportSchema,
  storeClockSchema,
  type BreakdownQuery,
  type SalesReportQuery,
} from '@/contract/report-schemas';
import { categoryListSchema } from '@/contract/schemas';
import { inventoryListSchema, locationListSchema } from '@/contract/stock-schemas';

export type SalesParams = Omit<SalesReportQuery, 'compare'> & Partial<Pick<SalesReportQuery, 'compare'>>;
export type BreakdownParams = Partial<BreakdownQuery> & Pick<BreakdownQuery, 'from' | 'to' | 'by'>;

/** How many rows a dashboard panel shows. */
export const TOP = 5;

/**
 * Everything the dashboard and reports show lives under one root (REPORTS_KEY), which
 * the app invalidates after any write: a refund, a cancellation or a new order changes
 * the figures, a fulfilment or a stock change the items running out.
 */
export const reportQueries = {
  all: () => REPORTS_KEY,
  /** The store's today (America/New_York): presets count from it, never from the browser's date. */
  clock: () =>
    queryOptions({
      queryKey: [...REPORTS_KEY, 'clock'] as const,
      queryFn: ({ signal }) => request('GET', '/reports/clock', { schema: storeClockSchema, signal }),
      staleTime: 60_000,
    }),
  sales: (params: SalesParams) =>
    queryOptions({
      queryKey: [...REPORTS_KEY, 'sales', params] as const,
      queryFn: ({ signal }) => request('GET', '/reports/sales', { schema: salesReportSchema, query: params, signal }),
    }),
  breakdowns: () => [...REPORTS_KEY, 'breakdown'] as const,
  breakdown: (params: BreakdownParams) =>
    queryOptions({
      queryKey: [...reportQueries.breakdowns(), params] as const,
      queryFn: ({ signal }) => fetchBreakdownPage(params, signal),
    }),
  /** Items running out: the inventory's low-stock view, fewest days of cover first. */
  runningOut: () =>
    queryOptions({
      queryKey: [...REPORTS_KEY, 'running-out'] as const,
      queryFn: ({ signal }) =>
        request('GET', '/inventory', { schema: inventoryListSchema, query: { low: true, sort: 'daysOfCover', limit: TOP }, signal }),
    }),
  recentOrders: () =>
    queryOptions({
      queryKey: [...REPORTS_KEY, 'recent-orders'] as const,
      queryFn: ({ signal }) => request('GET', '/orders', { schema: orderListSchema, query: { limit: TOP }, signal }),
    }),
  /** The warehouses, to name them. Same key and answer as the inventory and orders features', so one cache entry serves all. */
  locations: () =>
    queryOptions({
      queryKey: ['locations'] as const,
      queryFn: ({ signal }) => request('GET', '/locations', { schema: locationListSchema, signal }),
      staleTime: 5 * 60_000,
    }),
  /** The catalogue's categories. Same key and answer as the products feature's, so one cache entry serves both. */
  categories: () =>
    queryOptions({
      queryKey: ['products', 'categories'] as const,
      queryFn: ({ signal }) => request('GET', '/categories', { schema: categoryListSchema, signal }),
      staleTime: 5 * 60_000,
    }),
};

export function fetchBreakdownPage(params: BreakdownParams, signal?: AbortSignal) {
  return request('GET', '/reports/breakdown', { schema: breakdownSchema, query: params, signal });
}
