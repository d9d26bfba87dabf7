import { averageOrderValue, buckets, comparisonRange, defaultGranularity, presetRange, yearBefore } from './report-rules';

describe('report ranges', () => {
  const today = '2026-11-25';
  it.each([
    ['today', '2026-11-25', '2026-11-25'],
    ['yesterday', '2026-11-24', '2026-11-24'],
    ['last_7_days', '2026-11-19', '2026-11-25'],
    ['last_30_days', '2026-10-27', '2026-11-25'],
    ['last_90_days', '2026-08-28', '2026-11-25'],
    ['month_to_date', '2026-11-01', '2026-11-25'],
    ['year_to_date', '2026-01-01', '2026-11-25'],
    ['last_year', '2025-01-01', '2025-12-31'],
  ] as const)('%s is %s … %s', (preset, from, to) => {
    expect(presetRange(preset, today)).toEqual({ from, to });
  });

  it('compares with the days just before, or the same days a year earlier', () => {
    expect(comparisonRange('2026-11-19', '2026-11-25', 'previous')).toEqual({ from: '2026-11-12', to: '2026-11-18' });
    expect(comparisonRange('2026-03-01', '2026-03-31', 'previous')).toEqual({ from: '2026-01-29', to: '2026-02-28' });
    expect(comparisonRange('2026-11-19', '2026-11-25', 'last_year')).toEqual({ from: '2025-11-19', to: '2025-11-25' });
    expect(comparisonRange('2026-11-19', '2026-11-25', 'none')).toBeNull();
    expect(yearBefore('2028-02-29')).toBe('2027-02-28');
  });

  it('buckets by day, by week from Monday, and by month, clipped to the range', () => {
    expect(buckets('2026-11-20', '2026-11-22', 'day').map((b) => b.start)).toEqual(['2026-11-20', '2026-11-21', '2026-11-22']);
    expect(buckets('2026-11-20', '2026-12-02', 'week')).toEqual([
      { start: '2026-11-16', from: '2026-11-20', to: '2026-11-22' },
      { start: '2026-11-23', from: '2026-11-23', to: '2026-11-29' },
      { start: '2026-11-30', from: '2026-11-30', to: '2026-12-02' },
    ]);
    expect(buckets('2026-01-15', '2026-03-02', 'month').map((b) => [b.start, b.from, b.to])).toEqual([
      ['2026-01-01', '2026-01-15', '2026-01-31'],
      ['2026-02-01', '2026-02-01', '2026-02-28'],
      ['2026-03-01', '2026-03-01', '2026-03-02'],
    ]);
    expect([
      defaultGranularity('2026-11-01', '2026-11-30'),
      defaultGranularity('2026-08-28', '2026-11-25'),
      defaultGranularity('2026-01-01', '2026-11-25'),
    ]).toEqual(['day', 'week', 'month']);
  });

  it('rounds the average order value half up, in whole cents', () => {
    expect(averageOrderValue(1001, 2)).toBe(501);
    expect(averageOrderValue(1000, 3)).toBe(333);
    expect(averageOrderValue(0, 0)).toBe(0);
  });
});
