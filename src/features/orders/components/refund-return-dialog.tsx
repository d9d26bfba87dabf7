import { Alert, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { Controller, useWatch } from 'react-hook-form';
import { z } from 'zod';
import type { Order, Return, ReturnRefundInput } from '@/contract/order-schemas';
import { canRefund } from '@/contract/permissions';
import { formatCents } from '@/contract/values/money';
import { useCurrentUser } from '@/components/current-user';
import { MoneyInput } from '@/components/money-input';
import { useRefundReturn } from '../api/order-mutations';
import { OrderActionModal, useOrderForm, useOrderSubmit } from './order-action-dialog';
import { RefundReceipt } from './refund-receipt';
import { quoteReturn } from './return-money';
import { SupportLimitHint } from './support-limit-hint';

type RefundForm = { amount: number | null };

function schemaFor(credit: number) {
  return () =>
    z.object({
      amount: z
        .number({ error: 'Enter an amount in dollars and cents, like 5.00' })
        .refine((n) => !Number.isNaN(n), 'Enter an amount in dollars and cents, like 5.00')
        .refine((n) => n > 0, 'Enter an amount above $0.00, or close the return instead')
        .refine((n) => n <= credit, `At most ${formatCents(credit)}: what the returned units were paid`)
        .nullable()
        .refine((n) => n !== null, 'Enter the amount to refund'),
    }) as unknown as z.ZodType<RefundForm, RefundForm>;
}

type Props = { order: Order; ret: Return; label: string; onClose: () => void };

/**
 * Refunds a received return: the amount proposed is what its units were paid (price less their discount share,
 * plus their tax share), shown line by line; it may be lowered (a restocking fee, a missing accessory), never raised.
 */
export function RefundReturnDialog({ order, ret, label, onClose }: Props) {
  const role = useCurrentUser()?.role;
  const quote = quoteReturn(order, ret);
  const { form, server } = useOrderForm<RefundForm>(order, schemaFor(quote.credit), { amount: quote.credit });
  const { control, handleSubmit, formState } = form;
  const amount = useWatch({ control, name: 'amount' });
  const valid = amount !== null && Number.isInteger(amount) && amount > 0;
  const shown = valid ? amount : 0;
  const overLimit = valid && amount <= quote.credit && !canRefund(role, amount);
  const { send, conflict, formError, pending } = useOrderSubmit({ mutation: useRefundReturn(order.id, ret.id), form, server });
  const linesTotal = quote.lines.reduce((n, l) => n + l.parts.amount, 0);

  async function submit(values: RefundForm) {
    const input: ReturnRefundInput = { version: order.version, amount: values.amount ?? 0 };
    const updated = await send(input, (path) => (path === 'amount' ? 'amount' : null));
    if (!updated) return;
    notifications.show({
      color: 'green',
      title: 'Refund issued',
      message: `#${updated.number}: ${formatCents(input.amount)} refunded for ${label.toLowerCase()}`,
    });
    onClose();
  }

  return (
    <OrderActionModal
      title={`Refund ${label.toLowerCase()} of order #${order.number}`}
      refusedTitle="Nothing was refunded"
      conflict={conflict}
      formError={formError}
      onClose={onClose}
      onSubmit={handleSubmit(submit)}
      submitLabel={`Refund ${formatCents(shown)}`}
      submitColor="red"
      pending={pending || formState.isSubmitting}
      disabled={quote.refused !== null || overLimit}
    >
      {quote.refused && (
        <Alert color="yellow" title="This return cannot be refunded">
          {quote.refused}
        </Alert>
      )}
      <RefundReceipt
        label="What the returned units were paid"
        lines={quote.lines}
        adjustment={quote.credit - linesTotal}
        adjustmentLabel="Less: more than is left on the order"
        total={quote.credit}
      />
      <Controller
        control={control}
        name="amount"
        render={({ field, fieldState }) => (
          <MoneyInput
            label="Amount to refund"
            description={`Proposed: ${formatCents(quote.credit)}. Lower it for a restocking fee or a missing part; it cannot be raised.`}
            w={340}
            maw="100%"
            value={field.value}
            onChange={field.onChange}
            onBlur={field.onBlur}
            error={fieldState.error?.message}
            disabled={quote.refused !== null}
          />
        )}
      />
      <Text size="sm" fw={600} aria-live="polite">
        Refund {formatCents(shown)}
        {valid && amount < quote.credit && ` (${formatCents(quote.credit - amount)} less than proposed)`}
      </Text>
      <SupportLimitHint role={role} over={overLimit} />
    </OrderActionModal>
  );
}
