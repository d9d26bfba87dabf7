/**
 * The lists behind a figure: the refunds made in a range, and the order lines sold
 * in it. Each keeps its range, filters, sort and page in the URL, ends with the
 * API's totals over every match (equal to the figure that opened it) and exports CSV.
 */
import { Button, Text } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import type { ColumnVisibilityState, RowData } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { DataTable, type DataTableColumn, type DataTableQuery, type DataTableView } from '@/components/data-table/data-table';
import { ExportCsvButton } from '@/components/export-csv-button';
import { FilterBar } from '@/components/filter-bar/filter-bar';
import { formatCents } from '@/contract/values/money';
import { fetchRefundPage, fetchSaleLinePage, reportQueries } from '../api/report-queries';
import type { RefundRecord, RefundRecordList, SaleLine, SaleLineList } from '@/contract/report-schemas';
import type { CsvColumn } from '@/lib/csv';
import type { DrillFilters } from '../drill';
import { resolveRange } from '../range';
import type { RefundListSearch, SaleLineSearch } from '../search';
import { REFUND_LIST_DEFINITION, SALE_LINE_DEFINITION, type Definition } from './definitions';
import { REFUND_CSV, refundColumns, SALE_LINE_CSV, saleLineColumns } from './drill-columns';
import { formatCount } from './labels';
import { CategoryFilter, StateFilter } from './report-filters';
import { RangeControls } from './range-controls';
import { DrillDescription, ReportView, type ReportViewProps } from './report-screen';

const refundsRoute = getRouteApi('/reports/refunds');
const linesRoute = getRouteApi('/reports/lines');

type DrillSearch = RefundListSearch | SaleLineSearch;
type FilterChanges = Partial<Omit<DrillSearch, 'sort'>>;

/** The range and the filters a drill-down list names; a product or variant it was opened for can be let go. */
function DrillControls({ search, today, onChange }: { search: DrillSearch; today: string; onChange: (c: FilterChanges) => void }) {
  // The days always filter; these narrow them further (a phone counts them on its Filters button).
  const active = [search.categoryId, search.state, search.productId ?? search.variantId].filter((v) => v !== undefined).length;
  return (
    <FilterBar active={active}>
      <RangeControls view={search} today={today} onChange={onChange} comparing={false} mb={0}>
        <CategoryFilter value={search.categoryId} onChange={(value) => onChange({ categoryId: value })} />
        <StateFilter value={search.state} onChange={(value) => onChange({ state: value })} />
        {(search.productId || search.variantId) && (
          <Button variant="default" onClick={() => onChange({ productId: undefined, variantId: undefined })}>
            Every product
          </Button>
        )}
      </RangeControls>
    </FilterBar>
  );
}

function drillFilters(search: DrillSearch, today: string): DrillFilters {
  const { from, to } = resolveRange(search, today);
  const { categoryId, state, productId, variantId } = search;
  return { from, to, categoryId, state, productId, variantId };
}

export function RefundsPage() {
  const search = refundsRoute.useSearch();
  return (
    <ReportView
      title="Refunds made"
      description="The refunds behind a Refunds figure, by the day each was made"
      screen="The refunds list"
      search={search}
      navigate={refundsRoute.useNavigate()}
    >
      {(props) => <RefundList {...props} />}
    </ReportView>
  );
}

function RefundList(props: ReportViewProps<RefundListSearch>) {
  const filters = drillFilters(props.search, props.today);
  const { sort, page, pageSize } = props.search;
  const list = useQuery({
    ...reportQueries.refunds({ ...filters, sort, offset: (page - 1) * pageSize, limit: pageSize }),
    placeholderData: keepPreviousData,
  });
  return (
    <DrillList
      {...props}
      filters={filters}
      view={{ page, pageSize, sort }}
      list={list}
      kind={REFUNDS}
      fetchPage={(offset, limit) => fetchRefundPage({ ...filters, sort, offset, limit })}
    />
  );
}

export function SaleLinesPage() {
  const search = linesRoute.useSearch();
  return (
    <ReportView
      title="Sold lines"
      description="The order lines behind a figure, by the day each order was placed"
      screen="The sold lines list"
      search={search}
      navigate={linesRoute.useNavigate()}
    >
      {(props) => <SaleLineList {...props} />}
    </ReportView>
  );
}

function SaleLineList(props: ReportViewProps<SaleLineSearch>) {
  const filters = drillFilters(props.search, props.today);
  const { sort, page, pageSize } = props.search;
  const list = useQuery({
    ...reportQueries.lines({ ...filters, sort, offset: (page - 1) * pageSize, limit: pageSize }),
    placeholderData: keepPreviousData,
  });
  return (
    <DrillList
      {...props}
      filters={filters}
      view={{ page, pageSize, sort }}
      list={list}
      kind={SALE_LINES}
      fetchPage={(offset, limit) => fetchSaleLinePage({ ...filters, sort, offset, limit })}
    />
  );
}

/** What tells one list behind a figure from the other: its records' names, columns, totals in words and file. */
type DrillKind<Row extends RowData, Totals> = {
  /** The table's name. */
  label: string;
  /** What the list holds, before its days ("Refunds made"). */
  what: string;
  definition: Definition;
  columns: (totals: Totals | undefined) => DataTableColumn<Row>[];
  rowId: (row: Row) => string;
  totals: (totals: Totals) => string;
  empty: string;
  /** The CSV's name before its days. */
  file: string;
  csv: CsvColumn<Row>[];
};

const REFUNDS: DrillKind<RefundRecord, RefundRecordList['totals']> = {
  label: 'Refunds',
  what: 'Refunds made',
  definition: REFUND_LIST_DEFINITION,
  columns: refundColumns,
  rowId: (r) => `${r.orderId}/${r.refundId}`,
  totals: (t) =>
    `Totals: ${formatCents(t.amount)} in ${formatCount(t.refunds)} ${t.refunds === 1 ? 'refund' : 'refunds'}, ${formatCount(t.units)} units`,
  empty: 'No refunds were made in these days with these filters.',
  file: 'refunds',
  csv: REFUND_CSV,
};

const SALE_LINES: DrillKind<SaleLine, SaleLineList['totals']> = {
  label: 'Sold lines',
  what: 'Order lines placed',
  definition: SALE_LINE_DEFINITION,
  columns: saleLineColumns,
  rowId: (l) => `${l.orderId}/${l.lineId}`,
  totals: (t) =>
    `Totals: ${formatCents(t.revenue)} revenue, ${formatCount(t.orders)} ${t.orders === 1 ? 'order' : 'orders'}, ${formatCount(t.units)} units in ${formatCount(t.lines)} ${t.lines === 1 ? 'line' : 'lines'}`,
  empty: 'Nothing was sold in these days with these filters.',
  file: 'sold-lines',
  csv: SALE_LINE_CSV,
};

/** A list behind a figure: its filters, what it holds in words with the API's totals, and the table ending in them. */
function DrillList<Row extends RowData, Totals, Sort extends string>({
  search,
  today,
  onChange,
  view,
  onView,
  filters,
  list,
  kind,
  fetchPage,
}: {
  search: DrillSearch;
  today: string;
  onChange: (changes: FilterChanges) => void;
  view: DataTableView<Sort>;
  onView: (view: DataTableView<Sort>) => void;
  filters: DrillFilters;
  list: DataTableQuery<Row> & { data: { totals: Totals } | undefined };
  kind: DrillKind<Row, Totals>;
  fetchPage: (offset: number, limit: number) => Promise<{ items: Row[]; total: number }>;
}) {
  const [columnVisibility, setColumnVisibility] = useState<ColumnVisibilityState>({});
  const totals = list.data?.totals;
  const columns = useMemo(() => kind.columns(totals), [kind, totals]);
  return (
    <>
      <DrillControls search={search} today={today} onChange={onChange} />
      <DrillDescription what={kind.what} filters={filters} definition={kind.definition} totals={totals && kind.totals(totals)} />
      <DataTable
        label={kind.label}
        columns={columns}
        query={list}
        getRowId={kind.rowId}
        view={view}
        onViewChange={onView}
        columnVisibility={columnVisibility}
        onColumnVisibilityChange={setColumnVisibility}
        empty={
          <Text c="dimmed" ta="center" py="xl">
            {kind.empty}
          </Text>
        }
        actions={
          <ExportCsvButton filename={`${kind.file}-${filters.from}-to-${filters.to}.csv`} columns={kind.csv} fetchPage={fetchPage} />
        }
      />
    </>
  );
}
