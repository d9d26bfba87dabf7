import { Select, Switch } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { referenceQueries } from '@/api/reference-queries';
import { memo } from 'react';
import { LOW_COVER_DAYS, STOCK_STATES } from '@/contract/constants';
import { activeFilters } from '@/lib/search-params';
import { FilterBar } from '@/components/filter-bar/filter-bar';
import { ChoiceFilter, ClearFilters, sameFilters, SearchFilter } from '@/components/filter-bar/filter-fields';
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
  const active = activeFilters(filters, NO_FILTERS);

  return (
    <FilterBar active={active}>
      <SearchFilter value={filters.q} placeholder="SKU or title" w={220} onChange={(q, options) => onChange({ q }, options)} />
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
      <ChoiceFilter
        label="Status"
        w={230}
        options={STOCK_STATES}
        labels={STATE_LABELS}
        value={filters.state}
        onChange={(state) => onChange({ state })}
      />
      <Switch
        label="Running low"
        description={`At or under threshold, or under ${LOW_COVER_DAYS} days of cover`}
        checked={filters.low === true}
        onChange={(e) => onChange({ low: e.currentTarget.checked ? true : undefined })}
        mb={4}
      />
      <ClearFilters active={active} onClear={() => onChange(NO_FILTERS)} />
    </FilterBar>
  );
}, sameFilters);
