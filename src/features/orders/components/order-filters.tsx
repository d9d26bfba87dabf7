import { Select, TextInput } from '@mantine/core';
import { memo } from 'react';
import { FULFILMENT_STATUSES, ORDER_STATUSES, PAYMENT_STATUSES } from '@/contract/constants';
import { MoneyInput } from '@/components/money-input';
import { useDraft } from '@/components/use-draft';
import { activeFilters } from '@/lib/search-params';
import { FilterBar } from '@/components/filter-bar/filter-bar';
import { ChoiceFilter, ClearFilters, sameFilters, SearchFilter } from '@/components/filter-bar/filter-fields';
import { US_STATES } from '@/contract/values/us-address';
import type { OrderListFilters } from '../search';
import { FULFILMENT_STATUS_LABELS, ORDER_STATUS_LABELS, PAYMENT_STATUS_LABELS } from '@/lib/status-labels';

type OrderFiltersProps = {
  filters: OrderListFilters;
  onChange: (changes: Partial<OrderListFilters>, options?: { replace?: boolean }) => void;
};

const NO_FILTERS = {
  q: undefined,
  status: undefined,
  paymentStatus: undefined,
  fulfilmentStatus: undefined,
  from: undefined,
  to: undefined,
  state: undefined,
  totalMin: undefined,
  totalMax: undefined,
  sku: undefined,
  discountCode: undefined,
} satisfies Record<keyof OrderListFilters, undefined>;

const STATE_OPTIONS = US_STATES.map((s) => ({ value: s.code, label: `${s.code} · ${s.name}` }));

/** Memoised: paging and sorting re-render the list, and the filters have not changed. */
export const OrderFilters = memo(function OrderFilters({ filters, onChange }: OrderFiltersProps) {
  const active = activeFilters(filters, NO_FILTERS);
  const backwards = filters.from !== undefined && filters.to !== undefined && filters.from > filters.to;

  return (
    <FilterBar active={active}>
      <SearchFilter
        value={filters.q}
        placeholder="Order number, name or email"
        w={250}
        onChange={(q, options) => onChange({ q }, options)}
      />
      <ChoiceFilter
        label="Status"
        w={200}
        options={ORDER_STATUSES}
        labels={ORDER_STATUS_LABELS}
        value={filters.status}
        onChange={(status) => onChange({ status })}
      />
      <ChoiceFilter
        label="Payment"
        w={210}
        options={PAYMENT_STATUSES}
        labels={PAYMENT_STATUS_LABELS}
        value={filters.paymentStatus}
        onChange={(paymentStatus) => onChange({ paymentStatus })}
      />
      <ChoiceFilter
        label="Fulfilment"
        w={220}
        options={FULFILMENT_STATUSES}
        labels={FULFILMENT_STATUS_LABELS}
        value={filters.fulfilmentStatus}
        onChange={(fulfilmentStatus) => onChange({ fulfilmentStatus })}
      />
      <DayBound label="Placed from" value={filters.from} onApply={(from) => onChange({ from })} />
      <DayBound
        label="Placed to"
        value={filters.to}
        onApply={(to) => onChange({ to })}
        error={backwards ? 'Before the first day' : undefined}
      />
      <Select
        label="Ship-to state"
        placeholder="Any"
        w={190}
        searchable
        data={STATE_OPTIONS}
        value={filters.state ?? null}
        onChange={(value) => onChange({ state: value ?? undefined })}
        clearable
        nothingFoundMessage="No such state"
      />
      <TotalBound label="Total from" value={filters.totalMin} onApply={(totalMin) => onChange({ totalMin })} />
      <TotalBound label="Total to" value={filters.totalMax} onApply={(totalMax) => onChange({ totalMax })} />
      <TextBound label="Contains SKU" value={filters.sku} onApply={(sku) => onChange({ sku })} />
      <TextBound label="Discount code" value={filters.discountCode} onApply={(discountCode) => onChange({ discountCode })} />
      <ClearFilters active={active} onClear={() => onChange(NO_FILTERS)} />
    </FilterBar>
  );
}, sameFilters);

/** A store day (the browser's date field gives YYYY-MM-DD, which is what the API takes). */
function DayBound({
  label,
  value,
  onApply,
  error,
}: {
  label: string;
  value: string | undefined;
  onApply: (day: string | undefined) => void;
  error?: string;
}) {
  return (
    <TextInput
      label={label}
      type="date"
      w={165}
      value={value ?? ''}
      // The browser hands over a whole, valid date or nothing: apply it as it comes.
      onChange={(e) => {
        const next = e.currentTarget.value || undefined;
        if (next !== value) onApply(next);
      }}
      error={error}
    />
  );
}

/** A money bound applies on Enter or when the field is left, not on every keystroke. */
function TotalBound({ label, value, onApply }: { label: string; value: number | undefined; onApply: (cents: number | undefined) => void }) {
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

/** Text that applies on Enter or when the field is left. */
function TextBound({ label, value, onApply }: { label: string; value: string | undefined; onApply: (text: string | undefined) => void }) {
  const [draft, setDraft] = useDraft(
    value,
    (v) => v ?? '',
    (text) => text.trim() || undefined,
  );
  const apply = () => {
    const next = draft.trim() || undefined;
    if (next !== value) onApply(next);
  };
  return (
    <TextInput
      label={label}
      w={150}
      value={draft}
      onChange={(e) => setDraft(e.currentTarget.value)}
      onBlur={apply}
      onKeyDown={(e) => e.key === 'Enter' && apply()}
    />
  );
}
