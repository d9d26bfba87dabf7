/**
 * What a discount has done over a range of store days: orders placed with its code,
 * their revenue, the discount given, the average order with and without it, and a bar
 * per day. The orders themselves are the order list filtered by the code ("Open these orders").
 */
import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import { Alert, Button, Card, Group, NativeSelect, SimpleGrid, Skeleton, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Component, useState, type ReactNode } from 'react';
import type { Discount, DiscountPerformance } from '@/contract/discount-schemas';
import { formatCents } from '@/contract/values/money';
import { AnchorLink } from '@/components/anchor-link';
import { addDays } from '@/domain/report-rules';
import { formatStoreDay, formatStoreDayShort } from '@/lib/date-format';
import { discountQueries } from '../api/discount-queries';
import classes from './discounts.module.css';

type Range = { from: string; to: string };

const PRESETS = [
  { value: '30', label: 'Last 30 days' },
  { value: '90', label: 'Last 90 days' },
  { value: '365', label: 'Last 365 days' },
] as const;

type Props = {
  discount: Pick<Discount, 'id' | 'code'>;
  range: Range;
  today: string;
  onRangeChange: (range: Range | null) => void;
};

export function PerformancePanel({ discount, range, today, onRangeChange }: Props) {
  const performance = useQuery({ ...discountQueries.performance(discount.id, range), placeholderData: keepPreviousData });
  const preset = PRESETS.find((p) => range.to === today && range.from === addDays(today, 1 - Number(p.value)))?.value ?? 'custom';
  return (
    <Card withBorder component="section" aria-labelledby="discount-performance-title" mb="md">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
          <div>
            <Title order={2} size="h4" id="discount-performance-title">
              Performance
            </Title>
            <Text size="sm" c="dimmed">
              Orders placed with {discount.code ?? 'this offer'}, by the store day each was placed (New York).
            </Text>
          </div>
          <Group gap="sm" align="flex-end" wrap="wrap">
            <NativeSelect
              label="Date range"
              w={160}
              value={preset}
              data={[...PRESETS, { value: 'custom', label: 'Custom range' }]}
              onChange={(e) => {
                const value = e.currentTarget.value;
                if (value === '90') onRangeChange(null);
                else if (value !== 'custom') onRangeChange({ from: addDays(today, 1 - Number(value)), to: today });
              }}
            />
            <DayRange key={`${range.from}/${range.to}`} range={range} onChange={onRangeChange} />
          </Group>
        </Group>
        {discount.code === null && (
          <Alert color="gray">An automatic offer has no code, so the orders do not record it: there is nothing to count here.</Alert>
        )}
        <ChartBoundary>
          {performance.error && !performance.data ? (
            <Alert color="red" title="The performance could not be loaded" role="alert">
              <Text size="sm">{performance.error.message}</Text>
              <Button mt="sm" size="xs" variant="light" color="red" onClick={() => void performance.refetch()}>
                Try again
              </Button>
            </Alert>
          ) : performance.data ? (
            <Figures data={performance.data} code={discount.code} busy={performance.isFetching} />
          ) : (
            <Skeleton height={260} aria-hidden />
          )}
        </ChartBoundary>
      </Stack>
    </Card>
  );
}

/** Two store days; the URL changes once both make a range, and a wrong pair says why beside the field. */
function DayRange({ range, onChange }: { range: Range; onChange: (range: Range) => void }) {
  const [draft, setDraft] = useState(range);
  const wrong = draft.from && draft.to && draft.from > draft.to ? 'Ends before it starts' : undefined;
  const update = (next: Range) => {
    setDraft(next);
    if (next.from && next.to && next.from <= next.to) onChange(next);
  };
  return (
    <>
      <TextInput type="date" label="From" w={160} value={draft.from} onChange={(e) => update({ ...draft, from: e.currentTarget.value })} />
      <TextInput
        type="date"
        label="To"
        w={160}
        value={draft.to}
        onChange={(e) => update({ ...draft, to: e.currentTarget.value })}
        error={wrong}
      />
    </>
  );
}

function Figures({ data, code, busy }: { data: DiscountPerformance; code: string | null; busy: boolean }) {
  const { range, totals } = data;
  const byDay = new Map(data.days.map((d) => [d.date, d]));
  const days: { date: string; label: string; orders: number; discountGiven: number; revenue: number }[] = [];
  for (let date = range.from; date <= range.to; date = addDays(date, 1)) {
    const day = byDay.get(date);
    days.push({
      date,
      label: formatStoreDayShort(date),
      orders: day?.uses ?? 0,
      discountGiven: day?.discountGiven ?? 0,
      revenue: day?.revenue ?? 0,
    });
  }
  const summary = `Orders with ${code ?? 'the offer'} per day, ${formatStoreDay(range.from)} to ${formatStoreDay(range.to)}: ${totals.uses.toLocaleString('en-US')} in all`;
  return (
    <Stack gap="sm" aria-busy={busy || undefined}>
      <SimpleGrid cols={{ base: 2, sm: 3, lg: 5 }} spacing="sm">
        <Figure label="Orders" value={totals.uses.toLocaleString('en-US')} />
        <Figure label="Revenue" value={formatCents(totals.revenue)} />
        <Figure label="Discount given" value={formatCents(totals.discountGiven)} />
        <Figure label="Average order with it" value={formatCents(data.averageOrderWith)} />
        <Figure label="Average order without" value={formatCents(data.averageOrderWithout)} />
      </SimpleGrid>
      {code !== null && (
        <Text size="sm">
          <AnchorLink to="/orders" search={{ discountCode: code, from: range.from, to: range.to }} underline="always">
            Open these orders
          </AnchorLink>{' '}
          <Text span c="dimmed" size="sm">
            ({formatStoreDay(range.from)} – {formatStoreDay(range.to)})
          </Text>
        </Text>
      )}
      {totals.uses === 0 ? (
        <Text size="sm" c="dimmed">
          No orders used it in these days.
        </Text>
      ) : (
        <>
          {/* One image to assistive technology; the table below carries the figures. */}
          {/* oxlint-disable-next-line jsx-a11y/prefer-tag-over-role -- an <img> cannot hold the SVG chart */}
          <div role="img" aria-label={summary}>
            <BarChart
              h={220}
              data={days}
              dataKey="label"
              series={[{ name: 'orders', label: 'Orders', color: 'blue.6' }]}
              valueFormatter={(n) => Math.round(n).toLocaleString('en-US')}
              yAxisProps={{ allowDecimals: false, width: 40 }}
              tickLine="y"
              accessibilityLayer={false}
            />
          </div>
          <details>
            <summary>
              <Text span size="sm">
                The days as a table
              </Text>
            </summary>
            <Table aria-label="Orders with the discount by day" fz="sm" striped mt="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Day</Table.Th>
                  <Table.Th className={classes.number}>Orders</Table.Th>
                  <Table.Th className={classes.number}>Revenue</Table.Th>
                  <Table.Th className={classes.number}>Discount given</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.days.map((d) => (
                  <Table.Tr key={d.date}>
                    <Table.Td>{formatStoreDay(d.date)}</Table.Td>
                    <Table.Td className={classes.number}>{d.uses.toLocaleString('en-US')}</Table.Td>
                    <Table.Td className={classes.number}>{formatCents(d.revenue)}</Table.Td>
                    <Table.Td className={classes.number}>{formatCents(d.discountGiven)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </details>
        </>
      )}
    </Stack>
  );
}

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={600} size="lg" className={classes.when}>
        {value}
      </Text>
    </div>
  );
}

/** A chart that fails to draw stays in its panel: the form below keeps working. */
class ChartBoundary extends Component<{ children: ReactNode }, { error: Error | null }> {
  state = { error: null as Error | null };
  static getDerivedStateFromError(error: Error) {
    return { error };
  }
  render() {
    if (!this.state.error) return this.props.children;
    return (
      <Alert color="red" title="The performance could not be shown" role="alert">
        <Text size="sm">Something went wrong while drawing it. The rest of the page is unaffected.</Text>
        <Button mt="sm" size="xs" variant="light" color="red" onClick={() => this.setState({ error: null })}>
          Try again
        </Button>
      </Alert>
    );
  }
}
