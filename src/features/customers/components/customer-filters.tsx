import { memo } from 'react';
import { activeFilters } from '@/lib/search-params';
import { FilterBar } from '@/components/filter-bar/filter-bar';
import {
  ClearFilters,
  CountFilter,
  DayFilter,
  MoneyFilter,
  sameFilters,
  SearchFilter,
  StateFilter,
} from '@/components/filter-bar/filter-fields';
import type { CustomerListFilters } from '../search';

type CustomerFiltersProps = {
  filters: CustomerListFilters;
  onChange: (changes: Partial<CustomerListFilters>, options?: { replace?: boolean }) => void;
};

const NO_FILTERS = {
  q: undefined,
  state: undefined,
  ordersMin: undefined,
  ordersMax: undefined,
  spentMin: undefined,
  spentMax: undefined,
  lastFrom: undefined,
  lastTo: undefined,
} satisfies Record<keyof CustomerListFilters, undefined>;

const backwards = (from: number | string | undefined, to: number | string | undefined) =>
  from !== undefined && to !== undefined && from > to;

/** Memoised: paging and sorting re-render the list, and the filters have not changed. */
export const CustomerFilters = memo(function CustomerFilters({ filters, onChange }: CustomerFiltersProps) {
  const active = activeFilters(filters, NO_FILTERS);
  return (
    <FilterBar active={active}>
      <SearchFilter value={filters.q} placeholder="Name, email or phone" w={250} onChange={(q, options) => onChange({ q }, options)} />
      <StateFilter label="State" value={filters.state} onApply={(state) => onChange({ state })} />
      <CountFilter label="Orders from" value={filters.ordersMin} onApply={(ordersMin) => onChange({ ordersMin })} />
      <CountFilter
        label="Orders to"
        value={filters.ordersMax}
        onApply={(ordersMax) => onChange({ ordersMax })}
        error={backwards(filters.ordersMin, filters.ordersMax) ? 'Below the lower bound' : undefined}
      />
      <MoneyFilter label="Spent from" value={filters.spentMin} onApply={(spentMin) => onChange({ spentMin })} />
      <MoneyFilter
        label="Spent to"
        value={filters.spentMax}
        onApply={(spentMax) => onChange({ spentMax })}
        error={backwards(filters.spentMin, filters.spentMax) ? 'Below the lower bound' : undefined}
      />
      <DayFilter label="Last order from" value={filters.lastFrom} onApply={(lastFrom) => onChange({ lastFrom })} />
      <DayFilter
        label="Last order to"
        value={filters.lastTo}
        onApply={(lastTo) => onChange({ lastTo })}
        error={backwards(filters.lastFrom, filters.lastTo) ? 'Before the first day' : undefined}
      />
      <ClearFilters active={active} onClear={() => onChange(NO_FILTERS)} />
    </FilterBar>
  );
}, sameFilters);
