import { queryOptions } from '@tanstack/react-query';
import { request } from '@/api/client';
import { staffListSchema } from '@/contract/schemas';

/** The people to filter by. Same key as the staff feature's list, so both share one cache entry and its invalidation. */
export const staffNamesQuery = () =>
  queryOptions({
    queryKey: ['staff', 'list'] as const,
    queryFn: ({ signal }) => request('GET', '/staff', { schema: staffListSchema, signal }),
  });
