import { queryOptions } from '@tanstack/react-query';
import { request } from '@/api/client';
import { queryKeys } from '@/api/query-keys';
import { supplierListSchema, variantSupplySchema } from '@/contract/replenishment-schemas';
import {
  inventoryListSchema,
  stockMovementListSchema,
  transitTransferListSchema,
  type InventoryListQuery,
  type LedgerQuery,
  type TransitTransferQuery,
} from '@/contract/stock-schemas';

/** What a list request may name; defaults are the API's. */
export type InventoryListParams = Partial<InventoryListQuery>;

/** More than any shop has warehouses: one request brings a variant's level at every location. */
const ALL_LOCATIONS = 100;

/** Suppliers change seldom; a write to one refreshes them anyway (queryKeys.suppliers). */
const SELDOM = 5 * 60_000;

/** The warehouses and the catalogue's categories, to filter by, are reference data: src/api/reference-queries.ts. */
export const inventoryQueries = {
  all: () => queryKeys.inventory.all,
  lists: () => queryKeys.inventory.lists,
  list: (params: InventoryListParams) =>
    queryOptions({
      queryKey: [...inventoryQueries.lists(), params] as const,
      queryFn: ({ signal }) => fetchInventoryPage(params, signal),
    }),
  /** One variant at every location: what the adjust and transfer dialogs compute with. */
  variant: (variantId: string) => inventoryQueries.list({ variantId, sort: 'location', limit: ALL_LOCATIONS }),
  ledgers: () => [...inventoryQueries.all(), 'ledger'] as const,
  ledger: (params: LedgerQuery) =>
    queryOptions({
      queryKey: [...inventoryQueries.ledgers(), params] as const,
      queryFn: ({ signal }) => request('GET', '/inventory/ledger', { schema: stockMovementListSchema, query: params, signal }),
    }),
  /** Transfers sent in transit; under the inventory root, so every stock change (a receipt among them) refreshes them. */
  transfers: (params: Partial<TransitTransferQuery>) =>
    queryOptions({
      queryKey: [...inventoryQueries.all(), 'transfers', params] as const,
      queryFn: ({ signal }) => request('GET', '/inventory/transfers', { schema: transitTransferListSchema, query: params, signal }),
    }),
  suppliers: () =>
    queryOptions({
      queryKey: [...queryKeys.suppliers.all, 'list'] as const,
      queryFn: ({ signal }) => request('GET', '/suppliers', { schema: supplierListSchema, signal }),
      staleTime: SELDOM,
    }),
  /** Who supplies a variant, and under which of their SKUs. */
  supply: (variantId: string) =>
    queryOptions({
      queryKey: [...queryKeys.suppliers.all, 'supply', variantId] as const,
      queryFn: ({ signal }) => request('GET', `/variants/${encodeURIComponent(variantId)}/supply`, { schema: variantSupplySchema, signal }),
    }),
};

export function fetchInventoryPage(params: InventoryListParams, signal?: AbortSignal) {
  return request('GET', '/inventory', { schema: inventoryListSchema, query: params, signal });
}
