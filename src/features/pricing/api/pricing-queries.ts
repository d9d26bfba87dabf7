import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { request } from '@/api/client';
import { queryKeys } from '@/api/query-keys';
import {
  priceBatchItemListSchema,
  priceBatchListSchema,
  priceBatchSchema,
  priceHistoryListSchema,
  pricePreviewSchema,
  type PriceBatchListQuery,
  type PricePreviewInput,
} from '@/contract/pricing-schemas';

/** The shop's categories, to choose and to name them, are reference data: src/api/reference-queries.ts. */
export const pricingQueries = {
  all: () => queryKeys.pricing.all,
  /** A preview reads prices, so every price write makes it stale. */
  previews: () => [...pricingQueries.all(), 'preview'] as const,
  preview: (input: PricePreviewInput) =>
    queryOptions({
      queryKey: [...pricingQueries.previews(), input] as const,
      queryFn: ({ signal }) => request('POST', '/pricing/preview', { schema: pricePreviewSchema, body: input, signal }),
      placeholderData: keepPreviousData,
    }),
  batches: () => [...pricingQueries.all(), 'batches'] as const,
  batchList: (query: Partial<PriceBatchListQuery>) =>
    queryOptions({
      queryKey: [...pricingQueries.batches(), 'list', query] as const,
      queryFn: ({ signal }) => request('GET', '/pricing/batches', { schema: priceBatchListSchema, query, signal }),
      placeholderData: keepPreviousData,
    }),
  batch: (id: string) =>
    queryOptions({
      queryKey: [...pricingQueries.batches(), 'detail', id] as const,
      queryFn: ({ signal }) => request('GET', `/pricing/batches/${encodeURIComponent(id)}`, { schema: priceBatchSchema, signal }),
    }),
  batchItems: (id: string, page: { offset: number; limit: number }) =>
    queryOptions({
      queryKey: [...pricingQueries.batches(), 'items', id, page] as const,
      queryFn: ({ signal }) =>
        request('GET', `/pricing/batches/${encodeURIComponent(id)}/items`, { schema: priceBatchItemListSchema, query: page, signal }),
      placeholderData: keepPreviousData,
    }),
  histories: () => [...pricingQueries.all(), 'history'] as const,
  history: (query: { sku: string; offset: number; limit: number }) =>
    queryOptions({
      queryKey: [...pricingQueries.histories(), query] as const,
      queryFn: ({ signal }) => request('GET', '/pricing/history', { schema: priceHistoryListSchema, query, signal }),
      placeholderData: keepPreviousData,
    }),
};
