import { Alert, Button, Paper, SimpleGrid, Skeleton, Text } from '@mantine/core';
import type { SalesMeasures, SalesReport } from '@/contract/report-schemas';
import { formatCents } from '@/contract/values/money';
import { changeOf, describeChange } from './change';
import { COMPARISON_LABELS, formatCount, formatRange } from './labels';
import classes from './analytics.module.css';

type Measure = keyof SalesMeasures;

/** The six figures; `lowerIsBetter` only picks the colour, the words say up or down. */
const KPIS: { key: Measure; label: string; money: boolean; lowerIsBetter?: boolean }[] = [
  { key: 'revenue', label: 'Revenue', money: true },
  { key: 'orders', label: 'Orders', money: false },
  { key: 'units', label: 'Units sold', money: false },
  { key: 'averageOrderValue', label: 'Average order value', money: true },
  { key: 'refunds', label: 'Refunds', money: true, lowerIsBetter: true },
  { key: 'net', label: 'Net revenue', money: true },
];

type KpiCardsProps = {
  query: { data: SalesReport | undefined; isPending: boolean; error: Error | null; refetch: () => unknown };
  compare: keyof typeof COMPARISON_LABELS;
};

export function KpiCards({ query, compare }: KpiCardsProps) {
  const report = query.data;
  if (query.error && !report) {
    return (
      <Alert color="red" title="The sales figures could not be loaded" role="alert" mb="md">
        <Text size="sm">{query.error.message}</Text>
        <Button mt="sm" size="xs" variant="light" color="red" onClick={() => void query.refetch()}>
          Try again
        </Button>
      </Alert>
    );
  }
  const against = report?.comparison
    ? `compared with the ${COMPARISON_LABELS[compare].toLowerCase()} (${formatRange(report.comparison.from, report.comparison.to)})`
    : null;
  return (
    <>
      <Text size="sm" c="dimmed" mb={4}>
        {report ? `${formatRange(report.range.from, report.range.to)}${against ? `, ${against}` : ''}` : '\u00a0'}
      </Text>
      <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }} spacing="sm" mb="md" aria-busy={query.isPending || undefined}>
        {KPIS.map((kpi) => {
          const value = report?.totals[kpi.key];
          const before = report?.comparisonTotals?.[kpi.key];
          const format = (n: number) => (kpi.money ? formatCents(n) : formatCount(n));
          const change = value === undefined ? null : changeOf(value, before);
          const better = change && (change.kind === 'up' || change.kind === 'down') ? (change.kind === 'up') !== !!kpi.lowerIsBetter : null;
          return (
            <Paper key={kpi.key} withBorder p="sm" component="section" aria-label={kpi.label}>
              <Text size="sm" c="dimmed" fw={500}>
                {kpi.label}
              </Text>
              {value === undefined ? (
                <Skeleton height={28} my={4} />
              ) : (
                <Text fz="xl" fw={700} className={classes.number} ta="left" data-testid={`kpi-${kpi.key}`}>
                  {format(value)}
                </Text>
              )}
              {report && against && change && (
                <Text size="xs">
                  <span className={better === null ? undefined : better ? classes.good : classes.bad}>
                    {change.kind === 'up' && <span aria-hidden>▲ </span>}
                    {change.kind === 'down' && <span aria-hidden>▼ </span>}
                    {change.kind === 'none' ? <span title="Nothing to compare with">—</span> : describeChange(change)}
                  </span>{' '}
                  <Text span size="xs" c="dimmed">
                    {change.kind === 'none' ? '(nothing to compare with)' : `vs ${before === undefined ? '' : format(before)}`}
                  </Text>
                </Text>
              )}
              {report && !against && (
                <Text size="xs" c="dimmed">
                  No comparison
                </Text>
              )}
            </Paper>
          );
        })}
      </SimpleGrid>
    </>
  );
}
