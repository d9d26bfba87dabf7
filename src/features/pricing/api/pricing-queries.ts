import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { request } from '@/api/client';
import { categoryListSchema } from '@/contract/schemas';
import {
  priceBatchItemListSchema,
  priceBatchListSchema,
  priceBatchSchema,
  priceHistoryListSchema,
  pricePreviewSchema,
  type PriceBatchListQuery,
  type PricePreviewInput,
} from '@/contract/pricing-schemas';

export const pricingQueries = {
  all: () => ['pricing'] as const,
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

/** The shop's categories, to choose and to name them (the product feature has its own; features share no code). */
export const pricingCategoriesQuery = () =>
  queryOptions({
    queryKey: [...pricingQueries.all(), 'categories'] as const,
    queryFn: ({ signal }) => request('GET', '/categories', { schema: categoryListSchema, signal }),
    staleTime: 5 * 60_000,
  });
