import { Group, Radio, Stack, Table, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { Controller, useWatch } from 'react-hook-form';
import { z } from 'zod';
import { RETURN_REASONS, type ReturnReason } from '@/contract/constants';
import type { Order, ReturnInput } from '@/contract/order-schemas';
import { returnableUnits } from '@/domain/order-rules';
import { RETURN_REASON_LABELS } from '@/domain/return-decisions';
import { useOpenReturn } from '../api/order-mutations';
import {
  LineName,
  LinesError,
  OrderActionModal,
  sentFields,
  UnitsField,
  unitsSchema,
  useOrderForm,
  useOrderSubmit,
} from './order-action-dialog';
import { formatUnits } from './order-labels';
import stacked from '@/components/stacked-table/stacked-table.module.css';

type ReturnForm = { reason: ReturnReason | ''; note: string; lines: { lineId: string; quantity: number }[] };

/** Lines with something shipped: only those can come back. */
function shippedLines(order: Order) {
  return order.lines.filter((l) => l.fulfilledQuantity > 0);
}

function schemaFor(order: Order) {
  return z
    .object({
      reason: z.string(),
      note: z.string().trim().max(2000, 'Keep the note under 2,000 characters'),
      lines: z.array(z.object({ lineId: z.string(), quantity: unitsSchema })),
    })
    .superRefine((values, ctx) => {
      if (!(RETURN_REASONS as readonly string[]).includes(values.reason))
        ctx.addIssue({ code: 'custom', path: ['reason'], message: 'Choose why it comes back' });
      values.lines.forEach((l, i) => {
        const line = order.lines.find((ol) => ol.id === l.lineId);
        const most = line ? returnableUnits(order, line) : 0;
        if (l.quantity > most)
          ctx.addIssue({
            code: 'custom',
            path: ['lines', i, 'quantity'],
            message:
              most === 0 ? 'Every shipped unit of this line is already on a return' : `Only ${formatUnits(most)} shipped can be returned`,
          });
      });
      if (!values.lines.some((l) => l.quantity > 0))
        ctx.addIssue({ code: 'custom', path: ['lines', 'root'], message: 'Return at least one unit' });
    }) as unknown as z.ZodType<ReturnForm, ReturnForm>;
}

/**
 * Opens a return on shipped units: how many of each line come back (never more than shipped less what is
 * already on a return), why, and a note. Nothing moves yet: stock when it is received, money when it is settled.
 */
export function ReturnDialog({ order, onClose }: { order: Order; onClose: () => void }) {
  const lines = shippedLines(order);
  const { form, server } = useOrderForm<ReturnForm>(order, schemaFor, {
    reason: '',
    note: '',
    lines: lines.map((l) => ({ lineId: l.id, quantity: 0 })),
  });
  const { control, handleSubmit, formState } = form;
  const quantities = useWatch({ control, name: 'lines' });
  const units = quantities.reduce((n, l) => n + (Number.isInteger(l.quantity) ? l.quantity : 0), 0);
  const { send, conflict, formError, pending } = useOrderSubmit({ mutation: useOpenReturn(order.id), form, server });

  async function submit(values: ReturnForm) {
    const sent = values.lines.flatMap((l, i) => (l.quantity > 0 ? [i] : []));
    const input: ReturnInput = {
      version: order.version,
      reason: values.reason as ReturnReason,
      note: values.note.trim(),
      lines: sent.map((i) => values.lines[i]!),
    };
    const updated = await send(input, sentFields<ReturnForm>(sent, ['reason', 'note']));
    if (!updated) return;
    notifications.show({
      color: 'green',
      title: 'Return opened',
      message: `#${updated.number}: ${formatUnits(units)} ${units === 1 ? 'unit' : 'units'} expected back (${RETURN_REASON_LABELS[input.reason]})`,
    });
    onClose();
  }

  return (
    <OrderActionModal
      title={`Return from order #${order.number}`}
      refusedTitle="No return was opened"
      conflict={conflict}
      formError={formError}
      onClose={onClose}
      onSubmit={handleSubmit(submit)}
      submitLabel={units > 0 ? `Open return of ${formatUnits(units)} ${units === 1 ? 'unit' : 'units'}` : 'Open return'}
      pending={pending || formState.isSubmitting}
    >
      <Text size="sm">
        Which shipped units the customer sends back. Stock moves when they arrive; money when the return is refunded or exchanged.
      </Text>
      <Table aria-label="Units to return" verticalSpacing={4} className={stacked.table}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Item</Table.Th>
            <Table.Th>Can return</Table.Th>
            <Table.Th>Return</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {lines.map((line, i) => {
            const most = returnableUnits(order, line);
            return (
              <Table.Tr key={line.id}>
                <Table.Td className={stacked.lead}>
                  <LineName line={line} />
                </Table.Td>
                <Table.Td data-label="Can return">
                  {formatUnits(most)} of {formatUnits(line.fulfilledQuantity)} shipped
                </Table.Td>
                <Table.Td data-label="Return">
                  <UnitsField
                    control={control}
                    name={`lines.${i}.quantity`}
                    label={`Units of ${line.sku} to return`}
                    max={most}
                    disabled={most === 0}
                  />
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      <LinesError errors={formState.errors} />
      <Controller
        control={control}
        name="reason"
        render={({ field, fieldState }) => (
          <Radio.Group label="Reason" required value={field.value} onChange={field.onChange} error={fieldState.error?.message}>
            <Group gap="md" mt={4}>
              {RETURN_REASONS.map((r) => (
                <Radio key={r} value={r} label={RETURN_REASON_LABELS[r]} onBlur={field.onBlur} />
              ))}
            </Group>
          </Radio.Group>
        )}
      />
      <Controller
        control={control}
        name="note"
        render={({ field, fieldState }) => (
          <Textarea
            label="Note"
            description="What the customer said; internal"
            autosize
            minRows={2}
            maxRows={4}
            {...field}
            error={fieldState.error?.message}
          />
        )}
      />
      <Stack gap={0} aria-live="polite">
        <Text size="sm">{units > 0 ? `${formatUnits(units)} ${units === 1 ? 'unit' : 'units'} to come back` : 'No units chosen yet'}</Text>
      </Stack>
    </OrderActionModal>
  );
}
