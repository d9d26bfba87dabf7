import { z } from 'zod';
import { activeFilters, parseSearch, parseSearchLeniently, stringifySearch } from './search-params';

// A list's view as a route would declare it; built here so lib is tested without any feature.
const viewSchema = z.object({
  page: z.coerce.number().int().min(1).default(1),
  sort: z.enum(['title', '-title', 'updatedAt', '-updatedAt']).default('-updatedAt'),
  q: z.string().trim().min(1).optional(),
  status: z
    .preprocess((v) => (typeof v === 'string' ? v.split(',').filter(Boolean) : v), z.array(z.enum(['draft', 'active', 'archived'])).min(1))
    .optional(),
  priceMin: z.coerce.number().int().min(0).optional(),
});

describe('parseSearchLeniently', () => {
  it('reads good parameters and gives the defaults for missing ones', () => {
    expect(parseSearchLeniently(viewSchema, { page: '3', sort: 'title', q: 'cable', status: 'active,draft', priceMin: '1500' })).toEqual({
      page: 3,
      sort: 'title',
      q: 'cable',
      status: ['active', 'draft'],
      priceMin: 1500,
    });
    expect(parseSearchLeniently(viewSchema, {})).toEqual({ page: 1, sort: '-updatedAt' });
  });

  it('falls back to the default for each bad parameter and keeps the good ones', () => {
    const view = parseSearchLeniently(viewSchema, { page: 'abc', sort: 'bogus', q: 'cable', status: 'active,nope', priceMin: '-5' });
    expect(view).toEqual({ page: 1, sort: '-updatedAt', q: 'cable' });
    expect(view.status).toBeUndefined();
    expect(view.priceMin).toBeUndefined();

    expect(parseSearchLeniently(viewSchema, { page: '0', sort: '-title', status: 'archived' })).toEqual({
      page: 1,
      sort: '-title',
      status: ['archived'],
    });
  });

  it('ignores parameters the schema does not know', () => {
    expect(parseSearchLeniently(viewSchema, { page: '2', utm_source: 'mail' })).toEqual({ page: 2, sort: '-updatedAt' });
  });
});

describe('stringifySearch and parseSearch', () => {
  it('write arrays as comma lists and leave out what is unset or empty', () => {
    const text = stringifySearch({
      page: 2,
      status: ['active', 'draft'],
      q: undefined,
      tag: '',
      categoryId: null,
      none: [],
      sort: '-title',
    });
    expect(text).toBe('?page=2&status=active,draft&sort=-title');
    expect(text.startsWith('?')).toBe(true);
    expect(parseSearch(text)).toEqual({ page: '2', status: 'active,draft', sort: '-title' });
  });

  it('write nothing at all for an empty view', () => {
    expect(stringifySearch({})).toBe('');
    expect(stringifySearch({ q: undefined, status: [] })).toBe('');
    expect(parseSearch('')).toEqual({});
    expect(parseSearch('?')).toEqual({});
  });

  it('round-trip a view through the URL', () => {
    const view = {
      page: 4,
      sort: 'title' as const,
      q: 'usb-c & lightning, 2 m',
      status: ['archived' as const, 'draft' as const],
      priceMin: 0,
    };
    const text = stringifySearch(view);
    expect(parseSearch(text)).toEqual({ page: '4', sort: 'title', q: 'usb-c & lightning, 2 m', status: 'archived,draft', priceMin: '0' });
    expect(parseSearchLeniently(viewSchema, parseSearch(text))).toEqual(view);
  });

  it('read a query string with or without its question mark', () => {
    expect(parseSearch('?a=1&b=x%20y')).toEqual({ a: '1', b: 'x y' });
    expect(parseSearch('a=1&b=x+y')).toEqual({ a: '1', b: 'x y' });
  });
});

describe('activeFilters', () => {
  const none = { q: undefined, state: undefined };
  it('counts only the list’s own filters, not the demo’s mock.* settings the URL also holds', () => {
    const search: Record<string, string | undefined> = { q: undefined, state: undefined, 'mock.latency': '0', 'mock.products': '50' };
    expect(activeFilters(search, none)).toBe(0);
    expect(activeFilters({ ...search, state: 'low' }, none)).toBe(1);
    expect(activeFilters({ ...search, state: 'low', q: 'cable' }, none)).toBe(2);
  });
});
