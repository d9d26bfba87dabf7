import { Group, NativeSelect, TextInput } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { COMPARISONS, GRANULARITIES, type Comparison, type Granularity } from '@/contract/constants';
import { PRESETS, type Preset } from '@/domain/report-rules';
import { resolveRange } from '../range';
import type { RangeView } from '../search';
import { COMPARISON_LABELS, GRANULARITY_LABELS, PRESET_LABELS } from './labels';

const CUSTOM = 'custom';

type RangeControlsProps = {
  view: RangeView;
  today: string;
  onChange: (changes: Partial<RangeView>) => void;
  /** The granularity the API chose when the URL names none; left out, no granularity control. */
  granularity?: Granularity;
  /** More fields on the same line (the reports page's breakdown and filters). */
  children?: ReactNode;
  /** False where nothing is compared (the lists behind a figure, the summary, profit). */
  comparing?: boolean;
  /** The space below; 0 inside a FilterBar, which has its own. */
  mb?: 'md' | 0;
};

/**
 * Range (a preset or two store days), comparison and granularity. Native selects and
 * date inputs: keyboard and phone friendly, and nothing to load. A new range drops a
 * chosen granularity, so the API picks one that suits the new length.
 */
export function RangeControls({ view, today, onChange, granularity, children, comparing = true, mb = 'md' }: RangeControlsProps) {
  const range = resolveRange(view, today);
  return (
    <Group align="flex-end" gap="sm" mb={mb} wrap="wrap">
      <NativeSelect
        label="Date range"
        w={170}
        value={range.preset ?? CUSTOM}
        data={[...PRESETS.map((p) => ({ value: p, label: PRESET_LABELS[p] })), { value: CUSTOM, label: 'Custom range' }]}
        onChange={(e) => {
          const value = e.currentTarget.value;
          if (value === CUSTOM) onChange({ range: undefined, from: range.from, to: range.to });
          else onChange({ range: value as Preset, from: undefined, to: undefined, granularity: undefined });
        }}
      />
      {range.preset === null && <CustomRange key={`${range.from}/${range.to}`} from={range.from} to={range.to} onChange={onChange} />}
      {comparing && (
        <NativeSelect
          label="Compare with"
          w={200}
          value={range.compare}
          data={COMPARISONS.map((c) => ({ value: c, label: COMPARISON_LABELS[c] }))}
          onChange={(e) => onChange({ compare: e.currentTarget.value as Comparison })}
        />
      )}
      {granularity && (
        <NativeSelect
          label="Group by"
          w={110}
          value={view.granularity ?? granularity}
          data={GRANULARITIES.map((g) => ({ value: g, label: GRANULARITY_LABELS[g] }))}
          onChange={(e) => onChange({ granularity: e.currentTarget.value as Granularity })}
        />
      )}
      {children}
    </Group>
  );
}

/** Two store days; the URL changes once both make a range, and a wrong pair says why beside the field. */
function CustomRange({ from, to, onChange }: { from: string; to: string; onChange: (changes: Partial<RangeView>) => void }) {
  const [draft, setDraft] = useState({ from, to });
  const wrong = draft.from && draft.to && draft.from > draft.to ? 'Ends before it starts' : undefined;
  const update = (next: { from: string; to: string }) => {
    setDraft(next);
    if (next.from && next.to && next.from <= next.to) onChange({ range: undefined, ...next, granularity: undefined });
  };
  return (
    <>
      <TextInput type="date" label="From" w={160} value={draft.from} onChange={(e) => update({ ...draft, from: e.currentTarget.value })} />
      <TextInput
        type="date"
        label="To"
        w={160}
        value={draft.to}
        error={wrong}
        onChange={(e) => update({ ...draft, to: e.currentTarget.value })}
      />
    </>
  );
}
