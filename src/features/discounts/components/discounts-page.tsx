import { Button, Text } from '@mantine/core';
import { useLocalStorage } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ColumnVisibilityState } from '@tanstack/react-table';
import { Link, getRouteApi } from '@tanstack/react-router';
import { useCallback, useMemo } from 'react';
import { useCan } from '@/components/current-user';
import { DataTable } from '@/components/data-table/data-table';
import { ExportCsvButton } from '@/components/export-csv-button';
import { PageHeader } from '@/components/page-header';
import { discountQueries, fetchDiscountPage } from '../api/discount-queries';
import { discountSearchToQuery, type DiscountListFilters } from '../search';
import { discountColumns, discountCsvColumns } from './discount-columns';
import { DiscountFilters } from './discount-filters';

const route = getRouteApi('/discounts');

export function DiscountsPage() {
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const query = discountSearchToQuery(search);
  const list = useQuery({ ...discountQueries.list(query), placeholderData: keepPreviousData });
  const [columnVisibility, setColumnVisibility] = useLocalStorage<ColumnVisibilityState>({
    key: 'stockroom.discounts.columns',
    defaultValue: {},
  });
  const canEdit = useCan('discounts.edit');
  const columns = useMemo(() => discountColumns(), []);
  const { page, pageSize, sort, ...filters } = search;

  const setFilters = useCallback(
    (changes: Partial<DiscountListFilters>, options?: { replace?: boolean }) =>
      void navigate({ search: (prev) => ({ ...prev, ...changes, page: 1 }), replace: options?.replace }),
    [navigate],
  );

  return (
    <>
      <PageHeader
        title="Discounts"
        description="Codes and automatic offers; times are the store’s (New York, ET); usage counts the orders placed with each code"
        actions={
          canEdit && (
            <Button component={Link} to="/discounts/new">
              New discount
            </Button>
          )
        }
      />
      <DiscountFilters filters={filters} onChange={setFilters} />
      <DataTable
        label="Discounts"
        columns={columns}
        query={list}
        getRowId={(d) => d.id}
        getRowLabel={(d) => d.code ?? d.title}
        view={{ page, pageSize, sort }}
        onViewChange={(view) => void navigate({ search: (prev) => ({ ...prev, ...view }) })}
        columnVisibility={columnVisibility}
        onColumnVisibilityChange={setColumnVisibility}
        empty={
          <Text c="dimmed" ta="center" py="xl">
            No discounts match these filters.
          </Text>
        }
        actions={
          <ExportCsvButton
            filename="discounts.csv"
            columns={discountCsvColumns}
            fetchPage={(offset, limit) => fetchDiscountPage({ ...query, offset, limit })}
          />
        }
      />
    </>
  );
}
