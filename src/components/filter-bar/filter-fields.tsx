/**
 * The fields every list's filters are made of: a search box that sends as the person
 * types, a choice of several values, a US state, bounds (a day, an amount, a count),
 * and "Clear filters". A list's filter component lays them out in its FilterBar with
 * its own fields.
 */
import { Button, MultiSelect, Select, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useEffect, useRef } from 'react';
import { useDraft } from '@/components/use-draft';
import { MoneyInput } from '@/components/money-input';
import { US_STATES } from '@/contract/values/us-address';

type SearchFilterProps = {
  value: string | undefined;
  placeholder: string;
  w: number;
  /** Sent 250 ms after the last keystroke (at once on Enter), trimmed (empty is no search), replacing the history entry. */
  onChange: (q: string | undefined, options: { replace: boolean }) => void;
};

export function SearchFilter({ value, placeholder, w, onChange }: SearchFilterProps) {
  // The last search this box sent: when it comes back (the URL catching up) while the person types on, it is
  // not a change from outside, and must not take back the keys typed since.
  const sent = useRef<string | undefined | null>(null);
  const [q, setQ] = useDraft(
    value,
    (v) => v ?? '',
    (text) => text.trim() || undefined,
    (v) => sent.current !== null && Object.is(v, sent.current),
  );
  // Once the value has moved (echo or not), a later move to the same value is from outside: back, forward, a reset.
  // The value is the trigger, not something the effect reads.
  // oxlint-disable-next-line react/exhaustive-deps
  useEffect(() => {
    sent.current = null;
  }, [value]);
  // Typing replaces the history entry: back goes to the previous view, not the previous keystroke.
  const apply = useDebouncedCallback((text: string) => {
    sent.current = text.trim() || undefined;
    onChange(sent.current, { replace: true });
  }, 250);
  return (
    <TextInput
      label="Search"
      placeholder={placeholder}
      type="search"
      w={w}
      value={q}
      onChange={(e) => {
        setQ(e.currentTarget.value);
        apply(e.currentTarget.value);
      }}
      // Enter searches at once, without waiting for the pause.
      onKeyDown={(e) => {
        if (e.key === 'Enter') apply.flush();
      }}
    />
  );
}

type ChoiceFilterProps<T extends string> = {
  label: string;
  w: number;
  options: readonly T[];
  labels: Record<T, string>;
  value: readonly T[] | undefined;
  /** None chosen is no filter (undefined), so the URL leaves it out. */
  onChange: (value: T[] | undefined) => void;
};

export function ChoiceFilter<T extends string>({ label, w, options, labels, value, onChange }: ChoiceFilterProps<T>) {
  return (
    <MultiSelect
      label={label}
      placeholder={value?.length ? undefined : 'Any'}
      w={w}
      data={options.map((o) => ({ value: o, label: labels[o] }))}
      value={value ? [...value] : []}
      onChange={(chosen) => onChange(chosen.length ? (chosen as T[]) : undefined)}
      clearable
    />
  );
}

/** Shown while any filter is on; clears them all at once. */
export function ClearFilters({ active, onClear }: { active: number; onClear: () => void }) {
  return active > 0 ? (
    <Button variant="subtle" onClick={onClear}>
      Clear filters
    </Button>
  ) : null;
}

/** For memo: the filters re-render only when they or their onChange change (paging and sorting re-render the list). */
export function sameFilters<P extends { filters: object; onChange: unknown }>(a: P, b: P): boolean {
  return a.onChange === b.onChange && JSON.stringify(a.filters) === JSON.stringify(b.filters);
}

type BoundProps<T> = {
  label: string;
  value: T | undefined;
  /** Called with the new bound (undefined: none); a bound that is not valid yet is not applied. */
  onApply: (value: T | undefined) => void;
  w?: number;
  error?: string;
};

/** A store day, YYYY-MM-DD: the browser's date field hands over a whole, valid date or nothing, so it applies as it comes. */
export function DayFilter({ label, value, onApply, w = 165, error }: BoundProps<string>) {
  return (
    <TextInput
      label={label}
      type="date"
      w={w}
      value={value ?? ''}
      onChange={(e) => {
        const next = e.currentTarget.value || undefined;
        if (next !== value) onApply(next);
      }}
      error={error}
    />
  );
}

/** A money bound in dollars over integer cents; applies on Enter or when the field is left, not on every keystroke. */
export function MoneyFilter({ label, value, onApply, w = 120, error }: BoundProps<number>) {
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
      w={w}
      value={draft}
      onChange={setDraft}
      onBlur={apply}
      onKeyDown={(e) => e.key === 'Enter' && apply()}
      error={invalid ? 'Not an amount' : error}
    />
  );
}

/** A whole number of things (orders, units); applies on Enter or when the field is left. */
export function CountFilter({ label, value, onApply, w = 110, error }: BoundProps<number>) {
  const [draft, setDraft] = useDraft(
    value,
    (n) => (n === undefined ? '' : String(n)),
    (text) => (text.trim() === '' ? undefined : Number(text.trim())),
  );
  const text = draft.trim();
  const invalid = text !== '' && !/^\d{1,6}$/.test(text);
  const apply = () => {
    const next = text === '' ? undefined : Number(text);
    if (!invalid && next !== value) onApply(next);
  };
  return (
    <TextInput
      label={label}
      w={w}
      inputMode="numeric"
      autoComplete="off"
      value={draft}
      onChange={(e) => setDraft(e.currentTarget.value)}
      onBlur={apply}
      onKeyDown={(e) => e.key === 'Enter' && apply()}
      error={invalid ? 'A whole number' : error}
    />
  );
}

type PickFilterProps = {
  label: string;
  w: number;
  /** Records with an id and a name (locations, categories, suppliers), and any extra choices first. */
  items: readonly { id: string; name: string }[] | undefined;
  extra?: readonly { value: string; label: string }[];
  value: string | undefined;
  onChange: (value: string | undefined) => void;
  searchable?: boolean;
};

/** One of a list of records, or Any (cleared): a location, a category, a supplier. */
export function PickFilter({ label, w, items, extra = [], value, onChange, searchable }: PickFilterProps) {
  return (
    <Select
      label={label}
      placeholder="Any"
      w={w}
      searchable={searchable}
      data={[...extra, ...(items ?? []).map((i) => ({ value: i.id, label: i.name }))]}
      value={value ?? null}
      onChange={(next) => onChange(next ?? undefined)}
      clearable
    />
  );
}

const STATE_OPTIONS = US_STATES.map((s) => ({ value: s.code, label: `${s.code} · ${s.name}` }));

/** One US state by its two-letter code, found by code or name. */
export function StateFilter({ label, value, onApply, w = 190 }: Omit<BoundProps<string>, 'error'>) {
  return (
    <Select
      label={label}
      placeholder="Any"
      w={w}
      searchable
      data={STATE_OPTIONS}
      value={value ?? null}
      onChange={(next) => onApply(next ?? undefined)}
      clearable
      nothingFoundMessage="No such state"
    />
  );
}
