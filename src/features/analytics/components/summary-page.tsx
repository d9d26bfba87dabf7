/**
 * Sales as accountants read them: gross sales − discounts − returns = net sales,
 * + shipping + taxes = total sales, for the range and per day, week or month. Every
 * figure comes from the API (reports.summary); gross sales and discounts open the
 * orders placed in those days, returns the refunds made in them.
 */
import { Group, Paper, Skeleton, Table, Text, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import type { SalesSummary, SalesSummaryMeasures } from '@/contract/report-schemas';
import { centsToInput, formatCents } from '@/contract/values/money';
import { ExportCsvButton } from '@/components/export-csv-button';
import { HorizontalScroller } from '@/components/scroller/horizontal-scroller';
import type { CsvColumn } from '@/lib/csv';
import { reportQueries } from '../api/report-queries';
import type { DrillTarget } from '../drill';
import { resolveRange } from '../range';
import type { SummarySearch } from '../search';
import { DefinitionButton } from './definition';
import { SUMMARY_DEFINITIONS } from './definitions';
import { FigureLink } from './figure-link';
import { formatRange, GRANULARITY_LABELS } from './labels';
import { PanelBoundary } from './panel-boundary';
import { StateFilter } from './report-filters';
import { RangeControls } from './range-controls';
import { ReportTabs, ReportView, type ReportViewProps } from './report-screen';
import classes from './analytics.module.css';

const route = getRouteApi('/reports/summary');

type Measure = keyof SalesSummaryMeasures;

/** The statement's lines in order; a deduction shows with a minus; a subtotal stands out. */
const LINES: { key: Measure; label: string; minus?: boolean; subtotal?: boolean }[] = [
  { key: 'grossSales', label: 'Gross sales' },
  { key: 'discounts', label: 'Discounts', minus: true },
  { key: 'returns', label: 'Returns', minus: true },
  { key: 'netSales', label: 'Net sales', subtotal: true },
  { key: 'shipping', label: 'Shipping' },
  { key: 'taxes', label: 'Taxes' },
  { key: 'totalSales', label: 'Total sales', subtotal: true },
];

/** Where a figure of some days opens its records: gross sales and discounts the orders placed, returns the refunds made. */
function targetOf(key: Measure, days: { from: string; to: string }, state: string | undefined): DrillTarget | null {
  const search = state ? { ...days, state } : days;
  if (key === 'grossSales' || key === 'discounts') return { to: '/orders', search };
  if (key === 'returns') return { to: '/reports/refunds', search };
  return null;
}

const amount = (value: number, minus?: boolean) => (minus && value !== 0 ? `−${formatCents(value)}` : formatCents(value));

function Figure({
  measure,
  days,
  state,
  value,
}: {
  measure: (typeof LINES)[number];
  days: { from: string; to: string };
  state?: string;
  value: number;
}) {
  const target = targetOf(measure.key, days, state);
  const text = amount(value, measure.minus);
  return target ? <FigureLink target={target}>{text}</FigureLink> : <>{text}</>;
}

export function SummaryPage() {
  const search = route.useSearch();
  return (
    <ReportView
      title="Reports"
      description="Sales as accountants read them: gross sales to total sales"
      screen="The sales summary"
      tabs={<ReportTabs view={search} />}
      search={search}
      navigate={route.useNavigate()}
    >
      {(props) => <Summary {...props} />}
    </ReportView>
  );
}

function Summary({ search, today, onChange }: ReportViewProps<SummarySearch>) {
  const { from, to } = resolveRange(search, today);
  const { state, granularity } = search;
  const summary = useQuery({ ...reportQueries.summary({ from, to, state, granularity }), placeholderData: keepPreviousData });
  const data = summary.data;
  return (
    <>
      <RangeControls view={search} today={today} onChange={onChange} granularity={data?.granularity} comparing={false}>
        <StateFilter value={state} onChange={(value) => onChange({ state: value })} />
      </RangeControls>
      <PanelBoundary name="Sales summary">
        {summary.error && !data ? (
          <Text c="red" role="alert">
            The sales summary could not be loaded: {summary.error.message}
          </Text>
        ) : !data ? (
          <Skeleton height={320} />
        ) : (
          <SummaryBody data={data} state={state} />
        )}
      </PanelBoundary>
    </>
  );
}

function SummaryBody({ data, state }: { data: SalesSummary; state: string | undefined }) {
  const range = formatRange(data.range.from, data.range.to);
  const per = GRANULARITY_LABELS[data.granularity].toLowerCase();
  return (
    <>
      <Paper withBorder p="md" mb="md" component="section" aria-labelledby="summary-title" maw={560}>
        <Title order={2} size="h4" id="summary-title">
          Sales summary
        </Title>
        <Text size="sm" c="dimmed" mb="sm">
          {range} (store days, New York time){state ? `, orders shipped to ${state}` : ''}
        </Text>
        <Table aria-label="Sales summary" fz="sm">
          <Table.Tbody>
            {LINES.map((line) => (
              <Table.Tr key={line.key} fw={line.subtotal ? 700 : undefined}>
                <Table.Th scope="row" fw={line.subtotal ? 700 : 500}>
                  <Group gap={4} wrap="nowrap">
                    {line.label}
                    <DefinitionButton name={line.label} definition={SUMMARY_DEFINITIONS[line.key]} />
                  </Group>
                </Table.Th>
                <Table.Td className={classes.number}>
                  <Figure measure={line} days={data.range} state={state} value={data.totals[line.key]} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Text size="xs" c="dimmed" mt="xs">
          Total sales equals Net revenue on the dashboard for the same days. Gross sales and discounts open the orders placed; returns open
          the refunds made.
        </Text>
      </Paper>
      <Paper withBorder p="md" component="section" aria-labelledby="summary-series-title">
        <Group justify="space-between" mb="sm" wrap="wrap">
          <Title order={2} size="h4" id="summary-series-title">
            By {per}
          </Title>
          <ExportCsvButton
            filename={`sales-summary-${data.range.from}-to-${data.range.to}.csv`}
            columns={SUMMARY_CSV}
            fetchPage={async () => {
              const rows: SummaryCsvRow[] = [
                ...data.series.map((p) => ({ ...p, period: data.granularity })),
                { ...data.totals, ...data.range, period: 'range' },
              ];
              return { items: rows, total: rows.length };
            }}
          />
        </Group>
        {data.series.length === 0 ? (
          <Text c="dimmed">No sales in this range.</Text>
        ) : (
          <HorizontalScroller label={`Sales summary by ${per}`}>
            <Table aria-label={`Sales summary by ${per}`} fz="sm" striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Period</Table.Th>
                  {LINES.map((line) => (
                    <Table.Th key={line.key} className={classes.number}>
                      {line.label}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.series.map((point) => (
                  <Table.Tr key={point.from}>
                    <Table.Td className={classes.nowrap}>{formatRange(point.from, point.to)}</Table.Td>
                    {LINES.map((line) => (
                      <Cell key={line.key} subtotal={line.subtotal}>
                        <Figure measure={line} days={point} state={state} value={point[line.key]} />
                      </Cell>
                    ))}
                  </Table.Tr>
                ))}
              </Table.Tbody>
              <Table.Tfoot className={classes.totals}>
                <Table.Tr>
                  <Table.Td>Totals</Table.Td>
                  {LINES.map((line) => (
                    <Cell key={line.key} subtotal>
                      <Figure measure={line} days={data.range} state={state} value={data.totals[line.key]} />
                    </Cell>
                  ))}
                </Table.Tr>
              </Table.Tfoot>
            </Table>
          </HorizontalScroller>
        )}
      </Paper>
    </>
  );
}

function Cell({ subtotal, children }: { subtotal?: boolean; children: ReactNode }) {
  return (
    <Table.Td className={classes.number} fw={subtotal ? 700 : undefined}>
      {children}
    </Table.Td>
  );
}

/** A bucket's row or, last, the whole range's. */
type SummaryCsvRow = SalesSummaryMeasures & { from: string; to: string; period: string };

const SUMMARY_CSV: CsvColumn<SummaryCsvRow>[] = [
  { header: 'from', value: (r) => r.from },
  { header: 'to', value: (r) => r.to },
  { header: 'period', value: (r) => r.period },
  ...LINES.map((line) => ({
    header: `${line.key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)}_usd`,
    value: (r: SummaryCsvRow) => centsToInput(r[line.key]),
  })),
];
