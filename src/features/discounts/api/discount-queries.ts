import { queryOptions } from '@tanstack/react-query';
import { request } from '@/api/client';
import { queryKeys } from '@/api/query-keys';
import {
  discountListSchema,
  discountPerformanceSchema,
  discountPreviewSchema,
  discountSchema,
  type DiscountListQuery,
  type DiscountPreviewInput,
} from '@/contract/discount-schemas';
import { productListResponseSchema, productSchema } from '@/contract/schemas';
import { inventoryListSchema } from '@/contract/stock-schemas';

export type DiscountListParams = Partial<DiscountListQuery>;

export const discountQueries = {
  all: () => queryKeys.discounts.all,
  lists: () => queryKeys.discounts.lists,
  list: (params: DiscountListParams) =>
    queryOptions({
      queryKey: [...discountQueries.lists(), params] as const,
      queryFn: ({ signal }) => fetchDiscountPage(params, signal),
    }),
  details: () => queryKeys.discounts.details,
  detail: (id: string) =>
    queryOptions({
      queryKey: [...discountQueries.details(), id] as const,
      queryFn: ({ signal }) => request('GET', `/discounts/${encodeURIComponent(id)}`, { schema: discountSchema, signal }),
    }),
  /** Under the discount's detail key: a save (or a use) refreshes it with the discount. */
  performance: (id: string, range: { from: string; to: string }) =>
    queryOptions({
      queryKey: [...discountQueries.details(), id, 'performance', range] as const,
      queryFn: ({ signal }) =>
        request('GET', `/discounts/${encodeURIComponent(id)}/performance`, { schema: discountPerformanceSchema, query: range, signal }),
    }),
  /** A basket priced with the discount as the form has it (saved or not); writes nothing, so it is a query of its input. */
  preview: (input: DiscountPreviewInput) =>
    queryOptions({
      queryKey: [...discountQueries.all(), 'preview', input] as const,
      queryFn: ({ signal }) => request('POST', '/discounts/preview', { schema: discountPreviewSchema, body: input, signal }),
      staleTime: 0,
    }),
};

export function fetchDiscountPage(params: DiscountListParams, signal?: AbortSignal) {
  return request('GET', '/discounts', { schema: discountListSchema, query: params, signal });
}

/**
 * What the pickers read of the catalogue: products found by title, SKU or barcode (their variants
 * from the product itself), and a variant named by its id (the stock list knows its SKU and titles).
 * Under the products' and inventory's roots, so a product write refreshes them too.
 */
export const catalogueQueries = {
  search: (q: string) =>
    queryOptions({
      queryKey: [...queryKeys.products.lists, 'discount-picker', q] as const,
      queryFn: ({ signal }) =>
        request('GET', '/products', { schema: productListResponseSchema, query: { q, limit: 10, sort: 'title' }, signal }),
      staleTime: 60_000,
    }),
  product: (id: string) =>
    queryOptions({
      queryKey: [...queryKeys.products.details, id] as const,
      queryFn: ({ signal }) => request('GET', `/products/${encodeURIComponent(id)}`, { schema: productSchema, signal }),
      staleTime: 60_000,
    }),
  variant: (variantId: string) =>
    queryOptions({
      queryKey: [...queryKeys.inventory.lists, 'discount-variant', variantId] as const,
      queryFn: async ({ signal }) => {
        const page = await request('GET', '/inventory', { schema: inventoryListSchema, query: { variantId, limit: 1 }, signal });
        return page.items[0] ?? null;
      },
      staleTime: 5 * 60_000,
    }),
};
