import { queryOptions } from '@tanstack/react-query';
import { storeClockSchema } from '../contract/report-schemas';
import { request } from './client';
import { queryKeys } from './query-keys';

/**
 * The store's today (America/New_York) and zone, from the API's clock: the reports' presets count from it, and the
 * reorder view's "late" and "due now", never from the browser's date (a demo or a test shop may run at another
 * instant). Anyone signed in may ask; one query, so the reports and the reorder view share its cache entry.
 */
export const storeClockQuery = () =>
  queryOptions({
    queryKey: [...queryKeys.reports.all, 'clock'] as const,
    queryFn: ({ signal }) => request('GET', '/reports/clock', { schema: storeClockSchema, signal }),
    staleTime: 60_000,
  });
