import { Checkbox, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { Controller, useWatch } from 'react-hook-form';
import { z } from 'zod';
import { cancelMoney, lineRefundAmount, unitsToShip } from '@/domain/order-rules';
import type { CancelInput, Order } from '@/contract/order-schemas';
import { canRefund, SUPPORT_REFUND_LIMIT_CENTS } from '@/contract/permissions';
import { formatCents } from '@/contract/values/money';
import { useCurrentUser } from '@/components/current-user';
import { useCancelOrder } from '../api/order-mutations';
import {
  LineName,
  LinesError,
  OrderActionModal,
  ReasonField,
  sentFields,
  UnitsField,
  unitsSchema,
  useOrderForm,
  useOrderSubmit,
} from './order-action-dialog';
import { formatUnits } from './order-labels';
import classes from './orders.module.css';
import stacked from '@/components/stacked-table/stacked-table.module.css';

type CancelForm = { reason: string; refund: boolean; lines: { lineId: string; quantity: number }[] };

/** Lines with units still to ship: only those can be cancelled. */
function openLines(order: Order) {
  return order.lines.filter((l) => unitsToShip(l) > 0);
}

function schemaFor(order: Order) {
  return z
    .object({
      reason: z.string().trim().min(1, 'Say why the order is cancelled').max(500, 'Keep the reason under 500 characters'),
      refund: z.boolean(),
      lines: z.array(z.object({ lineId: z.string(), quantity: unitsSchema })),
    })
    .superRefine((values, ctx) => {
      values.lines.forEach((l, i) => {
        const line = order.lines.find((ol) => ol.id === l.lineId);
        const left = line ? unitsToShip(line) : 0;
        if (l.quantity > left)
          ctx.addIssue({ code: 'custom', path: ['lines', i, 'quantity'], message: `Only ${formatUnits(left)} not shipped yet` });
      });
      if (!values.lines.some((l) => l.quantity > 0))
        ctx.addIssue({ code: 'custom', path: ['lines', 'root'], message: 'Cancel at least one unit' });
    });
}

/**
 * What cancelling these units refunds, as the API works it out: each unit at what the customer paid for it,
 * and the shipping only when the whole order goes (nothing shipped, nothing left); never more than is left.
 */
function cancelAmount(order: Order, lines: CancelForm['lines']) {
  let units = 0;
  let everything = true;
  const parts: { line: Order['lines'][number]; quantity: number }[] = [];
  for (const line of order.lines) {
    const left = unitsToShip(line);
    const q = lines.find((l) => l.lineId === line.id)?.quantity ?? 0;
    const valid = Number.isInteger(q) && q >= 0 && q <= left;
    if (!valid || q < left) everything = false;
    if (!valid || q === 0) continue;
    units += q;
    parts.push({ line, quantity: q });
  }
  // The decision's own rule: on an exchange's order with a difference owed, the units first take it off what is owed.
  const money = cancelMoney(order, parts, true);
  const { wholeOrder, shipping, waived } = money;
  return { units, everything, wholeOrder, shipping, forUnits: money.value, waived, amount: money.paidOut };
}

/**
 * Cancels units not shipped yet: every one by default, or fewer per line. Their reservations are released, and
 * with "refund" they are refunded in the same step (the shipping too when the whole order goes).
 */
export function CancelDialog({ order, onClose }: { order: Order; onClose: () => void }) {
  const role = useCurrentUser()?.role;
  const lines = openLines(order);
  const shipped = order.lines.reduce((n, l) => n + l.fulfilledQuantity, 0);
  const initial = cancelAmount(
    order,
    lines.map((l) => ({ lineId: l.id, quantity: unitsToShip(l) })),
  );
  const { form, server } = useOrderForm<CancelForm>(order, schemaFor, {
    reason: '',
    refund: initial.amount > 0 && canRefund(role, initial.amount),
    lines: lines.map((l) => ({ lineId: l.id, quantity: unitsToShip(l) })),
  });
  const { control, handleSubmit, formState } = form;
  const [chosen, refund] = useWatch({ control, name: ['lines', 'refund'] });
  const { units, everything, wholeOrder, shipping, forUnits, waived, amount } = cancelAmount(order, chosen);
  const mayRefund = canRefund(role, amount);
  const blocked = refund && amount > 0 && !mayRefund;
  const { send, conflict, formError, pending } = useOrderSubmit({ mutation: useCancelOrder(order.id), form, server });

  async function submit(values: CancelForm) {
    const sent = values.lines.flatMap((l, i) => (l.quantity > 0 ? [i] : []));
    // Everything not shipped is the API's default: the request then names no lines.
    const input: CancelInput = {
      version: order.version,
      reason: values.reason.trim(),
      refund: values.refund && amount > 0,
      ...(everything ? {} : { lines: sent.map((i) => values.lines[i]!) }),
    };
    const updated = await send(input, sentFields<CancelForm>(sent, ['reason', 'refund']));
    if (!updated) return;
    const refunded = updated.refunded - order.refunded;
    notifications.show({
      color: 'green',
      title: updated.status === 'cancelled' ? 'Order cancelled' : 'Units cancelled',
      message: `#${updated.number}: ${formatUnits(units)} ${units === 1 ? 'unit' : 'units'} cancelled and released from stock${refunded > 0 ? `, ${formatCents(refunded)} refunded` : ''}`,
    });
    onClose();
  }

  const title = shipped === 0 ? `Cancel order #${order.number}` : `Cancel unshipped units of order #${order.number}`;

  return (
    <OrderActionModal
      title={title}
      refusedTitle="Nothing was cancelled"
      conflict={conflict}
      formError={formError}
      onClose={onClose}
      onSubmit={handleSubmit(submit)}
      submitLabel={wholeOrder ? 'Cancel order' : `Cancel ${formatUnits(units)} ${units === 1 ? 'unit' : 'units'}`}
      submitColor="red"
      cancelLabel="Keep the order"
      pending={pending || formState.isSubmitting}
      disabled={units === 0 || blocked}
    >
      <Text size="sm">
        {shipped === 0
          ? 'Nothing has shipped. The units cancelled are released from stock; cancelling them all cancels the order.'
          : `${formatUnits(shipped)} shipped ${shipped === 1 ? 'unit stays' : 'units stay'} on the order (return or refund ${shipped === 1 ? 'it' : 'them'} instead). The units cancelled here are released from stock.`}
      </Text>
      <Table aria-label="Units to cancel" verticalSpacing={4} className={stacked.table}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Item</Table.Th>
            <Table.Th>Not shipped</Table.Th>
            <Table.Th>Cancel</Table.Th>
            <Table.Th className={classes.right}>Paid for them</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {lines.map((line, i) => {
            const left = unitsToShip(line);
            const q = chosen[i]?.quantity ?? 0;
            const valid = Number.isInteger(q) && q >= 0 && q <= left;
            return (
              <Table.Tr key={line.id}>
                <Table.Td className={stacked.lead}>
                  <LineName line={line} />
                </Table.Td>
                <Table.Td data-label="Not shipped">{formatUnits(left)}</Table.Td>
                <Table.Td data-label="Cancel">
                  <UnitsField control={control} name={`lines.${i}.quantity`} label={`Units of ${line.sku} to cancel`} max={left} />
                </Table.Td>
                <Table.Td className={classes.right} data-label="Paid for them">
                  {valid ? formatCents(lineRefundAmount(line, line.refundedQuantity, q)) : '—'}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      <LinesError errors={formState.errors} />
      <ReasonField control={control} name="reason" />
      <Controller
        control={control}
        name="refund"
        render={({ field, fieldState }) => (
          <Checkbox
            label={`Refund the cancelled units${shipping > 0 ? ' and the shipping' : ''} (${formatCents(amount)})`}
            checked={field.value}
            disabled={amount === 0}
            onChange={(e) => field.onChange(e.currentTarget.checked)}
            onBlur={field.onBlur}
            description={
              waived > 0
                ? `${formatCents(waived)} the customer owed for this exchange is waived first${amount > 0 ? '; the rest goes back to them' : ''}`
                : amount === 0
                  ? 'Nothing to refund'
                  : !mayRefund && role === 'support'
                    ? `Support can refund up to ${formatCents(SUPPORT_REFUND_LIMIT_CENTS)} on an order a day: untick this and ask a manager or an admin to refund`
                    : !mayRefund
                      ? 'Your role may not refund'
                      : shipping > 0
                        ? `${formatCents(forUnits)} for the units and ${formatCents(shipping)} shipping, back to the customer now`
                        : 'Back to the customer now, at what they paid for these units'
            }
            error={blocked ? 'Above what you may refund' : fieldState.error?.message}
          />
        )}
      />
    </OrderActionModal>
  );
}
