import { queryOptions, useQueries, useQuery, type UseQueryResult } from '@tanstack/react-query';
import { useCallback } from 'react';
import { request } from '@/api/client';
import { queryKeys } from '@/api/query-keys';
import { referenceQueries } from '@/api/reference-queries';
import { productSchema, type AuditEntry, type Product } from '@/contract/schemas';
import { productsToName, type AuditLookups } from '../audit-changes';

/** A product, to name its variants by their option values. Same key and answer as the products feature's detail, so one cache entry serves both. */
const productQuery = (id: string) =>
  queryOptions({
    queryKey: [...queryKeys.products.details, id] as const,
    queryFn: ({ signal }) => request('GET', `/products/${encodeURIComponent(id)}`, { schema: productSchema, signal }),
    // The product the editor has just loaded or saved names its variants well enough: no second request for it.
    staleTime: 60_000,
  });

/** Option values by SKU, per product; a product that could not be read names its variants by SKU only. */
function optionsByProduct(results: UseQueryResult<Product>[]): Map<string, Map<string, readonly string[]>> {
  const byProduct = new Map<string, Map<string, readonly string[]>>();
  for (const { data } of results) {
    if (data) byProduct.set(data.id, new Map(data.variants.map((v) => [v.sku, v.optionValues])));
  }
  return byProduct;
}

/**
 * What the formatter needs beyond an entry, for the entries on screen: the
 * products whose variants they name without option values, and the locations
 * when a stock entry is among them. Asks for nothing the entries do not need.
 */
export function useAuditLookups(entries: readonly AuditEntry[] | undefined): (entry: AuditEntry) => AuditLookups {
  const products = useQueries({ queries: productsToName(entries ?? []).map(productQuery), combine: optionsByProduct });
  const needsLocations = (entries ?? []).some((e) => e.entityType === 'stock');
  const locations = useQuery({ ...referenceQueries.locations(), enabled: needsLocations });
  const locationItems = locations.data?.items;
  return useCallback(
    (entry: AuditEntry): AuditLookups => ({
      optionsOf: (sku) => products.get(entry.entityId)?.get(sku),
      locationName: (id) => locationItems?.find((l) => l.id === id)?.name,
    }),
    [products, locationItems],
  );
}
