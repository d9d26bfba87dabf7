import { useMutation, useQueryClient } from '@tanstack/react-query';
import { request } from '@/api/client';
import { queryKeys } from '@/api/query-keys';
import { customerSchema } from '@/contract/customer-schemas';
import type { NoteInput } from '@/contract/order-schemas';
import { customerQueries } from './customer-queries';

/** An internal note on a customer (support and up): the answer is the customer as it is now, notes and timeline included. */
export function useAddCustomerNote(customerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ input, idempotencyKey }: { input: NoteInput; idempotencyKey: string }) =>
      request('POST', `/customers/${encodeURIComponent(customerId)}/notes`, { schema: customerSchema, body: input, idempotencyKey }),
    onSuccess: (customer) => queryClient.setQueryData(customerQueries.detail(customer.id).queryKey, customer),
    // The audit log records the note.
    meta: { invalidates: [queryKeys.audit.all] },
  });
}
