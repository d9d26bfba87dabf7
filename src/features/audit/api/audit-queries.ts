import { queryOptions } from '@tanstack/react-query';
import { request } from '@/api/client';
import { queryKeys } from '@/api/query-keys';
import { auditListSchema, type AuditListQuery } from '@/contract/schemas';

export type AuditListParams = Partial<AuditListQuery>;

export const auditQueries = {
  all: () => queryKeys.audit.all,
  lists: () => [...auditQueries.all(), 'list'] as const,
  list: (params: AuditListParams) =>
    queryOptions({
      queryKey: [...auditQueries.lists(), params] as const,
      queryFn: ({ signal }) => request('GET', '/audit', { schema: auditListSchema, query: params, signal }),
    }),
};
