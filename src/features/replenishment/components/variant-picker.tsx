import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { InventoryLevel } from '@/contract/stock-schemas';
import { variantSearchQueries } from '../api/replenishment-queries';

type Props = {
  /** The purchase order's location: the search lists the variants' levels there. */
  locationId: string;
  /** Variants on the order already: offered, but not twice. */
  taken: ReadonlySet<string>;
  onPick: (level: InventoryLevel) => void;
  disabled?: boolean;
};

/** Adds a line: a variant found by SKU or title, asked of the inventory list as the person pauses typing. */
export function VariantPicker({ locationId, taken, onPick, disabled }: Props) {
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 200);
  const asking = q.length >= 2 && locationId !== '';
  const found = useQuery({ ...variantSearchQueries.search(q, locationId), enabled: asking, placeholderData: keepPreviousData });
  const levels = asking ? (found.data?.items ?? []) : [];
  return (
    <Select
      label="Add a variant"
      description={locationId ? 'Type 2 or more letters of a SKU or title' : 'Choose the location first'}
      placeholder="SKU or title"
      searchable
      disabled={disabled || !locationId}
      searchValue={search}
      onSearchChange={setSearch}
      value={null}
      // The API has filtered already: show what it answered.
      filter={({ options }) => options}
      data={levels.map((l) => ({
        value: l.variantId,
        label: `${l.sku} · ${l.title}${l.variantTitle ? ` · ${l.variantTitle}` : ''}`,
        disabled: taken.has(l.variantId),
      }))}
      nothingFoundMessage={asking ? (found.isFetching ? 'Searching…' : 'No variant matches') : undefined}
      onChange={(variantId) => {
        const level = levels.find((l) => l.variantId === variantId);
        if (!level) return;
        onPick(level);
        setSearch('');
      }}
      w={{ base: '100%', sm: 380 }}
    />
  );
}
