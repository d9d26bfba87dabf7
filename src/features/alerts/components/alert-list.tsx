import { Alert as Notice, Anchor, Button, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useRouter } from '@tanstack/react-router';
import { useState, type MouseEvent } from 'react';
import { ApiError } from '@/api/api-error';
import type { AlertKind } from '@/contract/constants';
import type { Alert } from '@/contract/replenishment-schemas';
import { AnchorLink } from '@/components/anchor-link';
import { useCan } from '@/components/current-user';
import { formatMoment } from '@/lib/date-format';
import { alertQueries, useDismissAlert } from '../api/alert-queries';
import classes from './alerts.module.css';

const KIND_LABELS: Record<AlertKind, string> = {
  reorder: 'Reorder',
  out: 'Out of stock',
  oversold: 'Oversold',
  po_overdue: 'Overdue',
};

/**
 * Open alerts, each with what it is about, when it was raised (on the store's
 * clock, labelled), a link to its record and, for who may change stock, Dismiss.
 * `onNavigate` closes whatever holds the list (the bell's popover) when a link is followed.
 */
export function AlertList({ alerts, onNavigate }: { alerts: Alert[]; onNavigate?: () => void }) {
  const canDismiss = useCan('stock.edit');
  const queryClient = useQueryClient();
  const dismiss = useDismissAlert();
  const [dismissing, setDismissing] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function dismissAlert(alert: Alert) {
    setError(null);
    setDismissing(alert.id);
    try {
      await dismiss.mutateAsync(alert.id);
    } catch (failure) {
      // Gone already (a colleague dismissed it, or its condition ended): the fresh list says so by leaving it out.
      if (failure instanceof ApiError && failure.status === 404) await queryClient.invalidateQueries({ queryKey: alertQueries.all() });
      else setError(`${alert.title} was not dismissed: ${failure instanceof Error ? failure.message : 'try again'}.`);
    } finally {
      setDismissing(null);
    }
  }

  return (
    <Stack gap={0}>
      {error && (
        <Notice color="red" role="alert" mb="xs" p="xs">
          <Text size="sm">{error}</Text>
        </Notice>
      )}
      <ul className={classes.list} aria-label="Open alerts">
        {alerts.map((alert) => (
          <li key={alert.id} className={classes.item} data-kind={alert.kind}>
            <div className={classes.row}>
              <div className={classes.body}>
                <Text size="xs" fw={600} className={classes.kind}>
                  {KIND_LABELS[alert.kind]}
                </Text>
                <AlertLink alert={alert} onNavigate={onNavigate} />
                <Text size="xs" c="dimmed">
                  {alert.detail}
                </Text>
                <Text size="xs" c="dimmed">
                  <time dateTime={alert.raisedAt}>{formatMoment(alert.raisedAt)}</time>
                </Text>
              </div>
              {canDismiss && (
                <Button
                  size="compact-xs"
                  variant="subtle"
                  color="gray"
                  loading={dismissing === alert.id}
                  onClick={() => void dismissAlert(alert)}
                  aria-label={`Dismiss: ${alert.title}`}
                >
                  Dismiss
                </Button>
              )}
            </div>
          </li>
        ))}
      </ul>
    </Stack>
  );
}

/**
 * The alert's title, linking to its record: a level opens the inventory list
 * filtered to that variant (at that location); a purchase order its page.
 */
function AlertLink({ alert, onNavigate }: { alert: Alert; onNavigate?: () => void }) {
  const router = useRouter();
  if (alert.purchaseOrderId) {
    const href = `/purchase-orders/${encodeURIComponent(alert.purchaseOrderId)}`;
    // The purchase order's screen is another area's and not in the typed route table yet: a plain anchor the router follows.
    const follow = (event: MouseEvent<HTMLAnchorElement>) => {
      if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      event.preventDefault();
      onNavigate?.();
      router.history.push(href);
    };
    return (
      <Anchor href={href} onClick={follow} size="sm" fw={500} className={classes.title}>
        {alert.title}
      </Anchor>
    );
  }
  if (alert.variantId) {
    return (
      <AnchorLink
        to="/inventory"
        search={{ variantId: alert.variantId, locationId: alert.locationId ?? undefined }}
        onClick={onNavigate}
        size="sm"
        fw={500}
        className={classes.title}
      >
        {alert.title}
      </AnchorLink>
    );
  }
  return (
    <Text size="sm" fw={500} className={classes.title}>
      {alert.title}
    </Text>
  );
}
