import { Button } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { memo } from 'react';
import { referenceQueries } from '@/api/reference-queries';
import { activeFilters } from '@/lib/search-params';
import { FilterBar } from '@/components/filter-bar/filter-bar';
import { ClearFilters, DayFilter, PickFilter, sameFilters, SearchFilter } from '@/components/filter-bar/filter-fields';
import { supplierQueries } from '../api/replenishment-queries';
import { NO_SUPPLIER, type ReorderFilters as Filters } from '../search';

type ReorderFiltersProps = {
  filters: Filters;
  /** The store's today: "Due now" is every row to order by then (late ones too). */
  today: string;
  onChange: (changes: Partial<Filters>, options?: { replace?: boolean }) => void;
};

const NO_FILTERS = {
  q: undefined,
  locationId: undefined,
  categoryId: undefined,
  supplierId: undefined,
  by: undefined,
} satisfies Record<keyof Filters, undefined>;

/** Memoised: paging, sorting and choosing rows re-render the list, and the filters have not changed. */
export const ReorderFilters = memo(
  function ReorderFilters({ filters, today, onChange }: ReorderFiltersProps) {
    const locations = useQuery(referenceQueries.locations());
    const categories = useQuery(referenceQueries.categories());
    const suppliers = useQuery(supplierQueries.list());
    const active = activeFilters(filters, NO_FILTERS);
    const dueNow = filters.by === today;

    return (
      <FilterBar active={active}>
        <SearchFilter
          value={filters.q}
          placeholder="SKU, supplier SKU or title"
          w={230}
          onChange={(q, options) => onChange({ q }, options)}
        />
        <PickFilter
          label="Location"
          w={170}
          items={locations.data?.items}
          value={filters.locationId}
          onChange={(locationId) => onChange({ locationId })}
        />
        <PickFilter
          label="Supplier"
          w={200}
          searchable
          extra={[{ value: NO_SUPPLIER, label: 'No supplier' }]}
          items={suppliers.data?.items}
          value={filters.supplierId}
          onChange={(supplierId) => onChange({ supplierId })}
        />
        <PickFilter
          label="Category"
          w={180}
          items={categories.data?.items}
          value={filters.categoryId}
          onChange={(categoryId) => onChange({ categoryId })}
        />
        <DayFilter label="Order by (store day, ET)" w={190} value={filters.by} onApply={(by) => onChange({ by })} />
        <Button variant={dueNow ? 'filled' : 'default'} aria-pressed={dueNow} onClick={() => onChange({ by: dueNow ? undefined : today })}>
          Due now
        </Button>
        <ClearFilters active={active} onClear={() => onChange(NO_FILTERS)} />
      </FilterBar>
    );
  },
  (a, b) => a.today === b.today && sameFilters(a, b),
);
