import { Switch } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { referenceQueries } from '@/api/reference-queries';
import { memo } from 'react';
import { LOW_COVER_DAYS, STOCK_STATES } from '@/contract/constants';
import { activeFilters } from '@/lib/search-params';
import { FilterBar } from '@/components/filter-bar/filter-bar';
import { ChoiceFilter, ClearFilters, PickFilter, sameFilters, SearchFilter } from '@/components/filter-bar/filter-fields';
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
      <PickFilter
        label="Location"
        w={170}
        items={locations.data?.items}
        value={filters.locationId}
        onChange={(locationId) => onChange({ locationId })}
      />
      <PickFilter
        label="Category"
        w={180}
        items={categories.data?.items}
        value={filters.categoryId}
        onChange={(categoryId) => onChange({ categoryId })}
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
