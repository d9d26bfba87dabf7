/**
 * A list's saved views over the API (GET/POST /api/views, PATCH/DELETE /api/views/:id). Every write is also an
 * audit entry, so it names the audit log stale too.
 */
import { queryOptions, useMutation } from '@tanstack/react-query';
import { z } from 'zod';
import { request } from '@/api/client';
import { queryKeys } from '@/api/query-keys';
import {
  savedViewListSchema,
  savedViewSchema,
  type SavedViewCreateInput,
  type SavedViewList,
  type SavedViewUpdateInput,
} from '@/contract/view-schemas';

const VIEWS_CHANGED = [queryKeys.views.all, queryKeys.audit.all] as const;

export const savedViewQueries = {
  list: (list: SavedViewList) =>
    queryOptions({
      queryKey: [...queryKeys.views.all, list],
      queryFn: ({ signal }) => request('GET', '/views', { schema: savedViewListSchema, query: { list }, signal }),
    }),
};

export function useCreateSavedView() {
  return useMutation({
    mutationFn: (input: SavedViewCreateInput) => request('POST', '/views', { schema: savedViewSchema, body: input }),
    meta: { invalidates: VIEWS_CHANGED },
  });
}

export function useUpdateSavedView() {
  return useMutation({
    mutationFn: ({ id, version, input }: { id: string; version: number; input: SavedViewUpdateInput }) =>
      request('PATCH', `/views/${encodeURIComponent(id)}`, { schema: savedViewSchema, body: input, ifMatch: version }),
    // Someone (the owner in another tab) changed it first: show it as it is now.
    meta: { invalidates: VIEWS_CHANGED, invalidatesOnConflict: [queryKeys.views.all] },
  });
}

export function useDeleteSavedView() {
  return useMutation({
    mutationFn: ({ id, version }: { id: string; version: number }) =>
      request('DELETE', `/views/${encodeURIComponent(id)}`, { schema: z.undefined(), ifMatch: version }),
    meta: { invalidates: VIEWS_CHANGED, invalidatesOnConflict: [queryKeys.views.all] },
  });
}
