/**
 * The lists behind a figure: the refunds made in a range, and the order lines sold
 * in it. Each keeps its range, filters, sort and page in the URL, ends with the
 * API's totals over every match (equal to the figure that opened it) and exports CSV.
 */
import { Button, NativeSelect, Text } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import type { ColumnVisibilityState } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { referenceQueries } from '@/api/reference-queries';
import { DataTable } from '@/components/data-table/data-table';
import { ExportCsvButton } from '@/components/export-csv-button';
import { FilterBar } from '@/components/filter-bar/filter-bar';
import { formatCents } from '@/contract/values/money';
import { US_STATES } from '@/contract/values/us-address';
import { fetchRefundPage, fetchSaleLinePage, reportQueries } from '../api/report-queries';
import type { DrillFilters } from '../drill';
import { resolveRange } from '../range';
import type { RefundListSearch, SaleLineSearch } from '../search';
import { REFUND_LIST_DEFINITION, SALE_LINE_DEFINITION } from './definitions';
import { REFUND_CSV, refundColumns, SALE_LINE_CSV, saleLineColumns } from './drill-columns';
import { formatCount } from './labels';
import { RangeControls } from './range-controls';
import { DrillDescription, ReportView, type ReportViewProps } from './report-screen';

const refundsRoute = getRouteApi('/reports/refunds');
const linesRoute = getRouteApi('/reports/lines');

type DrillSearch = RefundListSearch | SaleLineSearch;
type FilterChanges = Partial<Omit<DrillSearch, 'sort'>>;

/** The range and the filters a drill-down list names; a product or variant it was opened for can be let go. */
function DrillControls({ search, today, onChange }: { search: DrillSearch; today: string; onChange: (c: FilterChanges) => void }) {
  const categories = useQuery(referenceQueries.categories());
  // The days always filter; these narrow them further (a phone counts them on its Filters button).
  const active = [search.categoryId, search.state, search.productId ?? search.variantId].filter((v) => v !== undefined).length;
  return (
    <FilterBar active={active}>
      <RangeControls view={search} today={today} onChange={onChange} comparing={false} mb={0}>
        <NativeSelect
          label="Category"
          w={190}
          value={search.categoryId ?? ''}
          data={[{ value: '', label: 'Every category' }, ...(categories.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))]}
          onChange={(e) => onChange({ categoryId: e.currentTarget.value || undefined })}
        />
        <NativeSelect
          label="State"
          w={190}
          value={search.state ?? ''}
          data={[{ value: '', label: 'Every state' }, ...US_STATES.map((s) => ({ value: s.code, label: s.name }))]}
          onChange={(e) => onChange({ state: e.currentTarget.value || undefined })}
        />
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

function RefundList({ search, today, onChange, onView }: ReportViewProps<RefundListSearch>) {
  const filters = drillFilters(search, today);
  const { sort, page, pageSize } = search;
  const list = useQuery({
    ...reportQueries.refunds({ ...filters, sort, offset: (page - 1) * pageSize, limit: pageSize }),
    placeholderData: keepPreviousData,
  });
  const [columnVisibility, setColumnVisibility] = useState<ColumnVisibilityState>({});
  const totals = list.data?.totals;
  const columns = useMemo(() => refundColumns(totals), [totals]);
  return (
    <>
      <DrillControls search={search} today={today} onChange={onChange} />
      <DrillDescription
        what="Refunds made"
        filters={filters}
        definition={REFUND_LIST_DEFINITION}
        totals={
          totals &&
          `Totals: ${formatCents(totals.amount)} in ${formatCount(totals.refunds)} ${totals.refunds === 1 ? 'refund' : 'refunds'}, ${formatCount(totals.units)} units`
        }
      />
      <DataTable
        label="Refunds"
        columns={columns}
        query={list}
        getRowId={(r) => `${r.orderId}/${r.refundId}`}
        view={{ page, pageSize, sort }}
        onViewChange={onView}
        columnVisibility={columnVisibility}
        onColumnVisibilityChange={setColumnVisibility}
        empty={
          <Text c="dimmed" ta="center" py="xl">
            No refunds were made in these days with these filters.
          </Text>
        }
        actions={
          <ExportCsvButton
            filename={`refunds-${filters.from}-to-${filters.to}.csv`}
            columns={REFUND_CSV}
            fetchPage={(offset, limit) => fetchRefundPage({ ...filters, sort, offset, limit })}
          />
        }
      />
    </>
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

function SaleLineList({ search, today, onChange, onView }: ReportViewProps<SaleLineSearch>) {
  const filters = drillFilters(search, today);
  const { sort, page, pageSize } = search;
  const list = useQuery({
    ...reportQueries.lines({ ...filters, sort, offset: (page - 1) * pageSize, limit: pageSize }),
    placeholderData: keepPreviousData,
  });
  const [columnVisibility, setColumnVisibility] = useState<ColumnVisibilityState>({});
  const totals = list.data?.totals;
  const columns = useMemo(() => saleLineColumns(totals), [totals]);
  return (
    <>
      <DrillControls search={search} today={today} onChange={onChange} />
      <DrillDescription
        what="Order lines placed"
        filters={filters}
        definition={SALE_LINE_DEFINITION}
        totals={
          totals &&
          `Totals: ${formatCents(totals.revenue)} revenue, ${formatCount(totals.orders)} ${totals.orders === 1 ? 'order' : 'orders'}, ${formatCount(totals.units)} units in ${formatCount(totals.lines)} ${totals.lines === 1 ? 'line' : 'lines'}`
        }
      />
      <DataTable
        label="Sold lines"
        columns={columns}
        query={list}
        getRowId={(l) => `${l.orderId}/${l.lineId}`}
        view={{ page, pageSize, sort }}
        onViewChange={onView}
        columnVisibility={columnVisibility}
        onColumnVisibilityChange={setColumnVisibility}
        empty={
          <Text c="dimmed" ta="center" py="xl">
            Nothing was sold in these days with these filters.
          </Text>
        }
        actions={
          <ExportCsvButton
            filename={`sold-lines-${filters.from}-to-${filters.to}.csv`}
            columns={SALE_LINE_CSV}
            fetchPage={(offset, limit) => fetchSaleLinePage({ ...filters, sort, offset, limit })}
          />
        }
      />
    </>
  );
}
