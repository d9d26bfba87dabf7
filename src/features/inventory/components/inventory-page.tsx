import { Badge, Button, CloseButton, Group, Tabs, Text } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { referenceQueries } from '@/api/reference-queries';
import type { ColumnVisibilityState } from '@tanstack/react-table';
import { Link, getRouteApi } from '@tanstack/react-router';
import { useCallback, useMemo, useState } from 'react';
import type { InventoryLevel } from '@/contract/stock-schemas';
import { useCan } from '@/components/current-user';
import { DataTable } from '@/components/data-table/data-table';
import { ExportCsvButton } from '@/components/export-csv-button';
import { PageHeader } from '@/components/page-header';
import { SavedViews } from '@/components/saved-views/saved-views';
import { fetchInventoryPage, inventoryQueries } from '../api/inventory-queries';
import { HIDEABLE_INVENTORY_COLUMNS, inventorySearchToQuery, type InventoryListFilters } from '../search';
import { AdjustDialog } from './adjust-dialog';
import { inventoryColumns, inventoryCsvColumns, type LevelAction } from './inventory-columns';
import { InventoryFilters } from './inventory-filters';
import { ReorderSettingsDialog } from './reorder-settings-dialog';
import { ThresholdDialog } from './threshold-dialog';
import { TransferDialog } from './transfer-dialog';
import { TransitTransfers, transitQuery } from './transit-transfers';

const route = getRouteApi('/inventory');

type HideableColumn = (typeof HIDEABLE_INVENTORY_COLUMNS)[number];
const isHideable = (id: string): id is HideableColumn => (HIDEABLE_INVENTORY_COLUMNS as readonly string[]).includes(id);

export function InventoryPage() {
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const query = inventorySearchToQuery(search);
  const list = useQuery({ ...inventoryQueries.list(query), placeholderData: keepPreviousData });
  const locations = useQuery(referenceQueries.locations());
  const categories = useQuery(referenceQueries.categories());
  // Who may not change stock sees the list and the ledger, and no button that the API would refuse.
  const canEdit = useCan('stock.edit');
  const [action, setAction] = useState<{ kind: LevelAction; level: InventoryLevel } | null>(null);

  const locationName = useMemo(() => {
    const names = new Map((locations.data?.items ?? []).map((l) => [l.id, l.name]));
    return (id: string) => names.get(id) ?? id;
  }, [locations.data]);
  const categoryName = useMemo(() => {
    const names = new Map((categories.data?.items ?? []).map((c) => [c.id, c.name]));
    return (id: string) => names.get(id) ?? id;
  }, [categories.data]);
  const onAction = useCallback((kind: LevelAction, level: InventoryLevel) => setAction({ kind, level }), []);
  const columns = useMemo(
    () => inventoryColumns({ locationName, onAction: canEdit ? onAction : undefined }),
    [locationName, canEdit, onAction],
  );

  const { page, pageSize, sort, hide, tab, ...filters } = search;
  // The tab's count is the panel's first page: one request serves both.
  const transit = useQuery({ ...transitQuery(), placeholderData: keepPreviousData });
  const transitCount = transit.data?.total;
  // Hidden columns live in the URL with the rest of the view, so a copied link shows the same table.
  const columnVisibility = useMemo<ColumnVisibilityState>(() => Object.fromEntries((hide ?? []).map((id) => [id, false])), [hide]);
  const setColumnVisibility = (next: ColumnVisibilityState) => {
    const hidden = Object.entries(next)
      .filter(([id, visible]) => !visible && isHideable(id))
      .map(([id]) => id as HideableColumn);
    void navigate({ search: (prev) => ({ ...prev, hide: hidden.length ? hidden : undefined }), replace: true });
  };

  const setFilters = useCallback(
    (changes: Partial<InventoryListFilters>, options?: { replace?: boolean }) =>
      void navigate({ search: (prev) => ({ ...prev, ...changes, page: 1 }), replace: options?.replace }),
    [navigate],
  );
  const variantSku = filters.variantId ? list.data?.items.find((l) => l.variantId === filters.variantId)?.sku : undefined;

  return (
    <>
      <PageHeader
        title={filters.low ? 'Inventory: running low' : 'Inventory'}
        description="Stock of every variant at every warehouse"
        actions={
          canEdit && (
            <Button component={Link} to="/inventory/receive">
              Receive delivery
            </Button>
          )
        }
      />
      {/* The tab lives in the URL with the rest of the view, so a link (or back) opens the same one. */}
      <Tabs
        value={tab ?? 'levels'}
        onChange={(next) => void navigate({ search: (prev) => ({ ...prev, tab: next === 'transit' ? 'transit' : undefined }) })}
        keepMounted
      >
        <Tabs.List mb="md">
          <Tabs.Tab value="levels">Levels</Tabs.Tab>
          <Tabs.Tab value="transit">In transit{transitCount ? ` (${transitCount.toLocaleString('en-US')})` : ''}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="transit">{tab === 'transit' && <TransitTransfers locationName={locationName} />}</Tabs.Panel>
        <Tabs.Panel value="levels">
          {tab !== 'transit' && (
            <>
              <SavedViews list="inventory" path="/inventory" label="inventory" />
              <InventoryFilters filters={filters} onChange={setFilters} />
              {filters.variantId && (
                <Group gap={4} mb="sm">
                  <Badge variant="light" size="lg" tt="none">
                    Only {variantSku ?? 'one variant'}
                  </Badge>
                  <CloseButton size="sm" aria-label="Show every variant" onClick={() => setFilters({ variantId: undefined })} />
                </Group>
              )}
              <DataTable
                label="Inventory"
                columns={columns}
                query={list}
                getRowId={(l) => `${l.variantId}@${l.locationId}`}
                view={{ page, pageSize, sort }}
                onViewChange={(view) => void navigate({ search: (prev) => ({ ...prev, ...view }) })}
                columnVisibility={columnVisibility}
                onColumnVisibilityChange={setColumnVisibility}
                empty={
                  <Text c="dimmed" ta="center" py="xl">
                    No stock levels match these filters.
                  </Text>
                }
                actions={
                  <ExportCsvButton
                    filename={filters.low ? 'inventory-running-low.csv' : 'inventory.csv'}
                    columns={inventoryCsvColumns(locationName, categoryName)}
                    fetchPage={(offset, limit) => fetchInventoryPage({ ...query, offset, limit })}
                  />
                }
              />
            </>
          )}
        </Tabs.Panel>
      </Tabs>
      {action?.kind === 'adjust' && <AdjustDialog level={action.level} locationName={locationName} onClose={() => setAction(null)} />}
      {action?.kind === 'transfer' && <TransferDialog level={action.level} locationName={locationName} onClose={() => setAction(null)} />}
      {action?.kind === 'threshold' && <ThresholdDialog level={action.level} locationName={locationName} onClose={() => setAction(null)} />}
      {action?.kind === 'reorder' && <ReorderSettingsDialog level={action.level} onClose={() => setAction(null)} />}
    </>
  );
}
