/**
 * A purchase order's lines as a form: the draft's editor and the new order's
 * page share it. The contract's own schema (create or update) checks what would
 * be sent, so the messages beside the fields are the API's words, and a 422
 * lands on the same paths (lines.<i>.quantity, lines.<i>.unitCost, …).
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { Button, NumberInput, Stack, Table, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import {
  Controller,
  get,
  useFieldArray,
  useForm,
  useWatch,
  type FieldErrors,
  type Path,
  type Resolver,
  type UseFormReturn,
} from 'react-hook-form';
import { z } from 'zod';
import type { PurchaseOrderLine } from '@/contract/replenishment-schemas';
import { formatCents } from '@/contract/values/money';
import { withServerErrors } from '@/components/forms/server-errors';
import { MoneyInput } from '@/components/money-input';
import stacked from '@/components/stacked-table/stacked-table.module.css';
import { VariantPicker } from './variant-picker';
import classes from './replenishment.module.css';

export type LineDraft = {
  variantId: string;
  sku: string;
  title: string;
  quantity: number;
  /** Cents; null leaves it to the variant's cost (the API fills it in). */
  unitCost: number | null;
};
export type PoForm = { supplierId: string; locationId: string; lines: LineDraft[]; note: string };

export function toLineInputs(lines: readonly LineDraft[]) {
  return lines.map((l) => ({ variantId: l.variantId, quantity: l.quantity, ...(l.unitCost === null ? {} : { unitCost: l.unitCost }) }));
}

export function linesFromOrder(lines: readonly PurchaseOrderLine[]): LineDraft[] {
  return lines.map((l) => ({
    variantId: l.variantId,
    sku: l.sku,
    title: l.variantTitle ? `${l.title} · ${l.variantTitle}` : l.title,
    quantity: l.quantity,
    unitCost: l.unitCost,
  }));
}

/** A form checked by the contract's schema of what it sends (`toInput(values)`), its refusals kept on their fields. */
export function usePoForm(contract: z.ZodType, toInput: (values: PoForm) => unknown, defaultValues: PoForm) {
  const [server] = useState(() => {
    const schema = z
      .custom<PoForm>(() => true)
      .superRefine((values, ctx) => {
        const parsed = contract.safeParse(toInput(values));
        if (parsed.success) return;
        for (const issue of parsed.error.issues) ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path, input: values });
      });
    return withServerErrors<PoForm>(zodResolver(schema) as Resolver<PoForm>);
  });
  const form = useForm<PoForm>({ resolver: server.resolver, defaultValues, mode: 'onTouched' });
  return { form, server };
}

/** The 422's paths this form has fields for; the others are said above it. */
export function poFieldOf(path: string): Path<PoForm> | null {
  return /^(supplierId|locationId|note|lines\.\d+\.(variantId|quantity|unitCost))$/.test(path) ? (path as Path<PoForm>) : null;
}

/** Puts a 422's messages beside their fields; answers the ones no field takes. */
export function placeErrors(
  form: UseFormReturn<PoForm>,
  server: ReturnType<typeof withServerErrors<PoForm>>,
  errors: Record<string, string>,
) {
  const unplaced: string[] = [];
  Object.entries(errors).forEach(([path, message], i) => {
    const field = poFieldOf(path);
    if (!field) return void unplaced.push(message);
    server.refuse(field, get(form.getValues(), field), message);
    form.setError(field, { type: 'server', message }, { shouldFocus: i === 0 });
  });
  return unplaced;
}

function linesMessage(errors: FieldErrors<PoForm>): string | undefined {
  const lines = errors.lines as { message?: string; root?: { message?: string } } | undefined;
  return lines?.root?.message ?? lines?.message;
}

/** The lines, each with its quantity and unit cost, a variant picker to add one, and the note. */
export function PoLinesFields({ form, locationId, disabled }: { form: UseFormReturn<PoForm>; locationId: string; disabled?: boolean }) {
  const { control, formState } = form;
  const { fields, append, remove } = useFieldArray({ control, name: 'lines' });
  const lines = useWatch({ control, name: 'lines' });
  const known = lines.filter((l) => l.unitCost !== null && Number.isInteger(l.unitCost) && Number.isInteger(l.quantity));
  const total = known.reduce((n, l) => n + l.quantity * (l.unitCost ?? 0), 0);
  const atVariantCost = lines.length - known.length;
  const message = linesMessage(formState.errors);

  return (
    <Stack gap="sm">
      <VariantPicker
        locationId={locationId}
        disabled={disabled}
        taken={new Set(lines.map((l) => l.variantId))}
        onPick={(level) =>
          append(
            {
              variantId: level.variantId,
              sku: level.sku,
              title: level.variantTitle ? `${level.title} · ${level.variantTitle}` : level.title,
              quantity: 1,
              unitCost: null,
            },
            { shouldFocus: false },
          )
        }
      />
      <Table aria-label="Lines" className={stacked.table} verticalSpacing={4}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Item</Table.Th>
            <Table.Th>Quantity</Table.Th>
            <Table.Th>Unit cost</Table.Th>
            <Table.Th>Line total</Table.Th>
            <Table.Th>
              <span className={classes.dimmed}>Remove</span>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {fields.map((field, i) => {
            const line = lines[i] ?? field;
            return (
              <Table.Tr key={field.id}>
                <Table.Td className={stacked.lead}>
                  <Text size="sm" fw={500}>
                    {field.sku}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {field.title}
                  </Text>
                  <LineVariantError form={form} index={i} />
                </Table.Td>
                <Table.Td data-label="Quantity">
                  <Controller
                    control={control}
                    name={`lines.${i}.quantity`}
                    render={({ field: f, fieldState }) => (
                      <NumberInput
                        aria-label={`Units of ${field.sku} to order`}
                        w={110}
                        min={1}
                        allowDecimal={false}
                        allowNegative={false}
                        disabled={disabled}
                        value={Number.isNaN(f.value) ? '' : f.value}
                        onChange={(v) => f.onChange(typeof v === 'number' ? v : v === '' ? Number.NaN : Number(v))}
                        onBlur={f.onBlur}
                        error={fieldState.error?.message}
                      />
                    )}
                  />
                </Table.Td>
                <Table.Td data-label="Unit cost">
                  <Controller
                    control={control}
                    name={`lines.${i}.unitCost`}
                    render={({ field: f, fieldState }) => (
                      <MoneyInput
                        aria-label={`Unit cost of ${field.sku}`}
                        placeholder="Variant’s cost"
                        w={130}
                        disabled={disabled}
                        value={f.value}
                        onChange={f.onChange}
                        onBlur={f.onBlur}
                        error={fieldState.error?.message}
                      />
                    )}
                  />
                </Table.Td>
                <Table.Td data-label="Line total">
                  <span className={classes.number}>
                    {line.unitCost !== null && Number.isInteger(line.unitCost) && Number.isInteger(line.quantity)
                      ? formatCents(line.quantity * line.unitCost)
                      : '—'}
                  </span>
                </Table.Td>
                <Table.Td data-label="">
                  <Button
                    variant="subtle"
                    color="red"
                    size="xs"
                    disabled={disabled}
                    onClick={() => remove(i)}
                    aria-label={`Remove ${field.sku}`}
                  >
                    Remove
                  </Button>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr>
            <Table.Th>Total</Table.Th>
            <Table.Td colSpan={4}>
              <span className={classes.number}>
                {formatCents(total)}
                {atVariantCost > 0 && ` + ${atVariantCost} ${atVariantCost === 1 ? 'line' : 'lines'} at the variant’s cost`}
              </span>
            </Table.Td>
          </Table.Tr>
        </Table.Tfoot>
      </Table>
      {fields.length === 0 && (
        <Text size="sm" c="dimmed">
          No lines yet: add a variant above.
        </Text>
      )}
      {message && (
        <Text size="sm" c="var(--mantine-color-error)" role="alert">
          {message}
        </Text>
      )}
      <Controller
        control={control}
        name="note"
        render={({ field, fieldState }) => (
          <Textarea label="Note" autosize minRows={2} maxRows={5} disabled={disabled} {...field} error={fieldState.error?.message} />
        )}
      />
    </Stack>
  );
}

/** A refusal of the line's variant ("supplied by another supplier", "on the order already"), under its name. */
function LineVariantError({ form, index }: { form: UseFormReturn<PoForm>; index: number }) {
  const error = form.formState.errors.lines?.[index]?.variantId?.message;
  return error ? (
    <Text size="xs" c="var(--mantine-color-error)" role="alert">
      {error}
    </Text>
  ) : null;
}
