import { Card, NumberInput, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { Controller, useFieldArray, useFormContext, useWatch } from 'react-hook-form';
import type { ProductInput } from '@/contract/schemas';
import { MoneyInput } from '@/components/money-input';
import { formatPermille, marginPermille } from '@/contract/values/money';

export function VariantsEditor() {
  const { control, register, formState } = useFormContext<ProductInput>();
  // keyName keeps RHF's row keys apart from the variants' own `id`.
  const { fields } = useFieldArray({ control, name: 'variants', keyName: 'rowKey' });
  const variants = useWatch({ control, name: 'variants' });
  const errors = formState.errors.variants;

  return (
    <Card withBorder>
      <Stack gap="sm">
        <Title order={2} size="h4">
          Variants
        </Title>
        {errors?.root?.message && (
          <Text c="red" size="sm">
            {errors.root.message}
          </Text>
        )}
        <Table.ScrollContainer minWidth={900}>
          <Table verticalSpacing="xs" aria-label="Variants">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Variant</Table.Th>
                <Table.Th>SKU</Table.Th>
                <Table.Th>Barcode (UPC-A)</Table.Th>
                <Table.Th>Price</Table.Th>
                <Table.Th>Compare-at</Table.Th>
                <Table.Th>Cost</Table.Th>
                <Table.Th>Margin</Table.Th>
                <Table.Th>Weight (g)</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {fields.map((field, i) => {
                const name = field.optionValues.join(' / ') || 'Default';
                const v = variants?.[i];
                const margin =
                  v && Number.isFinite(v.price) && v.cost != null && Number.isFinite(v.cost) ? marginPermille(v.price, v.cost) : null;
                const e = errors?.[i];
                return (
                  <Table.Tr key={field.rowKey}>
                    <Table.Td>
                      <Text size="sm" fw={500}>
                        {name}
                      </Text>
                      {e?.optionValues?.message && (
                        <Text size="xs" c="red">
                          {e.optionValues.message}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <TextInput aria-label={`SKU of ${name}`} {...register(`variants.${i}.sku`)} error={e?.sku?.message} w={190} />
                    </Table.Td>
                    <Table.Td>
                      <TextInput
                        aria-label={`Barcode of ${name}`}
                        inputMode="numeric"
                        w={150}
                        {...register(`variants.${i}.barcode`, { setValueAs: (s: string | null) => (s?.trim() ? s.trim() : null) })}
                        error={e?.barcode?.message}
                      />
                    </Table.Td>
                    {(['price', 'compareAtPrice', 'cost'] as const).map((key) => (
                      <Table.Td key={key}>
                        <Controller
                          control={control}
                          name={`variants.${i}.${key}`}
                          render={({ field: money, fieldState }) => (
                            <MoneyInput
                              aria-label={`${key === 'price' ? 'Price' : key === 'cost' ? 'Cost' : 'Compare-at price'} of ${name}`}
                              w={110}
                              value={money.value}
                              onChange={money.onChange}
                              onBlur={money.onBlur}
                              ref={money.ref}
                              error={fieldState.error?.message}
                            />
                          )}
                        />
                      </Table.Td>
                    ))}
                    <Table.Td>
                      <Text size="sm" c={margin !== null && margin < 0 ? 'red' : undefined} aria-label={`Margin of ${name}`}>
                        {margin === null ? '—' : formatPermille(margin)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Controller
                        control={control}
                        name={`variants.${i}.weightGrams`}
                        render={({ field: weight, fieldState }) => (
                          <NumberInput
                            aria-label={`Weight in grams of ${name}`}
                            w={90}
                            min={0}
                            allowDecimal={false}
                            value={weight.value ?? ''}
                            onChange={(n) => weight.onChange(typeof n === 'number' ? n : null)}
                            onBlur={weight.onBlur}
                            ref={weight.ref}
                            error={fieldState.error?.message}
                          />
                        )}
                      />
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Stack>
    </Card>
  );
}
