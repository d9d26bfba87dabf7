import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { request } from '@/api/client';
import { queryKeys, STOCK_MOVED } from '@/api/query-keys';
import {
  purchaseOrderSchema,
  reorderDraftResultSchema,
  supplierSchema,
  type PurchaseCloseInput,
  type PurchaseOrder,
  type PurchaseOrderInput,
  type PurchaseOrderUpdate,
  type PurchaseReceiptInput,
  type ReorderDraftInput,
  type SupplierInput,
} from '@/contract/replenishment-schemas';
import { purchaseOrderQueries } from './replenishment-queries';

/**
 * Each attempt carries its own Idempotency-Key, made by the screen when the
 * attempt starts (useAttemptKey) and sent again unchanged if the same attempt is retried.
 */
export type Keyed<T> = { input: T; idempotencyKey: string };

/** A write to a purchase order names the version it was read at (If-Match). */
type Versioned<T> = Keyed<T> & { version: number };

/**
 * Drafts are not on order yet: only the purchase orders (under the inventory root) and the audit log change.
 * Sending or closing one moves what is on order: the levels' on order and days of cover, the reorder view,
 * the items running out and the alerts. A receipt moves stock itself.
 */
const DRAFTED = [queryKeys.inventory.all, queryKeys.audit.all] as const;
const ON_ORDER_CHANGED = [queryKeys.inventory.all, queryKeys.reports.all, queryKeys.alerts.all, queryKeys.audit.all] as const;
const RECEIVED = [...STOCK_MOVED, queryKeys.audit.all] as const;
/** Refused as stale (409): the page shows the order as it is now (applyFreshPurchaseOrder), and the lists catch up. */
const ON_CONFLICT = [queryKeys.inventory.all] as const;

function applyPurchaseOrder(queryClient: QueryClient, po: PurchaseOrder): void {
  queryClient.setQueryData(purchaseOrderQueries.detail(po.id).queryKey, po);
}

/** A 409's fresh order (`problem.current`), put where the page and its dialogs read it. */
export function applyFreshPurchaseOrder(queryClient: QueryClient, po: PurchaseOrder): void {
  applyPurchaseOrder(queryClient, po);
}

/** Drafts from the reorder view's chosen rows: one per supplier and location. */
export function useDraftFromReorder() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ input, idempotencyKey }: Keyed<ReorderDraftInput>) =>
      request('POST', '/purchase-orders/from-reorder', { schema: reorderDraftResultSchema, body: input, idempotencyKey }),
    onSuccess: ({ purchaseOrders }) => purchaseOrders.forEach((po) => applyPurchaseOrder(queryClient, po)),
    meta: { invalidates: DRAFTED },
  });
}

export function useCreatePurchaseOrder() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ input, idempotencyKey }: Keyed<PurchaseOrderInput>) =>
      request('POST', '/purchase-orders', { schema: purchaseOrderSchema, body: input, idempotencyKey }),
    onSuccess: (po) => applyPurchaseOrder(queryClient, po),
    meta: { invalidates: DRAFTED },
  });
}

function usePurchaseOrderWrite<T>(
  method: 'PUT' | 'POST',
  path: (id: string) => string,
  invalidates: typeof DRAFTED | typeof ON_ORDER_CHANGED | typeof RECEIVED,
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input, version, idempotencyKey }: Versioned<T> & { id: string }) =>
      request(method, path(encodeURIComponent(id)), { schema: purchaseOrderSchema, body: input, ifMatch: version, idempotencyKey }),
    onSuccess: (po) => applyPurchaseOrder(queryClient, po),
    meta: { invalidates, invalidatesOnConflict: ON_CONFLICT },
  });
}

/** A draft's lines and note, replaced whole. */
export function useUpdatePurchaseOrder() {
  return usePurchaseOrderWrite<PurchaseOrderUpdate>('PUT', (id) => `/purchase-orders/${id}`, DRAFTED);
}

/** Sends a draft (no body): its units count as on order from now. */
export function useSendPurchaseOrder() {
  return usePurchaseOrderWrite<undefined>('POST', (id) => `/purchase-orders/${id}/send`, ON_ORDER_CHANGED);
}

/** A delivery: its units go on the shelf at the order's location (ledger rows naming the order). */
export function useReceivePurchaseOrder() {
  return usePurchaseOrderWrite<PurchaseReceiptInput>('POST', (id) => `/purchase-orders/${id}/receipts`, RECEIVED);
}

/** Cancels what has not come: closed when something arrived, cancelled when nothing did. */
export function useClosePurchaseOrder() {
  return usePurchaseOrderWrite<PurchaseCloseInput>('POST', (id) => `/purchase-orders/${id}/close`, ON_ORDER_CHANGED);
}

/**
 * A supplier's name shows on the reorder view and the purchase orders; its lead time moves every
 * suggested reorder point of what it supplies (the reorder view, the alerts).
 */
const SUPPLIER_CHANGED = [queryKeys.suppliers.all, queryKeys.inventory.all, queryKeys.alerts.all, queryKeys.audit.all] as const;

export function useCreateSupplier() {
  return useMutation({
    mutationFn: ({ input, idempotencyKey }: Keyed<SupplierInput>) =>
      request('POST', '/suppliers', { schema: supplierSchema, body: input, idempotencyKey }),
    meta: { invalidates: SUPPLIER_CHANGED },
  });
}

export function useUpdateSupplier() {
  return useMutation({
    mutationFn: ({ id, input, version }: { id: string; input: SupplierInput; version: number }) =>
      request('PUT', `/suppliers/${encodeURIComponent(id)}`, { schema: supplierSchema, body: input, ifMatch: version }),
    meta: { invalidates: SUPPLIER_CHANGED, invalidatesOnConflict: [queryKeys.suppliers.all] },
  });
}
