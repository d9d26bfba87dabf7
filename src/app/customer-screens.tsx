/**
 * The customer screens, as one lazily loaded chunk. A customer's page shows their orders, which are the
 * order area's list (its columns, its query): two features, so the page is composed here.
 */
import { Text } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ColumnVisibilityState } from '@tanstack/react-table';
import { getRouteApi } from '@tanstack/react-router';
import { useMemo, useState } from 'react';
import { DataTable, type DataTableView } from '@/components/data-table/data-table';
import { CustomerDetailPage } from '@/features/customers/components/customer-detail-page';
import { orderQueries } from '@/features/orders/api/order-queries';
import { orderColumns } from '@/features/orders/components/order-columns';
import type { OrderListSort } from '@/features/orders/search';

export { CustomersPage } from '@/features/customers/components/customers-page';
// The routes' loaders start the screen's request from the same chunk.
export { customerQueries } from '@/features/customers/api/customer-queries';

const route = getRouteApi('/customers/$customerId');

export function CustomerScreen() {
  const { customerId } = route.useParams();
  // A new customer starts on their first page of orders.
  return <CustomerDetailPage orders={<CustomerOrders key={customerId} customerId={customerId} />} />;
}

/** The orders list's columns; the customer column says what the page already does, so it starts hidden. */
function CustomerOrders({ customerId }: { customerId: string }) {
  const [view, setView] = useState<DataTableView<OrderListSort>>({ page: 1, pageSize: 10, sort: '-placedAt' });
  const [columnVisibility, setColumnVisibility] = useState<ColumnVisibilityState>({ customer: false });
  const list = useQuery({
    ...orderQueries.list({ customerId, sort: view.sort, offset: (view.page - 1) * view.pageSize, limit: view.pageSize }),
    placeholderData: keepPreviousData,
  });
  const columns = useMemo(() => orderColumns(), []);
  return (
    <DataTable
      label="Their orders"
      columns={columns}
      query={list}
      getRowId={(o) => o.id}
      view={view}
      onViewChange={setView}
      columnVisibility={columnVisibility}
      onColumnVisibilityChange={setColumnVisibility}
      empty={
        <Text c="dimmed" ta="center" py="md">
          No orders.
        </Text>
      }
    />
  );
}
