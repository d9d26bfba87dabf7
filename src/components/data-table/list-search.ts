/**
 * The parts every list's URL schema is made of (each feature's search.ts), once: text, a comma list,
 * the page and the page size. zod/mini, because the shell's router reads them before any screen (and
 * the full zod) has loaded. A value that does not parse falls back to the list's default.
 */
import * as z from 'zod/mini';
import { PAGE_SIZES, type PageSize } from './page-sizes';

/** Text, trimmed, at least one character and at most `max`. */
export const nonEmpty = (max: number) => z.string().check(z.trim(), z.minLength(1), z.maxLength(max));

/** `a,b,c` in the URL → ['a', 'b', 'c'], each one `item`; an empty list does not parse. */
export const commaList = <T extends z.ZodMiniType>(item: T) =>
  z.pipe(
    z.transform((v: unknown) => (typeof v === 'string' ? v.split(',').filter(Boolean) : v)),
    z.array(item).check(z.minLength(1)),
  );

/** The page, from 1. */
export const pageParam = z._default(z.coerce.number().check(z.int(), z.minimum(1)), 1);

/** Rows per page: one of the table's sizes, `fallback` otherwise. */
export const pageSizeParam = (fallback: PageSize = 25) => z._default(z.pipe(z.coerce.number(), z.literal(PAGE_SIZES)), fallback);
