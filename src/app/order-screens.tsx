/**
 * The order screens, as one lazily loaded chunk (every chunk a route may load is
 * named in the shell's preload map). The detail screen is composed here because
 * an order's fulfilment, cancellation or refund moves stock, whose caches belong
 * to the inventory and products features: the orders feature may not import them.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { StockEffectsProvider } from '@/features/orders/api/stock-effects';
import { OrderDetailPage } from '@/features/orders/components/order-detail-page';
import { inventoryQueries } from '@/features/inventory/api/inventory-queries';
import { productQueries } from '@/features/products/api/product-queries';

export { OrdersPage } from '@/features/orders/components/orders-page';
// The routes' loaders start the screen's request from the same chunk: one file fewer in the shell's preload map.
export { orderQueries } from '@/features/orders/api/order-queries';

export function OrderScreen() {
  const queryClient = useQueryClient();
  // Levels, the ledger and products' stock column: what a sale, a release or a restock changes.
  const stockChanged = useCallback(
    () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: inventoryQueries.all() }),
        queryClient.invalidateQueries({ queryKey: productQueries.lists() }),
        queryClient.invalidateQueries({ queryKey: productQueries.details() }),
      ]),
    [queryClient],
  );
  return (
    <StockEffectsProvider value={stockChanged}>
      <OrderDetailPage />
    </StockEffectsProvider>
  );
}
