import { zodResolver } from '@hookform/resolvers/zod';
import { NumberInput, Table, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Controller, get, useForm, useWatch, type Path, type Resolver } from 'react-hook-form';
import { purchaseReceiptInputSchema, type PurchaseOrder, type PurchaseReceiptInput } from '@/contract/replenishment-schemas';
import { overDeliveryMessage, poLabel, unitsLeft } from '@/domain/purchase-decisions';
import { withServerErrors } from '@/components/forms/server-errors';
import { useAttemptKey } from '@/components/use-attempt-key';
import stacked from '@/components/stacked-table/stacked-table.module.css';
import { applyFreshPurchaseOrder, useReceivePurchaseOrder } from '../api/replenishment-mutations';
import { formatCount, formatUnits } from './labels';
import { readPoFailure } from './po-failure';
import { PoDialog } from './po-dialog';

type ReceiveForm = { lines: { lineId: string; quantity: number }[]; note: string; overReason: string };

// The API's receipt rule, checked before sending in the API's words (src/domain/purchase-decisions.ts): a line may
// take more than is still to come only with an over-delivery reason.

function schemaFor(po: PurchaseOrder) {
  return purchaseReceiptInputSchema.superRefine((values, ctx) => {
    if (values.overReason.trim()) return;
    values.lines.forEach((l, i) => {
      const line = po.lines.find((pl) => pl.id === l.lineId);
      if (line && l.quantity > unitsLeft(line))
        ctx.addIssue({ code: 'custom', path: ['lines', i, 'quantity'], message: overDeliveryMessage(line, l.quantity), input: l.quantity });
    });
  });
}

const defaults = (po: PurchaseOrder): ReceiveForm => ({
  lines: po.lines.map((l) => ({ lineId: l.id, quantity: unitsLeft(l) })),
  note: '',
  overReason: '',
});

/**
 * A delivery against a sent order: one field per line, prefilled with what is still to come. The
 * order's version rides in If-Match, so a delivery someone else recorded meanwhile is not counted twice.
 */
export function ReceiveDialog({ po, locationName, onClose }: { po: PurchaseOrder; locationName: string; onClose: () => void }) {
  const queryClient = useQueryClient();
  const receive = useReceivePurchaseOrder();
  const attempt = useAttemptKey();
  // The rules follow the order as it is now: after a 409, the fresh one.
  const [current, setCurrent] = useState(po);
  const [server] = useState(() =>
    withServerErrors<ReceiveForm>(
      // The schema's input type has note and overReason optional (they default); the form always has them.
      (values, context, options) =>
        (zodResolver(schemaFor(context as PurchaseOrder)) as unknown as Resolver<ReceiveForm>)(values, context, options),
    ),
  );
  const form = useForm<ReceiveForm, PurchaseOrder>({
    resolver: server.resolver as Resolver<ReceiveForm, PurchaseOrder>,
    context: current,
    defaultValues: defaults(po),
    mode: 'onTouched',
  });
  const { control, handleSubmit, formState, reset, setError, trigger } = form;
  const [conflict, setConflict] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const lines = useWatch({ control, name: 'lines' });
  const units = lines.reduce((n, l) => n + (Number.isInteger(l.quantity) ? l.quantity : 0), 0);
  const linesMessage =
    (formState.errors.lines as { root?: { message?: string }; message?: string } | undefined)?.root?.message ??
    (formState.errors.lines as { message?: string } | undefined)?.message;

  async function submit(values: ReceiveForm) {
    setFormError(null);
    // Only the lines with units go: the API's "lines.1.quantity" is then the second line sent.
    const sent = values.lines.map((l, i) => ({ l, i })).filter(({ l }) => l.quantity > 0);
    const input: PurchaseReceiptInput = { lines: sent.map(({ l }) => l), note: values.note, overReason: values.overReason };
    try {
      const updated = await receive.mutateAsync({ id: current.id, input, version: current.version, idempotencyKey: attempt.keyFor(input) });
      attempt.reset();
      notifications.show({
        color: 'green',
        title: 'Delivery received',
        message: `${poLabel(updated.number)} at ${locationName}: ${formatUnits(sent.reduce((n, { l }) => n + l.quantity, 0))} on the shelf${
          updated.status === 'received' ? '; everything ordered has arrived' : ''
        }`,
      });
      onClose();
    } catch (error) {
      const failure = readPoFailure(error);
      if (failure.fresh) {
        setConflict(failure.message);
        setCurrent(failure.fresh);
        applyFreshPurchaseOrder(queryClient, failure.fresh);
        reset({ ...defaults(failure.fresh), note: values.note, overReason: values.overReason });
        return;
      }
      const unplaced: string[] = [];
      Object.entries(failure.fieldErrors).forEach(([path, message], n) => {
        const match = /^lines\.(\d+)\.(quantity|lineId)$/.exec(path);
        const index = match ? sent[Number(match[1])]?.i : undefined;
        const field: Path<ReceiveForm> | null =
          index !== undefined ? `lines.${index}.quantity` : path === 'note' || path === 'overReason' ? path : null;
        if (!field) return void unplaced.push(message);
        server.refuse(field, get(values, field), message);
        setError(field, { type: 'server', message }, { shouldFocus: n === 0 });
      });
      setFormError(Object.keys(failure.fieldErrors).length === 0 ? failure.message : unplaced.join(' ') || failure.message);
    }
  }

  return (
    <PoDialog
      title={`Receive ${poLabel(current.number)}`}
      refusedTitle="Nothing was received"
      conflict={conflict}
      formError={formError}
      onClose={onClose}
      onSubmit={handleSubmit(submit)}
      submitLabel="Receive"
      pending={receive.isPending || formState.isSubmitting}
      size="xl"
    >
      <Text size="sm">
        What arrived at {locationName} from {current.supplierName}. Each field starts at what is still to come; change it to what is in the
        delivery.
      </Text>
      <Table aria-label="Units arrived" className={stacked.table} verticalSpacing={4}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Item</Table.Th>
            <Table.Th>Ordered</Table.Th>
            <Table.Th>Received so far</Table.Th>
            <Table.Th>Still to come</Table.Th>
            <Table.Th>Arrived now</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {current.lines.map((line, i) => (
            <Table.Tr key={line.id}>
              <Table.Td className={stacked.lead}>
                <Text size="sm" fw={500}>
                  {line.sku}
                </Text>
                <Text size="xs" c="dimmed">
                  {line.title}
                  {line.variantTitle && ` · ${line.variantTitle}`}
                </Text>
              </Table.Td>
              <Table.Td data-label="Ordered">{formatCount(line.quantity)}</Table.Td>
              <Table.Td data-label="Received so far">{formatCount(line.received)}</Table.Td>
              <Table.Td data-label="Still to come">{formatCount(unitsLeft(line))}</Table.Td>
              <Table.Td data-label="Arrived now">
                <Controller
                  control={control}
                  name={`lines.${i}.quantity`}
                  render={({ field, fieldState }) => (
                    <NumberInput
                      aria-label={`Units of ${line.sku} arrived`}
                      w={{ base: 110, sm: 220 }}
                      min={0}
                      allowDecimal={false}
                      allowNegative={false}
                      value={Number.isNaN(field.value) ? '' : field.value}
                      onChange={(v) => field.onChange(typeof v === 'number' ? v : v === '' ? Number.NaN : Number(v))}
                      onBlur={field.onBlur}
                      error={fieldState.error?.message}
                    />
                  )}
                />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {linesMessage && (
        <Text size="sm" c="var(--mantine-color-error)" role="alert">
          {linesMessage}
        </Text>
      )}
      <Controller
        control={control}
        name="overReason"
        render={({ field, fieldState }) => (
          <Textarea
            label="Over-delivery reason"
            description="Needed only when a line takes more than is still to come"
            autosize
            minRows={1}
            maxRows={3}
            {...field}
            onChange={(e) => {
              field.onChange(e);
              // The lines' over-delivery messages depend on this field: check them again as it changes.
              if (formState.isSubmitted) void trigger('lines');
            }}
            error={fieldState.error?.message}
          />
        )}
      />
      <Controller
        control={control}
        name="note"
        render={({ field, fieldState }) => (
          <Textarea
            label="Note"
            description="Delivery note, carrier, packing slip"
            autosize
            minRows={1}
            maxRows={3}
            {...field}
            error={fieldState.error?.message}
          />
        )}
      />
      <Text size="sm" aria-live="polite">
        {`${formatUnits(units)} go on the shelf at ${locationName}; the stock ledger records each line against ${poLabel(current.number)}.`}
      </Text>
    </PoDialog>
  );
}
