import { queryOptions } from '@tanstack/react-query';
import { categoryListSchema, staffListSchema, tagListSchema } from '../contract/schemas';
import { locationListSchema } from '../contract/stock-schemas';
import { request } from './client';
import { queryKeys } from './query-keys';

/** Warehouses and categories change seldom; a write that changes them refreshes them anyway. */
const SELDOM = 5 * 60_000;

/**
 * The reference data many screens read to choose from and to name things: the
 * warehouses, the catalogue's categories and tags, the people. One query each, under one
 * key (queryKeys), so every screen shares one cache entry and every write that changes it
 * (a product write: categories and tags; a staff write: the people) refreshes it by
 * naming that key in its mutation's meta.
 */
export const referenceQueries = {
  locations: () =>
    queryOptions({
      queryKey: queryKeys.locations.all,
      queryFn: ({ signal }) => request('GET', '/locations', { schema: locationListSchema, signal }),
      staleTime: SELDOM,
    }),
  categories: () =>
    queryOptions({
      queryKey: queryKeys.categories.all,
      queryFn: ({ signal }) => request('GET', '/categories', { schema: categoryListSchema, signal }),
      staleTime: SELDOM,
    }),
  tags: () =>
    queryOptions({
      queryKey: queryKeys.tags.all,
      queryFn: ({ signal }) => request('GET', '/tags', { schema: tagListSchema, signal }),
      staleTime: 60_000,
    }),
  /** Every member of staff, active or not: the settings' staff list, and the people to filter the audit log by. */
  staff: () =>
    queryOptions({
      queryKey: queryKeys.staff.all,
      queryFn: ({ signal }) => request('GET', '/staff', { schema: staffListSchema, signal }),
    }),
};
