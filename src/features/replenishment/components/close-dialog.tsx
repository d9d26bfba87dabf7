import { zodResolver } from '@hookform/resolvers/zod';
import { Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { purchaseCloseInputSchema, type PurchaseCloseInput, type PurchaseOrder } from '@/contract/replenishment-schemas';
import { poLabel } from '@/domain/purchase-decisions';
import { useAttemptKey } from '@/components/use-attempt-key';
import { applyFreshPurchaseOrder, useClosePurchaseOrder } from '../api/replenishment-mutations';
import { formatUnits } from './labels';
import { readPoFailure } from './po-failure';
import { PoDialog } from './po-dialog';

/**
 * Cancels what has not come, with a reason the history keeps: an order with something received is closed
 * short; one with nothing received (a draft, too) is cancelled. Asks first: it cannot be undone.
 */
export function CloseDialog({ po, onClose }: { po: PurchaseOrder; onClose: () => void }) {
  const queryClient = useQueryClient();
  const close = useClosePurchaseOrder();
  const attempt = useAttemptKey();
  const form = useForm<PurchaseCloseInput>({
    resolver: zodResolver(purchaseCloseInputSchema),
    defaultValues: { reason: '' },
    mode: 'onTouched',
  });
  const [conflict, setConflict] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [current, setCurrent] = useState(po);
  const anyReceived = current.lines.some((l) => l.received > 0);
  const short = current.lines.reduce((n, l) => n + Math.max(0, l.quantity - l.received), 0);
  const action = anyReceived ? 'Close the rest' : 'Cancel purchase order';

  async function submit(input: PurchaseCloseInput) {
    setFormError(null);
    try {
      const updated = await close.mutateAsync({ id: current.id, input, version: current.version, idempotencyKey: attempt.keyFor(input) });
      attempt.reset();
      notifications.show({
        color: 'green',
        title: updated.status === 'closed' ? 'Closed short' : 'Purchase order cancelled',
        message: `${poLabel(updated.number)}: ${input.reason}`,
      });
      onClose();
    } catch (error) {
      const failure = readPoFailure(error);
      if (failure.fresh) {
        setConflict(failure.message);
        setCurrent(failure.fresh);
        applyFreshPurchaseOrder(queryClient, failure.fresh);
        return;
      }
      if (failure.fieldErrors.reason)
        form.setError('reason', { type: 'server', message: failure.fieldErrors.reason }, { shouldFocus: true });
      else setFormError(failure.message);
    }
  }

  return (
    <PoDialog
      title={`${action}: ${poLabel(current.number)}`}
      refusedTitle="Nothing was changed"
      conflict={conflict}
      formError={formError}
      onClose={onClose}
      onSubmit={form.handleSubmit(submit)}
      submitLabel={action}
      submitColor="red"
      pending={close.isPending || form.formState.isSubmitting}
      size="md"
    >
      <Text size="sm">
        {anyReceived
          ? `The ${formatUnits(short)} still to come will not be expected any more; what arrived stays received. This cannot be undone.`
          : `Nothing has arrived: the whole order is cancelled and ${current.supplierName} expects nothing more. This cannot be undone.`}
      </Text>
      <Controller
        control={form.control}
        name="reason"
        render={({ field, fieldState }) => (
          <Textarea label="Reason" required autosize minRows={2} maxRows={4} data-autofocus {...field} error={fieldState.error?.message} />
        )}
      />
    </PoDialog>
  );
}
