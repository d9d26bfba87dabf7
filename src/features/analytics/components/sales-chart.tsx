import '@mantine/charts/styles.css';
import { LineChart } from '@mantine/charts';
import { SegmentedControl, Table } from '@mantine/core';
import { Link, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import type { SalesReport } from '@/contract/report-schemas';
import { formatCents } from '@/contract/values/money';
import { figureTarget, type DrillFilters } from '../drill';
import { ChartPanel } from './chart-panel';
import {
  COMPARISON_LABELS,
  formatBucket,
  formatCentsCompact,
  formatChartCents,
  formatCount,
  formatRange,
  GRANULARITY_LABELS,
} from './labels';
import classes from './analytics.module.css';
import { HorizontalScroller } from '@/components/scroller/horizontal-scroller';

type Measure = 'revenue' | 'orders';
const MEASURES: { value: Measure; label: string }[] = [
  { value: 'revenue', label: 'Revenue' },
  { value: 'orders', label: 'Orders' },
];

type SalesChartProps = {
  query: { data: SalesReport | undefined; isPending: boolean; error: Error | null; refetch: () => unknown };
  compare: keyof typeof COMPARISON_LABELS;
  /** The report's filters: a point opens the records of its bucket's days with them. */
  filters: Omit<DrillFilters, 'from' | 'to'>;
};

/** Revenue or orders per bucket, the comparison period dashed beside it (aligned by position, as the API sends them). */
export function SalesChart({ query, compare, filters }: SalesChartProps) {
  const [measure, setMeasure] = useState<Measure>('revenue');
  const navigate = useNavigate();
  const report = query.data;
  const targetOf = (point: { from: string; to: string }) => figureTarget(measure, { ...filters, from: point.from, to: point.to });
  const money = measure === 'revenue';
  const comparisonLabel = COMPARISON_LABELS[compare];
  const data =
    report?.series.map((point, i) => ({
      label: formatBucket(point.start, report.granularity),
      // Cents, integers: the axis and tooltip format them as dollars.
      current: point[measure],
      comparison: report.comparisonSeries?.[i]?.[measure] ?? null,
    })) ?? [];
  const measureLabel = MEASURES.find((m) => m.value === measure)!.label;
  const summary = report
    ? `${measureLabel} by ${GRANULARITY_LABELS[report.granularity].toLowerCase()}, ${formatRange(report.range.from, report.range.to)}` +
      (report.comparison
        ? `, with the ${comparisonLabel.toLowerCase()} (${formatRange(report.comparison.from, report.comparison.to)}) dashed`
        : '')
    : measureLabel;

  return (
    <ChartPanel
      title={`${measureLabel} over time`}
      summary={summary}
      query={query}
      empty={report ? report.series.length === 0 : false}
      height={280}
      drawFirst
      hint="Click a point to open the orders of its days; the table lists the same, with links."
      controls={
        <SegmentedControl size="xs" aria-label="Measure" value={measure} onChange={(v) => setMeasure(v as Measure)} data={MEASURES} />
      }
      chart={
        <LineChart
          h={280}
          data={data}
          dataKey="label"
          withLegend
          withDots={data.length <= 31}
          curveType="linear"
          accessibilityLayer={false}
          lineChartProps={{
            onClick: (state) => {
              // Null when the pointer is over no point (the tooltip is not showing): then nothing opens.
              if (state.activeIndex === null || state.activeIndex === undefined) return;
              const point = report?.series[Number(state.activeIndex)];
              if (point) void navigate(targetOf(point));
            },
          }}
          valueFormatter={money ? formatChartCents : formatCount}
          yAxisProps={{ tickFormatter: money ? formatCentsCompact : formatCount, width: 64 }}
          series={[
            { name: 'current', label: 'This period', color: 'blue.6' },
            ...(report?.comparisonSeries
              ? [{ name: 'comparison', label: comparisonLabel, color: 'orange.6', strokeDasharray: '5 4' }]
              : []),
          ]}
        />
      }
      renderTable={(links) =>
        report && (
          <HorizontalScroller label={`${measureLabel} by period`}>
            <Table striped aria-label={`${measureLabel} by period`} fz="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Period</Table.Th>
                  <Table.Th className={classes.number}>Revenue</Table.Th>
                  <Table.Th className={classes.number}>Orders</Table.Th>
                  {report.comparisonSeries && (
                    <>
                      <Table.Th>{comparisonLabel}</Table.Th>
                      <Table.Th className={classes.number}>Revenue then</Table.Th>
                      <Table.Th className={classes.number}>Orders then</Table.Th>
                    </>
                  )}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {report.series.map((point, i) => {
                  const then = report.comparisonSeries?.[i];
                  return (
                    <Table.Tr key={point.from}>
                      <Table.Td>
                        {links ? (
                          <Link className={classes.link} {...targetOf(point)}>
                            {formatRange(point.from, point.to)}
                          </Link>
                        ) : (
                          formatRange(point.from, point.to)
                        )}
                      </Table.Td>
                      <Table.Td className={classes.number}>{formatCents(point.revenue)}</Table.Td>
                      <Table.Td className={classes.number}>{formatCount(point.orders)}</Table.Td>
                      {report.comparisonSeries && (
                        <>
                          <Table.Td>{then ? formatRange(then.from, then.to) : '—'}</Table.Td>
                          <Table.Td className={classes.number}>{then ? formatCents(then.revenue) : '—'}</Table.Td>
                          <Table.Td className={classes.number}>{then ? formatCount(then.orders) : '—'}</Table.Td>
                        </>
                      )}
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </HorizontalScroller>
        )
      }
    />
  );
}
