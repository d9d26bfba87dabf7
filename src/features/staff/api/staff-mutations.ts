import { useMutation } from '@tanstack/react-query';
import { request } from '@/api/client';
import { queryKeys } from '@/api/query-keys';
import { staffSchema, type StaffCreateInput, type StaffUpdateInput } from '@/contract/schemas';

/** A staff change is also an audit entry. The list is reference data (src/api/reference-queries.ts). */
const STAFF_CHANGED = [queryKeys.staff.all, queryKeys.audit.all] as const;

export function useCreateStaff() {
  return useMutation({
    mutationFn: (input: StaffCreateInput) => request('POST', '/staff', { schema: staffSchema, body: input }),
    meta: { invalidates: STAFF_CHANGED },
  });
}

export function useUpdateStaff() {
  return useMutation({
    mutationFn: ({ id, version, input }: { id: string; version: number; input: StaffUpdateInput }) =>
      request('PATCH', `/staff/${encodeURIComponent(id)}`, { schema: staffSchema, body: input, ifMatch: version }),
    // A refusal because someone changed the person first: show them as they are now.
    meta: { invalidates: STAFF_CHANGED, invalidatesOnConflict: [queryKeys.staff.all] },
  });
}
