import { safeParse, type $ZodObject, type $ZodShape, type $ZodType, type output } from 'zod/v4/core';

/**
 * Reads a list's URL leniently: each parameter is checked on its own, and one
 * that does not parse falls back to its default instead of breaking the page.
 * Takes any zod object (classic or mini), so the shell can use the small one.
 */
export function parseSearchLeniently<Shape extends $ZodShape>(
  schema: $ZodObject<Shape>,
  raw: Record<string, unknown>,
): output<$ZodObject<Shape>> {
  const result: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(schema._zod.def.shape) as [string, $ZodType][]) {
    const parsed = safeParse(field, raw[key]);
    // Every key is set, even to undefined: the router merges a route's search over the raw
    // one it inherits, so a key left out would let the unparsed value through.
    result[key] = parsed.success ? parsed.data : safeParse(field, undefined).data;
  }
  return result as output<$ZodObject<Shape>>;
}

/** Flat, readable query strings: `?status=active,draft&page=2`, not JSON in the URL. */
export function parseSearch(search: string): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(search.startsWith('?') ? search.slice(1) : search));
}

export function stringifySearch(search: Record<string, unknown>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(search)) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) {
      if (value.length) params.set(key, value.join(','));
    } else params.set(key, String(value));
  }
  // Commas separate list values; leaving them unescaped keeps the address readable (?status=active,draft).
  const text = params.toString().replaceAll('%2C', ',');
  return text ? `?${text}` : '';
}

/**
 * How many of a list's own filters are set (what Clear filters and a phone's
 * Filters button go by). A route's search also carries the parameters it does
 * not know (the demo's `mock.*` settings), so "every value but page, size and
 * sort" is not the filters: only the keys of `none` (the list's "no filters"
 * value) are.
 */
export function activeFilters<Filters extends object>(filters: Filters, none: { [K in keyof Filters]?: unknown }): number {
  return Object.keys(none).filter((key) => filters[key as keyof Filters] !== undefined).length;
}
