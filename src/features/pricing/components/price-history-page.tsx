import { Group, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { PageHeader } from '@/components/page-header';
import { useDraft } from '@/components/use-draft';
import { pricingQueries } from '../api/pricing-queries';
import { toPage } from '../search';
import { historyColumns } from './batch-columns';
import { PagedTable } from './paged-table';
import { PricingNav } from './pricing-nav';

const route = getRouteApi('/pricing/history');

export function PriceHistoryPage() {
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const history = useQuery({ ...pricingQueries.history({ sku: search.sku ?? '', ...toPage(search) }), enabled: search.sku !== undefined });
  const [sku, setSku] = useDraft(
    search.sku,
    (v) => v ?? '',
    (t) => t.trim() || undefined,
  );
  const show = () => void navigate({ search: (prev) => ({ ...prev, sku: sku.trim() || undefined, page: 1 }) });
  const first = history.data?.items.at(-1);

  return (
    <>
      <PageHeader title="Price history" description="Every price change of a variant: when, by whom, in which batch, from → to" />
      <PricingNav />
      <Group mb="md" align="flex-end">
        <TextInput
          label="SKU"
          placeholder="e.g. AUD-0001-BLK"
          value={sku}
          onChange={(e) => setSku(e.currentTarget.value)}
          onBlur={show}
          onKeyDown={(e) => e.key === 'Enter' && show()}
        />
        {first && (
          <Text size="sm" c="dimmed" mb={6}>
            {first.title}
          </Text>
        )}
      </Group>
      {search.sku === undefined ? (
        <Text c="dimmed">Enter a SKU to see its price history. Batches link here from each of their variants.</Text>
      ) : (
        <PagedTable
          label="Price history"
          columns={historyColumns}
          query={history}
          getRowId={(h) => h.id}
          view={{ page: search.page, pageSize: search.pageSize, sort: '-at' }}
          onViewChange={(view) => void navigate({ search: (prev) => ({ ...prev, page: view.page, pageSize: view.pageSize }) })}
          emptyText="No price changes recorded for this SKU since the shop was seeded."
        />
      )}
    </>
  );
}
