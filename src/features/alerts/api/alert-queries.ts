import { queryOptions, useMutation } from '@tanstack/react-query';
import { z } from 'zod';
import { request } from '@/api/client';
import { queryKeys } from '@/api/query-keys';
import { alertListSchema, type AlertQuery } from '@/contract/replenishment-schemas';

/** How often the bell asks again while the page stays open: alerts raised by colleagues' writes arrive within a minute. */
export const ALERT_POLL_MS = 60_000;

export const alertQueries = {
  all: () => queryKeys.alerts.all,
  list: (params: Partial<AlertQuery>) =>
    queryOptions({
      queryKey: [...queryKeys.alerts.all, 'list', params] as const,
      queryFn: ({ signal }) => request('GET', '/alerts', { schema: alertListSchema, query: params, signal }),
      refetchInterval: ALERT_POLL_MS,
      // Back at the tab after a while: someone may have sold the last unit meanwhile, whatever the cache's age.
      refetchOnWindowFocus: 'always',
    }),
};

/** 204 No Content: nothing to parse. */
const noContent = z.undefined();

export function useDismissAlert() {
  return useMutation({
    mutationFn: (id: string) => request('POST', `/alerts/${encodeURIComponent(id)}/dismiss`, { schema: noContent }),
    // The list is asked again (and the mutation settles once it is back), so the dismissed alert leaves the screen then.
    meta: { invalidates: [queryKeys.alerts.all] },
  });
}
