import { QueryClient } from '@tanstack/react-query';
import { ApiError } from '@/api/api-error';
import { REPORTS_KEY } from '@/api/query-keys';

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 15_000,
        // A refusal (4xx) will not change by asking again; a network blip or 5xx may.
        retry: (count, error) => count < 2 && !(error instanceof ApiError && error.status >= 400 && error.status < 500),
      },
      mutations: { retry: false },
    },
  });
}

/**
 * Sales figures are made from orders, products and stock, which other features change
 * (a refund, a cancellation, a fulfilment, an adjustment): after any successful write the
 * dashboard and reports ask again. Only what is on screen refetches at once; the rest is
 * marked stale. Returns the unsubscribe.
 */
export function refreshReportsAfterWrites(queryClient: QueryClient): () => void {
  return queryClient.getMutationCache().subscribe((event) => {
    if (event.type === 'updated' && event.action.type === 'success') void queryClient.invalidateQueries({ queryKey: REPORTS_KEY });
  });
}
