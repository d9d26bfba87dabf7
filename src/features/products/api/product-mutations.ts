import { useMutation, useQueryClient } from '@tanstack/react-query';
import { newIdempotencyKey, request } from '@/api/client';
import { queryKeys } from '@/api/query-keys';
import { bulkStatusResultSchema, productSchema, type BulkStatusInput, type Product, type ProductInput } from '@/contract/schemas';
import { productQueries } from './product-queries';

/** A product write also changes the categories' and tags' counts, and the figures that name products. */
const ALSO_STALE = [queryKeys.categories.all, queryKeys.tags.all, queryKeys.reports.all] as const;

export function useCreateProduct() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ProductInput) => request('POST', '/products', { schema: productSchema, body: input }),
    onSuccess: (product) => queryClient.setQueryData(productQueries.detail(product.id).queryKey, product),
    meta: { invalidates: [queryKeys.products.all, ...ALSO_STALE] },
  });
}

export function useUpdateProduct(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ input, version }: { input: ProductInput; version: number }) =>
      request('PUT', `/products/${encodeURIComponent(id)}`, { schema: productSchema, body: input, ifMatch: version }),
    // The answer is the product as it is now; every list it appears in is stale.
    onSuccess: (product: Product) => queryClient.setQueryData(productQueries.detail(id).queryKey, product),
    meta: { invalidates: [queryKeys.products.lists, ...ALSO_STALE] },
  });
}

export function useBulkSetStatus() {
  return useMutation({
    // The key is made once per intent, so a retry of the same click cannot apply twice.
    mutationFn: ({ input, idempotencyKey = newIdempotencyKey() }: { input: BulkStatusInput; idempotencyKey?: string }) =>
      request('POST', '/products/bulk-status', { schema: bulkStatusResultSchema, body: input, idempotencyKey }),
    meta: { invalidates: [queryKeys.products.all, ...ALSO_STALE] },
  });
}
