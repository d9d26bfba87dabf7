/**
 * Saved views (issue 23): a list's URL query string kept under a name, the
 * person's own or shared with the team. The rules beyond a field's shape
 * (who may read, change or delete one; a name once per person and list) are
 * src/domain/view-rules.ts.
 */
import { z } from 'zod';
import { SAVED_VIEW_LISTS } from './constants';
import { isoDateTimeSchema, listResponseSchema } from './schemas';

export { SAVED_VIEW_LISTS, type SavedViewList } from './constants';

export const SAVED_VIEW_NAME_MAX = 60;
export const SAVED_VIEW_SEARCH_MAX = 2000;

export const savedViewListNameSchema = z.enum(SAVED_VIEW_LISTS).meta({ id: 'SavedViewListName' });

/**
 * A query string reads as URLSearchParams when it holds no space, control character or `#` and every `%` starts
 * an escape that decodes (`?` first is allowed: it is how `location.search` reads).
 */
export function isQueryString(text: string): boolean {
  for (const char of text) {
    const code = char.charCodeAt(0);
    if (code <= 0x20 || code === 0x7f || char === '#' || /\s/.test(char)) return false;
  }
  const body = text.startsWith('?') ? text.slice(1) : text;
  for (const part of body.split('&')) {
    try {
      decodeURIComponent(part.replaceAll('+', ' '));
    } catch {
      return false;
    }
  }
  return true;
}

const nameSchema = z
  .string({ error: 'Enter a name' })
  .trim()
  .min(1, 'Enter a name')
  .max(SAVED_VIEW_NAME_MAX, `Use at most ${SAVED_VIEW_NAME_MAX} characters`);

const searchSchema = z
  .string({ error: 'Send the list’s query string' })
  .max(SAVED_VIEW_SEARCH_MAX, `A view’s filters are at most ${SAVED_VIEW_SEARCH_MAX.toLocaleString('en-US')} characters`)
  .refine(isQueryString, 'Not a query string (like status=active&sort=-price)');

export const savedViewSchema = z
  .object({
    id: z.string(),
    list: savedViewListNameSchema,
    name: z.string(),
    /** The list's query string as it was saved (with or without its leading `?`). */
    search: z.string(),
    shared: z.boolean(),
    owner: z.object({ id: z.string(), name: z.string() }),
    createdAt: isoDateTimeSchema,
    updatedAt: isoDateTimeSchema,
    version: z.number().int().min(1),
  })
  .meta({ id: 'SavedView' });
export type SavedView = z.infer<typeof savedViewSchema>;

export const savedViewListSchema = listResponseSchema(savedViewSchema).meta({ id: 'SavedViewList' });
export type SavedViewListResponse = z.infer<typeof savedViewListSchema>;

export const savedViewListQuerySchema = z.object({ list: savedViewListNameSchema });
export type SavedViewListQuery = z.infer<typeof savedViewListQuerySchema>;

export const savedViewCreateInputSchema = z
  .object({ list: savedViewListNameSchema, name: nameSchema, search: searchSchema, shared: z.boolean().default(false) })
  .meta({ id: 'SavedViewCreateInput' });
export type SavedViewCreateInput = z.infer<typeof savedViewCreateInputSchema>;

export const savedViewUpdateInputSchema = z
  .object({ name: nameSchema.optional(), search: searchSchema.optional(), shared: z.boolean().optional() })
  .refine((v) => v.name !== undefined || v.search !== undefined || v.shared !== undefined, 'Send a name, a search, shared, or several')
  .meta({ id: 'SavedViewUpdateInput' });
export type SavedViewUpdateInput = z.infer<typeof savedViewUpdateInputSchema>;
