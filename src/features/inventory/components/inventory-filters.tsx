import { Button, MultiSelect, Select, Switch, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { referenceQueries } from '@/api/reference-queries';
import { memo } from 'react';
import { LOW_COVER_DAYS, STOCK_STATES, type StockState } from '@/contract/constants';
import { useDraft } from '@/components/use-draft';
import { activeFilters } from '@/lib/search-params';
import { FilterBar } from '@/components/filter-bar/filter-bar';
import type { InventoryListFilters } from '../search';
import { STATE_LABELS } from './stock-labels';

type InventoryFiltersProps = {
  filters: InventoryListFilters;
  onChange: (changes: Partial<InventoryListFilters>, options?: { replace?: boolean }) => void;
};

const NO_FILTERS: Partial<InventoryListFilters> = {
  q: undefined,
  locationId: undefined,
  categoryId: undefined,
  state: undefined,
  low: undefined,
  variantId: undefined,
} satisfies Record<keyof InventoryListFilters, undefined>;

/** Memoised: paging and sorting re-render the list, and the filters have not changed. */
export const InventoryFilters = memo(function InventoryFilters({ filters, onChange }: InventoryFiltersProps) {
  const locations = useQuery(referenceQueries.locations());
  const categories = useQuery(referenceQueries.categories());
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
        placeholder="SKU or title"
        type="search"
        w={220}
        value={q}
        onChange={(e) => {
          setQ(e.currentTarget.value);
          applyQ(e.currentTarget.value);
        }}
      />
      <Select
        label="Location"
        placeholder="Any"
        w={170}
        data={(locations.data?.items ?? []).map((l) => ({ value: l.id, label: l.name }))}
        value={filters.locationId ?? null}
        onChange={(value) => onChange({ locationId: value ?? undefined })}
        clearable
      />
      <Select
        label="Category"
        placeholder="Any"
        w={180}
        data={(categories.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))}
        value={filters.categoryId ?? null}
        onChange={(value) => onChange({ categoryId: value ?? undefined })}
        clearable
      />
      <MultiSelect
        label="Status"
        placeholder={filters.state?.length ? undefined : 'Any'}
        w={230}
        data={STOCK_STATES.map((s) => ({ value: s, label: STATE_LABELS[s] }))}
        value={filters.state ?? []}
        onChange={(value) => onChange({ state: value.length ? (value as StockState[]) : undefined })}
        clearable
      />
      <Switch
        label="Running low"
        description={`At or under threshold, or under ${LOW_COVER_DAYS} days of cover`}
        checked={filters.low === true}
        onChange={(e) => onChange({ low: e.currentTarget.checked ? true : undefined })}
        mb={4}
      />
      {active > 0 && (
        <Button variant="subtle" onClick={() => onChange(NO_FILTERS)}>
          Clear filters
        </Button>
      )}
    </FilterBar>
  );
}, sameFilters);

function sameFilters(a: InventoryFiltersProps, b: InventoryFiltersProps): boolean {
  return a.onChange === b.onChange && JSON.stringify(a.filters) === JSON.stringify(b.filters);
}
