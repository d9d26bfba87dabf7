import { describe, expect, it } from 'vitest';
import { COMPARISONS, GRANULARITIES } from '@/contract/constants';
import { ABC_CLASSES } from '@/contract/report-schemas';
import { PRESETS } from '@/domain/report-rules';
import { resolveRange } from './range';
import {
  ABC_CLASS_VALUES,
  dashboardSearchSchema,
  profitSearchSchema,
  RANGE_COMPARISONS,
  RANGE_GRANULARITIES,
  RANGE_PRESETS,
} from './search';
import { parseSearchLeniently } from '@/lib/search-params';

const view = (raw: Record<string, unknown>) => parseSearchLeniently(dashboardSearchSchema, raw);

describe('the range in the URL', () => {
  it('lists what the report rules list', () => {
    expect(RANGE_PRESETS).toEqual(PRESETS);
    expect(RANGE_COMPARISONS).toEqual(COMPARISONS);
    expect(RANGE_GRANULARITIES).toEqual(GRANULARITIES);
    expect(ABC_CLASS_VALUES).toEqual(ABC_CLASSES);
  });

  it('keeps a profit ABC class it knows and drops one it does not', () => {
    expect(parseSearchLeniently(profitSearchSchema, { abc: 'B' }).abc).toBe('B');
    expect(parseSearchLeniently(profitSearchSchema, { abc: 'D' }).abc).toBeUndefined();
  });

  it('is the last 30 days by default, counted from the store day', () => {
    expect(resolveRange(view({}), '2026-11-25')).toEqual({
      from: '2026-10-27',
      to: '2026-11-25',
      preset: 'last_30_days',
      compare: 'previous',
    });
  });

  it('takes a preset and a comparison', () => {
    expect(resolveRange(view({ range: 'last_90_days', compare: 'last_year' }), '2026-11-25')).toEqual({
      from: '2026-08-28',
      to: '2026-11-25',
      preset: 'last_90_days',
      compare: 'last_year',
    });
  });

  it('takes two days as a custom range, and falls back to the preset when they make none', () => {
    expect(resolveRange(view({ from: '2026-03-01', to: '2026-03-14' }), '2026-11-25')).toMatchObject({ from: '2026-03-01', preset: null });
    expect(resolveRange(view({ from: '2026-03-14', to: '2026-03-01' }), '2026-11-25').preset).toBe('last_30_days');
    expect(resolveRange(view({ from: '2020-01-01', to: '2026-03-01', range: 'today' }), '2026-11-25').preset).toBe('today');
    expect(resolveRange(view({ from: '2026-02-31', to: '2026-03-01' }), '2026-11-25').preset).toBe('last_30_days');
  });

  it('drops parameters that do not parse instead of failing', () => {
    expect(view({ range: 'forever', compare: 'yesterday', granularity: 'hour' })).toEqual({
      range: undefined,
      from: undefined,
      to: undefined,
      compare: 'previous',
      granularity: undefined,
    });
  });
});
