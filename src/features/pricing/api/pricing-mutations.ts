import { useMutation, useQueryClient } from '@tanstack/react-query';
import { newIdempotencyKey, request } from '@/api/client';
import { queryKeys } from '@/api/query-keys';
import { priceBatchSchema, productImportResultSchema, type PriceBatchInput } from '@/contract/pricing-schemas';
import { pricingQueries } from './pricing-queries';

/** Prices changed: every pricing view, every product list and detail, and the figures are stale. */
const PRICES_CHANGED = [queryKeys.pricing.all, queryKeys.products.all, queryKeys.reports.all] as const;

export function useCreatePriceBatch() {
  return useMutation({
    // The key is made once per intent (the caller keeps it), so a retry of the same click cannot apply twice.
    mutationFn: ({ input, idempotencyKey }: { input: PriceBatchInput; idempotencyKey: string }) =>
      request('POST', '/pricing/batches', { schema: priceBatchSchema, body: input, idempotencyKey }),
    meta: { invalidates: PRICES_CHANGED },
  });
}

export function useRevertPriceBatch() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, idempotencyKey = newIdempotencyKey() }: { id: string; idempotencyKey?: string }) =>
      request('POST', `/pricing/batches/${encodeURIComponent(id)}/revert`, { schema: priceBatchSchema, idempotencyKey }),
    onSuccess: (batch) => queryClient.setQueryData(pricingQueries.batch(batch.id).queryKey, batch),
    meta: { invalidates: PRICES_CHANGED },
  });
}

/** An import writes products (new ones, new categories and tags) and prices; a dry run writes nothing. */
export function useImportProducts() {
  return useMutation({
    mutationFn: ({ csv, dryRun, idempotencyKey }: { csv: string; dryRun: boolean; idempotencyKey?: string }) =>
      request('POST', '/products/import', { schema: productImportResultSchema, body: { csv, dryRun }, idempotencyKey }),
    meta: { invalidates: [...PRICES_CHANGED, queryKeys.categories.all, queryKeys.tags.all], onlyWhenApplied: true },
  });
}
