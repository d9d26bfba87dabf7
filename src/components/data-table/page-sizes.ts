/** Kept apart from the table so a list's URL schema can name them without loading the table. */
export const PAGE_SIZES = [10, 25, 50, 100] as const;
export type PageSize = (typeof PAGE_SIZES)[number];
