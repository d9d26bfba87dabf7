import { queryOptions } from '@tanstack/react-query';
import { request } from '@/api/client';
import { queryKeys } from '@/api/query-keys';
import { returnListSchema, type ReturnListQuery } from '@/contract/order-schemas';

/** What a list request may name; defaults are the API's. */
export type ReturnListParams = Partial<ReturnListQuery>;

/**
 * A return lives on its order, so the list's keys sit under the order lists' root: every write to an order
 * (opening, receiving, refunding, exchanging or closing a return among them) refreshes it, without the order
 * feature knowing this list exists.
 */
const root = [...queryKeys.orders.lists, 'returns'] as const;

export const returnQueries = {
  all: () => root,
  list: (params: ReturnListParams) =>
    queryOptions({
      queryKey: [...root, params] as const,
      queryFn: ({ signal }) => fetchReturnPage(params, signal),
    }),
};

export function fetchReturnPage(params: ReturnListParams, signal?: AbortSignal) {
  return request('GET', '/returns', { schema: returnListSchema, query: params, signal });
}
