import { Button, Group, MultiSelect, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { referenceQueries } from '@/api/reference-queries';
import type { DiscountScope } from '@/contract/constants';
import { ChosenList, ProductName, ProductSearch, VariantChoice, VariantName } from './catalogue-pickers';

type TargetPickerProps = {
  scope: DiscountScope;
  value: string[];
  onChange: (ids: string[]) => void;
  error?: string;
  disabled?: boolean;
};

/** The categories, products or variants a discount applies to; nothing to choose for the whole order. */
export function TargetPicker({ scope, value, onChange, error, disabled }: TargetPickerProps) {
  const categories = useQuery(referenceQueries.categories());
  const add = (id: string) => onChange(value.includes(id) ? value : [...value, id]);
  const remove = (id: string) => onChange(value.filter((v) => v !== id));

  switch (scope) {
    case 'order':
      return null;
    case 'categories':
      return (
        <MultiSelect
          label="Categories"
          placeholder={value.length ? undefined : 'Choose categories'}
          data={(categories.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))}
          value={value}
          onChange={onChange}
          error={error}
          disabled={disabled}
          searchable
          clearable
        />
      );
    case 'products':
      return (
        <Stack gap="xs">
          <ProductSearch label="Add a product" onPick={add} exclude={value} error={error} disabled={disabled} />
          <ChosenList label="Products it applies to" ids={value} Name={ProductName} onRemove={remove} disabled={disabled} />
        </Stack>
      );
    case 'variants':
      return (
        <Stack gap="xs">
          <VariantAdder onAdd={add} error={error} disabled={disabled} />
          <ChosenList label="Variants it applies to" ids={value} Name={VariantName} onRemove={remove} disabled={disabled} />
        </Stack>
      );
  }
}

/** Find a product, choose one of its variants, add it. */
function VariantAdder({ onAdd, error, disabled }: { onAdd: (variantId: string) => void; error?: string; disabled?: boolean }) {
  const [productId, setProductId] = useState<string | null>(null);
  const [variant, setVariant] = useState<{ id: string; label: string } | null>(null);
  return (
    <Stack gap="xs">
      <ProductSearch
        label="Find a product"
        onPick={(id) => {
          setProductId(id);
          setVariant(null);
        }}
        error={error}
        disabled={disabled}
      />
      {productId && (
        <Group align="flex-end" gap="xs">
          <div style={{ flex: 1, minWidth: 200 }}>
            <VariantChoice productId={productId} value={variant?.id ?? null} onChange={setVariant} disabled={disabled} />
          </div>
          <Button
            variant="light"
            disabled={!variant || disabled}
            onClick={() => {
              if (!variant) return;
              onAdd(variant.id);
              setVariant(null);
            }}
          >
            Add variant
          </Button>
        </Group>
      )}
      {!productId && (
        <Text size="xs" c="dimmed">
          Find the product, then choose which of its variants.
        </Text>
      )}
    </Stack>
  );
}
