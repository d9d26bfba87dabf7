import { Text } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ColumnVisibilityState } from '@tanstack/react-table';
import { getRouteApi } from '@tanstack/react-router';
import { useCallback, useMemo, useState } from 'react';
import { DataTable } from '@/components/data-table/data-table';
import { ExportCsvButton } from '@/components/export-csv-button';
import { PageHeader } from '@/components/page-header';
import { customerQueries, fetchCustomerPage } from '../api/customer-queries';
import { customerSearchToQuery, type CustomerListFilters } from '../search';
import { CUSTOMER_CSV_COLUMNS, customerColumns } from './customer-columns';
import { CustomerFilters } from './customer-filters';

const route = getRouteApi('/customers');

export function CustomersPage() {
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const query = customerSearchToQuery(search);
  const list = useQuery({ ...customerQueries.list(query), placeholderData: keepPreviousData });
  const [columnVisibility, setColumnVisibility] = useState<ColumnVisibilityState>({});
  const columns = useMemo(() => customerColumns(), []);

  const { page, pageSize, sort, ...filters } = search;
  const setFilters = useCallback(
    (changes: Partial<CustomerListFilters>, options?: { replace?: boolean }) =>
      void navigate({ search: (prev) => ({ ...prev, ...changes, page: 1 }), replace: options?.replace }),
    [navigate],
  );

  return (
    <>
      <PageHeader
        title="Customers"
        description="Find a customer by name, email or phone; lifetime spend is what their orders were charged less refunds; dates are store days (New York)"
      />
      <CustomerFilters filters={filters} onChange={setFilters} />
      <DataTable
        label="Customers"
        columns={columns}
        query={list}
        getRowId={(c) => c.id}
        view={{ page, pageSize, sort }}
        onViewChange={(view) => void navigate({ search: (prev) => ({ ...prev, ...view }) })}
        columnVisibility={columnVisibility}
        onColumnVisibilityChange={setColumnVisibility}
        empty={
          <Text c="dimmed" ta="center" py="xl">
            No customers match these filters.
          </Text>
        }
        actions={
          <ExportCsvButton
            filename="customers.csv"
            columns={CUSTOMER_CSV_COLUMNS}
            fetchPage={(offset, limit) => fetchCustomerPage({ ...query, offset, limit })}
          />
        }
      />
    </>
  );
}
