/**
 * The replenishment screens (the reorder view, purchase orders, suppliers), as one lazily loaded chunk;
 * the routes' loaders start the screens' requests from the same chunk. A reorder row's settings are the
 * inventory area's dialog: two features, so the reorder view is composed here.
 */
import { Button } from '@mantine/core';
import { useCallback, useState } from 'react';
import type { ReorderRow } from '@/contract/replenishment-schemas';
import { useCan } from '@/components/current-user';
import { ReorderSettingsDialog, type ReorderSettingsLevel } from '@/features/inventory/components/reorder-settings-dialog';
import { ReorderPage } from '@/features/replenishment/components/reorder-page';

export { PurchaseOrdersPage } from '@/features/replenishment/components/purchase-orders-page';
export { PurchaseOrderPage } from '@/features/replenishment/components/purchase-order-page';
export { PurchaseOrderCreatePage } from '@/features/replenishment/components/purchase-order-create-page';
export { SuppliersPage } from '@/features/replenishment/components/suppliers-page';
export { purchaseOrderQueries, reorderQueries } from '@/features/replenishment/api/replenishment-queries';

/** The dialog takes the settings set by hand: null is "suggested from sales", which the row says with `…Set`. */
const levelOf = (row: ReorderRow): ReorderSettingsLevel => ({
  variantId: row.variantId,
  locationId: row.locationId,
  sku: row.sku,
  title: row.title,
  sold28: row.sold28,
  reorderPoint: row.reorderPointSet,
  reorderQuantity: row.reorderQuantitySet,
  safetyDays: row.safetyDays,
  version: row.version,
});

export function ReorderScreen() {
  const mayEdit = useCan('stock.edit');
  const [settings, setSettings] = useState<ReorderSettingsLevel | null>(null);
  // Stable, so the table's columns (and its memoised rows) stay the same from render to render.
  const rowAction = useCallback(
    (row: ReorderRow, where: string) => (
      <Button
        size="xs"
        variant="default"
        onClick={() => setSettings(levelOf(row))}
        aria-label={`Reorder settings for ${row.sku} at ${where}`}
      >
        Settings
      </Button>
    ),
    [],
  );
  return (
    <>
      <ReorderPage rowAction={mayEdit ? rowAction : undefined} />
      {settings && <ReorderSettingsDialog level={settings} onClose={() => setSettings(null)} />}
    </>
  );
}
