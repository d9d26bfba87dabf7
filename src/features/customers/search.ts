/**
 * The customer list's view as it lives in the URL. zod/mini, because the shell's
 * router reads it before the screen (and the full zod) has loaded. Money bounds
 * are cents, as the API takes them; the filter fields show dollars.
 */
import * as z from 'zod/mini';
import { pageParam, pageSizeParam } from '@/components/data-table/list-search';
import { CUSTOMER_SORTS, MAX_CENTS } from '@/contract/constants';

const count = z.coerce.number().check(z.int(), z.minimum(0), z.maximum(1_000_000));
const cents = z.coerce.number().check(z.int(), z.minimum(0), z.maximum(MAX_CENTS));
/** A store day, YYYY-MM-DD (America/New_York); the API says whether the day exists. */
const day = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));

export const customerListSearchSchema = z.object({
  page: pageParam,
  pageSize: pageSizeParam(),
  sort: z._default(z.enum(CUSTOMER_SORTS), '-lastOrderAt'),
  /** Part of the name or email, or 3 or more digits of the phone number. */
  q: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(200))),
  state: z.optional(z.string().check(z.regex(/^[A-Z]{2}$/))),
  ordersMin: z.optional(count),
  ordersMax: z.optional(count),
  spentMin: z.optional(cents),
  spentMax: z.optional(cents),
  /** The days their last order was placed in, inclusive. */
  lastFrom: z.optional(day),
  lastTo: z.optional(day),
});
export type CustomerListSearch = z.infer<typeof customerListSearchSchema>;
export type CustomerListFilters = Omit<CustomerListSearch, 'page' | 'pageSize' | 'sort'>;

export const CUSTOMER_LIST_DEFAULTS = { page: 1, pageSize: 25, sort: '-lastOrderAt' } as const satisfies Partial<CustomerListSearch>;

export function customerSearchToQuery({ page, pageSize, ...rest }: CustomerListSearch) {
  return { ...rest, offset: (page - 1) * pageSize, limit: pageSize };
}
