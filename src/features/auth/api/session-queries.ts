import { queryOptions } from '@tanstack/react-query';
import { request } from '@/api/client';
import { sessionSchema } from '@/contract/schemas';
import { SESSION_KEY } from './session-key';

export const sessionQueries = {
  all: () => ['session'] as const,
  current: () =>
    queryOptions({
      queryKey: SESSION_KEY,
      queryFn: ({ signal }) => request('GET', '/session', { schema: sessionSchema, signal }),
      // The session changes only by signing in or out (both set it here); an expiry shows up as a 401 on the next request.
      staleTime: Infinity,
      retry: false,
    }),
};
