import { Text } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { referenceQueries } from '@/api/reference-queries';
import type { ColumnVisibilityState } from '@tanstack/react-table';
import { getRouteApi } from '@tanstack/react-router';
import { AnchorLink } from '@/components/anchor-link';
import { useCallback, useMemo, useState } from 'react';
import { DataTable } from '@/components/data-table/data-table';
import { ExportCsvButton } from '@/components/export-csv-button';
import { PageHeader } from '@/components/page-header';
import { useCan } from '@/components/current-user';
import { SavedViews } from '@/components/saved-views/saved-views';
import { fetchOrderPage, orderQueries } from '../api/order-queries';
import { orderSearchToQuery, type OrderListFilters } from '../search';
import { orderColumns, orderCsvColumns } from './order-columns';
import { OrderFilters } from './order-filters';
import { formatUnits } from './order-labels';
import { formatCents } from '@/contract/values/money';

const route = getRouteApi('/orders');

export function OrdersPage() {
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const query = orderSearchToQuery(search);
  const list = useQuery({ ...orderQueries.list(query), placeholderData: keepPreviousData });
  const locations = useQuery(referenceQueries.locations());
  const [columnVisibility, setColumnVisibility] = useState<ColumnVisibilityState>({});
  const totals = list.data?.totals;
  const columns = useMemo(() => orderColumns(totals), [totals]);
  const reports = useCan('reports.view');
  const locationName = useMemo(() => {
    const names = new Map((locations.data?.items ?? []).map((l) => [l.id, l.name]));
    return (id: string) => names.get(id) ?? id;
  }, [locations.data]);

  const { page, pageSize, sort, ...filters } = search;
  const setFilters = useCallback(
    (changes: Partial<OrderListFilters>, options?: { replace?: boolean }) =>
      void navigate({ search: (prev) => ({ ...prev, ...changes, page: 1 }), replace: options?.replace }),
    [navigate],
  );

  return (
    <>
      <PageHeader title="Orders" description="Find an order by number, customer name or email; dates are store days (New York)" />
      <SavedViews list="orders" path="/orders" label="orders" />
      <OrderFilters filters={filters} onChange={setFilters} />
      <div aria-live="polite">
        <Text size="sm">
          {totals
            ? `Totals of every match: ${formatUnits(totals.orders)} ${totals.orders === 1 ? 'order' : 'orders'}, ${formatUnits(totals.units)} units, ${formatCents(totals.total)} total, ${formatCents(totals.refunded)} refunded, ${formatCents(totals.net)} net`
            : '\u00a0'}
        </Text>
        {totals && (
          // The sales summary's gross sales and discounts open this list: they are on screen as it shows them.
          <Text size="sm">
            {`Gross sales ${formatCents(totals.subtotal)} − discounts ${formatCents(totals.discount)} + shipping ${formatCents(totals.shipping)} + tax ${formatCents(totals.tax)} = ${formatCents(totals.total)} total`}
          </Text>
        )}
      </div>
      <Text size="sm" c="dimmed" mb="xs">
        By the day each order was placed; refunded is what these orders have had refunded, whenever.
        {reports && filters.from && filters.to && (
          <>
            {' '}
            The dashboard’s Refunds counts{' '}
            <AnchorLink to="/reports/refunds" search={{ from: filters.from, to: filters.to, state: filters.state }} inherit>
              the refunds made in these days
            </AnchorLink>
            .
          </>
        )}
      </Text>
      <DataTable
        label="Orders"
        columns={columns}
        query={list}
        getRowId={(o) => o.id}
        view={{ page, pageSize, sort }}
        onViewChange={(view) => void navigate({ search: (prev) => ({ ...prev, ...view }) })}
        columnVisibility={columnVisibility}
        onColumnVisibilityChange={setColumnVisibility}
        empty={
          <Text c="dimmed" ta="center" py="xl">
            No orders match these filters.
          </Text>
        }
        actions={
          <ExportCsvButton
            filename="orders.csv"
            columns={orderCsvColumns(locationName)}
            fetchPage={(offset, limit) => fetchOrderPage({ ...query, offset, limit })}
          />
        }
      />
    </>
  );
}
