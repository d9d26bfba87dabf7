import { Alert, Anchor, Button, Card, Grid, Stack, Text, Title } from '@mantine/core';
import { useSuspenseQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useState, type ReactNode } from 'react';
import { CUSTOMER_TIMELINE_MAX, type Customer } from '@/contract/customer-schemas';
import { formatCents } from '@/contract/values/money';
import { stateName } from '@/contract/values/us-address';
import { phoneDigits } from '@/domain/customer-rules';
import { AnchorLink } from '@/components/anchor-link';
import { useCan } from '@/components/current-user';
import { PageHeader } from '@/components/page-header';
import { NotesList } from '@/components/notes-list';
import { PostalAddress } from '@/components/postal-address';
import { formatMoment } from '@/lib/date-format';
import { customerQueries } from '../api/customer-queries';
import { CustomerNoteForm } from './customer-note-form';
import classes from './customers.module.css';

const route = getRouteApi('/customers/$customerId');
const count = new Intl.NumberFormat('en-US');

/**
 * One customer: what their orders add up to, how to reach them, where they ship to, support's notes and their
 * history. Their orders are another area's list: the screen that composes this page (src/app) passes it in.
 */
export function CustomerDetailPage({ orders }: { orders: ReactNode }) {
  const { customerId } = route.useParams();
  const { data: customer } = useSuspenseQuery(customerQueries.detail(customerId));
  const mayNote = useCan('orders.fulfil');

  return (
    <>
      <AnchorLink to="/customers" size="sm">
        ← Customers
      </AnchorLink>
      <PageHeader
        title={customer.name}
        description={`${count.format(customer.orders)} ${customer.orders === 1 ? 'order' : 'orders'} · ships to ${stateName(customer.state) ?? customer.state}`}
      />
      {/* The orders table gets the page's whole width (its statuses stay in view); short cards sit beside the long ones. */}
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 8, xl: 9 }}>
          <Section title="Figures">
            <Figures customer={customer} />
          </Section>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4, xl: 3 }}>
          <Section title="Contact">
            <Contact customer={customer} />
          </Section>
        </Grid.Col>
        <Grid.Col span={12}>
          <Section title="Orders">{orders}</Section>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 8, xl: 9 }}>
          <Section title="Timeline (newest first)">
            <Timeline key={customer.id} customer={customer} />
          </Section>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4, xl: 3 }}>
          <Stack gap="md">
            <Section title={customer.addresses.length === 1 ? 'Address' : `Addresses (${customer.addresses.length}, latest first)`}>
              <ul className={classes.addresses}>
                {customer.addresses.map((a) => (
                  <li key={[a.name, a.line1, a.line2, a.city, a.state, a.zip].join('|')}>
                    <PostalAddress address={a} />
                  </li>
                ))}
              </ul>
            </Section>
            <Section title="Notes">
              <NotesList notes={customer.notes} />
              {mayNote && <CustomerNoteForm customerId={customer.id} customerName={customer.name} />}
            </Section>
          </Stack>
        </Grid.Col>
      </Grid>
    </>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card withBorder padding="md" component="section" aria-label={title} h="100%">
      <Title order={2} size="h4" mb="xs">
        {title}
      </Title>
      {children}
    </Card>
  );
}

function When({ iso }: { iso: string | null }) {
  return iso ? <time dateTime={iso}>{formatMoment(iso)}</time> : <>—</>;
}

function Figures({ customer: c }: { customer: Customer }) {
  return (
    <dl className={classes.figures} aria-label="What their orders add up to">
      <div>
        <dt>Orders</dt>
        <dd>{count.format(c.orders)}</dd>
      </div>
      <div>
        <dt>Lifetime spend</dt>
        <dd>{formatCents(c.spent)}</dd>
      </div>
      <div>
        <dt>Refunded</dt>
        <dd>{formatCents(c.refunded)}</dd>
      </div>
      <div>
        <dt>Average order</dt>
        <dd>{formatCents(c.averageOrder)}</dd>
      </div>
      <div className={classes.moment}>
        <dt>First order</dt>
        <dd>
          <When iso={c.firstOrderAt} />
        </dd>
      </div>
      <div className={classes.moment}>
        <dt>Last order</dt>
        <dd>
          <When iso={c.lastOrderAt} />
        </dd>
      </div>
    </dl>
  );
}

/** A US number as tel: wants it, country code first; anything else as its digits. */
function telHref(phone: string): string {
  const digits = phoneDigits(phone);
  return `tel:${digits.length === 10 ? `+1${digits}` : digits}`;
}

function Contact({ customer: c }: { customer: Customer }) {
  return (
    <Stack gap={4} className={classes.contact}>
      <Text size="sm" fw={500}>
        {c.name}
      </Text>
      <Anchor size="sm" href={`mailto:${c.email}`}>
        {c.email}
      </Anchor>
      {c.phone && (
        <Anchor size="sm" href={telHref(c.phone)}>
          {c.phone}
        </Anchor>
      )}
    </Stack>
  );
}

/** How many events the timeline shows at first, and how many more each "Show more" adds. */
const TIMELINE_STEP = 20;

function Timeline({ customer }: { customer: Customer }) {
  const [shown, setShown] = useState(TIMELINE_STEP);
  const events = customer.timeline;
  if (events.length === 0) return <Alert color="gray">No events recorded.</Alert>;
  const rest = events.length - shown;
  return (
    <>
      <ol className={classes.timeline} aria-label="Timeline, newest first">
        {events.slice(0, shown).map((e) => (
          <li key={`${e.order?.id ?? 'customer'}:${e.id}`}>
            <Text size="sm">
              {e.order && (
                <>
                  <AnchorLink to="/orders/$orderId" params={{ orderId: e.order.id }} fw={500}>
                    #{e.order.number}
                  </AnchorLink>
                  {' · '}
                </>
              )}
              {e.message}
            </Text>
            <Text size="xs" c="dimmed">
              <time dateTime={e.at}>{formatMoment(e.at)}</time> · {e.actor ? e.actor.name : 'Customer (online store)'}
            </Text>
          </li>
        ))}
      </ol>
      {rest > 0 && (
        <Button variant="subtle" size="xs" mt="xs" onClick={() => setShown((n) => n + TIMELINE_STEP)}>
          Show {Math.min(rest, TIMELINE_STEP)} more of {rest}
        </Button>
      )}
      {rest <= 0 && events.length >= CUSTOMER_TIMELINE_MAX && (
        <Text size="xs" c="dimmed" mt="xs">
          The latest {CUSTOMER_TIMELINE_MAX} events; each order’s page has its whole timeline.
        </Text>
      )}
    </>
  );
}
