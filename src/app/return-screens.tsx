/** The returns list, as one lazily loaded chunk; its route's loader starts the list's request from the same chunk. */
export { ReturnsPage } from '@/features/returns/components/returns-page';
export { returnQueries } from '@/features/returns/api/return-queries';
