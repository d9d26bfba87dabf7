import { MutationCache, QueryClient, type Mutation } from '@tanstack/react-query';
import { ApiError } from '@/api/api-error';
import type { StaleKey } from '@/api/query-keys';

/** Tests ask for `{ retry: false }`: a failed request fails at once. */
export function createQueryClient({ retry = true }: { retry?: boolean } = {}): QueryClient {
  const queryClient: QueryClient = new QueryClient({
    mutationCache: new MutationCache({
      onSettled: (data, error, _variables, _context, mutation) => refreshWhatChanged(queryClient, mutation, data, error),
    }),
    defaultOptions: {
      queries: {
        staleTime: 15_000,
        // A screen's loader has just asked (and waited, entering it: router.tsx, awaitOnEnter); a failure stays shown,
        // with its Try again, rather than being asked for once more as the screen mounts.
        retryOnMount: false,
        // A refusal (4xx) will not change by asking again; a network blip or 5xx may.
        retry: retry ? (count, error) => count < 2 && !(error instanceof ApiError && error.status >= 400 && error.status < 500) : false,
      },
      mutations: { retry: false },
    },
  });
  return queryClient;
}

/**
 * The one place a write refreshes what it changed. Each mutation says in its `meta`
 * which caches it leaves stale (`invalidates`; typed, see src/api/query-keys.ts), and
 * which a conflict (409, 412) leaves stale (`invalidatesOnConflict`). They are marked
 * stale and what is on screen is asked for again; the mutation settles when that is
 * done, so whoever awaits it sees the fresh data. It runs after the mutation's own
 * onSuccess, which may already have put the answer in the cache for the resource itself.
 */
function refreshWhatChanged(
  queryClient: QueryClient,
  mutation: Mutation<unknown, unknown, unknown, unknown>,
  data: unknown,
  error: unknown,
): Promise<unknown> | undefined {
  const effects = mutation.meta;
  if (!effects) return undefined;
  if (error) {
    const conflict = error instanceof ApiError && error.isConflict;
    return conflict && effects.invalidatesOnConflict ? invalidate(queryClient, effects.invalidatesOnConflict) : undefined;
  }
  if (!effects.invalidates) return undefined;
  if (effects.onlyWhenApplied && !wasApplied(data)) return undefined;
  if (effects.invalidates === 'everything') return queryClient.invalidateQueries();
  return invalidate(queryClient, effects.invalidates);
}

function invalidate(queryClient: QueryClient, keys: readonly StaleKey[]) {
  return Promise.all(keys.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
}

/** A dry run (or a write refused row by row) answers `applied: false`: nothing changed. */
function wasApplied(data: unknown): boolean {
  return typeof data === 'object' && data !== null && 'applied' in data && data.applied === true;
}
