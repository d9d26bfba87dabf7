import { Tabs } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { useCan } from '@/components/current-user';
import { EntityHistory } from '@/features/audit/components/entity-history';
import { DiscountEditPage } from '@/features/discounts/components/discount-edit-page';

const route = getRouteApi('/discounts/$discountId');

/**
 * A discount's page with its history tab: two features, so composed here. The page
 * stays mounted while the history shows, so nothing typed (or put in the sample basket) is lost.
 */
export function DiscountScreen() {
  const { discountId } = route.useParams();
  const canSeeHistory = useCan('audit.view');
  const [tab, setTab] = useState<string | null>('details');
  if (!canSeeHistory) return <DiscountEditPage />;
  return (
    <Tabs value={tab} onChange={setTab} keepMounted>
      <Tabs.List mb="md">
        <Tabs.Tab value="details">Details</Tabs.Tab>
        <Tabs.Tab value="history">History</Tabs.Tab>
      </Tabs.List>
      <Tabs.Panel value="details">
        <DiscountEditPage />
      </Tabs.Panel>
      <Tabs.Panel value="history">{tab === 'history' && <EntityHistory entityId={discountId} />}</Tabs.Panel>
    </Tabs>
  );
}
