import { queryOptions } from '@tanstack/react-query';
import { request } from '@/api/client';
import { queryKeys } from '@/api/query-keys';
import { inventoryListSchema, stockMovementListSchema, type InventoryListQuery, type LedgerQuery } from '@/contract/stock-schemas';

/** What a list request may name; defaults are the API's. */
export type InventoryListParams = Partial<InventoryListQuery>;

/** More than any shop has warehouses: one request brings a variant's level at every location. */
const ALL_LOCATIONS = 100;

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
};

export function fetchInventoryPage(params: InventoryListParams, signal?: AbortSignal) {
  return request('GET', '/inventory', { schema: inventoryListSchema, query: params, signal });
}
