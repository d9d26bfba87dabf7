import { Select, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery } from '@tanstack/react-query';
import { Controller, useWatch, type Path } from 'react-hook-form';
import { z } from 'zod';
import { referenceQueries } from '@/api/reference-queries';
import type { Order, Return, ReturnReceiptInput } from '@/contract/order-schemas';
import { RETURN_REASON_LABELS } from '@/domain/return-decisions';
import { useReceiveReturn } from '../api/order-mutations';
import { LineName, OrderActionModal, UnitsField, unitsSchema, useOrderForm, useOrderSubmit } from './order-action-dialog';
import { formatUnits } from './order-labels';
import stacked from '@/components/stacked-table/stacked-table.module.css';

type ReceiveForm = { locationId: string; lines: { lineId: string; restock: number; writeOff: number }[] };

function schemaFor(ret: Return) {
  return () =>
    z
      .object({
        locationId: z.string().min(1, 'Choose the warehouse it came back to'),
        lines: z.array(z.object({ lineId: z.string(), restock: unitsSchema, writeOff: unitsSchema })),
      })
      .superRefine((values, ctx) => {
        values.lines.forEach((l, i) => {
          const quantity = ret.lines.find((r) => r.lineId === l.lineId)?.quantity ?? 0;
          if (l.restock + l.writeOff !== quantity)
            ctx.addIssue({
              code: 'custom',
              path: ['lines', i, 'restock'],
              message: `Restock and write off ${formatUnits(quantity)} in all`,
            });
        });
      });
}

type Props = { order: Order; ret: Return; label: string; locationName: (id: string) => string; onClose: () => void };

/**
 * Marks a return as arrived at a warehouse: per line, how many units go back on the shelf and how many are
 * written off as damaged (the two always add up to what came back). The ledger records each unit.
 */
export function ReceiveReturnDialog({ order, ret, label, locationName, onClose }: Props) {
  const locations = useQuery(referenceQueries.locations());
  const { form, server } = useOrderForm<ReceiveForm>(order, schemaFor(ret), {
    locationId: order.locationId,
    lines: ret.lines.map((r) => ({ lineId: r.lineId, restock: r.quantity, writeOff: 0 })),
  });
  const { control, handleSubmit, formState, setValue } = form;
  const [locationId, lines] = useWatch({ control, name: ['locationId', 'lines'] });
  const count = (key: 'restock' | 'writeOff') => lines.reduce((n, l) => n + (Number.isInteger(l[key]) ? l[key] : 0), 0);
  const { send, conflict, formError, pending } = useOrderSubmit({ mutation: useReceiveReturn(order.id, ret.id), form, server });

  /** One field given, the other is the rest: the two always add up to the units that came back. */
  function balance(i: number, changed: 'restock' | 'writeOff', quantity: number, value: number) {
    if (!Number.isInteger(value) || value < 0 || value > quantity) return;
    setValue(`lines.${i}.${changed === 'restock' ? 'writeOff' : 'restock'}`, quantity - value, { shouldValidate: formState.isSubmitted });
  }

  async function submit(values: ReceiveForm) {
    const input: ReturnReceiptInput = { version: order.version, locationId: values.locationId, lines: values.lines };
    const updated = await send(input, (path) =>
      path === 'locationId' || /^lines\.\d+\.(restock|writeOff)$/.test(path) ? (path as Path<ReceiveForm>) : null,
    );
    if (!updated) return;
    const restocked = count('restock');
    const writtenOff = count('writeOff');
    notifications.show({
      color: 'green',
      title: 'Return received',
      message: `#${updated.number} at ${locationName(values.locationId)}: ${[
        restocked ? `${formatUnits(restocked)} back in stock` : '',
        writtenOff ? `${formatUnits(writtenOff)} written off as damaged` : '',
      ]
        .filter(Boolean)
        .join(', ')}`,
    });
    onClose();
  }

  const restock = count('restock');
  const writeOff = count('writeOff');

  return (
    <OrderActionModal
      title={`Receive ${label.toLowerCase()} of order #${order.number}`}
      refusedTitle="Nothing was received"
      conflict={conflict}
      formError={formError}
      onClose={onClose}
      onSubmit={handleSubmit(submit)}
      submitLabel="Receive"
      pending={pending || formState.isSubmitting}
    >
      <Text size="sm">
        {RETURN_REASON_LABELS[ret.reason]}
        {ret.note && `: ${ret.note}`}
      </Text>
      <Controller
        control={control}
        name="locationId"
        render={({ field, fieldState }) => (
          <Select
            label="Came back to"
            required
            allowDeselect={false}
            data={(locations.data?.items ?? [{ id: order.locationId, name: locationName(order.locationId) }]).map((l) => ({
              value: l.id,
              label: l.id === order.locationId ? `${l.name} (shipped this order)` : l.name,
            }))}
            value={field.value}
            onChange={(v) => field.onChange(v ?? '')}
            onBlur={field.onBlur}
            error={fieldState.error?.message}
          />
        )}
      />
      <Table aria-label="Units received" verticalSpacing={4} className={stacked.table}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Item</Table.Th>
            <Table.Th>Came back</Table.Th>
            <Table.Th>Back on the shelf</Table.Th>
            <Table.Th>Written off as damaged</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {ret.lines.map((r, i) => {
            const line = order.lines.find((l) => l.id === r.lineId);
            return (
              <Table.Tr key={r.lineId}>
                <Table.Td className={stacked.lead}>{line ? <LineName line={line} /> : r.lineId}</Table.Td>
                <Table.Td data-label="Came back">{formatUnits(r.quantity)}</Table.Td>
                <Table.Td data-label="Back on the shelf">
                  <UnitsField
                    control={control}
                    name={`lines.${i}.restock`}
                    label={`Units of ${line?.sku ?? r.lineId} back on the shelf`}
                    max={r.quantity}
                    onValueChange={(value) => balance(i, 'restock', r.quantity, value)}
                  />
                </Table.Td>
                <Table.Td data-label="Written off">
                  <UnitsField
                    control={control}
                    name={`lines.${i}.writeOff`}
                    label={`Units of ${line?.sku ?? r.lineId} written off as damaged`}
                    max={r.quantity}
                    onValueChange={(value) => balance(i, 'writeOff', r.quantity, value)}
                  />
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      <Text size="sm" aria-live="polite">
        {`At ${locationName(locationId)}: ${formatUnits(restock)} back in stock, ${formatUnits(writeOff)} written off as damaged. The stock ledger records every unit.`}
      </Text>
    </OrderActionModal>
  );
}
