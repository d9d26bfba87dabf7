import { queryOptions } from '@tanstack/react-query';
import { request } from '@/api/client';
import { queryKeys } from '@/api/query-keys';
import { customerListSchema, customerSchema, type CustomerListQuery } from '@/contract/customer-schemas';

/** What a list request may name; defaults are the API's. */
export type CustomerListParams = Partial<CustomerListQuery>;

/**
 * A customer is what their orders add up to, so their keys sit under the order lists' root: every write
 * that changes an order (a fulfilment, a refund, a cancellation) already refreshes the order lists, and
 * with them the customers' figures and timelines, without the order feature knowing customers exist.
 */
const root = [...queryKeys.orders.lists, 'customers'] as const;

export const customerQueries = {
  all: () => root,
  lists: () => [...root, 'list'] as const,
  list: (params: CustomerListParams) =>
    queryOptions({
      queryKey: [...customerQueries.lists(), params] as const,
      queryFn: ({ signal }) => fetchCustomerPage(params, signal),
    }),
  details: () => [...root, 'detail'] as const,
  detail: (id: string) =>
    queryOptions({
      queryKey: [...customerQueries.details(), id] as const,
      queryFn: ({ signal }) => request('GET', `/customers/${encodeURIComponent(id)}`, { schema: customerSchema, signal }),
    }),
};

export function fetchCustomerPage(params: CustomerListParams, signal?: AbortSignal) {
  return request('GET', '/customers', { schema: customerListSchema, query: params, signal });
}
