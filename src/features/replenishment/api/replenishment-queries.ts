import { queryOptions } from '@tanstack/react-query';
import { request } from '@/api/client';
import { queryKeys } from '@/api/query-keys';
import {
  purchaseOrderListSchema,
  purchaseOrderSchema,
  reorderListSchema,
  supplierListSchema,
  type PurchaseOrderListQuery,
  type ReorderQuery,
} from '@/contract/replenishment-schemas';
import { inventoryListSchema } from '@/contract/stock-schemas';

export type ReorderParams = Partial<ReorderQuery>;
export type PurchaseOrderListParams = Partial<PurchaseOrderListQuery>;

/**
 * The reorder view and the purchase orders sit under the inventory root: every write that
 * moves stock (a delivery, a CSV receipt naming an order, a sale) refreshes them through
 * STOCK_MOVED without the inventory feature knowing they exist, and the reorder settings
 * dialog's write (inventory.all) takes a level on or off the reorder view.
 */
const reorderRoot = [...queryKeys.inventory.all, 'reorder'] as const;
const poRoot = [...queryKeys.inventory.all, 'purchase-orders'] as const;

export const reorderQueries = {
  all: () => reorderRoot,
  list: (params: ReorderParams) =>
    queryOptions({
      queryKey: [...reorderRoot, params] as const,
      queryFn: ({ signal }) => fetchReorderPage(params, signal),
    }),
};

export function fetchReorderPage(params: ReorderParams, signal?: AbortSignal) {
  return request('GET', '/reorder', { schema: reorderListSchema, query: params, signal });
}

export const purchaseOrderQueries = {
  all: () => poRoot,
  lists: () => [...poRoot, 'list'] as const,
  list: (params: PurchaseOrderListParams) =>
    queryOptions({
      queryKey: [...purchaseOrderQueries.lists(), params] as const,
      queryFn: ({ signal }) => fetchPurchaseOrderPage(params, signal),
    }),
  details: () => [...poRoot, 'detail'] as const,
  detail: (id: string) =>
    queryOptions({
      queryKey: [...purchaseOrderQueries.details(), id] as const,
      queryFn: ({ signal }) => request('GET', `/purchase-orders/${encodeURIComponent(id)}`, { schema: purchaseOrderSchema, signal }),
    }),
};

export function fetchPurchaseOrderPage(params: PurchaseOrderListParams, signal?: AbortSignal) {
  return request('GET', '/purchase-orders', { schema: purchaseOrderListSchema, query: params, signal });
}

/** Suppliers change seldom; a write to one refreshes them anyway (queryKeys.suppliers). */
const SELDOM = 5 * 60_000;

export const supplierQueries = {
  /** The same cache entry the inventory screens read their suppliers from: one key, one request. */
  list: () =>
    queryOptions({
      queryKey: [...queryKeys.suppliers.all, 'list'] as const,
      queryFn: ({ signal }) => request('GET', '/suppliers', { schema: supplierListSchema, signal }),
      staleTime: SELDOM,
    }),
};

/** A few variants at a location whose SKU or title matches what is typed: the lines a purchase order can add. */
export const variantSearchQueries = {
  search: (q: string, locationId: string) =>
    queryOptions({
      queryKey: [...queryKeys.inventory.lists, { q, locationId, limit: 10, sort: 'sku' }] as const,
      queryFn: ({ signal }) =>
        request('GET', '/inventory', { schema: inventoryListSchema, query: { q, locationId, limit: 10, sort: 'sku' }, signal }),
    }),
};
