/**
 * The replenishment screens (the reorder view, purchase orders, suppliers), as one lazily loaded chunk;
 * the routes' loaders start the screens' requests from the same chunk.
 */
export { ReorderPage } from '@/features/replenishment/components/reorder-page';
export { PurchaseOrdersPage } from '@/features/replenishment/components/purchase-orders-page';
export { PurchaseOrderPage } from '@/features/replenishment/components/purchase-order-page';
export { PurchaseOrderCreatePage } from '@/features/replenishment/components/purchase-order-create-page';
export { SuppliersPage } from '@/features/replenishment/components/suppliers-page';
export { purchaseOrderQueries, reorderQueries } from '@/features/replenishment/api/replenishment-queries';
