import { Alert, Button, Checkbox, Group, Modal, NumberInput, Select, Stack, Table, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { referenceQueries } from '@/api/reference-queries';
import { useState, type FormEvent } from 'react';
import { useMediaQuery } from '@mantine/hooks';
import { lineRefundParts, refundableUnits, refundMoney, restockableUnits, shippingLeft } from '@/domain/order-rules';
import type { Order, RefundInput } from '@/contract/order-schemas';
import { canRefund } from '@/contract/permissions';
import { useCurrentUser } from '@/components/current-user';
import { MoneyInput } from '@/components/money-input';
import { useAttemptKey } from '@/components/use-attempt-key';
import { formatCents } from '@/contract/values/money';
import { applyFreshOrder, useRefundOrder } from '../api/order-mutations';
import { ConflictAlert } from './conflict-alert';
import { LineName } from './order-action-dialog';
import { formLinePath, readOrderFailure } from './order-failure';
import { CLOSE_BUTTON, formatUnits } from './order-labels';
import { RefundReceipt, type ReceiptLine } from './refund-receipt';
import { SupportLimitHint } from './support-limit-hint';
import stacked from '@/components/stacked-table/stacked-table.module.css';

type RefundDialogProps = { order: Order; locationName: (id: string) => string; onClose: () => void };

/**
 * Refunds units of lines (each at what the customer paid for it), the shipping
 * fee, and an extra amount, optionally putting the units back on a shelf. The
 * amount is worked out here with the contract's own rules and never exceeds
 * what can still be refunded; the API checks it again.
 */
export function RefundDialog({ order, locationName, onClose }: RefundDialogProps) {
  const queryClient = useQueryClient();
  const locations = useQuery(referenceQueries.locations());
  const refund = useRefundOrder(order.id);
  const attempt = useAttemptKey();
  const role = useCurrentUser()?.role;
  const [quantities, setQuantities] = useState<Record<string, number>>({});
  const [shipping, setShipping] = useState(false);
  const [extra, setExtra] = useState<number | null>(null);
  const [restock, setRestock] = useState(false);
  const [locationId, setLocationId] = useState(order.locationId);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);

  // Live numbers, from the order as it is now (after a 409, the fresh one).
  const lineProblems: Record<string, string> = {};
  const receipt: ReceiptLine[] = [];
  let linesAmount = 0;
  let units = 0;
  for (const line of order.lines) {
    const q = quantities[line.id] ?? 0;
    const max = refundableUnits(line);
    if (Number.isNaN(q)) lineProblems[line.id] = 'Enter a number of units';
    else if (!Number.isInteger(q)) lineProblems[line.id] = 'Enter a whole number of units';
    else if (q < 0) lineProblems[line.id] = 'Enter 0 or more units';
    else if (q > max) lineProblems[line.id] = `Only ${formatUnits(max)} can be refunded`;
    else if (restock && q > restockableUnits(order, line))
      lineProblems[line.id] = `Only ${formatUnits(restockableUnits(order, line))} shipped can go back on the shelf`;
    else if (q > 0) {
      const parts = lineRefundParts(line, line.refundedQuantity, q);
      receipt.push({ line, quantity: q, parts });
      linesAmount += parts.amount;
      units += q;
    }
  }
  const shippingAmount = shipping ? shippingLeft(order) : 0;
  const extraInvalid = extra !== null && Number.isNaN(extra);
  const extraAmount = extra !== null && !extraInvalid ? extra : 0;
  // On an exchange's order with a difference still owed, refunded units first take it off what is owed (the API's rule).
  const { waived, paidOut: amount, most } = refundMoney(order, linesAmount, shippingAmount, extraAmount);
  const tooMuch = amount > most;
  const overLimit = !tooMuch && amount > 0 && !canRefund(role, amount);
  const invalid = Object.keys(lineProblems).length > 0 || extraInvalid;
  // Units whose whole amount is waived still make a refund: nothing is paid back, what was owed goes down.
  const nothing = linesAmount + shippingAmount + extraAmount === 0;
  const blocked = invalid || tooMuch || overLimit || nothing;
  const phone = useMediaQuery('(max-width: 48em)') ?? false;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFormError(null);
    const problems: Record<string, string> = {};
    if (!reason.trim()) problems.reason = 'Say why you refund';
    if (restock && units === 0) problems.restock = 'Choose units to put back, or untick this';
    setErrors(problems);
    if (blocked || Object.keys(problems).length) return;
    const sent = order.lines.flatMap((l, i) => ((quantities[l.id] ?? 0) > 0 ? [i] : []));
    const input: RefundInput = {
      version: order.version,
      lines: sent.map((i) => ({ lineId: order.lines[i]!.id, quantity: quantities[order.lines[i]!.id]! })),
      shipping,
      amount: extraAmount,
      restock,
      locationId: restock ? locationId : null,
      reason: reason.trim(),
    };
    try {
      const updated = await refund.mutateAsync({ input, idempotencyKey: attempt.keyFor(input) });
      attempt.reset();
      notifications.show({
        color: 'green',
        title: 'Refund issued',
        message: `#${updated.number}: ${formatCents(amount)} refunded${restock ? `, ${formatUnits(units)} ${units === 1 ? 'unit' : 'units'} back in stock at ${locationName(locationId)}` : ''}`,
      });
      onClose();
    } catch (error) {
      const failure = readOrderFailure(error);
      if (failure.fresh) {
        setConflict(true);
        applyFreshOrder(queryClient, failure.fresh);
        return;
      }
      const placed: Record<string, string> = {};
      const unplaced: string[] = [];
      for (const [path, message] of Object.entries(failure.fieldErrors)) {
        const linePath = formLinePath(path, sent);
        const line = linePath ? order.lines[Number(linePath.split('.')[1])] : undefined;
        if (line) placed[`line:${line.id}`] = message;
        else if (['amount', 'reason', 'locationId', 'shipping', 'restock'].includes(path)) placed[path] = message;
        else unplaced.push(message);
      }
      setErrors(placed);
      setFormError(Object.keys(failure.fieldErrors).length === 0 ? failure.message : unplaced.join(' ') || null);
    }
  }

  return (
    <Modal opened onClose={onClose} closeButtonProps={CLOSE_BUTTON} title={`Refund order #${order.number}`} size="lg" fullScreen={phone}>
      <form onSubmit={submit} noValidate aria-label={`Refund order #${order.number}`}>
        <Stack gap="sm">
          {conflict && <ConflictAlert />}
          {formError && (
            <Alert color="red" title="Nothing was refunded" role="alert">
              {formError}
            </Alert>
          )}
          <Table aria-label="Units to refund" verticalSpacing={4} className={stacked.table}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Item</Table.Th>
                <Table.Th>Refundable</Table.Th>
                <Table.Th>Refund</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {order.lines.map((line) => {
                const max = refundableUnits(line);
                const q = quantities[line.id];
                return (
                  <Table.Tr key={line.id}>
                    <Table.Td className={stacked.lead}>
                      <LineName line={line} />
                    </Table.Td>
                    <Table.Td data-label="Refundable">
                      {formatUnits(max)} of {formatUnits(line.quantity)}
                    </Table.Td>
                    <Table.Td data-label="Refund">
                      <NumberInput
                        aria-label={`Units of ${line.sku} to refund`}
                        w={96}
                        min={0}
                        max={max}
                        allowDecimal={false}
                        allowNegative={false}
                        disabled={max === 0}
                        value={q === undefined || Number.isNaN(q) ? (max === 0 ? 0 : '') : q}
                        onChange={(v) =>
                          setQuantities((prev) => ({ ...prev, [line.id]: typeof v === 'number' ? v : v === '' ? 0 : Number.NaN }))
                        }
                        error={lineProblems[line.id] ?? errors[`line:${line.id}`]}
                      />
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
          <Checkbox
            label={`Refund the shipping (${formatCents(shippingLeft(order))})`}
            checked={shipping}
            disabled={shippingLeft(order) === 0}
            description={order.shipping === 0 ? 'This order had free shipping' : shippingLeft(order) === 0 ? 'Already refunded' : undefined}
            onChange={(e) => setShipping(e.currentTarget.checked)}
            error={errors.shipping}
          />
          <MoneyInput
            label="Extra amount"
            description="A goodwill credit or a price adjustment, on top of the units"
            w={340}
            maw="100%"
            value={extra}
            onChange={setExtra}
            error={extraInvalid ? 'Enter an amount in dollars and cents, like 5.00' : errors.amount}
          />
          <Checkbox
            label="Put the refunded units back in stock"
            checked={restock}
            onChange={(e) => setRestock(e.currentTarget.checked)}
            error={errors.restock}
          />
          {restock && (
            <Select
              label="Back in stock at"
              required
              allowDeselect={false}
              w={260}
              data={(locations.data?.items ?? [{ id: order.locationId, name: locationName(order.locationId) }]).map((l) => ({
                value: l.id,
                label: l.name,
              }))}
              value={locationId}
              onChange={(v) => v && setLocationId(v)}
              error={errors.locationId}
            />
          )}
          <Textarea
            label="Reason"
            required
            autosize
            minRows={2}
            maxRows={4}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={errors.reason}
          />
          {!nothing && (
            <RefundReceipt
              label="Refund breakdown"
              lines={receipt}
              shipping={shippingAmount}
              waived={waived}
              adjustment={extraAmount}
              adjustmentLabel="Extra amount"
              total={amount}
            />
          )}
          <Stack gap={2} aria-live="polite" data-testid="refund-summary">
            <Text size="sm" fw={600}>
              Refund {formatCents(amount)}
            </Text>
            <Text size="sm" c={tooMuch ? 'var(--mantine-color-error)' : 'dimmed'}>
              {tooMuch
                ? `That is more than can be refunded: at most ${formatCents(most)}`
                : `At most ${formatCents(most)} can still be refunded`}
            </Text>
            <SupportLimitHint role={role} over={overLimit} />
          </Stack>
          <Group justify="flex-end" mt="xs">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" color="red" loading={refund.isPending} disabled={blocked}>
              Refund {formatCents(amount)}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
