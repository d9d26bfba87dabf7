import { Button, MultiSelect, Select } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { referenceQueries } from '@/api/reference-queries';
import { memo } from 'react';
import { PRODUCT_STATUSES, type ProductStatus } from '@/contract/constants';
import { MoneyInput } from '@/components/money-input';
import { useDraft } from '@/components/use-draft';
import type { ProductListFilters } from '../search';
import { PRODUCT_STATUS_LABELS } from '@/lib/status-labels';
import { activeFilters } from '@/lib/search-params';
import { FilterBar } from '@/components/filter-bar/filter-bar';
import { SearchFilter } from '@/components/filter-bar/filter-fields';

/** The list's own filters; the demo's mock.* settings may sit in the same URL and are not filters. */
const NO_FILTERS = {
  q: undefined,
  status: undefined,
  categoryId: undefined,
  tag: undefined,
  priceMin: undefined,
  priceMax: undefined,
} satisfies Record<keyof ProductListFilters, undefined>;

type ProductFiltersProps = {
  filters: ProductListFilters;
  onChange: (changes: Partial<ProductListFilters>, options?: { replace?: boolean }) => void;
};

/** Memoised: paging and sorting re-render the list, and the filters have not changed. */
export const ProductFilters = memo(function ProductFilters({ filters, onChange }: ProductFiltersProps) {
  const categories = useQuery(referenceQueries.categories());
  const tags = useQuery(referenceQueries.tags());
  const active = activeFilters(filters, NO_FILTERS);

  return (
    <FilterBar active={active}>
      <SearchFilter value={filters.q} placeholder="Title, SKU or barcode" w={240} onChange={(q, options) => onChange({ q }, options)} />
      <MultiSelect
        label="Status"
        placeholder={filters.status?.length ? undefined : 'Any'}
        w={220}
        data={PRODUCT_STATUSES.map((s) => ({ value: s, label: PRODUCT_STATUS_LABELS[s] }))}
        value={filters.status ?? []}
        onChange={(value) => onChange({ status: value.length ? (value as ProductStatus[]) : undefined })}
        clearable
      />
      <Select
        label="Category"
        placeholder="Any"
        w={190}
        data={(categories.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))}
        value={filters.categoryId ?? null}
        onChange={(value) => onChange({ categoryId: value ?? undefined })}
        clearable
      />
      <Select
        label="Tag"
        placeholder="Any"
        w={160}
        searchable
        data={(tags.data?.items ?? []).map((t) => t.tag)}
        value={filters.tag ?? null}
        onChange={(value) => onChange({ tag: value ?? undefined })}
        clearable
        nothingFoundMessage="No such tag"
      />
      <PriceBound label="Price from" value={filters.priceMin} onApply={(priceMin) => onChange({ priceMin })} />
      <PriceBound label="Price to" value={filters.priceMax} onApply={(priceMax) => onChange({ priceMax })} />
      {active > 0 && (
        <Button variant="subtle" onClick={() => onChange(NO_FILTERS)}>
          Clear filters
        </Button>
      )}
    </FilterBar>
  );
}, sameFilters);

function sameFilters(a: ProductFiltersProps, b: ProductFiltersProps): boolean {
  return a.onChange === b.onChange && JSON.stringify(a.filters) === JSON.stringify(b.filters);
}

/** A price bound applies on Enter or when the field is left, not on every keystroke. */
function PriceBound({ label, value, onApply }: { label: string; value: number | undefined; onApply: (cents: number | undefined) => void }) {
  const [draft, setDraft] = useDraft<number | undefined, number | null>(
    value,
    (cents) => cents ?? null,
    (cents) => cents ?? undefined,
  );
  const invalid = draft !== null && Number.isNaN(draft);
  const apply = () => {
    if (!invalid && (draft ?? undefined) !== value) onApply(draft ?? undefined);
  };
  return (
    <MoneyInput
      label={label}
      w={120}
      value={draft}
      onChange={setDraft}
      onBlur={apply}
      onKeyDown={(e) => e.key === 'Enter' && apply()}
      error={invalid ? 'Not an amount' : undefined}
    />
  );
}
