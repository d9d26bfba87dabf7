import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { request } from '@/api/client';
import { orderSchema, type CancelInput, type FulfilInput, type NoteInput, type Order, type RefundInput } from '@/contract/order-schemas';
import { orderQueries } from './order-queries';
import { useStockEffects } from './stock-effects';

/**
 * Each attempt carries its own Idempotency-Key, made by the dialog when the
 * attempt starts and sent again unchanged if the same attempt is retried.
 */
export type Keyed<T> = { input: T; idempotencyKey: string };

/** The answer is the order as it is now: put it in the cache, and refresh every list it appears in. */
function applyOrder(queryClient: QueryClient, order: Order) {
  queryClient.setQueryData(orderQueries.detail(order.id).queryKey, order);
  return queryClient.invalidateQueries({ queryKey: orderQueries.lists() });
}

function useOrderAction<T>(orderId: string, path: string, movesStock: boolean) {
  const queryClient = useQueryClient();
  const stockChanged = useStockEffects();
  return useMutation({
    mutationFn: ({ input, idempotencyKey }: Keyed<T>) =>
      request('POST', `/orders/${encodeURIComponent(orderId)}/${path}`, { schema: orderSchema, body: input, idempotencyKey }),
    onSuccess: (order) => Promise.all([applyOrder(queryClient, order), movesStock ? stockChanged() : undefined]),
  });
}

/** Ships lines from a warehouse: the ledger records the sale. */
export function useFulfilOrder(orderId: string) {
  return useOrderAction<FulfilInput>(orderId, 'fulfilments', true);
}

/** Releases what the order reserved, and refunds it when asked. */
export function useCancelOrder(orderId: string) {
  return useOrderAction<CancelInput>(orderId, 'cancel', true);
}

/** Refunds lines, shipping and an extra amount; restocked units go back on a shelf. */
export function useRefundOrder(orderId: string) {
  return useOrderAction<RefundInput>(orderId, 'refunds', true);
}

export function useAddOrderNote(orderId: string) {
  return useOrderAction<NoteInput>(orderId, 'notes', false);
}

/** A 409's fresh order, shown where the dialog and the page read it. */
export function applyFreshOrder(queryClient: QueryClient, order: Order) {
  return applyOrder(queryClient, order);
}
