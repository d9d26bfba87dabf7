/**
 * The replenishment lists' views as they live in the URL. zod/mini, because the
 * shell's router reads them before any screen (and the full zod) has loaded.
 */
import * as z from 'zod/mini';
import { nonEmpty, commaList, pageParam, pageSizeParam } from '@/components/data-table/list-search';
import { PURCHASE_ORDER_STATUSES, REORDER_SORTS } from '@/contract/constants';

/** A store day, YYYY-MM-DD (America/New_York); the API says whether the day exists. */
const day = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));
/** `?overdue=true`; the router validates its own output again, so `true` arrives as well as the URL's "true". */
const flag = z.pipe(
  z.transform((v: unknown) => v === true || v === 'true' || v === '1'),
  z.literal(true),
);

/** The supplier filter's value for variants nobody supplies yet (the API's own word). */
export const NO_SUPPLIER = 'none';

export const reorderSearchSchema = z.object({
  page: pageParam,
  pageSize: pageSizeParam(50),
  /** What must be ordered soonest first: the API's default. */
  sort: z._default(z.enum(REORDER_SORTS), 'reorderBy'),
  /** SKU, supplier SKU or title. */
  q: z.optional(nonEmpty(200)),
  locationId: z.optional(nonEmpty(100)),
  categoryId: z.optional(nonEmpty(100)),
  /** A supplier's id, or `none`. */
  supplierId: z.optional(nonEmpty(100)),
  /** Rows to order on or before this store day; today is "due now" (late ones included). */
  by: z.optional(day),
});
export type ReorderSearch = z.infer<typeof reorderSearchSchema>;
export type ReorderFilters = Omit<ReorderSearch, 'page' | 'pageSize' | 'sort'>;
export type ReorderSort = ReorderSearch['sort'];

export const REORDER_DEFAULTS = { page: 1, pageSize: 50, sort: 'reorderBy' } as const satisfies Partial<ReorderSearch>;

export function reorderSearchToQuery({ page, pageSize, ...rest }: ReorderSearch) {
  return { ...rest, offset: (page - 1) * pageSize, limit: pageSize };
}

export const purchaseOrderSearchSchema = z.object({
  page: pageParam,
  pageSize: pageSizeParam(),
  status: z.optional(commaList(z.enum(PURCHASE_ORDER_STATUSES))),
  supplierId: z.optional(nonEmpty(100)),
  locationId: z.optional(nonEmpty(100)),
  overdue: z.optional(flag),
});
export type PurchaseOrderSearch = z.infer<typeof purchaseOrderSearchSchema>;
export type PurchaseOrderFilters = Omit<PurchaseOrderSearch, 'page' | 'pageSize'>;

export const PURCHASE_ORDER_DEFAULTS = { page: 1, pageSize: 25 } as const satisfies Partial<PurchaseOrderSearch>;

export function purchaseOrderSearchToQuery({ page, pageSize, ...rest }: PurchaseOrderSearch) {
  return { ...rest, offset: (page - 1) * pageSize, limit: pageSize };
}
