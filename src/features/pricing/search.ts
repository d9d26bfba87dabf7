/**
 * The pricing screens' views as they live in the URL; zod/mini because the
 * shell's router reads them before the screens (and the full zod) load.
 * The selection of a bulk change is in the URL too, so a link from the
 * product list (or a colleague) opens the same selection.
 */
import * as z from 'zod/mini';
import { nonEmpty, commaList, pageParam, pageSizeParam } from '@/components/data-table/list-search';
import { MAX_CENTS, PRODUCT_STATUSES } from '@/contract/constants';

const cents = z.coerce.number().check(z.int(), z.minimum(0), z.maximum(MAX_CENTS));

export const bulkPriceSearchSchema = z.object({
  /** Products chosen on the product list; when absent, the filter below chooses. */
  ids: z.optional(z.pipe(commaList(nonEmpty(60)), z.array(z.string()).check(z.maxLength(500)))),
  q: z.optional(nonEmpty(200)),
  status: z.optional(commaList(z.enum(PRODUCT_STATUSES))),
  categoryId: z.optional(nonEmpty(100)),
  tag: z.optional(nonEmpty(40)),
  priceMin: z.optional(cents),
  priceMax: z.optional(cents),
  /** The preview's page. */
  page: pageParam,
  pageSize: pageSizeParam(),
  flagged: z._default(
    z.pipe(
      z.transform((v: unknown) => v === true || v === 'true' || v === '1'),
      z.boolean(),
    ),
    false,
  ),
});
export type BulkPriceSearch = z.infer<typeof bulkPriceSearchSchema>;
export const BULK_PRICE_DEFAULTS = { page: 1, pageSize: 25, flagged: false } as const satisfies Partial<BulkPriceSearch>;

export const PRICE_BATCH_STATUS_VALUES = ['scheduled', 'applied', 'ended', 'reverted'] as const;
export const BATCH_SORT_VALUES = ['createdAt', '-createdAt', 'startsAt', '-startsAt'] as const;

export const batchListSearchSchema = z.object({
  page: pageParam,
  pageSize: pageSizeParam(),
  sort: z._default(z.enum(BATCH_SORT_VALUES), '-createdAt'),
  status: z.optional(z.enum(PRICE_BATCH_STATUS_VALUES)),
});
export type BatchListSearch = z.infer<typeof batchListSearchSchema>;
export const BATCH_LIST_DEFAULTS = { page: 1, pageSize: 25, sort: '-createdAt' } as const satisfies Partial<BatchListSearch>;

export const pagedSearchSchema = z.object({ page: pageParam, pageSize: pageSizeParam() });
export type PagedSearch = z.infer<typeof pagedSearchSchema>;
export const PAGED_DEFAULTS = { page: 1, pageSize: 25 } as const satisfies Partial<PagedSearch>;

export const priceHistorySearchSchema = z.object({ sku: z.optional(nonEmpty(40)), page: pageParam, pageSize: pageSizeParam() });
export type PriceHistorySearch = z.infer<typeof priceHistorySearchSchema>;

export function toPage({ page: p, pageSize: size }: { page: number; pageSize: number }) {
  return { offset: (p - 1) * size, limit: size };
}
