import { Group, NativeSelect, Text } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ColumnVisibilityState } from '@tanstack/react-table';
import { getRouteApi } from '@tanstack/react-router';
import { useMemo, useState } from 'react';
import { DataTable } from '@/components/data-table/data-table';
import { ExportCsvButton } from '@/components/export-csv-button';
import { fetchBreakdownPage, reportQueries } from '../api/report-queries';
import { resolveRange } from '../range';
import { BREAKDOWN_KINDS, type BreakdownKind, type BreakdownSort, type ReportsSearch } from '../search';
import { BreakdownChart, MEASURE_LABELS, type BreakdownMeasure } from './breakdown-chart';
import { breakdownColumns, breakdownCsvColumns } from './breakdown-columns';
import { KpiCards } from './kpi-cards';
import { BREAKDOWN_LABELS, formatRange } from './labels';
import { PanelBoundary } from './panel-boundary';
import { CategoryFilter, StateFilter } from './report-filters';
import { RangeControls } from './range-controls';
import { ReportTabs, ReportView, type ReportViewProps } from './report-screen';
import type { DrillFilters } from '../drill';

const route = getRouteApi('/reports');

/** Rows of the current page drawn in the chart. */
const CHARTED = 10;

export function ReportsPage() {
  const search = route.useSearch();
  return (
    <ReportView
      title="Reports"
      description="Sales broken down by product, variant, category or state; every figure opens the records behind it"
      screen="Reports"
      tabs={<ReportTabs view={search} />}
      search={search}
      navigate={route.useNavigate()}
    >
      {(props) => <Report {...props} />}
    </ReportView>
  );
}

function Report({ search, today, onChange, onView }: ReportViewProps<ReportsSearch>) {
  const { from, to, compare } = resolveRange(search, today);
  const { by, categoryId, state, sort, page, pageSize } = search;
  const filters: DrillFilters = { from, to, categoryId, state };
  const params = { ...filters, by, sort, offset: (page - 1) * pageSize, limit: pageSize };
  const list = useQuery({ ...reportQueries.breakdown(params), placeholderData: keepPreviousData });
  const sales = useQuery({ ...reportQueries.sales({ ...filters, compare }), placeholderData: keepPreviousData });
  const [columnVisibility, setColumnVisibility] = useState<ColumnVisibilityState>({});
  const labels = BREAKDOWN_LABELS[by];
  const totals = list.data?.totals;
  const columns = useMemo(
    () => breakdownColumns(labels.one, by === 'variant' || by === 'product', { by, filters: { from, to, categoryId, state }, totals }),
    [labels.one, by, from, to, categoryId, state, totals],
  );
  const sortKey = sort.replace(/^-/, '');
  const measure: BreakdownMeasure = sortKey === 'label' ? 'revenue' : (sortKey as BreakdownMeasure);

  return (
    <>
      <RangeControls view={search} today={today} onChange={onChange}>
        <NativeSelect
          label="Break down by"
          w={150}
          value={by}
          data={BREAKDOWN_KINDS.map((k) => ({ value: k, label: BREAKDOWN_LABELS[k].one }))}
          onChange={(e) => onChange({ by: e.currentTarget.value as BreakdownKind })}
        />
        <CategoryFilter value={categoryId} onChange={(value) => onChange({ categoryId: value })} />
        <StateFilter value={state} onChange={(value) => onChange({ state: value })} />
      </RangeControls>
      <PanelBoundary name="Sales figures">
        <KpiCards query={sales} compare={compare} filters={filters} />
      </PanelBoundary>
      <BreakdownChart
        title={`${labels.many} by ${MEASURE_LABELS[measure].toLowerCase()}`}
        rowLabel={labels.one}
        query={list}
        rows={CHARTED}
        measure={measure}
        by={by}
        filters={filters}
        context={`rows ${(page - 1) * pageSize + 1} to ${(page - 1) * pageSize + Math.min(CHARTED, list.data?.items.length ?? 0)} of the table, ${formatRange(from, to)}`}
      />
      <Group mt="md" />
      <DataTable
        label={`Sales by ${labels.one.toLowerCase()}`}
        columns={columns}
        query={list}
        getRowId={(r) => r.key}
        view={{ page, pageSize, sort: sort as BreakdownSort }}
        onViewChange={onView}
        columnVisibility={columnVisibility}
        onColumnVisibilityChange={setColumnVisibility}
        empty={
          <Text c="dimmed" ta="center" py="xl">
            No sales match this range and these filters.
          </Text>
        }
        actions={
          <ExportCsvButton
            filename={`sales-by-${by}-${from}-to-${to}.csv`}
            columns={breakdownCsvColumns(labels.one)}
            fetchPage={(offset, limit) => fetchBreakdownPage({ ...filters, by, sort, offset, limit })}
          />
        }
      />
    </>
  );
}
