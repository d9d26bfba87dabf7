/**
 * Finding what a discount applies to, or what goes in a sample basket: products
 * found by the API (title, SKU or barcode), a product's variants from the product
 * itself, and chosen items named from the catalogue.
 */
import { ActionIcon, Group, Select, Stack, Text, VisuallyHidden } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useId, useState, type ComponentType } from 'react';
import type { Product, Variant } from '@/contract/schemas';
import { formatCents } from '@/contract/values/money';
import { catalogueQueries } from '../api/discount-queries';

type ProductSearchProps = {
  label: string;
  onPick: (productId: string) => void;
  disabled?: boolean;
  error?: string;
  description?: string;
  /** Products already chosen, left out of the results. */
  exclude?: readonly string[];
};

/** A search field whose options are the API's answer: type two letters, pick a product. */
export function ProductSearch({ label, onPick, disabled, error, description, exclude = [] }: ProductSearchProps) {
  const [text, setText] = useState('');
  const [debounced] = useDebouncedValue(text.trim(), 200);
  const found = useQuery({ ...catalogueQueries.search(debounced), enabled: debounced.length >= 2, placeholderData: keepPreviousData });
  const items = debounced.length >= 2 ? (found.data?.items ?? []) : [];
  return (
    <Select
      label={label}
      description={description}
      placeholder="Type a title, SKU or barcode"
      searchable
      value={null}
      searchValue={text}
      onSearchChange={setText}
      // The API has filtered already; the field must not filter its answer again by the label.
      filter={({ options }) => options}
      data={items.filter((p) => !exclude.includes(p.id)).map((p) => ({ value: p.id, label: `${p.title} · ${p.skus[0] ?? ''}` }))}
      nothingFoundMessage={debounced.length < 2 ? 'Type at least two letters' : found.isFetching ? 'Searching…' : 'No product found'}
      onChange={(id) => {
        if (!id) return;
        setText('');
        onPick(id);
      }}
      disabled={disabled}
      error={error}
    />
  );
}

export function variantLabel(product: Pick<Product, 'title'>, variant: Pick<Variant, 'optionValues' | 'sku'>): string {
  const options = variant.optionValues.join(' / ');
  return `${product.title}${options ? ` (${options})` : ''} · ${variant.sku}`;
}

/** A product's variants to choose one from (chosen at once when it has only one). */
export function VariantChoice({
  productId,
  value,
  onChange,
  disabled,
}: {
  productId: string;
  value: string | null;
  onChange: (variant: { id: string; label: string } | null) => void;
  disabled?: boolean;
}) {
  const product = useQuery(catalogueQueries.product(productId));
  const variants = product.data?.variants ?? [];
  // A product of one variant: that is the choice.
  const only = product.data && variants.length === 1 ? variants[0] : undefined;
  useEffect(() => {
    if (only && product.data && value === null) onChange({ id: only.id, label: variantLabel(product.data, only) });
  }, [only, product.data, value, onChange]);
  return (
    <Select
      label="Variant"
      placeholder={product.isPending ? 'Loading…' : 'Choose a variant'}
      data={variants.map((v) => ({ value: v.id, label: `${variantLabel(product.data!, v)} · ${formatCents(v.price)}` }))}
      value={value}
      onChange={(id) => {
        const variant = variants.find((v) => v.id === id);
        onChange(variant && product.data ? { id: variant.id, label: variantLabel(product.data, variant) } : null);
      }}
      error={product.error ? product.error.message : undefined}
      disabled={disabled}
      allowDeselect={false}
    />
  );
}

/** A chosen product, named from the catalogue. */
export function ProductName({ id }: { id: string }) {
  const product = useQuery(catalogueQueries.product(id));
  return <>{product.data ? `${product.data.title}` : product.isError ? id : 'Loading…'}</>;
}

/** A chosen variant, named from the stock list (which knows its SKU, product and options). */
export function VariantName({ id }: { id: string }) {
  const level = useQuery(catalogueQueries.variant(id));
  if (level.data) {
    const { title, variantTitle, sku } = level.data;
    return <>{`${title}${variantTitle ? ` (${variantTitle})` : ''} · ${sku}`}</>;
  }
  return <>{level.isPending ? 'Loading…' : id}</>;
}

/** The items chosen, each with a button that takes it out. */
export function ChosenList({
  ids,
  Name,
  onRemove,
  disabled,
  label,
}: {
  ids: readonly string[];
  /** Names one item. */
  Name: ComponentType<{ id: string }>;
  onRemove: (id: string) => void;
  disabled?: boolean;
  label: string;
}) {
  const uid = useId();
  if (ids.length === 0) return null;
  return (
    <>
      <VisuallyHidden id={`${uid}-remove`}>Remove</VisuallyHidden>
      <Stack gap={4} component="ul" aria-label={label} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {ids.map((id, i) => (
          <Group key={id} component="li" gap="xs" wrap="nowrap" justify="space-between">
            <Text size="sm" id={`${uid}-${i}`} style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
              <Name id={id} />
            </Text>
            {!disabled && (
              // Named "Remove" and the item's name, as shown: "Remove Volt Earbuds".
              <ActionIcon variant="subtle" color="gray" onClick={() => onRemove(id)} aria-labelledby={`${uid}-remove ${uid}-${i}`}>
                <span aria-hidden>×</span>
              </ActionIcon>
            )}
          </Group>
        ))}
      </Stack>
    </>
  );
}
