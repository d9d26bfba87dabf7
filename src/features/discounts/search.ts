/**
 * The discount list's view, and the range of a discount's performance, as they
 * live in the URL. zod/mini, because the shell's router reads them before the
 * screens (and the full zod) have loaded.
 */
import * as z from 'zod/mini';
import { nonEmpty, commaList, pageParam, pageSizeParam } from '@/components/data-table/list-search';
import { DISCOUNT_KINDS, DISCOUNT_SORTS, DISCOUNT_STATUSES, DISCOUNT_TYPES } from '@/contract/constants';

/** A store day, YYYY-MM-DD (America/New_York). */
const day = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));

export const discountListSearchSchema = z.object({
  page: pageParam,
  pageSize: pageSizeParam(),
  sort: z._default(z.enum(DISCOUNT_SORTS), '-startsAt'),
  /** Part of the code or the title. */
  q: z.optional(nonEmpty(120)),
  status: z.optional(commaList(z.enum(DISCOUNT_STATUSES))),
  kind: z.optional(commaList(z.enum(DISCOUNT_KINDS))),
  type: z.optional(commaList(z.enum(DISCOUNT_TYPES))),
});
export type DiscountListSearch = z.infer<typeof discountListSearchSchema>;
export type DiscountListFilters = Omit<DiscountListSearch, 'page' | 'pageSize' | 'sort'>;

export const DISCOUNT_LIST_DEFAULTS = { page: 1, pageSize: 25, sort: '-startsAt' } as const satisfies Partial<DiscountListSearch>;

export function discountSearchToQuery({ page, pageSize, ...rest }: DiscountListSearch) {
  return { ...rest, offset: (page - 1) * pageSize, limit: pageSize };
}

/** A discount's page: the days its performance covers (the last 90 store days when not named). */
export const discountPageSearchSchema = z.object({
  from: z.optional(day),
  to: z.optional(day),
});
export type DiscountPageSearch = z.infer<typeof discountPageSearchSchema>;
