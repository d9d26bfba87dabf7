import { useMutation, useQueryClient } from '@tanstack/react-query';
import { newIdempotencyKey, request } from '@/api/client';
import { bulkStatusResultSchema, productSchema, type BulkStatusInput, type Product, type ProductInput } from '@/contract/schemas';
import { productQueries } from './product-queries';

export function useCreateProduct() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ProductInput) => request('POST', '/products', { schema: productSchema, body: input }),
    onSuccess: (product) => {
      queryClient.setQueryData(productQueries.detail(product.id).queryKey, product);
      return queryClient.invalidateQueries({ queryKey: productQueries.all() });
    },
  });
}

export function useUpdateProduct(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ input, version }: { input: ProductInput; version: number }) =>
      request('PUT', `/products/${encodeURIComponent(id)}`, { schema: productSchema, body: input, ifMatch: version }),
    onSuccess: (product: Product) => {
      queryClient.setQueryData(productQueries.detail(id).queryKey, product);
      return queryClient.invalidateQueries({ queryKey: productQueries.lists() });
    },
  });
}

export function useBulkSetStatus() {
  const queryClient = useQueryClient();
  return useMutation({
    // The key is made once per intent, so a retry of the same click cannot apply twice.
    mutationFn: ({ input, idempotencyKey = newIdempotencyKey() }: { input: BulkStatusInput; idempotencyKey?: string }) =>
      request('POST', '/products/bulk-status', { schema: bulkStatusResultSchema, body: input, idempotencyKey }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: productQueries.all() }),
  });
}
