import { Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { z } from 'zod';
import type { Order, Return, ReturnCloseInput } from '@/contract/order-schemas';
import { useCloseReturn } from '../api/order-mutations';
import { OrderActionModal, ReasonField, useOrderForm, useOrderSubmit } from './order-action-dialog';

type CloseForm = { reason: string };

const schema = z.object({
  reason: z.string().trim().min(1, 'Say why the return is closed').max(500, 'Keep the reason under 500 characters'),
});

type Props = { order: Order; ret: Return; label: string; onClose: () => void };

/** Ends a return with no money moving: it never arrived, or it is refused. */
export function CloseReturnDialog({ order, ret, label, onClose }: Props) {
  const { form, server } = useOrderForm<CloseForm>(order, () => schema, { reason: '' });
  const { control, handleSubmit, formState } = form;
  const { send, conflict, formError, pending } = useOrderSubmit({ mutation: useCloseReturn(order.id, ret.id), form, server });

  async function submit(values: CloseForm) {
    const input: ReturnCloseInput = { version: order.version, reason: values.reason.trim() };
    const updated = await send(input, (path) => (path === 'reason' ? 'reason' : null));
    if (!updated) return;
    notifications.show({
      color: 'green',
      title: 'Return closed',
      message: `#${updated.number}: ${label.toLowerCase()} closed, nothing refunded`,
    });
    onClose();
  }

  return (
    <OrderActionModal
      title={`Close ${label.toLowerCase()} of order #${order.number}`}
      refusedTitle="The return was not closed"
      conflict={conflict}
      formError={formError}
      onClose={onClose}
      onSubmit={handleSubmit(submit)}
      submitLabel="Close the return"
      cancelLabel="Keep it open"
      pending={pending || formState.isSubmitting}
      size="md"
    >
      <Text size="sm">
        {ret.status === 'requested'
          ? 'Nothing has arrived. Closing gives its units back to the order: they can be returned again later. No money moves.'
          : 'The units stay where they were received. No money moves.'}
      </Text>
      <ReasonField control={control} name="reason" />
    </OrderActionModal>
  );
}
