import { queryOptions } from '@tanstack/react-query';
import { request } from '@/api/client';
import { staffListSchema } from '@/contract/schemas';

export const staffQueries = {
  all: () => ['staff'] as const,
  list: () =>
    queryOptions({
      queryKey: [...staffQueries.all(), 'list'] as const,
      queryFn: ({ signal }) => request('GET', '/staff', { schema: staffListSchema, signal }),
    }),
};
