import { useMutation, useQueryClient } from '@tanstack/react-query';
import { request } from '@/api/client';
import { queryKeys } from '@/api/query-keys';
import { discountSchema, type Discount, type DiscountInput } from '@/contract/discount-schemas';
import { discountQueries } from './discount-queries';

export function useCreateDiscount() {
  const queryClient = useQueryClient();
  return useMutation({
    // The key is made per attempt by the form (useAttemptKey), so a double click or a retry creates one discount.
    mutationFn: ({ input, idempotencyKey }: { input: DiscountInput; idempotencyKey: string }) =>
      request('POST', '/discounts', { schema: discountSchema, body: input, idempotencyKey }),
    onSuccess: (discount) => queryClient.setQueryData(discountQueries.detail(discount.id).queryKey, discount),
    meta: { invalidates: [queryKeys.discounts.lists, queryKeys.audit.all] },
  });
}

/** Every change, "Disable now" and "Enable" included: the whole discount again at the version it was read. */
export function useUpdateDiscount(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ input, version }: { input: DiscountInput; version: number }) =>
      request('PUT', `/discounts/${encodeURIComponent(id)}`, { schema: discountSchema, body: input, ifMatch: version }),
    onSuccess: (discount: Discount) => queryClient.setQueryData(discountQueries.detail(id).queryKey, discount),
    meta: {
      invalidates: [queryKeys.discounts.lists, queryKeys.audit.all],
      // Someone saved first: the page's header and quick action show what is there now.
      invalidatesOnConflict: [queryKeys.discounts.all],
    },
  });
}
