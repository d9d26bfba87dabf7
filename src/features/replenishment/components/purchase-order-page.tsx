import { Alert, Badge, Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { referenceQueries } from '@/api/reference-queries';
import type { PurchaseOrder } from '@/contract/replenishment-schemas';
import { formatCents } from '@/contract/values/money';
import { isOverdue, openUnits, poLabel } from '@/domain/purchase-decisions';
import { AnchorLink } from '@/components/anchor-link';
import { useCan } from '@/components/current-user';
import { PageHeader } from '@/components/page-header';
import { useAttemptKey } from '@/components/use-attempt-key';
import stacked from '@/components/stacked-table/stacked-table.module.css';
import { formatMoment, formatStoreDay } from '@/lib/date-format';
import { applyFreshPurchaseOrder, useSendPurchaseOrder } from '../api/replenishment-mutations';
import { purchaseOrderQueries, supplierQueries } from '../api/replenishment-queries';
import { CloseDialog } from './close-dialog';
import { DraftEditor } from './draft-editor';
import { formatCount, formatUnits, PO_STATUS_COLORS, PO_STATUS_LABELS } from './labels';
import { readPoFailure } from './po-failure';
import { ReceiveDialog } from './receive-dialog';
import { useStoreToday } from './use-store-today';
import classes from './replenishment.module.css';

const route = getRouteApi('/purchase-orders/$purchaseOrderId');

type Action = 'receive' | 'close' | 'edit';

export function PurchaseOrderPage() {
  const { purchaseOrderId } = route.useParams();
  const { data: po } = useSuspenseQuery(purchaseOrderQueries.detail(purchaseOrderId));
  const locations = useQuery(referenceQueries.locations());
  const suppliers = useQuery(supplierQueries.list());
  const mayEdit = useCan('stock.edit');
  const today = useStoreToday();
  const [action, setAction] = useState<Action | null>(null);
  const locationName = locations.data?.items.find((l) => l.id === po.locationId)?.name ?? po.locationId;
  const supplier = suppliers.data?.items.find((s) => s.id === po.supplierId);
  const overdue = isOverdue(po, today);
  const open = po.status === 'sent' || po.status === 'partially_received';
  const ordered = po.lines.reduce((n, l) => n + l.quantity, 0);
  const received = po.lines.reduce((n, l) => n + l.received, 0);

  return (
    <>
      <AnchorLink to="/purchase-orders" size="sm">
        ← Purchase orders
      </AnchorLink>
      <PageHeader
        title={
          <Group gap="sm" component="span">
            <span>{poLabel(po.number)}</span>
            <Badge variant="dot" color={PO_STATUS_COLORS[po.status]} tt="none" fw={500} title={`Status: ${PO_STATUS_LABELS[po.status]}`}>
              {PO_STATUS_LABELS[po.status]}
            </Badge>
            {overdue && (
              <Badge color="red" variant="light" tt="none">
                Overdue
              </Badge>
            )}
          </Group>
        }
        description={`${po.supplierName} → ${locationName} · version ${po.version}`}
        actions={mayEdit && action !== 'edit' && <PoActions po={po} open={open} onAction={setAction} />}
      />
      <Stack gap="md">
        {/* A warning for what is still to be sent: once sent, the supplier has answered it. */}
        {po.belowMinimum && po.status === 'draft' && (
          <Alert color="yellow" title="Under the supplier’s minimum order">
            {formatCents(po.total)} is under{' '}
            {supplier ? `${supplier.name}’s minimum of ${formatCents(supplier.minimumOrder)}` : 'the supplier’s minimum'}. It can still be
            sent; the supplier may refuse it or charge for it.
          </Alert>
        )}
        <Card withBorder>
          <dl className={classes.figures}>
            <Figure label="Supplier" value={po.supplierName} />
            <Figure label="Deliver to" value={locationName} />
            <Figure label="Received / ordered" value={`${formatCount(received)} / ${formatUnits(ordered)}`} />
            <Figure label="Total" value={formatCents(po.total)} />
            <Figure label="Created" value={formatMoment(po.createdAt)} />
            <Figure label="Sent" value={po.sentAt ? formatMoment(po.sentAt) : 'Not yet'} />
            <Figure label="Expected on (store day, ET)" value={po.expectedOn ? formatStoreDay(po.expectedOn) : '—'} />
            {po.closedAt && <Figure label={po.status === 'received' ? 'Completed' : 'Closed'} value={formatMoment(po.closedAt)} />}
            {po.closeReason && <Figure label="Why closed" value={po.closeReason} />}
          </dl>
          {po.note && (
            <Text size="sm" mt="sm">
              Note: {po.note}
            </Text>
          )}
        </Card>
        <section aria-labelledby="po-lines">
          <Title order={2} size="h4" id="po-lines" mb="xs">
            Lines
          </Title>
          {action === 'edit' && po.status === 'draft' ? <DraftEditor po={po} onDone={() => setAction(null)} /> : <LinesTable po={po} />}
        </section>
        <section aria-labelledby="po-history">
          <Title order={2} size="h4" id="po-history" mb="xs">
            History
          </Title>
          <ol className={classes.history}>
            {[...po.events].reverse().map((e, i) => (
              <li key={`${e.at}-${i}`}>
                <Text size="sm">{e.text}</Text>
                <Text size="xs" c="dimmed">
                  <time dateTime={e.at}>{formatMoment(e.at)}</time> · {e.actor.name}
                </Text>
              </li>
            ))}
          </ol>
        </section>
      </Stack>
      {action === 'receive' && <ReceiveDialog po={po} locationName={locationName} onClose={() => setAction(null)} />}
      {action === 'close' && <CloseDialog po={po} onClose={() => setAction(null)} />}
    </>
  );
}

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}

/** What the order's status allows: a draft is edited, sent or cancelled; a sent one received or closed short. */
function PoActions({ po, open, onAction }: { po: PurchaseOrder; open: boolean; onAction: (action: Action) => void }) {
  const queryClient = useQueryClient();
  const send = useSendPurchaseOrder();
  const attempt = useAttemptKey();
  const anyReceived = po.lines.some((l) => l.received > 0);

  async function sendDraft() {
    try {
      const sent = await send.mutateAsync({ id: po.id, input: undefined, version: po.version, idempotencyKey: attempt.keyFor(po.version) });
      attempt.reset();
      notifications.show({
        color: 'green',
        title: `${poLabel(sent.number)} sent`,
        message: `${sent.supplierName} expects to deliver it on ${sent.expectedOn ? `${formatStoreDay(sent.expectedOn)} (ET)` : 'a day not known yet'}.`,
      });
    } catch (error) {
      const failure = readPoFailure(error);
      if (failure.fresh) applyFreshPurchaseOrder(queryClient, failure.fresh);
      notifications.show({ color: 'red', title: 'It was not sent', message: failure.message, autoClose: 10_000 });
    }
  }

  if (po.status === 'draft')
    return (
      <>
        <Button variant="default" onClick={() => onAction('edit')}>
          Edit lines
        </Button>
        <Button onClick={() => void sendDraft()} loading={send.isPending} disabled={po.lines.length === 0}>
          Send to supplier
        </Button>
        <Button variant="default" color="red" onClick={() => onAction('close')}>
          Cancel order…
        </Button>
      </>
    );
  if (!open) return null;
  return (
    <>
      <Button onClick={() => onAction('receive')}>Receive…</Button>
      <Button variant="default" color="red" onClick={() => onAction('close')}>
        {anyReceived ? 'Close the rest…' : 'Cancel order…'}
      </Button>
    </>
  );
}

/** Each line: what was ordered, what came, what is still to come, and its cost. */
function LinesTable({ po }: { po: PurchaseOrder }) {
  return (
    <Table aria-label="Lines" className={stacked.table} verticalSpacing={4} striped>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Item</Table.Th>
          <Table.Th>Supplier SKU</Table.Th>
          <Table.Th>Ordered</Table.Th>
          <Table.Th>Received</Table.Th>
          <Table.Th>Still to come</Table.Th>
          <Table.Th>Unit cost</Table.Th>
          <Table.Th>Line total</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {po.lines.map((line) => (
          <Table.Tr key={line.id}>
            <Table.Td className={stacked.lead}>
              <Text size="sm" fw={500}>
                {line.sku}
              </Text>
              <Text size="xs" c="dimmed">
                {line.title}
                {line.variantTitle && ` · ${line.variantTitle}`}
              </Text>
            </Table.Td>
            <Table.Td data-label="Supplier SKU">{line.supplierSku}</Table.Td>
            <Table.Td data-label="Ordered">{formatCount(line.quantity)}</Table.Td>
            <Table.Td data-label="Received">{formatCount(line.received)}</Table.Td>
            <Table.Td data-label="Still to come">{formatCount(openUnits(po, line))}</Table.Td>
            <Table.Td data-label="Unit cost">{formatCents(line.unitCost)}</Table.Td>
            <Table.Td data-label="Line total">{formatCents(line.total)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
      <Table.Tfoot>
        <Table.Tr>
          <Table.Th colSpan={6}>Total</Table.Th>
          <Table.Td>{formatCents(po.total)}</Table.Td>
        </Table.Tr>
      </Table.Tfoot>
    </Table>
  );
}
