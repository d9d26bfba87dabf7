/** The reports' category and state filters: "Every …" is no filter, so the URL leaves it out. */
import { NativeSelect } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { referenceQueries } from '@/api/reference-queries';
import { US_STATES } from '@/contract/values/us-address';

type FilterProps = { value: string | undefined; onChange: (value: string | undefined) => void };

const STATE_OPTIONS = [{ value: '', label: 'Every state' }, ...US_STATES.map((s) => ({ value: s.code, label: s.name }))];

export function CategoryFilter({ value, onChange }: FilterProps) {
  const categories = useQuery(referenceQueries.categories());
  return (
    <NativeSelect
      label="Category"
      w={190}
      value={value ?? ''}
      data={[{ value: '', label: 'Every category' }, ...(categories.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))]}
      onChange={(e) => onChange(e.currentTarget.value || undefined)}
    />
  );
}

export function StateFilter({ value, onChange }: FilterProps) {
  return (
    <NativeSelect
      label="State"
      w={190}
      value={value ?? ''}
      data={STATE_OPTIONS}
      onChange={(e) => onChange(e.currentTarget.value || undefined)}
    />
  );
}
