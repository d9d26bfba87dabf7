import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Group, Modal, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { referenceQueries } from '@/api/reference-queries';
import { useState } from 'react';
import { Controller, useForm, useWatch, type Path, type Resolver } from 'react-hook-form';
import { z } from 'zod';
import { CARRIERS, type Carrier } from '@/contract/constants';
import { unitsToShip } from '@/domain/order-rules';
import type { FulfilInput, Order } from '@/contract/order-schemas';
import { withServerErrors } from '@/components/forms/server-errors';
import { useAttemptKey } from '@/components/use-attempt-key';
import { normalizeTrackingNumber, trackingNumberProblem } from '@/domain/tracking';
import { applyFreshOrder, useFulfilOrder } from '../api/order-mutations';
import { ConflictAlert } from './conflict-alert';
import { LineName, LinesError, UnitsField } from './order-action-dialog';
import { formLinePath, readOrderFailure } from './order-failure';
import { CLOSE_BUTTON, formatUnits } from './order-labels';

type FulfilForm = {
  locationId: string;
  carrier: Carrier;
  trackingNumber: string;
  lines: { lineId: string; quantity: number }[];
};

/** The form's rules for this order as it is now: each line up to its units still to ship. */
function schemaFor(order: Order) {
  return z
    .object({
      locationId: z.string().min(1, 'Choose the warehouse it ships from'),
      carrier: z.enum(CARRIERS),
      trackingNumber: z.string(),
      lines: z.array(
        z.object({
          lineId: z.string(),
          quantity: z.number({ error: 'Enter a number of units' }).int('Enter a whole number of units').min(0, 'Enter 0 or more units'),
        }),
      ),
    })
    .superRefine((values, ctx) => {
      const tracking = normalizeTrackingNumber(values.trackingNumber);
      if (!tracking) ctx.addIssue({ code: 'custom', path: ['trackingNumber'], message: 'Enter the tracking number' });
      else {
        const problem = trackingNumberProblem(values.carrier, tracking);
        if (problem) ctx.addIssue({ code: 'custom', path: ['trackingNumber'], message: problem });
      }
      values.lines.forEach((l, i) => {
        const line = order.lines.find((ol) => ol.id === l.lineId);
        const left = line ? unitsToShip(line) : 0;
        if (l.quantity > left)
          ctx.addIssue({ code: 'custom', path: ['lines', i, 'quantity'], message: `Only ${formatUnits(left)} left to ship` });
      });
      if (!values.lines.some((l) => l.quantity > 0))
        ctx.addIssue({ code: 'custom', path: ['lines', 'root'], message: 'Ship at least one unit' });
    });
}

type FulfilDialogProps = { order: Order; locationName: (id: string) => string; onClose: () => void };

/**
 * Ships some or all of what is left, from a warehouse (the order's by default),
 * with a carrier and a tracking number checked against that carrier's format.
 */
export function FulfilDialog({ order, locationName, onClose }: FulfilDialogProps) {
  const queryClient = useQueryClient();
  const locations = useQuery(referenceQueries.locations());
  const fulfil = useFulfilOrder(order.id);
  const attempt = useAttemptKey();
  // The rules follow the order (handed in as the form's context): after a 409 they are the fresh order's.
  const [server] = useState(() =>
    withServerErrors<FulfilForm>(((values, context, options) =>
      zodResolver(schemaFor(context as Order))(values, context, options)) as Resolver<FulfilForm>),
  );
  const form = useForm<FulfilForm, Order>({
    resolver: server.resolver as Resolver<FulfilForm, Order>,
    context: order,
    defaultValues: {
      locationId: order.locationId,
      carrier: 'UPS',
      trackingNumber: '',
      lines: order.lines.map((l) => ({ lineId: l.id, quantity: Math.max(0, unitsToShip(l)) })),
    },
    mode: 'onTouched',
  });
  const { control, handleSubmit, setError, formState } = form;
  const [carrier, trackingNumber, lines] = useWatch({ control, name: ['carrier', 'trackingNumber', 'lines'] });
  const [conflict, setConflict] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const tracking = normalizeTrackingNumber(trackingNumber);
  const liveProblem = tracking ? trackingNumberProblem(carrier, tracking) : null;
  const shipping = lines.reduce((sum, l) => sum + (Number.isInteger(l.quantity) ? l.quantity : 0), 0);

  async function submit(values: FulfilForm) {
    setFormError(null);
    const sent = values.lines.flatMap((l, i) => (l.quantity > 0 ? [i] : []));
    const input: FulfilInput = {
      version: order.version,
      locationId: values.locationId,
      carrier: values.carrier,
      trackingNumber: normalizeTrackingNumber(values.trackingNumber),
      lines: sent.map((i) => values.lines[i]!),
    };
    try {
      const updated = await fulfil.mutateAsync({ input, idempotencyKey: attempt.keyFor(input) });
      attempt.reset();
      notifications.show({
        color: 'green',
        title: 'Order fulfilled',
        message: `#${updated.number}: ${formatUnits(shipping)} ${shipping === 1 ? 'unit' : 'units'} shipped with ${values.carrier}, ${input.trackingNumber}`,
      });
      onClose();
    } catch (error) {
      const failure = readOrderFailure(error);
      if (failure.fresh) {
        setConflict(true);
        applyFreshOrder(queryClient, failure.fresh);
        return;
      }
      const unplaced: string[] = [];
      Object.entries(failure.fieldErrors).forEach(([path, message], i) => {
        const field = path.startsWith('lines.')
          ? formLinePath(path, sent)
          : ['locationId', 'carrier', 'trackingNumber'].includes(path)
            ? path
            : null;
        if (!field) return void unplaced.push(message);
        const value = field.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)?.[key], values);
        server.refuse(field, value, message);
        setError(field as Path<FulfilForm>, { type: 'server', message }, { shouldFocus: i === 0 });
      });
      setFormError(Object.keys(failure.fieldErrors).length === 0 ? failure.message : unplaced.join(' ') || null);
    }
  }

  return (
    <Modal opened onClose={onClose} closeButtonProps={CLOSE_BUTTON} title={`Fulfil order #${order.number}`} size="lg">
      <form onSubmit={handleSubmit(submit)} noValidate aria-label={`Fulfil order #${order.number}`}>
        <Stack gap="sm">
          {conflict && <ConflictAlert />}
          {formError && (
            <Alert color="red" title="Nothing was shipped" role="alert">
              {formError}
            </Alert>
          )}
          <Controller
            control={control}
            name="locationId"
            render={({ field, fieldState }) => (
              <Select
                label="Ship from"
                required
                allowDeselect={false}
                data={(locations.data?.items ?? [{ id: order.locationId, name: locationName(order.locationId) }]).map((l) => ({
                  value: l.id,
                  label: l.id === order.locationId ? `${l.name} (holds this order’s stock)` : l.name,
                }))}
                value={field.value}
                onChange={(v) => field.onChange(v ?? '')}
                onBlur={field.onBlur}
                error={fieldState.error?.message}
              />
            )}
          />
          <Table aria-label="Units to ship" verticalSpacing={4}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Item</Table.Th>
                <Table.Th>Left to ship</Table.Th>
                <Table.Th>Ship now</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {order.lines.map((line, i) => {
                const left = unitsToShip(line);
                return (
                  <Table.Tr key={line.id}>
                    <Table.Td>
                      <LineName line={line} />
                    </Table.Td>
                    <Table.Td>{formatUnits(left)}</Table.Td>
                    <Table.Td>
                      <UnitsField
                        control={control}
                        name={`lines.${i}.quantity`}
                        label={`Units of ${line.sku} to ship`}
                        max={left}
                        disabled={left <= 0}
                      />
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
          <LinesError errors={formState.errors} />
          <Group grow align="flex-start">
            <Controller
              control={control}
              name="carrier"
              render={({ field }) => (
                <Select
                  label="Carrier"
                  required
                  allowDeselect={false}
                  data={CARRIERS.map((c) => ({ value: c, label: c }))}
                  value={field.value}
                  onChange={(v) => v && field.onChange(v as Carrier)}
                  onBlur={field.onBlur}
                />
              )}
            />
            <Controller
              control={control}
              name="trackingNumber"
              render={({ field, fieldState }) => (
                <TextInput
                  label="Tracking number"
                  required
                  autoComplete="off"
                  spellCheck={false}
                  {...field}
                  // As it is typed: the carrier's format; the API checks it again.
                  error={fieldState.error?.message ?? liveProblem ?? undefined}
                />
              )}
            />
          </Group>
          <Text size="sm" aria-live="polite">
            {shipping > 0 ? `Ships ${formatUnits(shipping)} ${shipping === 1 ? 'unit' : 'units'}` : 'Nothing selected to ship'}
          </Text>
          <Group justify="flex-end" mt="xs">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={formState.isSubmitting || fulfil.isPending} disabled={shipping === 0}>
              Ship {shipping > 0 ? `${formatUnits(shipping)} ${shipping === 1 ? 'unit' : 'units'}` : ''}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
