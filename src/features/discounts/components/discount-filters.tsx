import { memo } from 'react';
import { DISCOUNT_KINDS, DISCOUNT_STATUSES, DISCOUNT_TYPES } from '@/contract/constants';
import { FilterBar } from '@/components/filter-bar/filter-bar';
import { ChoiceFilter, ClearFilters, sameFilters, SearchFilter } from '@/components/filter-bar/filter-fields';
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
  const active = activeFilters(filters, NO_FILTERS);
  return (
    <FilterBar active={active}>
      <SearchFilter value={filters.q} placeholder="Code or name" w={220} onChange={(q, options) => onChange({ q }, options)} />
      <ChoiceFilter
        label="Status"
        w={230}
        options={DISCOUNT_STATUSES}
        labels={STATUS_LABELS}
        value={filters.status}
        onChange={(status) => onChange({ status })}
      />
      <ChoiceFilter
        label="Kind"
        w={200}
        options={DISCOUNT_KINDS}
        labels={KIND_LABELS}
        value={filters.kind}
        onChange={(kind) => onChange({ kind })}
      />
      <ChoiceFilter
        label="Type"
        w={230}
        options={DISCOUNT_TYPES}
        labels={TYPE_LABELS}
        value={filters.type}
        onChange={(type) => onChange({ type })}
      />
      <ClearFilters active={active} onClear={() => onChange(NO_FILTERS)} />
    </FilterBar>
  );
}, sameFilters);
