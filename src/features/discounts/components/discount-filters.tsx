import { Button, MultiSelect, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { memo } from 'react';
import {
  DISCOUNT_KINDS,
  DISCOUNT_STATUSES,
  DISCOUNT_TYPES,
  type DiscountKind,
  type DiscountStatus,
  type DiscountType,
} from '@/contract/constants';
import { FilterBar } from '@/components/filter-bar/filter-bar';
import { useDraft } from '@/components/use-draft';
import { activeFilters } from '@/lib/search-params';
import { KIND_LABELS, STATUS_LABELS, TYPE_LABELS } from '../discount-labels';
import type { DiscountListFilters } from '../search';

/** The list's own filters; the demo's mock.* settings may sit in the same URL and are not filters. */
const NO_FILTERS = { q: undefined, status: undefined, kind: undefined, type: undefined } satisfies Record<
  keyof DiscountListFilters,
  undefined
>;

type DiscountFiltersProps = {
  filters: DiscountListFilters;
  onChange: (changes: Partial<DiscountListFilters>, options?: { replace?: boolean }) => void;
};

/** Memoised: paging and sorting re-render the list, and the filters have not changed. */
export const DiscountFilters = memo(function DiscountFilters({ filters, onChange }: DiscountFiltersProps) {
  const [q, setQ] = useDraft(
    filters.q,
    (value) => value ?? '',
    (text) => text.trim() || undefined,
  );
  // Typing replaces the history entry: back goes to the previous view, not the previous keystroke.
  const applyQ = useDebouncedCallback((value: string) => onChange({ q: value.trim() || undefined }, { replace: true }), 250);
  const active = activeFilters(filters, NO_FILTERS);

  return (
    <FilterBar active={active}>
      <TextInput
        label="Search"
        placeholder="Code or name"
        type="search"
        w={220}
        value={q}
        onChange={(e) => {
          setQ(e.currentTarget.value);
          applyQ(e.currentTarget.value);
        }}
      />
      <MultiSelect
        label="Status"
        placeholder={filters.status?.length ? undefined : 'Any'}
        w={230}
        data={DISCOUNT_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] }))}
        value={filters.status ?? []}
        onChange={(value) => onChange({ status: value.length ? (value as DiscountStatus[]) : undefined })}
        clearable
      />
      <MultiSelect
        label="Kind"
        placeholder={filters.kind?.length ? undefined : 'Any'}
        w={200}
        data={DISCOUNT_KINDS.map((k) => ({ value: k, label: KIND_LABELS[k] }))}
        value={filters.kind ?? []}
        onChange={(value) => onChange({ kind: value.length ? (value as DiscountKind[]) : undefined })}
        clearable
      />
      <MultiSelect
        label="Type"
        placeholder={filters.type?.length ? undefined : 'Any'}
        w={230}
        data={DISCOUNT_TYPES.map((t) => ({ value: t, label: TYPE_LABELS[t] }))}
        value={filters.type ?? []}
        onChange={(value) => onChange({ type: value.length ? (value as DiscountType[]) : undefined })}
        clearable
      />
      {active > 0 && (
        <Button variant="subtle" onClick={() => onChange(NO_FILTERS)}>
          Clear filters
        </Button>
      )}
    </FilterBar>
  );
}, sameFilters);

function sameFilters(a: DiscountFiltersProps, b: DiscountFiltersProps): boolean {
  return a.onChange === b.onChange && JSON.stringify(a.filters) === JSON.stringify(b.filters);
}
