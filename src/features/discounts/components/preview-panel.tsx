/**
 * A sample basket priced with the discount as the form has it, saved or not: the
 * API prices it by the orders' own rule (POST /api/discounts/preview); this panel
 * only builds the basket and shows the answer, cent for cent.
 */
import { ActionIcon, Alert, Button, Card, Group, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useWatch, type Control } from 'react-hook-form';
import { ApiError } from '@/api/api-error';
import { discountInputSchema, type DiscountInput, type DiscountPreview } from '@/contract/discount-schemas';
import { formatCents } from '@/contract/values/money';
import { US_STATES } from '@/contract/values/us-address';
import { HorizontalScroller } from '@/components/scroller/horizontal-scroller';
import { discountQueries } from '../api/discount-queries';
import { ProductSearch, VariantChoice } from './catalogue-pickers';
import classes from './discounts.module.css';

type Line = { variantId: string; label: string; quantity: number };

const STATE_OPTIONS = US_STATES.map((s) => ({ value: s.code, label: `${s.code} · ${s.name}` }));
const MAX_UNITS = 1000;

export function PreviewPanel({ control }: { control: Control<DiscountInput> }) {
  const values = useWatch({ control }) as DiscountInput;
  const [lines, setLines] = useState<Line[]>([]);
  const [state, setState] = useState('NY');
  const parsed = discountInputSchema.safeParse(values);
  const quantitiesOk = lines.every((l) => Number.isInteger(l.quantity) && l.quantity >= 1 && l.quantity <= MAX_UNITS);
  const ready = parsed.success && lines.length > 0 && quantitiesOk;
  const input = ready ? { discount: parsed.data, basket: lines.map(({ variantId, quantity }) => ({ variantId, quantity })), state } : null;
  // Typing in the form asks again once it pauses, not on every keystroke.
  const [debounced] = useDebouncedValue(input, 300);
  const preview = useQuery({
    ...discountQueries.preview(debounced ?? { discount: values, basket: [], state }),
    enabled: debounced !== null && input !== null,
    placeholderData: keepPreviousData,
  });

  const addLine = (line: Omit<Line, 'quantity'>, quantity: number) =>
    setLines((was) =>
      was.some((l) => l.variantId === line.variantId)
        ? was.map((l) => (l.variantId === line.variantId ? { ...l, quantity: Math.min(MAX_UNITS, l.quantity + quantity) } : l))
        : [...was, { ...line, quantity }],
    );

  return (
    <Card withBorder component="section" aria-labelledby="discount-preview-title">
      <Stack gap="sm">
        <div>
          <Title order={2} size="h4" id="discount-preview-title">
            Preview on a basket
          </Title>
          <Text size="sm" c="dimmed">
            Build a sample basket: it is priced with the discount as it stands in this form, saved or not, by the rule the orders use.
          </Text>
        </div>
        <BasketAdder onAdd={addLine} />
        {lines.length > 0 && (
          <Stack gap={6} component="ul" aria-label="Basket" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {lines.map((line) => (
              <Group key={line.variantId} component="li" gap="xs" wrap="nowrap" justify="space-between">
                <Text size="sm" style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
                  {line.label}
                </Text>
                <Group gap={4} wrap="nowrap">
                  <TextInput
                    aria-label={`Quantity of ${line.label}`}
                    w={72}
                    size="xs"
                    inputMode="numeric"
                    value={Number.isNaN(line.quantity) ? '' : String(line.quantity)}
                    onChange={(e) => {
                      const text = e.currentTarget.value.trim();
                      const quantity = /^\d{1,4}$/.test(text) ? Number(text) : Number.NaN;
                      setLines((was) => was.map((l) => (l.variantId === line.variantId ? { ...l, quantity } : l)));
                    }}
                    error={
                      Number.isInteger(line.quantity) && line.quantity >= 1 && line.quantity <= MAX_UNITS ? undefined : '1 to 1,000 units'
                    }
                  />
                  <ActionIcon
                    variant="subtle"
                    color="gray"
                    aria-label={`Remove ${line.label} from the basket`}
                    onClick={() => setLines((was) => was.filter((l) => l.variantId !== line.variantId))}
                  >
                    <span aria-hidden>×</span>
                  </ActionIcon>
                </Group>
              </Group>
            ))}
          </Stack>
        )}
        <Select
          label="Ship to"
          w={240}
          searchable
          data={STATE_OPTIONS}
          value={state}
          onChange={(v) => v && setState(v)}
          allowDeselect={false}
          nothingFoundMessage="No such state"
        />
        {lines.length === 0 ? (
          <Text size="sm" c="dimmed">
            Add a variant to see the basket priced.
          </Text>
        ) : !parsed.success ? (
          <Alert color="yellow" title="The discount is not complete" classNames={{ title: classes.alertTitle }}>
            Fix the fields marked in the form above (or fill them in) to price the basket.
          </Alert>
        ) : preview.error ? (
          <Alert color="red" title="The basket could not be priced" role="alert">
            {previewErrorText(preview.error)}
          </Alert>
        ) : preview.data ? (
          <PricedBasket preview={preview.data} busy={preview.isFetching} />
        ) : (
          <Text size="sm" c="dimmed" aria-live="polite">
            Pricing…
          </Text>
        )}
      </Stack>
    </Card>
  );
}

function previewErrorText(error: Error): string {
  if (error instanceof ApiError && Object.keys(error.fieldErrors).length > 0) return Object.values(error.fieldErrors).join(' ');
  return error.message;
}

/** Find a product, choose its variant and how many, add them to the basket. */
function BasketAdder({ onAdd }: { onAdd: (line: { variantId: string; label: string }, quantity: number) => void }) {
  const [productId, setProductId] = useState<string | null>(null);
  const [variant, setVariant] = useState<{ id: string; label: string } | null>(null);
  const [quantity, setQuantity] = useState('1');
  const units = /^\d{1,4}$/.test(quantity.trim()) ? Number(quantity.trim()) : Number.NaN;
  const unitsOk = Number.isInteger(units) && units >= 1 && units <= MAX_UNITS;
  return (
    <Stack gap="xs">
      <ProductSearch
        label="Add a product to the basket"
        onPick={(id) => {
          setProductId(id);
          setVariant(null);
        }}
      />
      {productId && (
        <Group align="flex-start" gap="xs">
          <div style={{ flex: 1, minWidth: 220 }}>
            <VariantChoice productId={productId} value={variant?.id ?? null} onChange={setVariant} />
          </div>
          <TextInput
            label="Units"
            w={80}
            inputMode="numeric"
            value={quantity}
            onChange={(e) => setQuantity(e.currentTarget.value)}
            error={unitsOk ? undefined : '1 to 1,000'}
          />
          <Button
            mt={25}
            variant="light"
            disabled={!variant || !unitsOk}
            onClick={() => {
              if (!variant) return;
              onAdd({ variantId: variant.id, label: variant.label }, units);
              setProductId(null);
              setVariant(null);
              setQuantity('1');
            }}
          >
            Add to basket
          </Button>
        </Group>
      )}
    </Stack>
  );
}

/** The API's answer: each line, then the basket; the reason when the discount took nothing off. */
function PricedBasket({ preview, busy }: { preview: DiscountPreview; busy: boolean }) {
  return (
    <Stack gap="sm" aria-busy={busy || undefined}>
      {preview.applied ? (
        <Alert color="green" title="The discount applies" classNames={{ title: classes.alertTitle }}>
          {preview.discount > 0 ? `${formatCents(preview.discount)} off this basket.` : 'Shipping is free on this basket.'}
        </Alert>
      ) : (
        <Alert color="yellow" title="Nothing comes off this basket" classNames={{ title: classes.alertTitle }}>
          {preview.reason ?? 'The discount takes nothing off this basket.'}
        </Alert>
      )}
      <HorizontalScroller label="Priced basket" minWidth={560}>
        <Table aria-label="Priced basket" fz="sm" verticalSpacing={6}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Item</Table.Th>
              <Table.Th className={classes.number}>Units</Table.Th>
              <Table.Th className={classes.number}>Unit price</Table.Th>
              <Table.Th className={classes.number}>Discount</Table.Th>
              <Table.Th className={classes.number}>Tax</Table.Th>
              <Table.Th className={classes.number}>Total</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {preview.lines.map((line) => (
              <Table.Tr key={line.variantId} data-eligible={line.eligible}>
                <Table.Td>
                  {line.title}
                  <div className={classes.sub}>
                    {line.sku}
                    {line.eligible ? '' : ' · not included in the discount'}
                  </div>
                </Table.Td>
                <Table.Td className={classes.number}>{line.quantity.toLocaleString('en-US')}</Table.Td>
                <Table.Td className={classes.number}>{formatCents(line.unitPrice)}</Table.Td>
                <Table.Td className={classes.number}>{line.discount > 0 ? `−${formatCents(line.discount)}` : formatCents(0)}</Table.Td>
                <Table.Td className={classes.number}>{formatCents(line.tax)}</Table.Td>
                <Table.Td className={classes.number}>{formatCents(line.total)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </HorizontalScroller>
      <Table aria-label="Basket totals" fz="sm" verticalSpacing={4} maw={360} ml="auto">
        <Table.Tbody>
          <TotalRow label="Subtotal" cents={preview.subtotal} />
          <TotalRow label="Discount" cents={preview.discount} negative />
          <TotalRow label="Shipping" cents={preview.shipping} />
          <TotalRow label="Tax" cents={preview.tax} />
          <TotalRow label="Total" cents={preview.total} strong />
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

function TotalRow({ label, cents, negative, strong }: { label: string; cents: number; negative?: boolean; strong?: boolean }) {
  return (
    <Table.Tr>
      <Table.Th scope="row" fw={strong ? 700 : 500}>
        {label}
      </Table.Th>
      <Table.Td className={classes.number} fw={strong ? 700 : undefined}>
        {negative && cents > 0 ? `−${formatCents(cents)}` : formatCents(cents)}
      </Table.Td>
    </Table.Tr>
  );
}
