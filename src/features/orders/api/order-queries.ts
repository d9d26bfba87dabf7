import { queryOptions } from '@tanstack/react-query';
import { request } from '@/api/client';
import { queryKeys } from '@/api/query-keys';
import { orderListSchema, orderSchema, type OrderListQuery } from '@/contract/order-schemas';

/** What a list request may name; defaults are the API's. */
export type OrderListParams = Partial<OrderListQuery>;

/** The warehouses, to name them, are reference data: src/api/reference-queries.ts. */
export const orderQueries = {
  all: () => queryKeys.orders.all,
  lists: () => queryKeys.orders.lists,
  list: (params: OrderListParams) =>
    queryOptions({
      queryKey: [...orderQueries.lists(), params] as const,
      queryFn: ({ signal }) => fetchOrderPage(params, signal),
    }),
  details: () => queryKeys.orders.details,
  detail: (id: string) =>
    queryOptions({
      queryKey: [...orderQueries.details(), id] as const,
      queryFn: ({ signal }) => request('GET', `/orders/${encodeURIComponent(id)}`, { schema: orderSchema, signal }),
    }),
};

export function fetchOrderPage(params: OrderListParams, signal?: AbortSignal) {
  return request('GET', '/orders', { schema: orderListSchema, query: params, signal });
}
