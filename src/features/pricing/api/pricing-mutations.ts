import { useMutation, useQueryClient } from '@tanstack/react-query';
import { newIdempotencyKey, request } from '@/api/client';
import { priceBatchSchema, productImportResultSchema, type PriceBatchInput } from '@/contract/pricing-schemas';
import { pricingQueries } from './pricing-queries';

/** Prices changed: every pricing view and every product list and detail are stale. */
function invalidatePrices(queryClient: ReturnType<typeof useQueryClient>) {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: pricingQueries.all() }),
    queryClient.invalidateQueries({ queryKey: ['products'] }),
  ]);
}

export function useCreatePriceBatch() {
  const queryClient = useQueryClient();
  return useMutation({
    // The key is made once per intent (the caller keeps it), so a retry of the same click cannot apply twice.
    mutationFn: ({ input, idempotencyKey }: { input: PriceBatchInput; idempotencyKey: string }) =>
      request('POST', '/pricing/batches', { schema: priceBatchSchema, body: input, idempotencyKey }),
    onSuccess: () => invalidatePrices(queryClient),
  });
}

export function useRevertPriceBatch() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, idempotencyKey = newIdempotencyKey() }: { id: string; idempotencyKey?: string }) =>
      request('POST', `/pricing/batches/${encodeURIComponent(id)}/revert`, { schema: priceBatchSchema, idempotencyKey }),
    onSuccess: (batch) => {
      queryClient.setQueryData(pricingQueries.batch(batch.id).queryKey, batch);
      return invalidatePrices(queryClient);
    },
  });
}

export function useImportProducts() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ csv, dryRun, idempotencyKey }: { csv: string; dryRun: boolean; idempotencyKey?: string }) =>
      request('POST', '/products/import', { schema: productImportResultSchema, body: { csv, dryRun }, idempotencyKey }),
    onSuccess: (result) => (result.applied ? invalidatePrices(queryClient) : undefined),
  });
}
