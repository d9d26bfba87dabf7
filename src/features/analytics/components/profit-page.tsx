/**
 * Cost of goods sold, gross profit and margin by product, variant, category or
 * state (reports.profit), with each product's ABC class. Cost is the variant's cost
 * when the order was placed; units without one are counted apart, never guessed.
 */
import { Alert, Badge, Group, NativeSelect, Paper, SimpleGrid, Skeleton, Text } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import type { ColumnVisibilityState } from '@tanstack/react-table';
import { useMemo, useState, type ReactNode } from 'react';
import { createDataTableColumnHelper, DataTable } from '@/components/data-table/data-table';
import { ExportCsvButton } from '@/components/export-csv-button';
import type { AbcClass, ProfitMeasures, ProfitRow } from '@/contract/report-schemas';
import { centsToInput, formatCents } from '@/contract/values/money';
import type { CsvColumn } from '@/lib/csv';
import { fetchProfitPage, reportQueries } from '../api/report-queries';
import { rowFilters, type DrillFilters } from '../drill';
import { resolveRange } from '../range';
import { ABC_CLASS_VALUES, BREAKDOWN_KINDS, type BreakdownKind, type ProfitSearch } from '../search';
import { DefinitionButton } from './definition';
import { PROFIT_DEFINITIONS } from './definitions';
import { BREAKDOWN_LABELS, csvTenths, formatCount, formatRange, formatTenths } from './labels';
import { CategoryFilter, StateFilter } from './report-filters';
import { RangeControls } from './range-controls';
import { ReportTabs, ReportView, type ReportViewProps } from './report-screen';
import classes from './analytics.module.css';

const route = getRouteApi('/reports/profit');

const ABC_COLORS: Record<AbcClass, string> = { A: 'teal', B: 'blue', C: 'gray' };

export function ProfitPage() {
  const search = route.useSearch();
  return (
    <ReportView
      title="Reports"
      description="Cost of goods sold, gross profit and margin, at the cost each sale had"
      screen="The profit report"
      tabs={<ReportTabs view={search} />}
      search={search}
      navigate={route.useNavigate()}
    >
      {(props) => <Profit {...props} />}
    </ReportView>
  );
}

function Profit({ search, today, onChange, onView }: ReportViewProps<ProfitSearch>) {
  const { from, to } = resolveRange(search, today);
  const { by, categoryId, state, sort, page, pageSize } = search;
  // ABC classes rank products only: a class left in the URL under another breakdown is not asked for.
  const abc = by === 'product' ? search.abc : undefined;
  const filters: DrillFilters = { from, to, categoryId, state };
  const list = useQuery({
    ...reportQueries.profit({ ...filters, by, abc, sort, offset: (page - 1) * pageSize, limit: pageSize }),
    placeholderData: keepPreviousData,
  });
  const [columnVisibility, setColumnVisibility] = useState<ColumnVisibilityState>({});
  const totals = list.data?.totals;
  const labels = BREAKDOWN_LABELS[by];
  const columns = useMemo(
    () => profitColumns(by, labels.one, { from, to, categoryId, state }, totals),
    [by, labels.one, from, to, categoryId, state, totals],
  );

  return (
    <>
      <RangeControls view={search} today={today} onChange={onChange} comparing={false}>
        <NativeSelect
          label="Break down by"
          w={150}
          value={by}
          data={BREAKDOWN_KINDS.map((k) => ({ value: k, label: BREAKDOWN_LABELS[k].one }))}
          onChange={(e) => {
            const next = e.currentTarget.value as BreakdownKind;
            onChange({ by: next, abc: next === 'product' ? abc : undefined });
          }}
        />
        {by === 'product' && (
          <NativeSelect
            label="ABC class"
            w={150}
            value={abc ?? ''}
            data={[{ value: '', label: 'Every class' }, ...ABC_CLASS_VALUES.map((c) => ({ value: c, label: `Class ${c}` }))]}
            onChange={(e) => onChange({ abc: (e.currentTarget.value || undefined) as AbcClass | undefined })}
          />
        )}
        <CategoryFilter value={categoryId} onChange={(value) => onChange({ categoryId: value })} />
        <StateFilter value={state} onChange={(value) => onChange({ state: value })} />
      </RangeControls>
      <Text size="sm" c="dimmed" mb={4}>
        Orders placed {formatRange(from, to)} (store days, New York time)
        {abc ? `, products of class ${abc} (classes ranked over every product)` : ''}. Refunds are not deducted: see Returns in the sales
        summary.
      </Text>
      <ProfitCards totals={totals} error={list.error} />
      <DataTable
        label={`Profit by ${labels.one.toLowerCase()}`}
        columns={columns}
        query={list}
        getRowId={(r) => r.key}
        view={{ page, pageSize, sort }}
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
            filename={`profit-by-${by}${abc ? `-class-${abc.toLowerCase()}` : ''}-${from}-to-${to}.csv`}
            columns={profitCsvColumns(labels.one, by === 'product')}
            fetchPage={(offset, limit) => fetchProfitPage({ ...filters, by, abc, sort, offset, limit })}
          />
        }
      />
    </>
  );
}

const CARDS: { key: 'sales' | 'cost' | 'grossProfit' | 'margin'; label: string; format: (t: ProfitMeasures) => string }[] = [
  { key: 'sales', label: 'Sales', format: (t) => formatCents(t.sales) },
  { key: 'cost', label: 'Cost of goods sold', format: (t) => formatCents(t.cost) },
  { key: 'grossProfit', label: 'Gross profit', format: (t) => formatCents(t.grossProfit) },
  { key: 'margin', label: 'Margin', format: (t) => formatTenths(t.margin) },
];

function ProfitCards({ totals, error }: { totals: ProfitMeasures | undefined; error: Error | null }) {
  if (error && !totals) {
    return (
      <Alert color="red" title="The profit report could not be loaded" role="alert" mb="md">
        {error.message}
      </Alert>
    );
  }
  return (
    <>
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm" mb="sm">
        {CARDS.map((card) => (
          <Paper key={card.key} withBorder p="sm" component="section" aria-label={card.label}>
            <Group gap={4} wrap="nowrap" justify="space-between" align="flex-start">
              <Text size="sm" c="dimmed" fw={500}>
                {card.label}
              </Text>
              <DefinitionButton name={card.label} definition={PROFIT_DEFINITIONS[card.key]} />
            </Group>
            {totals ? (
              <Text fz="xl" fw={700} className={classes.number} ta="left">
                {card.format(totals)}
              </Text>
            ) : (
              <Skeleton height={28} my={4} />
            )}
          </Paper>
        ))}
      </SimpleGrid>
      {totals && totals.uncostedUnits > 0 && (
        <Alert
          color="yellow"
          mb="md"
          title={`${formatCount(totals.uncostedUnits)} units sold had no cost`}
          // Mantine's yellow title is below AA contrast on its light yellow: the body's text colour instead.
          styles={{ title: { color: 'var(--mantine-color-text)' } }}
        >
          Their variants had no cost when the order was placed. Their sales count in Sales, but they are left out of cost of goods sold,
          gross profit and margin (which are over the costed sales only). The Units without cost column shows where; a cost set now counts
          for later sales only.
        </Alert>
      )}
    </>
  );
}

const helper = createDataTableColumnHelper<ProfitRow>();

function profitColumns(by: BreakdownKind, rowLabel: string, filters: DrillFilters, totals: ProfitMeasures | undefined) {
  const footer = (render: (t: ProfitMeasures) => ReactNode) => (totals ? { footer: () => render(totals) } : {});
  const money = (id: 'sales' | 'cost' | 'grossProfit', header: string) =>
    helper.accessor(id, {
      id,
      header,
      cell: ({ getValue }) => <span className={classes.number}>{formatCents(getValue())}</span>,
      ...footer((t) => <span className={classes.number}>{formatCents(t[id])}</span>),
    });
  return helper.columns([
    helper.accessor('label', {
      id: 'label',
      header: rowLabel,
      enableHiding: false,
      // The row's name is the link's name: it opens the order lines the row adds up.
      cell: ({ row }) => (
        <Link className={`${classes.link} ${classes.name}`} to="/reports/lines" search={rowFilters(by, row.original.key, filters)}>
          {row.original.label}
        </Link>
      ),
      ...footer(() => 'Totals'),
    }),
    ...(by === 'product'
      ? [
          helper.accessor('abc', {
            id: 'abc',
            header: () => (
              <Group gap={2} wrap="nowrap">
                ABC
                <DefinitionButton name="ABC class" definition={PROFIT_DEFINITIONS.abc} />
              </Group>
            ),
            enableSorting: false,
            cell: ({ getValue }) => {
              const cls = getValue();
              return cls ? (
                <Badge color={ABC_COLORS[cls]} variant="light" aria-label={`Class ${cls}`}>
                  {cls}
                </Badge>
              ) : (
                '—'
              );
            },
          }),
        ]
      : []),
    ...(by === 'variant' ? [helper.accessor('sku', { id: 'sku', header: 'SKU', enableSorting: false })] : []),
    helper.accessor('units', {
      id: 'units',
      header: 'Units',
      cell: ({ getValue }) => <span className={classes.number}>{formatCount(getValue())}</span>,
      ...footer((t) => <span className={classes.number}>{formatCount(t.units)}</span>),
    }),
    money('sales', 'Sales'),
    money('cost', 'Cost of goods sold'),
    money('grossProfit', 'Gross profit'),
    helper.accessor('margin', {
      id: 'margin',
      header: 'Margin',
      cell: ({ getValue }) => <span className={classes.number}>{formatTenths(getValue())}</span>,
      ...footer((t) => <span className={classes.number}>{formatTenths(t.margin)}</span>),
    }),
    helper.accessor('uncostedUnits', {
      id: 'uncostedUnits',
      header: 'Units without cost',
      enableSorting: false,
      cell: ({ getValue }) => <span className={classes.number}>{getValue() ? formatCount(getValue()) : '—'}</span>,
      ...footer((t) => <span className={classes.number}>{formatCount(t.uncostedUnits)}</span>),
    }),
  ]);
}

function profitCsvColumns(rowLabel: string, withAbc: boolean): CsvColumn<ProfitRow>[] {
  return [
    { header: 'key', value: (r) => r.key },
    { header: rowLabel.toLowerCase(), value: (r) => r.label },
    { header: 'sku', value: (r) => r.sku },
    ...(withAbc ? [{ header: 'abc_class', value: (r: ProfitRow) => r.abc }] : []),
    { header: 'units', value: (r) => r.units },
    { header: 'sales_usd', value: (r) => centsToInput(r.sales) },
    { header: 'costed_sales_usd', value: (r) => centsToInput(r.costedSales) },
    { header: 'cost_of_goods_sold_usd', value: (r) => centsToInput(r.cost) },
    { header: 'gross_profit_usd', value: (r) => centsToInput(r.grossProfit) },
    { header: 'margin_percent', value: (r) => csvTenths(r.margin) },
    { header: 'units_without_cost', value: (r) => r.uncostedUnits },
  ];
}
