import { queryOptions } from '@tanstack/react-query';
import { request } from '@/api/client';
import { categoryListSchema, productListResponseSchema, productSchema, tagListSchema, type ProductListQuery } from '@/contract/schemas';

/** What a list request may name; defaults are the API's. */
export type ProductListParams = Partial<ProductListQuery>;

export const productQueries = {
  all: () => ['products'] as const,
  lists: () => [...productQueries.all(), 'list'] as const,
  list: (params: ProductListParams) =>
    queryOptions({
      queryKey: [...productQueries.lists(), params] as const,
      queryFn: ({ signal }) => fetchProductPage(params, signal),
    }),
  details: () => [...productQueries.all(), 'detail'] as const,
  detail: (id: string) =>
    queryOptions({
      queryKey: [...productQueries.details(), id] as const,
      queryFn: ({ signal }) => request('GET', `/products/${encodeURIComponent(id)}`, { schema: productSchema, signal }),
    }),
  categories: () =>
    queryOptions({
      queryKey: [...productQueries.all(), 'categories'] as const,
      queryFn: ({ signal }) => request('GET', '/categories', { schema: categoryListSchema, signal }),
      staleTime: 5 * 60_000,
    }),
  tags: () =>
    queryOptions({
      queryKey: [...productQueries.all(), 'tags'] as const,
      queryFn: ({ signal }) => request('GET', '/tags', { schema: tagListSchema, signal }),
      staleTime: 60_000,
    }),
};

export function fetchProductPage(params: ProductListParams, signal?: AbortSignal) {
  return request('GET', '/products', { schema: productListResponseSchema, query: params, signal });
}
