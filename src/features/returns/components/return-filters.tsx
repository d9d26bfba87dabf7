import { memo } from 'react';
import { RETURN_REASONS, RETURN_STATUSES } from '@/contract/constants';
import { RETURN_REASON_LABELS } from '@/domain/return-decisions';
import { FilterBar } from '@/components/filter-bar/filter-bar';
import { ChoiceFilter, ClearFilters, sameFilters, SearchFilter } from '@/components/filter-bar/filter-fields';
import { activeFilters } from '@/lib/search-params';
import { RETURN_STATUS_LABELS } from '@/lib/status-labels';
import type { ReturnListFilters } from '../search';

type ReturnFiltersProps = {
  filters: ReturnListFilters;
  onChange: (changes: Partial<ReturnListFilters>, options?: { replace?: boolean }) => void;
};

const NO_FILTERS = { q: undefined, status: undefined, reason: undefined } satisfies Record<keyof ReturnListFilters, undefined>;

/** Memoised: paging and sorting re-render the list, and the filters have not changed. */
export const ReturnFilters = memo(function ReturnFilters({ filters, onChange }: ReturnFiltersProps) {
  const active = activeFilters(filters, NO_FILTERS);
  return (
    <FilterBar active={active}>
      <SearchFilter
        value={filters.q}
        placeholder="Order number, customer name or email"
        w={280}
        onChange={(q, options) => onChange({ q }, options)}
      />
      <ChoiceFilter
        label="Status"
        w={240}
        options={RETURN_STATUSES}
        labels={RETURN_STATUS_LABELS}
        value={filters.status}
        onChange={(status) => onChange({ status })}
      />
      <ChoiceFilter
        label="Reason"
        w={240}
        options={RETURN_REASONS}
        labels={RETURN_REASON_LABELS}
        value={filters.reason}
        onChange={(reason) => onChange({ reason })}
      />
      <ClearFilters active={active} onClear={() => onChange(NO_FILTERS)} />
    </FilterBar>
  );
}, sameFilters);
