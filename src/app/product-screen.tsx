import { Tabs } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { useCan } from '@/components/current-user';
import { EntityHistory } from '@/features/audit/components/entity-history';
import { ProductEditPage } from '@/features/products/components/product-edit-page';
import { ProductStockPanel } from './product-stock-panel';

const route = getRouteApi('/products/$productId');

/**
 * The product editor with its stock and history tabs: three features, so composed here.
 * The editor stays mounted while another tab shows, so nothing typed is lost.
 */
export function ProductScreen() {
  const { productId } = route.useParams();
  const canSeeHistory = useCan('audit.view');
  const canSeeStock = useCan('stock.view');
  const [tab, setTab] = useState<string | null>('details');
  if (!canSeeHistory && !canSeeStock) return <ProductEditPage />;
  return (
    <Tabs value={tab} onChange={setTab} keepMounted>
      <Tabs.List mb="md">
        <Tabs.Tab value="details">Details</Tabs.Tab>
        {canSeeStock && <Tabs.Tab value="stock">Stock</Tabs.Tab>}
        {canSeeHistory && <Tabs.Tab value="history">History</Tabs.Tab>}
      </Tabs.List>
      <Tabs.Panel value="details">
        <ProductEditPage />
      </Tabs.Panel>
      {canSeeStock && <Tabs.Panel value="stock">{tab === 'stock' && <ProductStockPanel productId={productId} />}</Tabs.Panel>}
      {canSeeHistory && <Tabs.Panel value="history">{tab === 'history' && <EntityHistory entityId={productId} />}</Tabs.Panel>}
    </Tabs>
  );
}
