import { MutationObserver, type QueryClient, type QueryKey } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { ApiError } from '@/api/api-error';
import { queryKeys, STOCK_MOVED, type MutationEffects } from '@/api/query-keys';
import { createQueryClient } from './query-client';

const CACHED: QueryKey[] = [
  [...queryKeys.products.lists, { page: 1 }],
  [...queryKeys.products.details, 'prod_1'],
  [...queryKeys.inventory.lists, { page: 1 }],
  queryKeys.categories.all,
  queryKeys.tags.all,
  queryKeys.staff.all,
  [...queryKeys.reports.all, 'sales'],
];

/** A client with every key above cached and fresh. */
function clientWithCache(): QueryClient {
  const client = createQueryClient({ retry: false });
  for (const key of CACHED) client.setQueryData(key, { items: [] });
  return client;
}

const stale = (client: QueryClient) => CACHED.filter((key) => client.getQueryState(key)?.isInvalidated).map((key) => key[0]);

function write(client: QueryClient, meta: MutationEffects, answer: () => Promise<unknown>) {
  return new MutationObserver(client, { mutationFn: answer, meta }).mutate();
}

const refused = (status: number) => () =>
  Promise.reject(new ApiError({ type: 'about:blank', title: 'Refused', status, current: { version: 2 } }));

describe('the one handler that refreshes what a write changed', () => {
  it('invalidates what a successful write names, and nothing else', async () => {
    const client = clientWithCache();
    await write(client, { invalidates: [queryKeys.categories.all, queryKeys.tags.all] }, () => Promise.resolve({}));
    expect(stale(client)).toEqual(['categories', 'tags']);
  });

  it('a stock movement: levels, products (lists and details) and the figures', async () => {
    const client = clientWithCache();
    await write(client, { invalidates: STOCK_MOVED }, () => Promise.resolve({}));
    expect(stale(client)).toEqual(['products', 'products', 'inventory', 'reports']);
  });

  it('a dry run (applied: false) refreshes nothing; the applied write does', async () => {
    const client = clientWithCache();
    const meta: MutationEffects = { invalidates: STOCK_MOVED, onlyWhenApplied: true };
    await write(client, meta, () => Promise.resolve({ applied: false }));
    expect(stale(client)).toEqual([]);
    await write(client, meta, () => Promise.resolve({ applied: true }));
    expect(stale(client)).toEqual(['products', 'products', 'inventory', 'reports']);
  });

  it('a conflict refreshes what the mutation names for it; another refusal refreshes nothing', async () => {
    const client = clientWithCache();
    const meta: MutationEffects = { invalidates: [queryKeys.staff.all, queryKeys.audit.all], invalidatesOnConflict: [queryKeys.staff.all] };
    await expect(write(client, meta, refused(422))).rejects.toThrow('Refused');
    expect(stale(client)).toEqual([]);
    await expect(write(client, meta, refused(409))).rejects.toThrow('Refused');
    expect(stale(client)).toEqual(['staff']);
  });

  it('"everything" invalidates the whole cache; a write with no meta, nothing', async () => {
    const client = clientWithCache();
    await new MutationObserver(client, { mutationFn: () => Promise.resolve({}) }).mutate();
    expect(stale(client)).toEqual([]);
    await write(client, { invalidates: 'everything' }, () => Promise.resolve({}));
    expect(stale(client)).toHaveLength(CACHED.length);
  });
});
