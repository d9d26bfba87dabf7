/**
 * What a view's range means on a given store day. Loads with the screens (it brings
 * the report rules); the URL schema in search.ts stays small for the shell.
 */
import type { Comparison } from '@/contract/constants';
import { daysIn, presetRange, type Preset } from '@/domain/report-rules';
import type { RangeView } from './search';

export const DEFAULT_PRESET: Preset = 'last_30_days';
/** The API answers at most three years between the first and last day (src/contract/report-schemas.ts). */
const MAX_SPAN_DAYS = 3 * 366;

/** A custom range when both days make one the API answers; else the preset (the last 30 days by default). */
export function resolveRange(view: RangeView, today: string): { from: string; to: string; preset: Preset | null; compare: Comparison } {
  const { from, to } = view;
  if (from && to && from <= to && daysIn(from, to) - 1 <= MAX_SPAN_DAYS) return { from, to, preset: null, compare: view.compare };
  const preset = view.range ?? DEFAULT_PRESET;
  return { ...presetRange(preset, today), preset, compare: view.compare };
}
