/**
 * The product list's view as it lives in the URL. Written with zod/mini because
 * the router reads it in the app shell, before any screen has loaded: the full
 * zod (and the contract's schemas) load with the screens that need them.
 */
import * as z from 'zod/mini';
import { nonEmpty, pageParam, pageSizeParam } from '@/components/data-table/list-search';
import { MAX_CENTS, PRODUCT_SORTS, PRODUCT_STATUSES } from '@/contract/constants';

const cents = z.coerce.number().check(z.int(), z.minimum(0), z.maximum(MAX_CENTS));

export const productListSearchSchema = z.object({
  /** Pages count from 1 here (people read the URL); the API takes an offset. */
  page: pageParam,
  pageSize: pageSizeParam(),
  sort: z._default(z.enum(PRODUCT_SORTS), '-updatedAt'),
  q: z.optional(nonEmpty(200)),
  status: z.optional(
    z.pipe(
      z.transform((v: unknown) => (typeof v === 'string' ? v.split(',').filter(Boolean) : v)),
      z.array(z.enum(PRODUCT_STATUSES)).check(z.minLength(1)),
    ),
  ),
  categoryId: z.optional(nonEmpty(100)),
  tag: z.optional(nonEmpty(40)),
  priceMin: z.optional(cents),
  priceMax: z.optional(cents),
});
export type ProductListSearch = z.infer<typeof productListSearchSchema>;
export type ProductListFilters = Omit<ProductListSearch, 'page' | 'pageSize' | 'sort'>;

export const PRODUCT_LIST_DEFAULTS = { page: 1, pageSize: 25, sort: '-updatedAt' } as const satisfies Partial<ProductListSearch>;

export function searchToQuery({ page, pageSize, ...rest }: ProductListSearch) {
  return { ...rest, offset: (page - 1) * pageSize, limit: pageSize };
}
