/**
 * The audit log's view as it lives in the URL; zod/mini because the shell's
 * router reads it before the screen (and the full zod) has loaded.
 */
import * as z from 'zod/mini';
import { pageParam, pageSizeParam } from '@/components/data-table/list-search';
import { AUDIT_ENTITY_TYPES } from '@/contract/constants';
import { nextStoreDay, storeDayStartMs } from '@/domain/store-time';

const calendarDay = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));

export const auditSearchSchema = z.object({
  page: pageParam,
  pageSize: pageSizeParam(),
  sort: z._default(z.enum(['at', '-at']), '-at'),
  actorId: z.optional(z.string().check(z.minLength(1), z.maxLength(100))),
  entityType: z.optional(z.enum(AUDIT_ENTITY_TYPES)),
  entityId: z.optional(z.string().check(z.minLength(1), z.maxLength(100))),
  /** Store days (America/New_York), inclusive, as every date shown is; the API takes instants. */
  from: z.optional(calendarDay),
  to: z.optional(calendarDay),
});
export type AuditSearch = z.infer<typeof auditSearchSchema>;

export const AUDIT_DEFAULTS = { page: 1, pageSize: 25, sort: '-at' } as const satisfies Partial<AuditSearch>;

/** A store day as the instant it starts: the day a row's time shows is the day that finds it. */
const startOfStoreDay = (day: string) => new Date(storeDayStartMs(day)).toISOString();

export function auditSearchToQuery({ page, pageSize, from, to, ...rest }: AuditSearch) {
  return {
    ...rest,
    offset: (page - 1) * pageSize,
    limit: pageSize,
    from: from ? startOfStoreDay(from) : undefined,
    // `to` is inclusive: it ends where the next day starts.
    to: to ? startOfStoreDay(nextStoreDay(to)) : undefined,
  };
}
