import { queryOptions } from '@tanstack/react-query';
import { request } from '@/api/client';
import { queryKeys } from '@/api/query-keys';
import { productListResponseSchema, productSchema, type ProductListQuery } from '@/contract/schemas';

/** What a list request may name; defaults are the API's. */
export type ProductListParams = Partial<ProductListQuery>;

/** The catalogue's categories and tags are reference data: src/api/reference-queries.ts. */
export const productQueries = {
  all: () => queryKeys.products.all,
  lists: () => queryKeys.products.lists,
  list: (params: ProductListParams) =>
    queryOptions({
      queryKey: [...productQueries.lists(), params] as const,
      queryFn: ({ signal }) => fetchProductPage(params, signal),
    }),
  details: () => queryKeys.products.details,
  detail: (id: string) =>
    queryOptions({
      queryKey: [...productQueries.details(), id] as const,
      queryFn: ({ signal }) => request('GET', `/products/${encodeURIComponent(id)}`, { schema: productSchema, signal }),
    }),
};

export function fetchProductPage(params: ProductListParams, signal?: AbortSignal) {
  return request('GET', '/products', { schema: productListResponseSchema, query: params, signal });
}
