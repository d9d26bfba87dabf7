/**
 * The fields every list's filters are made of: a search box that sends as the person
 * types, a choice of several values, and "Clear filters". A list's filter component
 * lays them out in its FilterBar with its own fields.
 */
import { Button, MultiSelect, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useDraft } from '@/components/use-draft';

type SearchFilterProps = {
  value: string | undefined;
  placeholder: string;
  w: number;
  /** Sent 250 ms after the last keystroke, trimmed (empty is no search), replacing the history entry. */
  onChange: (q: string | undefined, options: { replace: boolean }) => void;
};

export function SearchFilter({ value, placeholder, w, onChange }: SearchFilterProps) {
  const [q, setQ] = useDraft(
    value,
    (v) => v ?? '',
    (text) => text.trim() || undefined,
  );
  // Typing replaces the history entry: back goes to the previous view, not the previous keystroke.
  const apply = useDebouncedCallback((text: string) => onChange(text.trim() || undefined, { replace: true }), 250);
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
