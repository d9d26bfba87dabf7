import { Switch } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { memo } from 'react';
import { referenceQueries } from '@/api/reference-queries';
import { PURCHASE_ORDER_STATUSES } from '@/contract/constants';
import { activeFilters } from '@/lib/search-params';
import { FilterBar } from '@/components/filter-bar/filter-bar';
import { ChoiceFilter, ClearFilters, PickFilter, sameFilters } from '@/components/filter-bar/filter-fields';
import { supplierQueries } from '../api/replenishment-queries';
import type { PurchaseOrderFilters as Filters } from '../search';
import { PO_STATUS_LABELS } from './labels';

type Props = {
  filters: Filters;
  onChange: (changes: Partial<Filters>, options?: { replace?: boolean }) => void;
};

const NO_FILTERS = {
  status: undefined,
  supplierId: undefined,
  locationId: undefined,
  overdue: undefined,
} satisfies Record<keyof Filters, undefined>;

/** Memoised: paging re-renders the list, and the filters have not changed. */
export const PurchaseOrderFilters = memo(function PurchaseOrderFilters({ filters, onChange }: Props) {
  const locations = useQuery(referenceQueries.locations());
  const suppliers = useQuery(supplierQueries.list());
  const active = activeFilters(filters, NO_FILTERS);
  return (
    <FilterBar active={active}>
      <ChoiceFilter
        label="Status"
        w={240}
        options={PURCHASE_ORDER_STATUSES}
        labels={PO_STATUS_LABELS}
        value={filters.status}
        onChange={(status) => onChange({ status })}
      />
      <PickFilter
        label="Supplier"
        w={200}
        searchable
        items={suppliers.data?.items}
        value={filters.supplierId}
        onChange={(supplierId) => onChange({ supplierId })}
      />
      <PickFilter
        label="Location"
        w={170}
        items={locations.data?.items}
        value={filters.locationId}
        onChange={(locationId) => onChange({ locationId })}
      />
      <Switch
        label="Overdue"
        description="Sent, and past the day expected"
        checked={filters.overdue === true}
        onChange={(e) => onChange({ overdue: e.currentTarget.checked ? true : undefined })}
        mb={4}
      />
      <ClearFilters active={active} onClear={() => onChange(NO_FILTERS)} />
    </FilterBar>
  );
}, sameFilters);
