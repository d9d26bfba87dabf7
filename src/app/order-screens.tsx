/**
 * The order screens, as one lazily loaded chunk (every chunk a route may load is
 * named in the shell's preload map). What an order's fulfilment, cancellation or
 * refund changes elsewhere (stock, products, the figures) its mutations name in their
 * meta, and the query client refreshes (src/app/query-client.ts).
 */
export { OrdersPage } from '@/features/orders/components/orders-page';
export { OrderDetailPage as OrderScreen } from '@/features/orders/components/order-detail-page';
// The routes' loaders start the screen's request from the same chunk: one file fewer in the shell's preload map.
export { orderQueries } from '@/features/orders/api/order-queries';
