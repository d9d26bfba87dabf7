import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { request } from '@/api/client';
import { queryKeys, STOCK_MOVED } from '@/api/query-keys';
import {
  orderSchema,
  type CancelInput,
  type ExchangeInput,
  type FulfilInput,
  type NoteInput,
  type Order,
  type RefundInput,
  type ReturnCloseInput,
  type ReturnInput,
  type ReturnReceiptInput,
  type ReturnRefundInput,
} from '@/contract/order-schemas';
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

// Returns: the returns list sits under the order lists' root (src/features/returns), so ORDER_CHANGED refreshes it too.

/** Opens a return on shipped units: no stock and no money move yet. */
export function useOpenReturn(orderId: string) {
  return useOrderAction<ReturnInput>(orderId, 'returns', false);
}

const returnPath = (returnId: string, step: string) => `returns/${encodeURIComponent(returnId)}/${step}`;

/** Each unit back on a shelf or written off: ledger rows at the warehouse. */
export function useReceiveReturn(orderId: string, returnId: string) {
  return useOrderAction<ReturnReceiptInput>(orderId, returnPath(returnId, 'receipt'), true);
}

export function useRefundReturn(orderId: string, returnId: string) {
  return useOrderAction<ReturnRefundInput>(orderId, returnPath(returnId, 'refund'), false);
}

/** Places the replacement order, which reserves stock. The answer is the original order; the new one is in its return. */
export function useExchangeReturn(orderId: string, returnId: string) {
  return useOrderAction<ExchangeInput>(orderId, returnPath(returnId, 'exchange'), true);
}

export function useCloseReturn(orderId: string, returnId: string) {
  return useOrderAction<ReturnCloseInput>(orderId, returnPath(returnId, 'close'), false);
}

/** A 409's fresh order, shown where the dialog and the page read it. */
export function applyFreshOrder(queryClient: QueryClient, order: Order): void {
  applyOrder(queryClient, order);
}
