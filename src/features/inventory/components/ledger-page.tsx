import { Group, Select, Table, Text } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { referenceQueries } from '@/api/reference-queries';
import type { ColumnVisibilityState } from '@tanstack/react-table';
import { getRouteApi } from '@tanstack/react-router';
import { useMemo, useState } from 'react';
import { AnchorLink } from '@/components/anchor-link';
import { DataTable } from '@/components/data-table/data-table';
import { PageHeader } from '@/components/page-header';
import { inventoryQueries } from '../api/inventory-queries';
import { ledgerSearchToQuery } from '../search';
import { ledgerColumns } from './ledger-columns';
import { formatUnits, STATE_LABELS } from './stock-labels';

const route = getRouteApi('/inventory/ledger/$variantId');

/** Every movement of one variant's stock, newest first, with its levels now at each location. */
export function LedgerPage() {
  const { variantId } = route.useParams();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const list = useQuery({ ...inventoryQueries.ledger(ledgerSearchToQuery(variantId, search)), placeholderData: keepPreviousData });
  const levels = useQuery(inventoryQueries.variant(variantId));
  const locations = useQuery(referenceQueries.locations());
  const [columnVisibility, setColumnVisibility] = useState<ColumnVisibilityState>({});

  const locationName = useMemo(() => {
    const names = new Map((locations.data?.items ?? []).map((l) => [l.id, l.name]));
    return (id: string) => names.get(id) ?? id;
  }, [locations.data]);
  const columns = useMemo(() => ledgerColumns(locationName), [locationName]);
  const first = levels.data?.items[0];

  return (
    <>
      <AnchorLink to="/inventory" search={{ variantId }} size="sm">
        ← Inventory
      </AnchorLink>
      <PageHeader
        title={first ? `Stock ledger: ${first.sku}` : 'Stock ledger'}
        description={first ? `${first.title}${first.variantTitle ? ` · ${first.variantTitle}` : ''}` : undefined}
      />
      {levels.data && levels.data.items.length > 0 && (
        <Table.ScrollContainer minWidth={480} mb="md">
          <Table aria-label="Levels now" verticalSpacing={4} maw={720}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Location</Table.Th>
                <Table.Th>On hand</Table.Th>
                <Table.Th>Reserved</Table.Th>
                <Table.Th>Available</Table.Th>
                <Table.Th>Status</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {levels.data.items.map((l) => (
                <Table.Tr key={l.locationId}>
                  <Table.Td>{locationName(l.locationId)}</Table.Td>
                  <Table.Td>{formatUnits(l.onHand)}</Table.Td>
                  <Table.Td>{formatUnits(l.reserved)}</Table.Td>
                  <Table.Td>{formatUnits(l.available)}</Table.Td>
                  <Table.Td>{STATE_LABELS[l.state]}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Group gap="sm" mb="md" align="flex-end">
        <Select
          label="Location"
          placeholder="Every location"
          clearable
          w={200}
          data={(locations.data?.items ?? []).map((l) => ({ value: l.id, label: l.name }))}
          value={search.locationId ?? null}
          onChange={(v) => void navigate({ search: (prev) => ({ ...prev, locationId: v ?? undefined, page: 1 }) })}
        />
      </Group>
      <DataTable
        label="Stock movements"
        columns={columns}
        query={list}
        getRowId={(m) => m.id}
        view={{ page: search.page, pageSize: search.pageSize, sort: search.sort }}
        onViewChange={(view) => void navigate({ search: (prev) => ({ ...prev, ...view }) })}
        columnVisibility={columnVisibility}
        onColumnVisibilityChange={setColumnVisibility}
        empty={
          <Text c="dimmed" ta="center" py="xl">
            No stock movements recorded{search.locationId ? ' at this location' : ''}.
          </Text>
        }
      />
    </>
  );
}
