import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { request } from '@/api/client';
import { queryKeys, STOCK_MOVED } from '@/api/query-keys';
import { orderSchema, type CancelInput, type FulfilInput, type NoteInput, type Order, type RefundInput } from '@/contract/order-schemas';
import { orderQueries } from './order-queries';

/**
 * Each attempt carries its own Idempotency-Key, made by the dialog when the
 * attempt starts and sent again unchanged if the same attempt is retried.
 */
export type Keyed<T> = { input: T; idempotencyKey: string };

/** The answer is the order as it is now: put it in the cache. */
function applyOrder(queryClient: QueryClient, order: Order): void {
  queryClient.setQueryData(orderQueries.detail(order.id).queryKey, order);
}

/**
 * Every list the order appears in and the figures are stale; a fulfilment, a
 * cancellation or a refund also moves stock (levels, the ledger, products' stock).
 * A refusal (409: the order changed since) leaves the lists stale too; the dialog
 * shows the order as it is now (applyFreshOrder).
 */
const ORDER_CHANGED = [queryKeys.orders.lists, queryKeys.reports.all] as const;
const ORDER_AND_STOCK_CHANGED = [...ORDER_CHANGED, ...STOCK_MOVED] as const;

function useOrderAction<T>(orderId: string, path: string, movesStock: boolean) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ input, idempotencyKey }: Keyed<T>) =>
      request('POST', `/orders/${encodeURIComponent(orderId)}/${path}`, { schema: orderSchema, body: input, idempotencyKey }),
    onSuccess: (order) => applyOrder(queryClient, order),
    meta: { invalidates: movesStock ? ORDER_AND_STOCK_CHANGED : ORDER_CHANGED, invalidatesOnConflict: [queryKeys.orders.lists] },
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
export function applyFreshOrder(queryClient: QueryClient, order: Order): void {
  applyOrder(queryClient, order);
}
