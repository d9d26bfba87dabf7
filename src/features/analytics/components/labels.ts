import type { Comparison, Granularity } from '@/contract/constants';
import type { Preset } from '@/domain/report-rules';
import { formatStoreDay, formatStoreDayShort, formatStoreMonth } from '@/lib/date-format';
import { centsToInput, formatCents } from '@/contract/values/money';
import type { BreakdownKind } from '../search';

export const PRESET_LABELS: Record<Preset, string> = {
  today: 'Today',
  yesterday: 'Yesterday',
  last_7_days: 'Last 7 days',
  last_30_days: 'Last 30 days',
  last_90_days: 'Last 90 days',
  month_to_date: 'Month to date',
  year_to_date: 'Year to date',
  last_year: 'Last year',
};

export const COMPARISON_LABELS: Record<Comparison, string> = {
  previous: 'Previous period',
  last_year: 'Same period last year',
  none: 'No comparison',
};

export const GRANULARITY_LABELS: Record<Granularity, string> = { day: 'Day', week: 'Week', month: 'Month' };

export const BREAKDOWN_LABELS: Record<BreakdownKind, { one: string; many: string }> = {
  product: { one: 'Product', many: 'Products' },
  variant: { one: 'Variant', many: 'Variants' },
  category: { one: 'Category', many: 'Categories' },
  state: { one: 'State', many: 'States' },
};

/** "Nov 3, 2026 – Nov 9, 2026": a range of store days, both ends included. */
export function formatRange(from: string, to: string): string {
  return from === to ? formatStoreDay(from) : `${formatStoreDay(from)} – ${formatStoreDay(to)}`;
}

/** A bucket's name on an axis: "Nov 3" for a day or a week (its Monday), "Nov 2026" for a month. */
export function formatBucket(start: string, granularity: Granularity): string {
  return granularity === 'month' ? formatStoreMonth(start) : formatStoreDayShort(start);
}

export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}

const compactUsd = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', notation: 'compact', maximumFractionDigits: 1 });

/** "$12.3K" for an axis tick; Intl reads the exact decimal string, as formatCents does. */
export function formatCentsCompact(cents: number): string {
  return compactUsd.format(centsToInput(Math.round(cents)) as unknown as number);
}

/** A chart's value is cents (an integer); recharts may hand back a number it interpolated, so round to a cent. */
export function formatChartCents(value: number): string {
  return formatCents(Math.round(value));
}

/** "41.3 %": a rate the API gives in tenths of a percent (integers, no float); "—" when there is none. */
export function formatTenths(tenths: number | null): string {
  if (tenths === null) return '—';
  const sign = tenths < 0 ? '−' : '';
  const abs = Math.abs(tenths);
  return `${sign}${formatCount(Math.trunc(abs / 10))}.${abs % 10} %`;
}

/** "41.3": the same for a CSV file, a number a spreadsheet reads. */
export function csvTenths(tenths: number | null): string {
  if (tenths === null) return '';
  const sign = tenths < 0 ? '-' : '';
  const abs = Math.abs(tenths);
  return `${sign}${Math.trunc(abs / 10)}.${abs % 10}`;
}
