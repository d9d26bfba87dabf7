import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Group, Modal, NumberInput, Select, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { referenceQueries } from '@/api/reference-queries';
import { useState } from 'react';
import { Controller, useForm, useWatch, type Path } from 'react-hook-form';
import { z } from 'zod';
import { ApiError } from '@/api/api-error';
import { ADJUSTMENT_REASONS, MAX_STOCK_UNITS, type AdjustmentReason } from '@/contract/constants';
import { adjustmentDelta } from '@/domain/stock-rules';
import { adjustmentQuantityProblem, adjustmentQuantitySchema, type InventoryLevel } from '@/contract/stock-schemas';
import { withServerErrors } from '@/components/forms/server-errors';
import { applyFreshLevels, useAdjustStock } from '../api/inventory-mutations';
import { inventoryQueries } from '../api/inventory-queries';
import { useAttemptKey } from '@/components/use-attempt-key';
import { freshLevelsOf } from './fresh-levels';
import { CLOSE_BUTTON, formatChange, formatUnits, QUANTITY_LABELS, REASON_LABELS } from './stock-labels';

/** The API's own rules for the quantity (src/contract/stock-schemas.ts), so the dialog says what the API would. */
const formSchema = z
  .object({
    locationId: z.string().min(1, 'Choose a location'),
    reason: z.enum(ADJUSTMENT_REASONS),
    quantity: adjustmentQuantitySchema,
    note: z.string().trim().max(500, 'Keep the note under 500 characters'),
  })
  .superRefine((v, ctx) => {
    const problem = adjustmentQuantityProblem(v);
    if (problem) ctx.addIssue({ code: 'custom', path: ['quantity'], message: problem, input: v.quantity });
  });
type AdjustForm = z.infer<typeof formSchema>;
const FIELDS = new Set<string>(['locationId', 'reason', 'quantity', 'note']);

type AdjustDialogProps = { level: InventoryLevel; locationName: (id: string) => string; onClose: () => void };

/**
 * Adjusts one variant's stock at a location. The numbers it shows are the ones
 * it sends the version of: if they went stale, the API refuses (409), the
 * dialog shows the fresh numbers, and the person decides again.
 */
export function AdjustDialog({ level, locationName, onClose }: AdjustDialogProps) {
  const queryClient = useQueryClient();
  const variant = useQuery(inventoryQueries.variant(level.variantId));
  const locations = useQuery(referenceQueries.locations());
  const adjust = useAdjustStock();
  const attempt = useAttemptKey();
  const [server] = useState(() => withServerErrors<AdjustForm>(zodResolver(formSchema)));
  const form = useForm<AdjustForm>({
    resolver: server.resolver,
    defaultValues: { locationId: level.locationId, reason: 'received', quantity: Number.NaN, note: '' },
    mode: 'onTouched',
  });
  const { control, handleSubmit, setError, formState } = form;
  const [formError, setFormError] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);

  const [locationId, reason, quantity] = useWatch({ control, name: ['locationId', 'reason', 'quantity'] });
  const levels = variant.data?.items ?? [level];
  const current = levels.find((l) => l.locationId === locationId) ?? (locationId === level.locationId ? level : undefined);
  const hasQuantity = Number.isInteger(quantity);
  const delta = current && hasQuantity ? adjustmentDelta(reason, quantity, current.onHand) : null;
  const after = current && delta !== null ? current.onHand + delta : null;
  const belowZero = after !== null && after < 0;

  async function submit(values: AdjustForm) {
    if (!current) return;
    setFormError(null);
    if (belowZero) {
      setError('quantity', { type: 'stock', message: `On hand cannot go below zero: ${formatUnits(current.onHand)} on hand here.` });
      return;
    }
    const input = { variantId: level.variantId, version: current.version, ...values };
    try {
      const result = await adjust.mutateAsync({ input, idempotencyKey: attempt.keyFor(input) });
      attempt.reset();
      const changed = result.levels.find((l) => l.locationId === values.locationId);
      notifications.show({
        color: 'green',
        title: 'Stock adjusted',
        message: `${level.sku} at ${locationName(values.locationId)}: ${REASON_LABELS[values.reason].toLowerCase()}, on hand ${formatUnits(current.onHand)} → ${formatUnits(changed?.onHand ?? after ?? current.onHand)}`,
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
        server.refuse(path, values[path as keyof AdjustForm], message);
        setError(path as Path<AdjustForm>, { type: 'server', message }, { shouldFocus: i === 0 });
      });
      setFormError(Object.keys(error.fieldErrors).length === 0 ? error.message : unplaced.join(' ') || null);
    }
  }

  return (
    <Modal opened onClose={onClose} closeButtonProps={CLOSE_BUTTON} title={`Adjust stock: ${level.sku}`} size="md">
      <form onSubmit={handleSubmit(submit)} noValidate aria-label={`Adjust stock of ${level.sku}`}>
        <Stack gap="sm">
          <Text size="sm">
            {level.title}
            {level.variantTitle && ` · ${level.variantTitle}`}
          </Text>
          {conflict && (
            <Alert color="yellow" title="The stock changed since you opened this" role="alert">
              Nothing was applied. The numbers below are the current ones; check the quantity and submit again.
            </Alert>
          )}
          {formError && (
            <Alert color="red" title="Stock was not adjusted" role="alert">
              {formError}
            </Alert>
          )}
          <Controller
            control={control}
            name="locationId"
            render={({ field, fieldState }) => (
              <Select
                label="Location"
                required
                allowDeselect={false}
                data={(locations.data?.items ?? [{ id: level.locationId, name: locationName(level.locationId) }]).map((l) => ({
                  value: l.id,
                  label: l.name,
                }))}
                value={field.value}
                onChange={(v) => field.onChange(v ?? '')}
                onBlur={field.onBlur}
                error={fieldState.error?.message}
              />
            )}
          />
          <CurrentNumbers level={current} />
          <Controller
            control={control}
            name="reason"
            render={({ field }) => (
              <Select
                label="Reason"
                required
                allowDeselect={false}
                data={ADJUSTMENT_REASONS.map((r) => ({ value: r, label: REASON_LABELS[r] }))}
                value={field.value}
                onChange={(v) => v && field.onChange(v as AdjustmentReason)}
                onBlur={field.onBlur}
              />
            )}
          />
          <Controller
            control={control}
            name="quantity"
            render={({ field, fieldState }) => (
              <NumberInput
                label={QUANTITY_LABELS[reason]}
                description={reason === 'count_correction' ? 'What is on the shelf now; the difference is recorded' : undefined}
                required
                min={0}
                max={MAX_STOCK_UNITS}
                allowDecimal={false}
                allowNegative={false}
                thousandSeparator=","
                value={Number.isNaN(field.value) ? '' : field.value}
                onChange={(v) => field.onChange(typeof v === 'number' ? v : v === '' ? Number.NaN : Number(v))}
                onBlur={field.onBlur}
                error={
                  fieldState.error?.message ??
                  (belowZero && current ? `On hand cannot go below zero: ${formatUnits(current.onHand)} on hand here.` : undefined)
                }
              />
            )}
          />
          {current && delta !== null && (
            <Text size="sm" aria-live="polite" data-testid="adjust-result">
              {reason === 'count_correction' ? `Difference ${formatChange(delta)} · ` : ''}
              On hand {formatUnits(current.onHand)} → {formatUnits(current.onHand + delta)}
            </Text>
          )}
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
            <Button type="submit" loading={formState.isSubmitting} disabled={!current || belowZero}>
              Adjust stock
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** A location's numbers as the dialog computes with them. */
export function CurrentNumbers({ level, label = 'Now' }: { level: InventoryLevel | undefined; label?: string }) {
  if (!level) return null;
  return (
    <Text size="sm" c="dimmed" data-testid="current-numbers">
      {label}: {formatUnits(level.onHand)} on hand · {formatUnits(level.reserved)} reserved · {formatUnits(level.available)} available
    </Text>
  );
}
