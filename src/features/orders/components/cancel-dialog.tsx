import { Alert, Button, Checkbox, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { refundable } from '@/domain/order-rules';
import type { CancelInput, Order } from '@/contract/order-schemas';
import { canRefund, SUPPORT_REFUND_LIMIT_CENTS } from '@/contract/permissions';
import { useCurrentUser } from '@/components/current-user';
import { useAttemptKey } from '@/components/use-attempt-key';
import { formatCents } from '@/contract/values/money';
import { applyFreshOrder, useCancelOrder } from '../api/order-mutations';
import { ConflictAlert } from './conflict-alert';
import { readOrderFailure } from './order-failure';
import { CLOSE_BUTTON } from './order-labels';

type CancelDialogProps = { order: Order; onClose: () => void };

/** Cancels an order with nothing shipped: its reservations are released, and the payment refunded if asked. */
export function CancelDialog({ order, onClose }: CancelDialogProps) {
  const queryClient = useQueryClient();
  const cancel = useCancelOrder(order.id);
  const attempt = useAttemptKey();
  const role = useCurrentUser()?.role;
  const most = refundable(order);
  const mayRefund = canRefund(role, most);
  const [reason, setReason] = useState('');
  const [refund, setRefund] = useState(mayRefund && most > 0);
  const [errors, setErrors] = useState<{ reason?: string; refund?: string }>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFormError(null);
    if (!reason.trim()) return setErrors({ reason: 'Say why the order is cancelled' });
    setErrors({});
    const input: CancelInput = { version: order.version, reason: reason.trim(), refund };
    try {
      const updated = await cancel.mutateAsync({ input, idempotencyKey: attempt.keyFor(input) });
      attempt.reset();
      notifications.show({
        color: 'green',
        title: 'Order cancelled',
        message: `#${updated.number} cancelled${refund ? `, ${formatCents(updated.refunded - order.refunded)} refunded` : ''}; its stock is released`,
      });
      onClose();
    } catch (error) {
      const failure = readOrderFailure(error);
      if (failure.fresh) {
        setConflict(true);
        applyFreshOrder(queryClient, failure.fresh);
        return;
      }
      const { reason: reasonError, refund: refundError, ...rest } = failure.fieldErrors;
      setErrors({ reason: reasonError, refund: refundError });
      const unplaced = Object.values(rest);
      setFormError(Object.keys(failure.fieldErrors).length === 0 ? failure.message : unplaced.join(' ') || null);
    }
  }

  return (
    <Modal opened onClose={onClose} closeButtonProps={CLOSE_BUTTON} title={`Cancel order #${order.number}`} size="md">
      <form onSubmit={submit} noValidate aria-label={`Cancel order #${order.number}`}>
        <Stack gap="sm">
          {conflict && <ConflictAlert />}
          {formError && (
            <Alert color="red" title="The order was not cancelled" role="alert">
              {formError}
            </Alert>
          )}
          <Text size="sm">Nothing has shipped. Cancelling releases every unit this order holds in stock.</Text>
          <Textarea
            label="Reason"
            required
            autosize
            minRows={2}
            maxRows={4}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={errors.reason}
            data-autofocus
          />
          <Checkbox
            label={`Refund the payment (${formatCents(most)})`}
            checked={refund}
            disabled={most === 0 || !mayRefund}
            onChange={(e) => setRefund(e.currentTarget.checked)}
            description={
              most === 0
                ? 'Nothing left to refund'
                : !mayRefund && role === 'support'
                  ? `Support can refund up to ${formatCents(SUPPORT_REFUND_LIMIT_CENTS)}: ask a manager or an admin to refund this one`
                  : !mayRefund
                    ? 'Your role may not refund'
                    : undefined
            }
            error={errors.refund}
          />
          <Group justify="flex-end" mt="xs">
            <Button variant="default" onClick={onClose}>
              Keep the order
            </Button>
            <Button type="submit" color="red" loading={cancel.isPending}>
              Cancel order
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
