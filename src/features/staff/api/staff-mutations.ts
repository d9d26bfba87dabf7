import { useMutation, useQueryClient } from '@tanstack/react-query';
import { request } from '@/api/client';
import { staffSchema, type StaffCreateInput, type StaffUpdateInput } from '@/contract/schemas';
import { staffQueries } from './staff-queries';

// A staff change is also an audit entry; the log's queries share the 'audit' key.
const AUDIT_KEY = ['audit'] as const;

export function useCreateStaff() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: StaffCreateInput) => request('POST', '/staff', { schema: staffSchema, body: input }),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: staffQueries.all() }),
        queryClient.invalidateQueries({ queryKey: AUDIT_KEY }),
      ]),
  });
}

export function useUpdateStaff() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version, input }: { id: string; version: number; input: StaffUpdateInput }) =>
      request('PATCH', `/staff/${encodeURIComponent(id)}`, { schema: staffSchema, body: input, ifMatch: version }),
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: staffQueries.all() }),
        queryClient.invalidateQueries({ queryKey: AUDIT_KEY }),
      ]),
  });
}
