/**
 * The order list's view as it lives in the URL. zod/mini, because the shell's
 * router reads it before the screen (and the full zod) has loaded.
 */
import * as z from 'zod/mini';
import { nonEmpty, commaList, pageParam, pageSizeParam } from '@/components/data-table/list-search';
import { FULFILMENT_STATUSES, MAX_CENTS, ORDER_STATUSES, PAYMENT_STATUSES } from '@/contract/constants';

/** The API's sort strings (src/contract/order-schemas.ts ORDER_SORTS), written out so the shell needs no full zod. */
export const ORDER_LIST_SORTS = ['-placedAt', 'placedAt', '-total', 'total', 'customer', '-customer'] as const;
export type OrderListSort = (typeof ORDER_LIST_SORTS)[number];

const cents = z.coerce.number().check(z.int(), z.minimum(0), z.maximum(MAX_CENTS));
/** A store day, YYYY-MM-DD (America/New_York); the API says whether the day exists. */
const day = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));

export const orderListSearchSchema = z.object({
  page: pageParam,
  pageSize: pageSizeParam(),
  sort: z._default(z.enum(ORDER_LIST_SORTS), '-placedAt'),
  /** An order number (#1042 or 1042), or part of the customer's name or email. */
  q: z.optional(nonEmpty(200)),
  status: z.optional(commaList(z.enum(ORDER_STATUSES))),
  paymentStatus: z.optional(commaList(z.enum(PAYMENT_STATUSES))),
  fulfilmentStatus: z.optional(commaList(z.enum(FULFILMENT_STATUSES))),
  from: z.optional(day),
  to: z.optional(day),
  state: z.optional(z.string().check(z.regex(/^[A-Z]{2}$/))),
  totalMin: z.optional(cents),
  totalMax: z.optional(cents),
  sku: z.optional(nonEmpty(40)),
  /** Orders placed with this discount code, any case: a discount's "Open these orders". */
  discountCode: z.optional(nonEmpty(40)),
});
export type OrderListSearch = z.infer<typeof orderListSearchSchema>;
export type OrderListFilters = Omit<OrderListSearch, 'page' | 'pageSize' | 'sort'>;

export const ORDER_LIST_DEFAULTS = { page: 1, pageSize: 25, sort: '-placedAt' } as const satisfies Partial<OrderListSearch>;

export function orderSearchToQuery({ page, pageSize, ...rest }: OrderListSearch) {
  return { ...rest, offset: (page - 1) * pageSize, limit: pageSize };
}
