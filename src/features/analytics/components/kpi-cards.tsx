import { Alert, Button, Group, Paper, SimpleGrid, Skeleton, Text, VisuallyHidden } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import type { SalesMeasures, SalesReport } from '@/contract/report-schemas';
import { formatCents } from '@/contract/values/money';
import { figureTarget, targetName, type DrillFilters } from '../drill';
import { changeOf, describeChange } from './change';
import { DefinitionButton } from './definition';
import { CATEGORY_NOTE, SALES_DEFINITIONS } from './definitions';
import { COMPARISON_LABELS, formatCount, formatRange } from './labels';
import classes from './analytics.module.css';

type Measure = keyof SalesMeasures;

/** The six figures; `lowerIsBetter` only picks the colour, the words say up or down; `basis` is the date it goes by. */
const KPIS: { key: Measure; label: string; money: boolean; lowerIsBetter?: boolean; basis: string }[] = [
  { key: 'revenue', label: 'Revenue', money: true, basis: 'By order date' },
  { key: 'orders', label: 'Orders', money: false, basis: 'By order date' },
  { key: 'units', label: 'Units sold', money: false, basis: 'By order date' },
  { key: 'averageOrderValue', label: 'Average order value', money: true, basis: 'By order date' },
  { key: 'refunds', label: 'Refunds', money: true, lowerIsBetter: true, basis: 'By refund date' },
  { key: 'net', label: 'Net revenue', money: true, basis: 'Orders by order date, refunds by refund date' },
];

type KpiCardsProps = {
  query: { data: SalesReport | undefined; isPending: boolean; error: Error | null; refetch: () => unknown };
  compare: keyof typeof COMPARISON_LABELS;
  /** The range and filters the figures are for: each card opens the records behind it with the same. */
  filters: DrillFilters;
};

export function KpiCards({ query, compare, filters }: KpiCardsProps) {
  // Net under a category is two lists (its lines sold less the refunds made): no one list adds up to it, so the card links both.
  const splitNet = (key: Measure) => key === 'net' && filters.categoryId !== undefined;
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
            <Paper key={kpi.key} withBorder p="sm" component="section" aria-label={kpi.label} className={classes.card}>
              <Group gap={4} wrap="nowrap" justify="space-between" align="flex-start">
                <Text size="sm" c="dimmed" fw={500}>
                  {kpi.label}
                </Text>
                <DefinitionButton
                  name={kpi.label}
                  definition={SALES_DEFINITIONS[kpi.key]}
                  extra={
                    filters.categoryId &&
                    (kpi.key === 'revenue' || kpi.key === 'refunds' || kpi.key === 'net') && (
                      <Text size="sm" c="dimmed">
                        {CATEGORY_NOTE}
                      </Text>
                    )
                  }
                />
              </Group>
              {value === undefined ? (
                <Skeleton height={28} my={4} />
              ) : splitNet(kpi.key) ? (
                <Text fz="xl" fw={700} className={classes.number} ta="left">
                  {format(value)}
                </Text>
              ) : (
                <Link className={classes.cardLink} {...figureTarget(kpi.key, filters)}>
                  <Text span fz="xl" fw={700} className={`${classes.number} ${classes.cardFigure}`} ta="left">
                    {format(value)}
                  </Text>
                  <VisuallyHidden>: open {targetName(figureTarget(kpi.key, filters))}</VisuallyHidden>
                </Link>
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
              <Text size="xs" c="dimmed">
                {kpi.basis}
              </Text>
              {splitNet(kpi.key) && (
                <Text size="xs" className={classes.info}>
                  Revenue − Refunds:{' '}
                  <Link className={classes.link} {...figureTarget('revenue', filters)}>
                    lines sold
                  </Link>
                  ,{' '}
                  <Link className={classes.link} {...figureTarget('refunds', filters)}>
                    refunds made
                  </Link>
                </Text>
              )}
            </Paper>
          );
        })}
      </SimpleGrid>
    </>
  );
}
