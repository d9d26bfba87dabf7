import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import { Table } from '@mantine/core';
import { Link, useNavigate } from '@tanstack/react-router';
import type { BreakdownRow, SalesBreakdown } from '@/contract/report-schemas';
import { formatCents } from '@/contract/values/money';
import { figureTarget, rowFilters, type DrillFilters } from '../drill';
import type { BreakdownKind } from '../search';
import { ChartPanel } from './chart-panel';
import { formatCentsCompact, formatChartCents, formatCount } from './labels';
import classes from './analytics.module.css';
import { HorizontalScroller } from '@/components/scroller/horizontal-scroller';

export type BreakdownMeasure = 'revenue' | 'orders' | 'units' | 'refunds' | 'net';
export const MEASURE_LABELS: Record<BreakdownMeasure, string> = {
  revenue: 'Revenue',
  orders: 'Orders',
  units: 'Units',
  refunds: 'Refunds',
  net: 'Net revenue',
};
const isMoney = (m: BreakdownMeasure) => m === 'revenue' || m === 'refunds' || m === 'net';

type BreakdownChartProps = {
  title: string;
  /** What the rows are ("Product", "State"), for the table's first column. */
  rowLabel: string;
  query: { data: Pick<SalesBreakdown, 'items'> | undefined; isPending: boolean; error: Error | null; refetch: () => unknown };
  measure?: BreakdownMeasure;
  /** Rows drawn; the table lists the same rows. */
  rows?: number;
  labelOf?: (row: BreakdownRow) => string;
  /** Extra words for the accessible name: the range. */
  context: string;
  /** What the rows are and the report's filters: a bar or row opens the records behind it. */
  by: BreakdownKind;
  filters: DrillFilters;
};

const shorten = (text: string, max = 22) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** A ranked bar chart of breakdown rows (largest first, as the API sorted them), with a table of the same rows. */
export function BreakdownChart({
  title,
  rowLabel,
  query,
  measure = 'revenue',
  rows = 10,
  labelOf = (r) => r.label,
  context,
  by,
  filters,
}: BreakdownChartProps) {
  const navigate = useNavigate();
  const items = query.data?.items.slice(0, rows) ?? [];
  // Refunds open the refunds; every other measure the orders or lines sold.
  const targetOf = (row: BreakdownRow, m: BreakdownMeasure = measure) =>
    figureTarget(m === 'net' ? 'revenue' : m, rowFilters(by, row.key, filters));
  const money = isMoney(measure);
  const data = items.map((row) => ({ label: shorten(labelOf(row)), value: row[measure] }));
  return (
    <ChartPanel
      title={title}
      summary={`${title}: ${MEASURE_LABELS[measure].toLowerCase()} of the top ${items.length} ${rowLabel.toLowerCase()} rows, ${context}, as horizontal bars`}
      query={query}
      empty={query.data ? items.length === 0 : false}
      height={Math.max(120, items.length * 34 + 40)}
      hint={`Click a bar to open its ${measure === 'refunds' ? 'refunds' : 'sales'}; the table lists the same, with links.`}
      chart={
        <BarChart
          h={Math.max(120, items.length * 34 + 40)}
          data={data}
          dataKey="label"
          orientation="vertical"
          accessibilityLayer={false}
          barChartProps={{
            onClick: (state) => {
              // Null when the pointer is over no bar (the tooltip is not showing): then nothing opens.
              if (state.activeIndex === null || state.activeIndex === undefined) return;
              const row = items[Number(state.activeIndex)];
              if (row) void navigate(targetOf(row));
            },
          }}
          valueFormatter={money ? formatChartCents : formatCount}
          xAxisProps={{ tickFormatter: money ? formatCentsCompact : formatCount }}
          yAxisProps={{ width: 150 }}
          gridAxis="y"
          series={[{ name: 'value', label: MEASURE_LABELS[measure], color: 'blue.6' }]}
        />
      }
      renderTable={(links) => (
        <HorizontalScroller label={title}>
          <Table striped aria-label={title} fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{rowLabel}</Table.Th>
                <Table.Th className={classes.number}>Revenue</Table.Th>
                <Table.Th className={classes.number}>Orders</Table.Th>
                <Table.Th className={classes.number}>Units</Table.Th>
                <Table.Th className={classes.number}>Net revenue</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((row) => (
                <Table.Tr key={row.key}>
                  <Table.Td>
                    {links ? (
                      <Link className={classes.link} {...targetOf(row, 'revenue')}>
                        {labelOf(row)}
                      </Link>
                    ) : (
                      labelOf(row)
                    )}
                  </Table.Td>
                  <Table.Td className={classes.number}>{formatCents(row.revenue)}</Table.Td>
                  <Table.Td className={classes.number}>{formatCount(row.orders)}</Table.Td>
                  <Table.Td className={classes.number}>{formatCount(row.units)}</Table.Td>
                  <Table.Td className={classes.number}>{formatCents(row.net)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </HorizontalScroller>
      )}
    />
  );
}
