import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Checkbox, Group, Modal, NumberInput, Select, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { referenceQueries } from '@/api/reference-queries';
import { useState } from 'react';
import { Controller, useForm, useWatch, type Path } from 'react-hook-form';
import { z } from 'zod';
import { ApiError } from '@/api/api-error';
import { MAX_STOCK_UNITS } from '@/contract/constants';
import { transferQuantitySchema, type InventoryLevel } from '@/contract/stock-schemas';
import { withServerErrors } from '@/components/forms/server-errors';
import { applyFreshLevels, useTransferStock } from '../api/inventory-mutations';
import { inventoryQueries } from '../api/inventory-queries';
import { CurrentNumbers } from './adjust-dialog';
import { useAttemptKey } from '@/components/use-attempt-key';
import { freshLevelsOf } from './fresh-levels';
import { CLOSE_BUTTON, formatUnits } from './stock-labels';

const formSchema = z
  .object({
    fromLocationId: z.string().min(1, 'Choose where the units leave from'),
    toLocationId: z.string().min(1, 'Choose where the units go'),
    quantity: transferQuantitySchema,
    note: z.string().trim().max(500, 'Keep the note under 500 characters'),
    /** The units leave now and are received at the destination when they arrive (the "In transit" tab). */
    inTransit: z.boolean(),
  })
  .refine((v) => v.fromLocationId !== v.toLocationId, { path: ['toLocationId'], message: 'Choose a different location' });
type TransferForm = z.infer<typeof formSchema>;
const FIELDS = new Set<string>(['fromLocationId', 'toLocationId', 'quantity', 'note', 'inTransit']);

type TransferDialogProps = { level: InventoryLevel; locationName: (id: string) => string; onClose: () => void };

/** Moves units of one variant between two locations: both change together or neither does. */
export function TransferDialog({ level, locationName, onClose }: TransferDialogProps) {
  const queryClient = useQueryClient();
  const variant = useQuery(inventoryQueries.variant(level.variantId));
  const locations = useQuery(referenceQueries.locations());
  const transfer = useTransferStock();
  const attempt = useAttemptKey();
  const [server] = useState(() => withServerErrors<TransferForm>(zodResolver(formSchema)));
  const form = useForm<TransferForm>({
    resolver: server.resolver,
    defaultValues: { fromLocationId: level.locationId, toLocationId: '', quantity: Number.NaN, note: '', inTransit: false },
    mode: 'onTouched',
  });
  const { control, handleSubmit, setError, formState } = form;
  const [formError, setFormError] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);

  const [fromLocationId, toLocationId, quantity, inTransit] = useWatch({
    control,
    name: ['fromLocationId', 'toLocationId', 'quantity', 'inTransit'],
  });
  const levels = variant.data?.items;
  const from = levels?.find((l) => l.locationId === fromLocationId) ?? (fromLocationId === level.locationId ? level : undefined);
  const to = levels?.find((l) => l.locationId === toLocationId);
  const tooMany = from !== undefined && Number.isInteger(quantity) && quantity > Math.max(from.available, 0);
  const tooManyMessage = from
    ? `Only ${formatUnits(Math.max(from.available, 0))} available at ${locationName(from.locationId)}`
    : undefined;
  const options = (locations.data?.items ?? []).map((l) => ({ value: l.id, label: l.name }));

  async function submit(values: TransferForm) {
    setFormError(null);
    if (!from || !to) {
      setFormError('The numbers of both locations are still loading; try again in a moment.');
      return;
    }
    if (tooMany) {
      setError('quantity', { type: 'stock', message: tooManyMessage });
      return;
    }
    const input = { variantId: level.variantId, fromVersion: from.version, toVersion: to.version, ...values };
    try {
      await transfer.mutateAsync({ input, idempotencyKey: attempt.keyFor(input) });
      attempt.reset();
      notifications.show({
        color: 'green',
        title: values.inTransit ? 'Stock shipped' : 'Stock transferred',
        message: values.inTransit
          ? `${formatUnits(values.quantity)} × ${level.sku} left ${locationName(values.fromLocationId)}; in transit to ${locationName(values.toLocationId)} until received there`
          : `${formatUnits(values.quantity)} × ${level.sku} from ${locationName(values.fromLocationId)} to ${locationName(values.toLocationId)}`,
      });
      onClose();
    } catch (error) {
      const fresh = freshLevelsOf(error);
      if (fresh) {
        setConflict(true);
        applyFreshLevels(queryClient, fresh);
        return;
      }
      if (!(error instanceof ApiError)) throw error;
      const unplaced: string[] = [];
      Object.entries(error.fieldErrors).forEach(([path, message], i) => {
        if (!FIELDS.has(path)) return void unplaced.push(message);
        server.refuse(path, values[path as keyof TransferForm], message);
        setError(path as Path<TransferForm>, { type: 'server', message }, { shouldFocus: i === 0 });
      });
      setFormError(Object.keys(error.fieldErrors).length === 0 ? error.message : unplaced.join(' ') || null);
    }
  }

  return (
    <Modal opened onClose={onClose} closeButtonProps={CLOSE_BUTTON} title={`Transfer stock: ${level.sku}`} size="md">
      <form onSubmit={handleSubmit(submit)} noValidate aria-label={`Transfer stock of ${level.sku}`}>
        <Stack gap="sm">
          <Text size="sm">
            {level.title}
            {level.variantTitle && ` · ${level.variantTitle}`}
          </Text>
          {conflict && (
            <Alert color="yellow" title="The stock changed since you opened this" role="alert">
              Nothing was moved. The numbers below are the current ones; check the quantity and submit again.
            </Alert>
          )}
          {formError && (
            <Alert color="red" title="Nothing was moved" role="alert">
              {formError}
            </Alert>
          )}
          <Controller
            control={control}
            name="fromLocationId"
            render={({ field, fieldState }) => (
              <Select
                label="From"
                required
                allowDeselect={false}
                data={options}
                value={field.value || null}
                onChange={(v) => field.onChange(v ?? '')}
                onBlur={field.onBlur}
                error={fieldState.error?.message}
              />
            )}
          />
          <CurrentNumbers level={from} label="There now" />
          <Controller
            control={control}
            name="toLocationId"
            render={({ field, fieldState }) => (
              <Select
                label="To"
                required
                allowDeselect={false}
                placeholder="Choose a location"
                data={options.filter((o) => o.value !== fromLocationId)}
                value={field.value || null}
                onChange={(v) => field.onChange(v ?? '')}
                onBlur={field.onBlur}
                error={fieldState.error?.message}
              />
            )}
          />
          <CurrentNumbers level={to} label="There now" />
          <Controller
            control={control}
            name="quantity"
            render={({ field, fieldState }) => (
              <NumberInput
                label="Units to move"
                description={from ? `Up to ${formatUnits(Math.max(from.available, 0))} available` : undefined}
                required
                min={1}
                max={MAX_STOCK_UNITS}
                allowDecimal={false}
                allowNegative={false}
                thousandSeparator=","
                value={Number.isNaN(field.value) ? '' : field.value}
                onChange={(v) => field.onChange(typeof v === 'number' ? v : v === '' ? Number.NaN : Number(v))}
                onBlur={field.onBlur}
                error={fieldState.error?.message ?? (tooMany ? tooManyMessage : undefined)}
              />
            )}
          />
          <Controller
            control={control}
            name="inTransit"
            render={({ field, fieldState }) => (
              <Checkbox
                label="Ship now, receive on arrival"
                description="The units leave now and count as in transit at the destination until someone receives them there (Inventory, In transit)"
                checked={field.value}
                onChange={(e) => field.onChange(e.currentTarget.checked)}
                onBlur={field.onBlur}
                error={fieldState.error?.message}
              />
            )}
          />
          <Controller
            control={control}
            name="note"
            render={({ field, fieldState }) => (
              <Textarea label="Note" autosize minRows={2} maxRows={5} {...field} error={fieldState.error?.message} />
            )}
          />
          <Group justify="flex-end" mt="xs">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={formState.isSubmitting} disabled={!from || tooMany}>
              {inTransit ? 'Ship' : 'Transfer'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
