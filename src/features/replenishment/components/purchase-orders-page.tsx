import { Button, Text } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ColumnVisibilityState } from '@tanstack/react-table';
import { getRouteApi, Link } from '@tanstack/react-router';
import { useCallback, useMemo, useState } from 'react';
import { referenceQueries } from '@/api/reference-queries';
import { useCan } from '@/components/current-user';
import { DataTable } from '@/components/data-table/data-table';
import { ExportCsvButton } from '@/components/export-csv-button';
import { PageHeader } from '@/components/page-header';
import { fetchPurchaseOrderPage, purchaseOrderQueries } from '../api/replenishment-queries';
import { purchaseOrderSearchToQuery, type PurchaseOrderFilters as Filters } from '../search';
import { purchaseOrderColumns, purchaseOrderCsvColumns } from './purchase-order-columns';
import { PurchaseOrderFilters } from './purchase-order-filters';

const route = getRouteApi('/purchase-orders');

export function PurchaseOrdersPage() {
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const mayEdit = useCan('stock.edit');
  const query = purchaseOrderSearchToQuery(search);
  const list = useQuery({ ...purchaseOrderQueries.list(query), placeholderData: keepPreviousData });
  const locations = useQuery(referenceQueries.locations());
  const [columnVisibility, setColumnVisibility] = useState<ColumnVisibilityState>({});
  const locationName = useMemo(() => {
    const names = new Map((locations.data?.items ?? []).map((l) => [l.id, l.name]));
    return (id: string) => names.get(id) ?? id;
  }, [locations.data]);
  const columns = useMemo(() => purchaseOrderColumns(locationName), [locationName]);

  const { page, pageSize, ...filters } = search;
  const setFilters = useCallback(
    (changes: Partial<Filters>, options?: { replace?: boolean }) =>
      void navigate({ search: (prev) => ({ ...prev, ...changes, page: 1 }), replace: options?.replace }),
    [navigate],
  );

  return (
    <>
      <PageHeader
        title="Purchase orders"
        description="Newest first. Expected days are store days (New York, ET): the day sent plus the supplier’s lead time."
        actions={
          mayEdit && (
            <Button component={Link} to="/purchase-orders/new">
              New purchase order
            </Button>
          )
        }
      />
      <PurchaseOrderFilters filters={filters} onChange={setFilters} />
      <DataTable
        label="Purchase orders"
        columns={columns}
        query={list}
        getRowId={(po) => po.id}
        // The API lists newest first and sorts no other way.
        view={{ page, pageSize, sort: '-number' }}
        onViewChange={({ page: p, pageSize: size }) => void navigate({ search: (prev) => ({ ...prev, page: p, pageSize: size }) })}
        columnVisibility={columnVisibility}
        onColumnVisibilityChange={setColumnVisibility}
        empty={
          <Text c="dimmed" ta="center" py="xl">
            No purchase orders match these filters.
          </Text>
        }
        actions={
          <ExportCsvButton
            filename="purchase-orders.csv"
            columns={purchaseOrderCsvColumns(locationName)}
            fetchPage={(offset, limit) => fetchPurchaseOrderPage({ ...query, offset, limit })}
          />
        }
      />
    </>
  );
}
