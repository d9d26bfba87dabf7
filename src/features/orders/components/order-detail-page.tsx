import { Alert, Anchor, Button, Card, Grid, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery, useSuspenseQuery } from '@tanstack/react-query';
import { referenceQueries } from '@/api/reference-queries';
import { getRouteApi, Link } from '@tanstack/react-router';
import { useMemo, useState, type ReactNode } from 'react';
import { refundable, unitsToShip } from '@/domain/order-rules';
import type { Order } from '@/contract/order-schemas';
import { AnchorLink } from '@/components/anchor-link';
import { useCan } from '@/components/current-user';
import { PageHeader } from '@/components/page-header';
import { formatMoment } from '@/lib/date-format';
import { formatCents } from '@/contract/values/money';
import { stateName } from '@/contract/values/us-address';
import { orderQueries } from '../api/order-queries';
import { CancelDialog } from './cancel-dialog';
import { FulfilDialog } from './fulfil-dialog';
import { NoteForm } from './note-form';
import { formatUnits } from './order-labels';
import { RefundDialog } from './refund-dialog';
import { OrderBadges } from './status-badges';
import classes from './orders.module.css';
import tableLink from '@/components/table-link.module.css';
import { HorizontalScroller } from '@/components/scroller/horizontal-scroller';
import { TrackingLink } from '@/components/tracking-link';

const route = getRouteApi('/orders/$orderId');

type Action = 'fulfil' | 'cancel' | 'refund';

/** What the order's state allows, whoever asks. */
export function orderAllows(order: Order) {
  const shipped = order.lines.some((l) => l.fulfilledQuantity > 0);
  return {
    fulfil: order.status === 'open' && order.lines.some((l) => unitsToShip(l) > 0),
    cancel: order.status === 'open' && !shipped,
    refund: refundable(order) > 0,
  };
}

export function OrderDetailPage() {
  const { orderId } = route.useParams();
  const { data: order } = useSuspenseQuery(orderQueries.detail(orderId));
  const locations = useQuery(referenceQueries.locations());
  const mayFulfil = useCan('orders.fulfil');
  const mayRefund = useCan('orders.refund');
  const [action, setAction] = useState<Action | null>(null);
  const locationName = useMemo(() => {
    const names = new Map((locations.data?.items ?? []).map((l) => [l.id, l.name]));
    return (id: string) => names.get(id) ?? id;
  }, [locations.data]);
  const allows = orderAllows(order);
  const close = () => setAction(null);

  return (
    <>
      <AnchorLink to="/orders" size="sm">
        ← Orders
      </AnchorLink>
      <PageHeader
        title={`Order #${order.number}`}
        description={
          <>
            Placed <time dateTime={order.placedAt}>{formatMoment(order.placedAt)}</time> · ships from {locationName(order.locationId)}
          </>
        }
        actions={
          <>
            {mayFulfil && allows.fulfil && <Button onClick={() => setAction('fulfil')}>Fulfil…</Button>}
            {mayRefund && allows.refund && (
              <Button variant="default" onClick={() => setAction('refund')}>
                Refund…
              </Button>
            )}
            {mayFulfil && allows.cancel && (
              <Button variant="default" color="red" onClick={() => setAction('cancel')}>
                Cancel order…
              </Button>
            )}
          </>
        }
      />
      <Group mb="md">
        <OrderBadges status={order.status} paymentStatus={order.paymentStatus} fulfilmentStatus={order.fulfilmentStatus} />
      </Group>
      <Grid gap="md">
        {/* On a wide screen the items get the room (their names stay readable); the side cards are short text. */}
        <Grid.Col span={{ base: 12, md: 8, xl: 9 }}>
          <Stack gap="md">
            <Section title="Items">
              <LineItems order={order} />
              <Totals order={order} />
            </Section>
            <Section title="Fulfilments">
              <Fulfilments order={order} locationName={locationName} />
            </Section>
            <Section title="Refunds">
              <Refunds order={order} locationName={locationName} />
            </Section>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4, xl: 3 }}>
          <Stack gap="md">
            <Section title="Customer">
              <Text size="sm">
                <AnchorLink inherit fw={500} to="/customers/$customerId" params={{ customerId: order.customer.id }}>
                  {order.customer.name}
                </AnchorLink>
              </Text>
              <Anchor size="sm" href={`mailto:${order.customer.email}`}>
                {order.customer.email}
              </Anchor>
              <Text size="sm">{order.customer.phone}</Text>
            </Section>
            <Section title="Shipping address">
              <Address order={order} />
            </Section>
            <Section title="Notes">
              <Notes order={order} />
              {mayFulfil && <NoteForm orderId={order.id} orderNumber={order.number} />}
            </Section>
            <Section title="Timeline (newest first)">
              <Timeline order={order} />
            </Section>
          </Stack>
        </Grid.Col>
      </Grid>
      {action === 'fulfil' && <FulfilDialog order={order} locationName={locationName} onClose={close} />}
      {action === 'refund' && <RefundDialog order={order} locationName={locationName} onClose={close} />}
      {action === 'cancel' && <CancelDialog order={order} onClose={close} />}
    </>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card withBorder padding="md" component="section" aria-label={title}>
      <Title order={2} size="h4" mb="xs">
        {title}
      </Title>
      {children}
    </Card>
  );
}

function LineItems({ order }: { order: Order }) {
  return (
    <HorizontalScroller label="Line items" minWidth={640}>
      <Table aria-label="Line items" verticalSpacing={6}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>SKU</Table.Th>
            <Table.Th>Item</Table.Th>
            <Table.Th className={classes.right}>Qty</Table.Th>
            <Table.Th className={classes.right}>Unit price</Table.Th>
            <Table.Th className={classes.right}>Shipped</Table.Th>
            <Table.Th className={classes.right}>Cancelled</Table.Th>
            <Table.Th className={classes.right}>Refunded</Table.Th>
            <Table.Th className={classes.right}>Amount</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {order.lines.map((line) => (
            <Table.Tr key={line.id}>
              <Table.Td className={classes.sku}>
                <Link
                  className={tableLink.link}
                  to="/inventory"
                  search={{ variantId: line.variantId }}
                  aria-label={`${line.sku}: stock by location`}
                >
                  {line.sku}
                </Link>
              </Table.Td>
              <Table.Td className={classes.item}>
                <Text size="sm">{line.title}</Text>
                {line.variantTitle && <div className={classes.dimmed}>{line.variantTitle}</div>}
              </Table.Td>
              <Table.Td className={classes.right}>{formatUnits(line.quantity)}</Table.Td>
              <Table.Td className={classes.right}>{formatCents(line.unitPrice)}</Table.Td>
              <Table.Td className={classes.right}>{formatUnits(line.fulfilledQuantity)}</Table.Td>
              <Table.Td className={classes.right}>{formatUnits(line.cancelledQuantity)}</Table.Td>
              <Table.Td className={classes.right}>{formatUnits(line.refundedQuantity)}</Table.Td>
              <Table.Td className={classes.right}>{formatCents(line.unitPrice * line.quantity)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </HorizontalScroller>
  );
}

function Totals({ order }: { order: Order }) {
  const rows: [string, string, boolean?][] = [
    ['Subtotal', formatCents(order.subtotal)],
    [
      order.discountCode ? `Discount (${order.discountCode})` : 'Discount',
      order.discount ? `−${formatCents(order.discount)}` : formatCents(0),
    ],
    ['Shipping', formatCents(order.shipping)],
    [`Sales tax (${order.shippingAddress.state})`, formatCents(order.tax)],
    ['Total', formatCents(order.total), true],
    ['Refunded', order.refunded ? `−${formatCents(order.refunded)}` : formatCents(0)],
    ['Net', formatCents(order.net), true],
  ];
  return (
    <Table aria-label="Totals" maw={360} ml="auto" mt="sm" verticalSpacing={2}>
      <Table.Tbody>
        {rows.map(([label, value, strong]) => (
          <Table.Tr key={label}>
            <Table.Th fw={strong ? 700 : 400}>{label}</Table.Th>
            <Table.Td className={classes.right} fw={strong ? 700 : 400}>
              {value}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function lineLabel(order: Order, lineId: string): string {
  return order.lines.find((l) => l.id === lineId)?.sku ?? lineId;
}

function Fulfilments({ order, locationName }: { order: Order; locationName: (id: string) => string }) {
  if (order.fulfilments.length === 0)
    return (
      <Text size="sm" c="dimmed">
        Nothing shipped yet.
      </Text>
    );
  return (
    <Table aria-label="Fulfilments" verticalSpacing={4}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Shipped</Table.Th>
          <Table.Th>From</Table.Th>
          <Table.Th>Carrier and tracking</Table.Th>
          <Table.Th>Items</Table.Th>
          <Table.Th>By</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {order.fulfilments.map((f) => (
          <Table.Tr key={f.id}>
            <Table.Td>
              <time dateTime={f.at}>{formatMoment(f.at)}</time>
            </Table.Td>
            <Table.Td>{locationName(f.locationId)}</Table.Td>
            <Table.Td>
              <TrackingLink carrier={f.carrier} number={f.trackingNumber} />
            </Table.Td>
            <Table.Td>{f.lines.map((l) => `${lineLabel(order, l.lineId)} × ${formatUnits(l.quantity)}`).join(', ')}</Table.Td>
            <Table.Td>{f.by.name}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function Refunds({ order, locationName }: { order: Order; locationName: (id: string) => string }) {
  if (order.refunds.length === 0)
    return (
      <Text size="sm" c="dimmed">
        Nothing refunded.
      </Text>
    );
  return (
    <Table aria-label="Refunds" verticalSpacing={4}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>When</Table.Th>
          <Table.Th className={classes.right}>Amount</Table.Th>
          <Table.Th>Items</Table.Th>
          <Table.Th>Restocked</Table.Th>
          <Table.Th>Reason</Table.Th>
          <Table.Th>By</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {order.refunds.map((r) => (
          <Table.Tr key={r.id}>
            <Table.Td>
              <time dateTime={r.at}>{formatMoment(r.at)}</time>
            </Table.Td>
            <Table.Td className={classes.right}>
              {formatCents(r.amount)}
              {r.shipping > 0 && <div className={classes.dimmed}>incl. shipping {formatCents(r.shipping)}</div>}
            </Table.Td>
            <Table.Td>{r.lines.map((l) => `${lineLabel(order, l.lineId)} × ${formatUnits(l.quantity)}`).join(', ') || '—'}</Table.Td>
            <Table.Td>{r.restock && r.locationId ? `Yes, at ${locationName(r.locationId)}` : 'No'}</Table.Td>
            <Table.Td>{r.reason}</Table.Td>
            <Table.Td>{r.by.name}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function Address({ order }: { order: Order }) {
  const a = order.shippingAddress;
  return (
    <Text size="sm" component="address" style={{ fontStyle: 'normal' }}>
      {a.name}
      <br />
      {a.line1}
      {a.line2 && (
        <>
          <br />
          {a.line2}
        </>
      )}
      <br />
      {a.city}, <abbr title={stateName(a.state)}>{a.state}</abbr> {a.zip}
    </Text>
  );
}

function Notes({ order }: { order: Order }) {
  if (order.notes.length === 0)
    return (
      <Text size="sm" c="dimmed" mb="xs">
        No notes yet.
      </Text>
    );
  return (
    <Stack gap="xs" mb="sm">
      {[...order.notes].reverse().map((n) => (
        <div key={n.id}>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {n.text}
          </Text>
          <Text size="xs" c="dimmed">
            {n.author.name} · <time dateTime={n.at}>{formatMoment(n.at)}</time>
          </Text>
        </div>
      ))}
    </Stack>
  );
}

function Timeline({ order }: { order: Order }) {
  // Newest first: what a person opening the order needs is what happened last. Same instant: later-recorded first.
  const events = order.timeline.map((e, i) => ({ e, i })).sort((a, b) => Date.parse(b.e.at) - Date.parse(a.e.at) || b.i - a.i);
  if (events.length === 0) return <Alert color="gray">No events recorded.</Alert>;
  return (
    <ol className={classes.timeline} aria-label="Timeline, newest first">
      {events.map(({ e }) => (
        <li key={e.id}>
          <Text size="sm">{e.message}</Text>
          <Text size="xs" c="dimmed">
            <time dateTime={e.at}>{formatMoment(e.at)}</time> · {e.actor ? e.actor.name : 'Customer (online store)'}
          </Text>
        </li>
      ))}
    </ol>
  );
}
