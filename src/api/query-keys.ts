/**
 * Query-key roots that more than one part of the app names. A feature may not import
 * another, so a cache that another feature's writes make stale keeps its root here,
 * where the app's composition (src/app/query-client.ts) can invalidate it.
 */

/** Every sales figure, and the dashboard's other panels: any write may change them. */
export const REPORTS_KEY = ['reports'] as const;
