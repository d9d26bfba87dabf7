/**
 * The inventory screens' views as they live in the URL. zod/mini, because the
 * shell's router reads them before any screen (and the full zod) has loaded.
 */
import * as z from 'zod/mini';
import { nonEmpty, commaList, pageParam, pageSizeParam } from '@/components/data-table/list-search';
import { INVENTORY_SORTS, STOCK_STATES } from '@/contract/constants';

/** Columns a person may hide; the URL names the hidden ones, so a link shows the same table. */
export const HIDEABLE_INVENTORY_COLUMNS = [
  'title',
  'location',
  'onHand',
  'onOrder',
  'inTransit',
  'reserved',
  'available',
  'threshold',
  'daysOfCover',
  'sold28',
  'state',
] as const;

export const inventoryListSearchSchema = z.object({
  page: pageParam,
  pageSize: pageSizeParam(),
  sort: z._default(z.enum(INVENTORY_SORTS), 'sku'),
  /** SKU or title. */
  q: z.optional(nonEmpty(200)),
  locationId: z.optional(nonEmpty(100)),
  categoryId: z.optional(nonEmpty(100)),
  state: z.optional(commaList(z.enum(STOCK_STATES))),
  /** The low-stock view (`?low=true`), which the dashboard links to. Absent means every level. */
  // The router validates its own output again, so `true` arrives as well as the URL's "true".
  low: z.optional(
    z.pipe(
      z.transform((v: unknown) => v === true || v === 'true' || v === '1'),
      z.literal(true),
    ),
  ),
  variantId: z.optional(nonEmpty(100)),
  hide: z.optional(commaList(z.enum(HIDEABLE_INVENTORY_COLUMNS))),
  /** The transfers in transit (`?tab=transit`) instead of the levels; absent: the levels. */
  tab: z.optional(z.literal('transit')),
});
export type InventoryListSearch = z.infer<typeof inventoryListSearchSchema>;
export type InventoryListFilters = Omit<InventoryListSearch, 'page' | 'pageSize' | 'sort' | 'hide' | 'tab'>;

export const INVENTORY_LIST_DEFAULTS = { page: 1, pageSize: 25, sort: 'sku' } as const satisfies Partial<InventoryListSearch>;

export function inventorySearchToQuery({ page, pageSize, hide: _hide, tab: _tab, ...rest }: InventoryListSearch) {
  return { ...rest, offset: (page - 1) * pageSize, limit: pageSize };
}

export const ledgerSearchSchema = z.object({
  page: pageParam,
  pageSize: pageSizeParam(),
  /** Newest first unless the person turns it round. */
  sort: z._default(z.enum(['-at', 'at']), '-at'),
  locationId: z.optional(nonEmpty(100)),
});
export type LedgerSearch = z.infer<typeof ledgerSearchSchema>;

export const LEDGER_DEFAULTS = { page: 1, pageSize: 25, sort: '-at' } as const satisfies Partial<LedgerSearch>;

export function ledgerSearchToQuery(variantId: string, { page, pageSize, ...rest }: LedgerSearch) {
  return { ...rest, variantId, offset: (page - 1) * pageSize, limit: pageSize };
}
