import { queryOptions } from '@tanstack/react-query';
import { request } from '@/api/client';
import { orderListSchema, orderSchema, type OrderListQuery } from '@/contract/order-schemas';
import { locationListSchema } from '@/contract/stock-schemas';

/** What a list request may name; defaults are the API's. */
export type OrderListParams = Partial<OrderListQuery>;

export const orderQueries = {
  all: () => ['orders'] as const,
  lists: () => [...orderQueries.all(), 'list'] as const,
  list: (params: OrderListParams) =>
    queryOptions({
      queryKey: [...orderQueries.lists(), params] as const,
      queryFn: ({ signal }) => fetchOrderPage(params, signal),
    }),
  details: () => [...orderQueries.all(), 'detail'] as const,
  detail: (id: string) =>
    queryOptions({
      queryKey: [...orderQueries.details(), id] as const,
      queryFn: ({ signal }) => request('GET', `/orders/${encodeURIComponent(id)}`, { schema: orderSchema, signal }),
    }),
  /** The warehouses. Same key and answer as the inventory feature's, so one cache entry serves both. */
  locations: () =>
    queryOptions({
      queryKey: ['locations'] as const,
      queryFn: ({ signal }) => request('GET', '/locations', { schema: locationListSchema, signal }),
      staleTime: 5 * 60_000,
    }),
};

export function fetchOrderPage(params: OrderListParams, signal?: AbortSignal) {
  return request('GET', '/orders', { schema: orderListSchema, query: params, signal });
}
