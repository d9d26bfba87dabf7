/**
 * Sell-through per product and warehouse (reports.sellThrough): units sold in the
 * range ÷ units it had to sell (on hand at the start + received), from the ledger.
 */
import { Group, NativeSelect, Text } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import type { ColumnVisibilityState } from '@tanstack/react-table';
import { useMemo, useState, type ReactNode } from 'react';
import { referenceQueries } from '@/api/reference-queries';
import { createDataTableColumnHelper, DataTable } from '@/components/data-table/data-table';
import { ExportCsvButton } from '@/components/export-csv-button';
import type { SellThroughReport, SellThroughRow } from '@/contract/report-schemas';
import type { CsvColumn } from '@/lib/csv';
import { fetchSellThroughPage, reportQueries } from '../api/report-queries';
import { resolveRange } from '../range';
import type { SellThroughSearch } from '../search';
import { DefinitionButton } from './definition';
import { SELL_THROUGH_DEFINITION } from './definitions';
import { csvTenths, formatCount, formatRange, formatTenths } from './labels';
import { CategoryFilter } from './report-filters';
import { RangeControls } from './range-controls';
import { ReportTabs, ReportView, type ReportViewProps } from './report-screen';
import classes from './analytics.module.css';

const route = getRouteApi('/reports/sell-through');

export function SellThroughPage() {
  const search = route.useSearch();
  return (
    <ReportView
      title="Reports"
      description="How much of what each warehouse had to sell it sold"
      screen="The sell-through report"
      tabs={<ReportTabs view={search} />}
      search={search}
      navigate={route.useNavigate()}
    >
      {(props) => <SellThrough {...props} />}
    </ReportView>
  );
}

function SellThrough({ search, today, onChange, onView }: ReportViewProps<SellThroughSearch>) {
  const { from, to } = resolveRange(search, today);
  const { categoryId, locationId, sort, page, pageSize } = search;
  const filters = { from, to, categoryId, locationId };
  const list = useQuery({
    ...reportQueries.sellThrough({ ...filters, sort, offset: (page - 1) * pageSize, limit: pageSize }),
    placeholderData: keepPreviousData,
  });
  const locations = useQuery(referenceQueries.locations());
  const [columnVisibility, setColumnVisibility] = useState<ColumnVisibilityState>({});
  const totals = list.data?.totals;
  const locationName = useMemo(() => {
    const names = new Map((locations.data?.items ?? []).map((l) => [l.id, l.name]));
    return (id: string) => names.get(id) ?? id;
  }, [locations.data]);
  const columns = useMemo(() => sellThroughColumns(locationName, totals), [locationName, totals]);

  return (
    <>
      <RangeControls view={search} today={today} onChange={onChange} comparing={false}>
        <NativeSelect
          label="Warehouse"
          w={190}
          value={locationId ?? ''}
          data={[{ value: '', label: 'Every warehouse' }, ...(locations.data?.items ?? []).map((l) => ({ value: l.id, label: l.name }))]}
          onChange={(e) => onChange({ locationId: e.currentTarget.value || undefined })}
        />
        <CategoryFilter value={categoryId} onChange={(value) => onChange({ categoryId: value })} />
      </RangeControls>
      <Group gap={6} mb="sm" wrap="nowrap" align="flex-start">
        <Text size="sm" c="dimmed">
          {formatRange(from, to)} (store days, New York time). Sell-through = sold ÷ (on hand at the start + received).
        </Text>
        <DefinitionButton name="Sell-through" definition={SELL_THROUGH_DEFINITION} />
      </Group>
      <DataTable
        label="Sell-through"
        columns={columns}
        query={list}
        getRowId={(r) => `${r.productId}@${r.locationId}`}
        view={{ page, pageSize, sort }}
        onViewChange={onView}
        columnVisibility={columnVisibility}
        onColumnVisibilityChange={setColumnVisibility}
        empty={
          <Text c="dimmed" ta="center" py="xl">
            No stock to sell matches these filters.
          </Text>
        }
        actions={
          <ExportCsvButton
            filename={`sell-through-${from}-to-${to}.csv`}
            columns={sellThroughCsvColumns(locationName)}
            fetchPage={(offset, limit) => fetchSellThroughPage({ ...filters, sort, offset, limit })}
          />
        }
      />
    </>
  );
}

const helper = createDataTableColumnHelper<SellThroughRow>();
type Totals = SellThroughReport['totals'];

function sellThroughColumns(locationName: (id: string) => string, totals: Totals | undefined) {
  const footer = (render: (t: Totals) => ReactNode) => (totals ? { footer: () => render(totals) } : {});
  const count = (id: 'startOnHand' | 'received' | 'sold', header: string, sortable: boolean) =>
    helper.accessor(id, {
      id,
      header,
      enableSorting: sortable,
      cell: ({ getValue }) => <span className={classes.number}>{formatCount(getValue())}</span>,
      ...footer((t) => <span className={classes.number}>{formatCount(t[id])}</span>),
    });
  return helper.columns([
    helper.accessor('title', {
      id: 'title',
      header: 'Product',
      enableHiding: false,
      cell: ({ row }) => (
        <Link className={`${classes.link} ${classes.name}`} to="/products/$productId" params={{ productId: row.original.productId }}>
          {row.original.title}
        </Link>
      ),
      ...footer(() => 'Totals'),
    }),
    helper.accessor('locationId', {
      id: 'location',
      header: 'Warehouse',
      enableSorting: false,
      cell: ({ getValue }) => locationName(getValue()),
    }),
    helper.accessor('rate', {
      id: 'rate',
      header: 'Sell-through',
      cell: ({ getValue }) => <span className={classes.number}>{formatTenths(getValue())}</span>,
      ...footer((t) => <span className={classes.number}>{formatTenths(t.rate)}</span>),
    }),
    count('sold', 'Sold', true),
    count('startOnHand', 'On hand at start', false),
    count('received', 'Received', true),
  ]);
}

function sellThroughCsvColumns(locationName: (id: string) => string): CsvColumn<SellThroughRow>[] {
  return [
    { header: 'product_id', value: (r) => r.productId },
    { header: 'product', value: (r) => r.title },
    { header: 'warehouse', value: (r) => locationName(r.locationId) },
    { header: 'on_hand_at_start', value: (r) => r.startOnHand },
    { header: 'received', value: (r) => r.received },
    { header: 'sold', value: (r) => r.sold },
    { header: 'sell_through_percent', value: (r) => csvTenths(r.rate) },
  ];
}
