import { Alert, Anchor, Button, Card, Grid, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery, useSuspenseQuery } from '@tanstack/react-query';
import { referenceQueries } from '@/api/reference-queries';
import { getRouteApi, Link } from '@tanstack/react-router';
import { useMemo, useState, type ReactNode } from 'react';
import { paidOut, refundable, refundLineAmounts, returnableUnits, unitsToShip } from '@/domain/order-rules';
import type { Order } from '@/contract/order-schemas';
import { AnchorLink } from '@/components/anchor-link';
import { useCan } from '@/components/current-user';
import { PageHeader } from '@/components/page-header';
import { formatMoment } from '@/lib/date-format';
import { formatCents } from '@/contract/values/money';
import { NotesList } from '@/components/notes-list';
import { PostalAddress } from '@/components/postal-address';
import { orderQueries } from '../api/order-queries';
import { CancelDialog } from './cancel-dialog';
import { FulfilDialog } from './fulfil-dialog';
import { NoteForm } from './note-form';
import { formatUnits, ORDER_EVENT_LABELS } from './order-labels';
import { RefundDialog } from './refund-dialog';
import { minus, partsFormula } from './refund-receipt';
import { ReturnDialog } from './return-dialog';
import { OrderReturns } from './order-returns';
import stacked from '@/components/stacked-table/stacked-table.module.css';
import { OrderBadges } from './status-badges';
import classes from './orders.module.css';
import tableLink from '@/components/table-link.module.css';
import { HorizontalScroller } from '@/components/scroller/horizontal-scroller';
import { TrackingLink } from '@/components/tracking-link';

const route = getRouteApi('/orders/$orderId');

type Action = 'fulfil' | 'cancel' | 'refund' | 'return';

/** What the order's state allows, whoever asks. Cancelling takes what has not shipped, even once part has. */
export function orderAllows(order: Order) {
  const toShip = order.status === 'open' && order.lines.some((l) => unitsToShip(l) > 0);
  return {
    fulfil: toShip,
    cancel: toShip,
    refund: refundable(order) > 0,
    // An exchange's replacement with a difference owed takes no return until paid (the API says so too).
    return: order.balanceDue === 0 && order.lines.some((l) => returnableUnits(order, l) > 0),
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
  const shipped = order.lines.some((l) => l.fulfilledQuantity > 0);
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
            {mayFulfil && allows.return && (
              <Button variant="default" onClick={() => setAction('return')}>
                Return…
              </Button>
            )}
            {mayFulfil && allows.cancel && (
              <Button variant="default" color="red" onClick={() => setAction('cancel')}>
                {shipped ? 'Cancel unshipped…' : 'Cancel order…'}
              </Button>
            )}
          </>
        }
      />
      <Group mb="md">
        <OrderBadges status={order.status} paymentStatus={order.paymentStatus} fulfilmentStatus={order.fulfilmentStatus} />
      </Group>
      {order.exchangeFor && <ExchangeFor order={order} exchangeFor={order.exchangeFor} />}
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
            {(shipped || order.returns.length > 0) && (
              <Section title="Returns">
                <OrderReturns order={order} locationName={locationName} mayFulfil={mayFulfil} mayRefund={mayRefund} />
              </Section>
            )}
            <Section title="Refunds">
              <Refunds order={order} locationName={locationName} />
            </Section>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4, xl: 3 }}>
          <Stack gap="md">
            <Section title="Customer">
              <Text size="sm">
                {/* An order from a database seeded before customers had ids names nobody to link to. */}
                {order.customer.id ? (
                  <AnchorLink inherit fw={500} to="/customers/$customerId" params={{ customerId: order.customer.id }}>
                    {order.customer.name}
                  </AnchorLink>
                ) : (
                  order.customer.name
                )}
              </Text>
              <Anchor size="sm" href={`mailto:${order.customer.email}`}>
                {order.customer.email}
              </Anchor>
              <Text size="sm">{order.customer.phone}</Text>
            </Section>
            <Section title="Shipping address">
              <PostalAddress address={order.shippingAddress} />
            </Section>
            <Section title="Notes">
              <NotesList notes={order.notes} />
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
      {action === 'return' && <ReturnDialog order={order} onClose={close} />}
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
      <Table aria-label="Line items" verticalSpacing={6} className={stacked.table}>
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
              <Table.Td className={`${classes.sku} ${stacked.lead}`}>
                <Link
                  className={tableLink.link}
                  to="/inventory"
                  search={{ variantId: line.variantId }}
                  aria-label={`${line.sku}: stock by location`}
                >
                  {line.sku}
                </Link>
              </Table.Td>
              <Table.Td className={`${classes.item} ${stacked.lead}`}>
                <Text size="sm">{line.title}</Text>
                {line.variantTitle && <div className={classes.dimmed}>{line.variantTitle}</div>}
              </Table.Td>
              <Table.Td className={classes.right} data-label="Qty">
                {formatUnits(line.quantity)}
              </Table.Td>
              <Table.Td className={classes.right} data-label="Unit price">
                {formatCents(line.unitPrice)}
              </Table.Td>
              <Table.Td className={classes.right} data-label="Shipped">
                {formatUnits(line.fulfilledQuantity)}
              </Table.Td>
              <Table.Td className={classes.right} data-label="Cancelled">
                {formatUnits(line.cancelledQuantity)}
              </Table.Td>
              <Table.Td className={classes.right} data-label="Refunded">
                {formatUnits(line.refundedQuantity)}
              </Table.Td>
              <Table.Td className={classes.right} data-label="Amount">
                {formatCents(line.unitPrice * line.quantity)}
              </Table.Td>
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
    ...(order.exchangeFor ? [['Paid by exchange credit', minus(order.exchangeFor.credit)] as [string, string]] : []),
    ...(order.balanceDue > 0 ? [['Balance due', formatCents(order.balanceDue), true] as [string, string, boolean]] : []),
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
    <Table aria-label="Fulfilments" verticalSpacing={4} className={stacked.table}>
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
            <Table.Td data-label="Shipped">
              <time dateTime={f.at}>{formatMoment(f.at)}</time>
            </Table.Td>
            <Table.Td data-label="From">{locationName(f.locationId)}</Table.Td>
            <Table.Td data-label="Tracking">
              <TrackingLink carrier={f.carrier} number={f.trackingNumber} />
            </Table.Td>
            <Table.Td data-label="Items">
              {f.lines.map((l) => `${lineLabel(order, l.lineId)} × ${formatUnits(l.quantity)}`).join(', ')}
            </Table.Td>
            <Table.Td data-label="By">{f.by.name}</Table.Td>
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
  const parts = refundLineAmounts(order);
  return (
    <Table aria-label="Refunds" verticalSpacing={4} className={stacked.table}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>When</Table.Th>
          <Table.Th className={classes.right}>Amount</Table.Th>
          <Table.Th>Made of</Table.Th>
          <Table.Th>Restocked</Table.Th>
          <Table.Th>Reason</Table.Th>
          <Table.Th>By</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {order.refunds.map((r) => (
          <Table.Tr key={r.id}>
            <Table.Td data-label="When">
              <time dateTime={r.at}>{formatMoment(r.at)}</time>
            </Table.Td>
            <Table.Td className={classes.right} data-label="Amount">
              <div>
                <div>{formatCents(r.amount)}</div>
                {r.toExchange > 0 && <RefundPaidOut order={order} refund={r} />}
              </div>
            </Table.Td>
            <Table.Td data-label="Made of">
              <RefundParts order={order} refund={r} parts={parts} />
            </Table.Td>
            <Table.Td data-label="Restocked">{r.restock && r.locationId ? `Yes, at ${locationName(r.locationId)}` : 'No'}</Table.Td>
            <Table.Td data-label="Reason">{r.reason}</Table.Td>
            <Table.Td data-label="By">{r.by.name}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

type Refund = Order['refunds'][number];
type RefundLineParts = ReturnType<typeof refundLineAmounts<Order['lines'][number]>>;

/**
 * What a refund is made of: per line, its units at their price less their discount share plus their tax share;
 * the shipping; and the rest apart (an extra amount on top, or less than the units were paid when edited down).
 */
function RefundParts({ order, refund, parts }: { order: Order; refund: Refund; parts: RefundLineParts }) {
  const mine = parts.filter((p) => p.refundId === refund.id);
  const rest = refund.amount - refund.shipping - mine.reduce((n, p) => n + p.amount, 0);
  return (
    <ul className={classes.parts} aria-label={`What the refund of ${formatCents(refund.amount)} is made of`}>
      {mine.map((p) => (
        <li key={p.line.id}>
          {lineLabel(order, p.line.id)} × {formatUnits(p.quantity)}: {formatCents(p.amount)}
          <div className={classes.dimmed}>{partsFormula(p.line.unitPrice, p.quantity, p)}</div>
        </li>
      ))}
      {refund.shipping > 0 && <li>Shipping: {formatCents(refund.shipping)}</li>}
      {rest > 0 && <li>Extra amount: {formatCents(rest)}</li>}
      {rest < 0 && <li>Less than the units were paid: {minus(-rest)}</li>}
    </ul>
  );
}

/** A refund not all paid back: the credit that paid for an exchange, or what an exchange left owed and was waived. */
function RefundPaidOut({ order, refund }: { order: Order; refund: Refund }) {
  const exchange = refund.returnId ? order.returns.find((x) => x.id === refund.returnId)?.exchangeOrder : null;
  const paid = paidOut(refund);
  return (
    <div className={classes.dimmed}>
      {exchange ? (
        <>
          {formatCents(refund.toExchange)} toward{' '}
          <Link className={tableLink.link} to="/orders/$orderId" params={{ orderId: exchange.id }}>
            order #{exchange.number}
          </Link>
        </>
      ) : (
        `${formatCents(refund.toExchange)} owed, waived`
      )}
      {paid > 0 && <div>{formatCents(paid)} to the customer</div>}
    </div>
  );
}

function Timeline({ order }: { order: Order }) {
  // Newest first: what a person opening the order needs is what happened last. Same instant: later-recorded first.
  const events = order.timeline.map((e, i) => ({ e, i })).sort((a, b) => Date.parse(b.e.at) - Date.parse(a.e.at) || b.i - a.i);
  if (events.length === 0) return <Alert color="gray">No events recorded.</Alert>;
  return (
    <ol className={classes.timeline} aria-label="Timeline, newest first">
      {events.map(({ e }) => {
        const other = otherOrderOf(order, e);
        return (
          <li key={e.id} data-kind={e.type.startsWith('return_') || e.type === 'exchanged' ? 'return' : undefined}>
            <Text size="sm">{e.message}</Text>
            {other && (
              <AnchorLink size="sm" to="/orders/$orderId" params={{ orderId: other.id }}>
                Open order #{other.number}
              </AnchorLink>
            )}
            <Text size="xs" c="dimmed">
              {ORDER_EVENT_LABELS[e.type]} · <time dateTime={e.at}>{formatMoment(e.at)}</time> ·{' '}
              {e.actor ? e.actor.name : 'Customer (online store)'}
            </Text>
          </li>
        );
      })}
    </ol>
  );
}

/** The other order an event names: an exchange's replacement, or (on a replacement) the order it was placed for. */
function otherOrderOf(order: Order, e: Order['timeline'][number]): { id: string; number: number } | null {
  if (e.type === 'placed' && order.exchangeFor) return { id: order.exchangeFor.orderId, number: order.exchangeFor.number };
  if (e.type === 'exchanged') return order.returns.find((r) => r.status === 'exchanged' && r.settledAt === e.at)?.exchangeOrder ?? null;
  return null;
}

/** On an order that ships an exchange's replacement: where it came from, what paid for it, and what is still owed. */
function ExchangeFor({ order, exchangeFor }: { order: Order; exchangeFor: NonNullable<Order['exchangeFor']> }) {
  return (
    <Alert color={order.balanceDue > 0 ? 'orange' : 'blue'} mb="md" title={`Exchange for #${exchangeFor.number}`}>
      <Text size="sm">
        This order ships the replacement for{' '}
        <AnchorLink inherit to="/orders/$orderId" params={{ orderId: exchangeFor.orderId }}>
          order #{exchangeFor.number}
        </AnchorLink>
        , paid by a credit of {formatCents(exchangeFor.credit)}.{' '}
        {order.balanceDue > 0 ? <strong>Balance due: {formatCents(order.balanceDue)}, owed by the customer.</strong> : 'Nothing is owed.'}
      </Text>
    </Alert>
  );
}
