import { queryOptions } from '@tanstack/react-query';
import { request } from '@/api/client';
import { categoryListSchema } from '@/contract/schemas';
import {
  inventoryListSchema,
  locationListSchema,
  stockMovementListSchema,
  type InventoryListQuery,
  type LedgerQuery,
} from '@/contract/stock-schemas';

/** What a list request may name; defaults are the API's. */
export type InventoryListParams = Partial<InventoryListQuery>;

/** More than any shop has warehouses: one request brings a variant's level at every location. */
const ALL_LOCATIONS = 100;

export const inventoryQueries = {
  all: () => ['inventory'] as const,
  lists: () => [...inventoryQueries.all(), 'list'] as const,
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
  locations: () =>
    queryOptions({
      queryKey: ['locations'] as const,
      queryFn: ({ signal }) => request('GET', '/locations', { schema: locationListSchema, signal }),
      staleTime: 5 * 60_000,
    }),
  /** The catalogue's categories, to filter by. Same key and answer as the products feature's, so one cache entry serves both. */
  categories: () =>
    queryOptions({
      queryKey: ['products', 'categories'] as const,
      queryFn: ({ signal }) => request('GET', '/categories', { schema: categoryListSchema, signal }),
      staleTime: 5 * 60_000,
    }),
};

export function fetchInventoryPage(params: InventoryListParams, signal?: AbortSignal) {
  return request('GET', '/inventory', { schema: inventoryListSchema, query: params, signal });
}
