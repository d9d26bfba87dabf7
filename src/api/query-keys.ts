/**
 * The query-key roots of every area of the app. A feature may not import another, so a
 * write that makes another area's cache stale names that area's key from here, and each
 * feature builds its own keys on the same roots. The keys are not invalidated where the
 * write happens: a mutation declares them in its `meta` and one handler
 * (src/app/query-client.ts) refreshes them.
 */
export const queryKeys = {
  products: { all: ['products'], lists: ['products', 'list'], details: ['products', 'detail'] },
  inventory: { all: ['inventory'], lists: ['inventory', 'list'] },
  orders: { all: ['orders'], lists: ['orders', 'list'], details: ['orders', 'detail'] },
  pricing: { all: ['pricing'] },
  audit: { all: ['audit'] },
  discounts: { all: ['discounts'], lists: ['discounts', 'list'], details: ['discounts', 'detail'] },
  /** Every sales figure, and the dashboard's other panels. */
  reports: { all: ['reports'] },
  // Reference data, read by many screens: one cache entry each (src/api/reference-queries.ts).
  locations: { all: ['locations'] },
  categories: { all: ['categories'] },
  tags: { all: ['tags'] },
  staff: { all: ['staff'] },
  /** Saved views of the lists, keyed further by list (src/components/saved-views). */
  views: { all: ['views'] },
  /** Open alerts (the header's bell, the dashboard): a write that moves stock may raise or end one. */
  alerts: { all: ['alerts'] },
  /** Suppliers and who supplies each variant (their lead times feed the suggested reorder points). */
  suppliers: { all: ['suppliers'] },
} as const;

type KeysOf<T> = T extends readonly unknown[] ? T : { [K in keyof T]: KeysOf<T[K]> }[keyof T];

/** One of the keys above, exactly: what a mutation may say it made stale. */
export type StaleKey = KeysOf<typeof queryKeys>;

/** What a write made stale: some keys (each with everything under it), or the whole cache. */
export type Invalidates = readonly StaleKey[] | 'everything';

/**
 * What a mutation says about the caches it leaves stale. The app's one MutationCache
 * handler reads it after every mutation settles; a key spelled wrong fails type-checking.
 */
export type MutationEffects = {
  /** Refreshed after the write succeeds: marked stale, and what is on screen asked for again. */
  invalidates?: Invalidates;
  /**
   * The answer says whether anything was written (`applied`, false for a dry run):
   * refresh only when it was.
   */
  onlyWhenApplied?: true;
  /** Refreshed when the write is refused as a conflict (409, 412): someone changed it first, and the screen should show what is there now. */
  invalidatesOnConflict?: readonly StaleKey[];
};

/**
 * What moving stock makes stale, whoever moves it (an adjustment, a transfer, a receipt, a
 * fulfilment, a cancellation, a restocking refund): levels and the ledger, every product's
 * stock column, the figures (items running out), and the open alerts (a level going out
 * of stock or under its reorder point raises one; stock coming back ends it).
 */
export const STOCK_MOVED = [
  queryKeys.inventory.all,
  queryKeys.products.lists,
  queryKeys.products.details,
  queryKeys.reports.all,
  queryKeys.alerts.all,
] as const satisfies readonly StaleKey[];

declare module '@tanstack/react-query' {
  interface Register {
    mutationMeta: MutationEffects;
  }
}
