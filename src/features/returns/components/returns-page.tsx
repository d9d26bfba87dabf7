import { Text } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ColumnVisibilityState } from '@tanstack/react-table';
import { getRouteApi } from '@tanstack/react-router';
import { useCallback, useMemo, useState } from 'react';
import { DataTable } from '@/components/data-table/data-table';
import { ExportCsvButton } from '@/components/export-csv-button';
import { PageHeader } from '@/components/page-header';
import { fetchReturnPage, returnQueries } from '../api/return-queries';
import { returnSearchToQuery, type ReturnListFilters } from '../search';
import { RETURN_CSV_COLUMNS, returnColumns } from './return-columns';
import { ReturnFilters } from './return-filters';

const route = getRouteApi('/returns');

/** Every order's returns, to work through: what is expected back, what arrived and waits for a refund or an exchange. */
export function ReturnsPage() {
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const query = returnSearchToQuery(search);
  const list = useQuery({ ...returnQueries.list(query), placeholderData: keepPreviousData });
  const [columnVisibility, setColumnVisibility] = useState<ColumnVisibilityState>({});
  const columns = useMemo(() => returnColumns(), []);

  const { page, pageSize, sort, ...filters } = search;
  const setFilters = useCallback(
    (changes: Partial<ReturnListFilters>, options?: { replace?: boolean }) =>
      void navigate({ search: (prev) => ({ ...prev, ...changes, page: 1 }), replace: options?.replace }),
    [navigate],
  );
  const filtered = filters.q !== undefined || filters.status !== undefined || filters.reason !== undefined;

  return (
    <>
      <PageHeader
        title="Returns"
        description="Returns over every order: open one from its order. The latest step first; times in the store’s zone (New York)"
      />
      <ReturnFilters filters={filters} onChange={setFilters} />
      <DataTable
        label="Returns"
        columns={columns}
        query={list}
        getRowId={(r) => r.id}
        view={{ page, pageSize, sort }}
        onViewChange={(view) => void navigate({ search: (prev) => ({ ...prev, ...view }) })}
        columnVisibility={columnVisibility}
        onColumnVisibilityChange={setColumnVisibility}
        empty={
          <Text c="dimmed" ta="center" py="xl">
            {filtered ? 'No returns match these filters.' : 'No returns yet. A return is opened on its order, with “Return…”.'}
          </Text>
        }
        actions={
          <ExportCsvButton
            filename="returns.csv"
            columns={RETURN_CSV_COLUMNS}
            fetchPage={(offset, limit) => fetchReturnPage({ ...query, offset, limit })}
          />
        }
      />
    </>
  );
}
