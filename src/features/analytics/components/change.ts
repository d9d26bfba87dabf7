export type Change = { kind: 'none' } | { kind: 'same' } | { kind: 'up' | 'down'; permille: number };

/**
 * The change of a measure against its comparison, in tenths of a percent (rounded half
 * away from zero). Nothing to compare with (no comparison, or 0 then) is `none`: a
 * percentage of zero means nothing.
 */
export function changeOf(current: number, previous: number | null | undefined): Change {
  if (previous == null || previous === 0) return { kind: 'none' };
  const permille = Math.round((Math.abs(current - previous) * 1000) / Math.abs(previous));
  if (permille === 0) return { kind: 'same' };
  return { kind: current > previous ? 'up' : 'down', permille };
}

/** "12.3%"; beyond 1,000% whole percents. */
export function formatPercent(permille: number): string {
  if (permille >= 10_000) return `${Math.round(permille / 10).toLocaleString('en-US')}%`;
  return `${Math.trunc(permille / 10)}.${permille % 10}%`;
}

/** In words, so colour is never the only sign: "Up 12.3%", "Down 4.0%", "No change", "—". */
export function describeChange(change: Change): string {
  switch (change.kind) {
    case 'none':
      return '—';
    case 'same':
      return 'No change';
    case 'up':
      return `Up ${formatPercent(change.permille)}`;
    case 'down':
      return `Down ${formatPercent(change.permille)}`;
  }
}
