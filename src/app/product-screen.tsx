import { Tabs } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { useCan } from '@/components/current-user';
import { EntityHistory } from '@/features/audit/components/entity-history';
import { ProductEditPage } from '@/features/products/components/product-edit-page';

const route = getRouteApi('/products/$productId');

/**
 * The product editor with its history tab: two features, so composed here.
 * The editor stays mounted while the history shows, so nothing typed is lost.
 */
export function ProductScreen() {
  const { productId } = route.useParams();
  const canSeeHistory = useCan('audit.view');
  const [tab, setTab] = useState<string | null>('details');
  if (!canSeeHistory) return <ProductEditPage />;
  return (
    <Tabs value={tab} onChange={setTab} keepMounted>
      <Tabs.List mb="md">
        <Tabs.Tab value="details">Details</Tabs.Tab>
        <Tabs.Tab value="history">History</Tabs.Tab>
      </Tabs.List>
      <Tabs.Panel value="details">
        <ProductEditPage />
      </Tabs.Panel>
      <Tabs.Panel value="history">{tab === 'history' && <EntityHistory entityId={productId} />}</Tabs.Panel>
    </Tabs>
  );
}
