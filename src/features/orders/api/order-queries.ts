import { queryOptions } from '@tanstack/react-query';
import { request } from '@/api/client';
import { queryKeys } from '@/api/query-keys';
import { orderListSchema, orderSchema, type OrderListQuery } from '@/contract/order-schemas';
import { productSchema } from '@/contract/schemas';

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
  /**
   * A line's product, for an exchange's choice of another variant. Same key and answer as the products
   * feature's detail, so one cache entry serves both and a product write refreshes it.
   */
  product: (productId: string) =>
    queryOptions({
      queryKey: [...queryKeys.products.details, productId] as const,
      queryFn: ({ signal }) => request('GET', `/products/${encodeURIComponent(productId)}`, { schema: productSchema, signal }),
    }),
};

export function fetchOrderPage(params: OrderListParams, signal?: AbortSignal) {
  return request('GET', '/orders', { schema: orderListSchema, query: params, signal });
}
