import { ActionIcon, Button, Group, Popover, Skeleton, Text } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useCan } from '@/components/current-user';
import { alertQueries } from '../api/alert-queries';
import { AlertList } from './alert-list';
import classes from './alerts.module.css';

/**
 * What another screen dispatches on `window` to open the bell's list (the
 * dashboard's "See all"): a feature may not import another, and the bell lives
 * in the app's header, so the two meet on the page instead.
 */
export const OPEN_ALERTS_EVENT = 'stockroom:open-alerts';

/** Alerts shown at first; "Show more" asks for more (the API's page is up to 200). */
const FIRST = 20;
const MORE = 20;
const MOST = 200;

/**
 * The header's bell: how many alerts are open, asked again every minute and
 * when the tab comes back into focus; a click lists them. Rendered only for
 * roles that may see stock (the API would refuse the rest).
 */
export function AlertsBell() {
  const canView = useCan('stock.view');
  return canView ? <Bell /> : null;
}

function Bell() {
  const [opened, setOpened] = useState(false);
  const [limit, setLimit] = useState(FIRST);
  const alerts = useQuery({ ...alertQueries.list({ limit }), placeholderData: keepPreviousData });
  const target = useRef<HTMLButtonElement>(null);
  const total = alerts.data?.total;

  useEffect(() => {
    const open = () => {
      setOpened(true);
      target.current?.focus();
    };
    window.addEventListener(OPEN_ALERTS_EVENT, open);
    return () => window.removeEventListener(OPEN_ALERTS_EVENT, open);
  }, []);

  const name = total === undefined ? 'Alerts' : total === 0 ? 'Alerts, none open' : `Alerts, ${total.toLocaleString('en-US')} open`;

  return (
    <Popover
      opened={opened}
      onChange={setOpened}
      position="bottom-end"
      shadow="md"
      trapFocus
      returnFocus
      withinPortal
      // Its own width on a laptop, the screen less a margin on a phone (Mantine's default is the content's width).
      width="min(380px, calc(100vw - 16px))"
    >
      <Popover.Target>
        <ActionIcon
          ref={target}
          variant="default"
          size="lg"
          className={classes.bell}
          onClick={() => setOpened((o) => !o)}
          aria-label={name}
          aria-haspopup="dialog"
          aria-expanded={opened}
        >
          <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden>
            <path
              d="M8 1.5a4 4 0 0 0-4 4v2.8L2.6 10.7a.6.6 0 0 0 .5.9h9.8a.6.6 0 0 0 .5-.9L12 8.3V5.5a4 4 0 0 0-4-4z"
              fill="none"
              stroke="currentColor"
              strokeWidth="1.4"
              strokeLinejoin="round"
            />
            <path d="M6.3 13.2a1.8 1.8 0 0 0 3.4 0" fill="none" stroke="currentColor" strokeWidth="1.4" strokeLinecap="round" />
          </svg>
          {total !== undefined && total > 0 && (
            <span className={classes.count} aria-hidden>
              {total > 99 ? '99+' : total}
            </span>
          )}
        </ActionIcon>
      </Popover.Target>
      <Popover.Dropdown aria-label="Alerts">
        <Group justify="space-between" mb="xs">
          <Text fw={600}>Alerts</Text>
          {total !== undefined && (
            <Text size="sm" c="dimmed">
              {total === 0 ? 'None open' : `${total.toLocaleString('en-US')} open`}
            </Text>
          )}
        </Group>
        {alerts.error && !alerts.data ? (
          <Text size="sm" role="alert">
            The alerts could not be loaded: {alerts.error.message}{' '}
            <Button size="compact-xs" variant="light" onClick={() => void alerts.refetch()}>
              Try again
            </Button>
          </Text>
        ) : !alerts.data ? (
          <Skeleton height={80} />
        ) : alerts.data.items.length === 0 ? (
          <Text size="sm" c="dimmed" py="sm">
            No open alerts. A change that empties a shelf, oversells it or takes it under its reorder point raises one, and so does a
            purchase order past its expected day.
          </Text>
        ) : (
          <div className={classes.scroll}>
            <AlertList alerts={alerts.data.items} onNavigate={() => setOpened(false)} />
            {alerts.data.total > alerts.data.items.length && limit < MOST && (
              <Button
                variant="subtle"
                size="xs"
                fullWidth
                mt="xs"
                loading={alerts.isFetching}
                onClick={() => setLimit((l) => Math.min(MOST, l + MORE))}
              >
                Show more ({(alerts.data.total - alerts.data.items.length).toLocaleString('en-US')} not shown)
              </Button>
            )}
          </div>
        )}
      </Popover.Dropdown>
    </Popover>
  );
}
