import { Button, Group, MultiSelect, Select, Text, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { referenceQueries } from '@/api/reference-queries';
import { PRODUCT_STATUSES, type ProductStatus } from '@/contract/constants';
import { useDraft } from '@/components/use-draft';
import { formatCents } from '@/contract/values/money';
import type { BulkPriceSearch } from '../search';

type Selection = Omit<BulkPriceSearch, 'page' | 'pageSize' | 'flagged'>;

const STATUS_LABELS: Record<ProductStatus, string> = { active: 'Active', draft: 'Draft', archived: 'Archived' };

/** The selection of a bulk change: products chosen on the product list, or a filter like the list's. */
export function SelectionFilters({ search, onChange }: { search: Selection; onChange: (changes: Partial<Selection>) => void }) {
  const categories = useQuery(referenceQueries.categories());
  const [q, setQ] = useDraft(
    search.q,
    (value) => value ?? '',
    (text) => text.trim() || undefined,
  );
  const applyQ = useDebouncedCallback((value: string) => onChange({ q: value.trim() || undefined }), 250);

  if (search.ids?.length) {
    return (
      <Group gap="sm">
        <Text size="sm">
          {search.ids.length} product{search.ids.length === 1 ? '' : 's'} chosen on the product list.
        </Text>
        <Button variant="subtle" size="xs" onClick={() => onChange({ ids: undefined })}>
          Use a filter instead
        </Button>
      </Group>
    );
  }
  return (
    <Group align="flex-end" gap="sm" wrap="wrap">
      <TextInput
        label="Search"
        placeholder="Title, SKU or barcode"
        type="search"
        w={200}
        value={q}
        onChange={(e) => {
          setQ(e.currentTarget.value);
          applyQ(e.currentTarget.value);
        }}
      />
      <Select
        label="Category"
        placeholder="Any"
        w={180}
        data={(categories.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))}
        value={search.categoryId ?? null}
        onChange={(value) => onChange({ categoryId: value ?? undefined })}
        clearable
      />
      <MultiSelect
        label="Status"
        placeholder={search.status?.length ? undefined : 'Any'}
        w={200}
        data={PRODUCT_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] }))}
        value={search.status ?? []}
        onChange={(value) => onChange({ status: value.length ? (value as ProductStatus[]) : undefined })}
        clearable
      />
      {(search.tag || search.priceMin !== undefined || search.priceMax !== undefined) && (
        <Text size="xs" c="dimmed">
          {[
            search.tag && `tag ${search.tag}`,
            search.priceMin !== undefined && `from ${formatCents(search.priceMin)}`,
            search.priceMax !== undefined && `to ${formatCents(search.priceMax)}`,
          ]
            .filter(Boolean)
            .join(', ')}
        </Text>
      )}
    </Group>
  );
}
