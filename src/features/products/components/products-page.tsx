import { Button, Group, Text } from '@mantine/core';
import { useLocalStorage } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { referenceQueries } from '@/api/reference-queries';
import type { RowSelectionState, ColumnVisibilityState } from '@tanstack/react-table';
import { Link, getRouteApi } from '@tanstack/react-router';
import { useCallback, useMemo, useState } from 'react';
import type { ProductStatus } from '@/contract/schemas';
import { ConfirmDialog } from '@/components/confirm-dialog';
import { DataTable } from '@/components/data-table/data-table';
import { useCan } from '@/components/current-user';
import { ExportCsvButton } from '@/components/export-csv-button';
import { PageHeader } from '@/components/page-header';
import { SavedViews } from '@/components/saved-views/saved-views';
import { useBulkSetStatus } from '../api/product-mutations';
import { fetchProductPage, productQueries } from '../api/product-queries';
import { searchToQuery, type ProductListFilters } from '../search';
import { productColumns, productCsvColumns } from './product-columns';
import { PRODUCT_STATUS_LABELS } from '@/lib/status-labels';
import { ProductFilters } from './product-filters';

const route = getRouteApi('/products');

export function ProductsPage() {
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const query = searchToQuery(search);
  const list = useQuery({ ...productQueries.list(query), placeholderData: keepPreviousData });
  const categories = useQuery(referenceQueries.categories());
  const [columnVisibility, setColumnVisibility] = useLocalStorage<ColumnVisibilityState>({
    key: 'stockroom.products.columns',
    defaultValue: { tags: false },
  });
  const [rowSelection, setRowSelection] = useState<RowSelectionState>({});
  const bulk = useBulkSetStatus();
  // Who may not edit sees the list without selection or bulk actions: the API would refuse them anyway.
  const canEdit = useCan('products.edit');

  const categoryName = useMemo(() => {
    const names = new Map((categories.data?.items ?? []).map((c) => [c.id, c.name]));
    return (id: string) => names.get(id) ?? id;
  }, [categories.data]);
  const columns = useMemo(() => productColumns(categoryName), [categoryName]);

  const { page, pageSize, sort, ...filters } = search;
  const selectedIds = Object.keys(rowSelection);

  const setFilters = useCallback(
    (changes: Partial<ProductListFilters>, options?: { replace?: boolean }) =>
      void navigate({ search: (prev) => ({ ...prev, ...changes, page: 1 }), replace: options?.replace }),
    [navigate],
  );

  const setStatus = (status: ProductStatus) =>
    bulk.mutate(
      { input: { ids: selectedIds, status } },
      {
        onSuccess: ({ updated }) => {
          setRowSelection({});
          notifications.show({
            color: 'green',
            title: 'Products updated',
            message: `${updated} set to ${PRODUCT_STATUS_LABELS[status].toLowerCase()}`,
          });
        },
        onError: (error) => notifications.show({ color: 'red', title: 'Nothing was changed', message: error.message }),
      },
    );
  const [confirmingArchive, setConfirmingArchive] = useState(false);

  return (
    <>
      <PageHeader
        title="Products"
        description="Listings, variants and prices"
        actions={
          canEdit && (
            <>
              <Button component={Link} to="/products/import" variant="default">
                Import CSV
              </Button>
              <Button component={Link} to="/products/new">
                Add product
              </Button>
            </>
          )
        }
      />
      <SavedViews list="products" path="/products" label="products" />
      <ProductFilters filters={filters} onChange={setFilters} />
      <DataTable
        label="Products"
        columns={columns}
        query={list}
        getRowId={(p) => p.id}
        getRowLabel={(p) => p.title}
        view={{ page, pageSize, sort }}
        onViewChange={(view) => void navigate({ search: (prev) => ({ ...prev, ...view }) })}
        columnVisibility={columnVisibility}
        onColumnVisibilityChange={setColumnVisibility}
        rowSelection={canEdit ? rowSelection : undefined}
        onRowSelectionChange={canEdit ? setRowSelection : undefined}
        empty={
          <Text c="dimmed" ta="center" py="xl">
            No products match these filters.
          </Text>
        }
        actions={
          <>
            {selectedIds.length > 0 && (
              <Group gap="xs">
                <Button size="xs" variant="light" onClick={() => setStatus('active')} loading={bulk.isPending}>
                  Activate {selectedIds.length}
                </Button>
                <Button size="xs" variant="light" color="orange" onClick={() => setConfirmingArchive(true)} loading={bulk.isPending}>
                  Archive {selectedIds.length}
                </Button>
                <Button size="xs" variant="light" onClick={() => void navigate({ to: '/pricing', search: { ids: selectedIds } })}>
                  Change prices of {selectedIds.length}
                </Button>
                <Button size="xs" variant="subtle" onClick={() => setRowSelection({})}>
                  Clear selection
                </Button>
              </Group>
            )}
            {canEdit && selectedIds.length === 0 && (
              <Button size="xs" variant="default" onClick={() => void navigate({ to: '/pricing', search: filters })}>
                Change prices of all matching
              </Button>
            )}
            <ExportCsvButton
              filename="products.csv"
              columns={productCsvColumns(categoryName)}
              fetchPage={(offset, limit) => fetchProductPage({ ...query, offset, limit })}
            />
          </>
        }
      />
      <ConfirmDialog
        opened={confirmingArchive}
        title={`Archive ${selectedIds.length} product${selectedIds.length === 1 ? '' : 's'}?`}
        confirmLabel="Archive"
        color="orange"
        onConfirm={() => setStatus('archived')}
        onCancel={() => setConfirmingArchive(false)}
      >
        Archived products leave the storefront. You can activate them again later.
      </ConfirmDialog>
    </>
  );
}
