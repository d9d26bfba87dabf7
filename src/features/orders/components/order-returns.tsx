import { Alert, Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useId, useState, type ReactNode } from 'react';
import type { Order, Return } from '@/contract/order-schemas';
import { formatCents } from '@/contract/values/money';
import { useCurrentUser } from '@/components/current-user';
import { paidOut } from '@/domain/order-rules';
import { RETURN_REASON_LABELS } from '@/domain/return-decisions';
import { formatMoment } from '@/lib/date-format';
import { RETURN_STATUS_COLORS, RETURN_STATUS_LABELS } from '@/lib/status-labels';
import { CloseReturnDialog } from './close-return-dialog';
import { ExchangeDialog } from './exchange-dialog';
import { LineName } from './order-action-dialog';
import { formatUnits } from './order-labels';
import { ReceiveReturnDialog } from './receive-return-dialog';
import { RefundReturnDialog } from './refund-return-dialog';
import { lineOf } from './return-money';
import classes from './orders.module.css';
import stacked from '@/components/stacked-table/stacked-table.module.css';
import tableLink from '@/components/table-link.module.css';

type Step = 'receive' | 'refund' | 'exchange' | 'close';

/** The statuses a return takes each step from. */
const STEP_FROM: Record<Step, readonly Return['status'][]> = {
  receive: ['requested'],
  refund: ['received'],
  exchange: ['received'],
  close: ['requested', 'received'],
};

type Props = {
  order: Order;
  locationName: (id: string) => string;
  mayFulfil: boolean;
  mayRefund: boolean;
};

/** How a return is named on its order's page and in its dialogs: by its place among the order's returns. */
export function returnLabel(order: Order, returnId: string): string {
  return `Return ${order.returns.findIndex((r) => r.id === returnId) + 1}`;
}

/** Every return of the order: its status, its units, who did each step and when, and the next steps. */
export function OrderReturns({ order, locationName, mayFulfil, mayRefund }: Props) {
  const [open, setOpen] = useState<{ step: Step; returnId: string } | null>(null);
  const close = () => setOpen(null);
  // A step's dialog shows while its return can take that step: once done (the order refreshed), it is gone.
  const ret = open && order.returns.find((r) => r.id === open.returnId && STEP_FROM[open.step].includes(r.status));
  // Gone because someone else took a step first (the order refreshed under the dialog): say so instead of vanishing.
  // (A dialog whose own step succeeds closes itself.)
  const me = useCurrentUser()?.id;
  const moved = open && !ret ? order.returns.find((r) => r.id === open.returnId) : undefined;
  const mover = moved && (moved.settledBy ?? moved.receivedBy);
  const overtaken = moved && mover && mover.id !== me ? { ret: moved, by: mover.name } : null;

  if (order.returns.length === 0)
    return (
      <Text size="sm" c="dimmed">
        No returns.
      </Text>
    );
  return (
    <Stack gap="sm">
      {order.returns.map((r) => (
        <ReturnCard
          key={r.id}
          order={order}
          ret={r}
          locationName={locationName}
          actions={
            <>
              {mayFulfil && STEP_FROM.receive.includes(r.status) && (
                <Button size="xs" onClick={() => setOpen({ step: 'receive', returnId: r.id })}>
                  Receive…
                </Button>
              )}
              {mayRefund && STEP_FROM.refund.includes(r.status) && (
                <Button size="xs" color="red" variant="light" onClick={() => setOpen({ step: 'refund', returnId: r.id })}>
                  Refund…
                </Button>
              )}
              {mayFulfil && STEP_FROM.exchange.includes(r.status) && (
                <Button size="xs" variant="light" onClick={() => setOpen({ step: 'exchange', returnId: r.id })}>
                  Exchange…
                </Button>
              )}
              {mayFulfil && STEP_FROM.close.includes(r.status) && (
                <Button size="xs" variant="default" onClick={() => setOpen({ step: 'close', returnId: r.id })}>
                  Close…
                </Button>
              )}
            </>
          }
        />
      ))}
      {overtaken && (
        <Alert role="alert" color="yellow" title={`${returnLabel(order, overtaken.ret.id)} changed`} withCloseButton onClose={close}>
          {overtaken.by} marked it {RETURN_STATUS_LABELS[overtaken.ret.status].toLowerCase()} while your dialog was open. Nothing of yours
          was sent; its card shows where it stands now.
        </Alert>
      )}
      {open && ret && open.step === 'receive' && (
        <ReceiveReturnDialog order={order} ret={ret} label={returnLabel(order, ret.id)} locationName={locationName} onClose={close} />
      )}
      {open && ret && open.step === 'refund' && (
        <RefundReturnDialog order={order} ret={ret} label={returnLabel(order, ret.id)} onClose={close} />
      )}
      {open && ret && open.step === 'exchange' && (
        <ExchangeDialog order={order} ret={ret} label={returnLabel(order, ret.id)} onClose={close} />
      )}
      {open && ret && open.step === 'close' && (
        <CloseReturnDialog order={order} ret={ret} label={returnLabel(order, ret.id)} onClose={close} />
      )}
    </Stack>
  );
}

function ReturnCard({
  order,
  ret,
  locationName,
  actions,
}: {
  order: Order;
  ret: Return;
  locationName: (id: string) => string;
  actions: ReactNode;
}) {
  const headingId = useId();
  const label = returnLabel(order, ret.id);
  const received = ret.receivedAt !== null;
  return (
    <Paper withBorder p="sm" component="article" aria-labelledby={headingId}>
      <Group justify="space-between" align="flex-start" gap="xs" mb={4}>
        <Group gap="xs">
          <Title order={3} size="h5" id={headingId}>
            {label}
          </Title>
          <Badge
            variant="dot"
            color={RETURN_STATUS_COLORS[ret.status]}
            tt="none"
            fw={500}
            title={`Return: ${RETURN_STATUS_LABELS[ret.status]}`}
          >
            {RETURN_STATUS_LABELS[ret.status]}
          </Badge>
          <Text size="sm">{RETURN_REASON_LABELS[ret.reason]}</Text>
        </Group>
        <Group gap="xs">{actions}</Group>
      </Group>
      {ret.note && (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          “{ret.note}”
        </Text>
      )}
      <ReturnSteps order={order} ret={ret} locationName={locationName} />
      <Table aria-label={`Units of ${label.toLowerCase()}`} verticalSpacing={2} mt={4} className={stacked.table}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Item</Table.Th>
            <Table.Th className={classes.right}>Units</Table.Th>
            <Table.Th className={classes.right}>Back on the shelf</Table.Th>
            <Table.Th className={classes.right}>Written off</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {ret.lines.map((r) => {
            const line = lineOf(order, r.lineId);
            return (
              <Table.Tr key={r.lineId}>
                <Table.Td className={stacked.lead}>{line ? <LineName line={line} /> : r.lineId}</Table.Td>
                <Table.Td className={classes.right} data-label="Units">
                  {formatUnits(r.quantity)}
                </Table.Td>
                <Table.Td className={classes.right} data-label="Back on the shelf">
                  {received ? formatUnits(r.restocked) : '—'}
                </Table.Td>
                <Table.Td className={classes.right} data-label="Written off">
                  {received ? formatUnits(r.writtenOff) : '—'}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

/** Who did each step and when, oldest first, as a short list. */
function ReturnSteps({ order, ret, locationName }: { order: Order; ret: Return; locationName: (id: string) => string }) {
  const refund = ret.refundId ? order.refunds.find((f) => f.id === ret.refundId) : undefined;
  const steps: { key: string; what: ReactNode; by: string; at: string }[] = [
    { key: 'requested', what: 'Requested', by: ret.requestedBy.name, at: ret.requestedAt },
  ];
  if (ret.receivedAt && ret.receivedBy)
    steps.push({
      key: 'received',
      what: `Received at ${ret.locationId ? locationName(ret.locationId) : '—'}`,
      by: ret.receivedBy.name,
      at: ret.receivedAt,
    });
  if (ret.settledAt && ret.settledBy) {
    const by = ret.settledBy.name;
    const at = ret.settledAt;
    if (ret.status === 'refunded') steps.push({ key: 'settled', what: `Refunded ${refund ? formatCents(refund.amount) : ''}`, by, at });
    else if (ret.status === 'exchanged' && ret.exchangeOrder) {
      const paid = refund ? paidOut(refund) : 0;
      steps.push({
        key: 'settled',
        what: (
          <>
            Exchanged for{' '}
            <Link className={tableLink.link} to="/orders/$orderId" params={{ orderId: ret.exchangeOrder.id }}>
              order #{ret.exchangeOrder.number}
            </Link>
            {refund && ` (credit ${formatCents(refund.amount)}${paid > 0 ? `, ${formatCents(paid)} refunded to the customer` : ''})`}
          </>
        ),
        by,
        at,
      });
    } else if (ret.status === 'closed')
      steps.push({ key: 'settled', what: `Closed with no refund${ret.closeReason ? `: ${ret.closeReason}` : ''}`, by, at });
  }
  return (
    <ul className={classes.steps} aria-label={`Steps of ${returnLabel(order, ret.id).toLowerCase()}`}>
      {steps.map((s) => (
        <li key={s.key}>
          <Text size="sm" component="span">
            {s.what}
          </Text>{' '}
          <Text size="xs" c="dimmed" component="span">
            by {s.by}, <time dateTime={s.at}>{formatMoment(s.at)}</time>
          </Text>
        </li>
      ))}
    </ul>
  );
}
