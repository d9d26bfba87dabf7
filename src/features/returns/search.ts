/**
 * The returns list's view as it lives in the URL. zod/mini, because the shell's
 * router reads it before the screen (and the full zod) has loaded.
 */
import * as z from 'zod/mini';
import { commaList, pageParam, pageSizeParam } from '@/components/data-table/list-search';
import { RETURN_REASONS, RETURN_SORTS, RETURN_STATUSES } from '@/contract/constants';

export const returnListSearchSchema = z.object({
  page: pageParam,
  pageSize: pageSizeParam(),
  /** The latest step first by default: what support acted on last, or what just came in. */
  sort: z._default(z.enum(RETURN_SORTS), '-updatedAt'),
  /** An order number (#1042 or 1042), or part of the customer's name or email. */
  q: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(200))),
  status: z.optional(commaList(z.enum(RETURN_STATUSES))),
  reason: z.optional(commaList(z.enum(RETURN_REASONS))),
});
export type ReturnListSearch = z.infer<typeof returnListSearchSchema>;
export type ReturnListFilters = Omit<ReturnListSearch, 'page' | 'pageSize' | 'sort'>;

export const RETURN_LIST_DEFAULTS = { page: 1, pageSize: 25, sort: '-updatedAt' } as const satisfies Partial<ReturnListSearch>;

export function returnSearchToQuery({ page, pageSize, ...rest }: ReturnListSearch) {
  return { ...rest, offset: (page - 1) * pageSize, limit: pageSize };
}
