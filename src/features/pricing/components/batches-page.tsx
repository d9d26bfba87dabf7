import { Group, Select } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { PageHeader } from '@/components/page-header';
import { pricingQueries } from '../api/pricing-queries';
import { PRICE_BATCH_STATUS_VALUES, toPage, type BatchListSearch } from '../search';
import { BATCH_STATUS_LABELS, batchColumns } from './batch-columns';
import { PagedTable } from './paged-table';
import { PricingNav } from './pricing-nav';

const route = getRouteApi('/pricing/batches');

export function BatchesPage() {
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const list = useQuery(pricingQueries.batchList({ ...toPage(search), sort: search.sort, status: search.status }));

  return (
    <>
      <PageHeader title="Price batches" description="Every bulk price change: applied, scheduled, ended or reverted" />
      <PricingNav />
      <Group mb="md">
        <Select
          label="Status"
          placeholder="Any"
          clearable
          w={180}
          data={PRICE_BATCH_STATUS_VALUES.map((s) => ({ value: s, label: BATCH_STATUS_LABELS[s] }))}
          value={search.status ?? null}
          onChange={(v) =>
            void navigate({ search: (prev) => ({ ...prev, status: (v as BatchListSearch['status']) ?? undefined, page: 1 }) })
          }
        />
      </Group>
      <PagedTable
        label="Price batches"
        columns={batchColumns}
        query={list}
        getRowId={(b) => b.id}
        view={{ page: search.page, pageSize: search.pageSize, sort: search.sort }}
        onViewChange={(view) => void navigate({ search: (prev) => ({ ...prev, ...view }) })}
        emptyText="No price batches yet."
      />
    </>
  );
}
