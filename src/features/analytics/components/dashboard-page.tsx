import { Alert, Button, Group, Paper, SimpleGrid, Skeleton, Table, Text, Title } from '@mantine/core';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { referenceQueries } from '@/api/reference-queries';
import { storeClockQuery } from '@/api/store-clock';
import { getRouteApi, Link, useRouter } from '@tanstack/react-router';
import { useCallback, type MouseEvent, type ReactNode } from 'react';
import { request } from '@/api/client';
import { queryKeys } from '@/api/query-keys';
import { alertListSchema, type Alert as OpenAlert } from '@/contract/replenishment-schemas';
import { formatMoment } from '@/lib/date-format';
import { formatDaysOfCover } from '@/domain/days-of-cover';
import { formatCents } from '@/contract/values/money';
import { stateName } from '@/contract/values/us-address';
import { AnchorLink } from '@/components/anchor-link';
import { useCan } from '@/components/current-user';
import { NotAllowed } from '@/components/not-allowed';
import { PageHeader } from '@/components/page-header';
import { dashboardQueries, reportQueries, TOP } from '../api/report-queries';
import type { RangeView } from '../search';
import { ClockError } from './clock-error';
import { BreakdownChart } from './breakdown-chart';
import { KpiCards } from './kpi-cards';
import { formatCount, formatRange } from './labels';
import { PanelBoundary } from './panel-boundary';
import { RangeControls } from './range-controls';
import { SalesChart } from './sales-chart';
import classes from './analytics.module.css';
import { HorizontalScroller } from '@/components/scroller/horizontal-scroller';

const route = getRouteApi('/dashboard');

export function DashboardPage() {
  const search = route.useSearch();
  const navigate = route.useNavigate();
  // A role that may not see reports is told so, and nothing is asked that the API would refuse.
  const allowed = useCan('reports.view');
  const clock = useQuery({ ...storeClockQuery(), enabled: allowed });
  const onChange = useCallback((changes: Partial<RangeView>) => void navigate({ search: (prev) => ({ ...prev, ...changes }) }), [navigate]);

  return (
    <>
      <PageHeader
        title="Dashboard"
        description={clock.data ? `Store days in ${clock.data.timeZone.replace('_', ' ')}` : 'Sales at a glance'}
      />
      {!allowed ? (
        <NotAllowed action="reports.view" screen="The dashboard" />
      ) : clock.error ? (
        <ClockError error={clock.error} onRetry={() => void clock.refetch()} />
      ) : clock.data ? (
        <DashboardPanels search={search} today={clock.data.today} onChange={onChange} />
      ) : (
        <Skeleton height={36} width={480} mb="md" />
      )}
    </>
  );
}

function DashboardPanels({ search, today, onChange }: { search: RangeView; today: string; onChange: (c: Partial<RangeView>) => void }) {
  const asked = dashboardQueries(search, today);
  const { range, compare } = asked;
  const sales = useQuery({ ...asked.sales, placeholderData: keepPreviousData });
  const products = useQuery({ ...asked.products, placeholderData: keepPreviousData });
  const categories = useQuery({ ...asked.categories, placeholderData: keepPreviousData });
  const states = useQuery({ ...asked.states, placeholderData: keepPreviousData });
  const context = formatRange(range.from, range.to);

  return (
    <>
      <RangeControls view={search} today={today} onChange={onChange} granularity={sales.data?.granularity} />
      <PanelBoundary name="Sales figures">
        <KpiCards query={sales} compare={compare} filters={range} />
      </PanelBoundary>
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
        <SalesChart query={sales} compare={compare} filters={{}} />
        <BreakdownChart
          title="Sales by state"
          rowLabel="State"
          query={states}
          context={context}
          labelOf={(r) => stateName(r.key) ?? r.label}
          by="state"
          filters={range}
        />
        <BreakdownChart
          title="Top products"
          rowLabel="Product"
          query={products}
          rows={TOP}
          context={context}
          by="product"
          filters={range}
        />
        <BreakdownChart
          title="Top categories"
          rowLabel="Category"
          query={categories}
          rows={TOP}
          context={context}
          by="category"
          filters={range}
        />
        <RunningOut />
        <RecentOrders />
        <OpenAlerts />
      </SimpleGrid>
    </>
  );
}

function ListPanel({ title, action, children }: { title: string; action: ReactNode; children: ReactNode }) {
  return (
    <Paper withBorder p="md" className={classes.panel} component="section" aria-label={title}>
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4">
          {title}
        </Title>
        {action}
      </Group>
      <PanelBoundary name={title}>{children}</PanelBoundary>
    </Paper>
  );
}

function QueryState({ query, what }: { query: { isPending: boolean; error: Error | null; refetch: () => unknown }; what: string }) {
  if (query.error) {
    return (
      <Alert color="red" title={`${what} could not be loaded`} role="alert">
        <Text size="sm">{query.error.message}</Text>
        <Button mt="sm" size="xs" variant="light" color="red" onClick={() => void query.refetch()}>
          Try again
        </Button>
      </Alert>
    );
  }
  return <Skeleton height={160} />;
}

function RunningOut() {
  const low = useQuery(reportQueries.runningOut());
  const locations = useQuery(referenceQueries.locations());
  const locationName = (id: string) => locations.data?.items.find((l) => l.id === id)?.name ?? id;
  return (
    <ListPanel
      title="Running out"
      action={
        <AnchorLink to="/inventory" search={{ low: true }} size="sm">
          All items running low
        </AnchorLink>
      }
    >
      {!low.data ? (
        <QueryState query={low} what="Items running out" />
      ) : low.data.items.length === 0 ? (
        <Text c="dimmed">Nothing is running low.</Text>
      ) : (
        <HorizontalScroller label="Items running out">
          <Table aria-label="Items running out" fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Item</Table.Th>
                <Table.Th>Warehouse</Table.Th>
                <Table.Th className={classes.number}>Available</Table.Th>
                <Table.Th className={classes.number}>Days of cover</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {low.data.items.map((level) => (
                <Table.Tr key={`${level.variantId}@${level.locationId}`}>
                  <Table.Td>
                    <Link className={classes.link} to="/inventory/ledger/$variantId" params={{ variantId: level.variantId }}>
                      {level.sku}
                    </Link>
                    <Text size="xs" c="dimmed" lineClamp={1}>
                      {level.title}
                    </Text>
                  </Table.Td>
                  <Table.Td>{locationName(level.locationId)}</Table.Td>
                  <Table.Td className={classes.number}>{formatCount(level.available)}</Table.Td>
                  <Table.Td className={classes.number}>{formatDaysOfCover(level)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </HorizontalScroller>
      )}
    </ListPanel>
  );
}

/** The dashboard shows the newest few; the bell in the header lists them all. */
const ALERTS_SHOWN = 5;

/**
 * The header's bell listens for this on `window` and opens its list: the bell is
 * the alerts area's and this is the analytics area's, and a feature may not import
 * another (src/features/alerts/components/alerts-bell.tsx, OPEN_ALERTS_EVENT).
 */
const OPEN_ALERTS_EVENT = 'stockroom:open-alerts';

const openAlerts = () =>
  queryOptions({
    // Under the alerts root: every write that raises or ends an alert (and Dismiss) refreshes this panel too.
    queryKey: [...queryKeys.alerts.all, 'list', { limit: ALERTS_SHOWN }] as const,
    queryFn: ({ signal }) => request('GET', '/alerts', { schema: alertListSchema, query: { limit: ALERTS_SHOWN }, signal }),
    refetchInterval: 60_000,
  });

/** Open alerts (stock out, oversold, under its reorder point; purchase orders overdue), for roles that may see stock. */
function OpenAlerts() {
  const allowed = useCan('stock.view');
  const alerts = useQuery({ ...openAlerts(), enabled: allowed });
  if (!allowed) return null;
  const total = alerts.data?.total;
  return (
    <ListPanel
      title="Alerts"
      action={
        <Button variant="subtle" size="compact-sm" onClick={() => window.dispatchEvent(new Event(OPEN_ALERTS_EVENT))}>
          {total ? `See all ${total.toLocaleString('en-US')}` : 'See all'}
        </Button>
      }
    >
      {!alerts.data ? (
        <QueryState query={alerts} what="Alerts" />
      ) : alerts.data.items.length === 0 ? (
        <Text c="dimmed">
          No open alerts. A change that empties a shelf, oversells it or takes it under its reorder point raises one, and so does a purchase
          order past its expected day.
        </Text>
      ) : (
        <ul className={classes.alertList} aria-label="Newest alerts">
          {alerts.data.items.map((alert) => (
            <li key={alert.id} className={classes.alertItem}>
              <AlertTitle alert={alert} />
              <Text size="xs" c="dimmed">
                {alert.detail} · <time dateTime={alert.raisedAt}>{formatMoment(alert.raisedAt)}</time>
              </Text>
            </li>
          ))}
        </ul>
      )}
    </ListPanel>
  );
}

/** An alert's title, linking to its record: a level to the inventory list filtered to it, a purchase order to its page. */
function AlertTitle({ alert }: { alert: OpenAlert }) {
  const router = useRouter();
  if (alert.purchaseOrderId) {
    const href = `/purchase-orders/${encodeURIComponent(alert.purchaseOrderId)}`;
    // Another area's screen, not in the typed route table yet: a plain anchor that the router follows in the page.
    const follow = (event: MouseEvent<HTMLAnchorElement>) => {
      if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      event.preventDefault();
      router.history.push(href);
    };
    return (
      <a className={classes.link} href={href} onClick={follow}>
        {alert.title}
      </a>
    );
  }
  if (alert.variantId) {
    return (
      <Link className={classes.link} to="/inventory" search={{ variantId: alert.variantId, locationId: alert.locationId ?? undefined }}>
        {alert.title}
      </Link>
    );
  }
  return <Text size="sm">{alert.title}</Text>;
}

function RecentOrders() {
  const orders = useQuery(reportQueries.recentOrders());
  return (
    <ListPanel
      title="Recent orders"
      action={
        <AnchorLink to="/orders" size="sm">
          All orders
        </AnchorLink>
      }
    >
      {!orders.data ? (
        <QueryState query={orders} what="Recent orders" />
      ) : (
        <HorizontalScroller label="Recent orders">
          <Table aria-label="Recent orders" fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Order</Table.Th>
                <Table.Th>Placed</Table.Th>
                <Table.Th>Customer</Table.Th>
                <Table.Th className={classes.number}>Total</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {orders.data.items.map((order) => (
                <Table.Tr key={order.id}>
                  <Table.Td>
                    <Link className={classes.link} to="/orders/$orderId" params={{ orderId: order.id }}>
                      #{order.number}
                    </Link>
                  </Table.Td>
                  <Table.Td>
                    <time dateTime={order.placedAt}>{formatMoment(order.placedAt)}</time>
                  </Table.Td>
                  <Table.Td>
                    {order.customerName}, {order.state}
                  </Table.Td>
                  <Table.Td className={classes.number}>{formatCents(order.total)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </HorizontalScroller>
      )}
    </ListPanel>
  );
}
