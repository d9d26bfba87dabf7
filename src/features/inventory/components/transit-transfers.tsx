import { Alert, Button, Group, Pagination, Skeleton, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useRef, useState } from 'react';
import { ApiError } from '@/api/api-error';
import { newIdempotencyKey } from '@/api/client';
import { transitTransferSchema, type TransitTransfer } from '@/contract/stock-schemas';
import { useCan } from '@/components/current-user';
import { HorizontalScroller } from '@/components/scroller/horizontal-scroller';
import { formatMoment } from '@/lib/date-format';
import { useReceiveTransfer } from '../api/inventory-mutations';
import { inventoryQueries } from '../api/inventory-queries';
import { formatUnits } from './stock-labels';
import stacked from '@/components/stacked-table/stacked-table.module.css';
import tableLink from '@/components/table-link.module.css';
import classes from './inventory-columns.module.css';

/** A page of transfers: a handful are on the road at once; the pages are there for a busy week. */
export const TRANSIT_PAGE_SIZE = 25;

/** The first page of transfers in transit: the panel's, and the count on its tab (one request for both). */
export const transitQuery = (page = 1) =>
  inventoryQueries.transfers({ status: 'in_transit', offset: (page - 1) * TRANSIT_PAGE_SIZE, limit: TRANSIT_PAGE_SIZE });

/**
 * Transfers shipped "now, received on arrival": their units have left the
 * source and are counted in transit at the destination until someone receives
 * them there. Receive sends the transfer's version (If-Match) and a key per
 * attempt, so a double click or a colleague who received it first cannot put
 * the units on the shelf twice.
 */
export function TransitTransfers({ locationName }: { locationName: (id: string) => string }) {
  const canEdit = useCan('stock.edit');
  const [page, setPage] = useState(1);
  const list = useQuery({ ...transitQuery(page), placeholderData: keepPreviousData });
  const receive = useReceiveTransfer();
  // One key per transfer and version: sent again unchanged if the same receipt is retried.
  const keys = useRef(new Map<string, string>());
  const [receiving, setReceiving] = useState<string | null>(null);
  const [problem, setProblem] = useState<{ title: string; text: string } | null>(null);

  async function receiveTransfer(transfer: TransitTransfer) {
    setProblem(null);
    setReceiving(transfer.id);
    const attempt = `${transfer.id}@${transfer.version}`;
    const idempotencyKey = keys.current.get(attempt) ?? newIdempotencyKey();
    keys.current.set(attempt, idempotencyKey);
    try {
      const result = await receive.mutateAsync({ transfer, idempotencyKey });
      const arrived = result.levels.find((l) => l.locationId === transfer.toLocationId);
      notifications.show({
        color: 'green',
        title: 'Transfer received',
        message: `${formatUnits(transfer.quantity)} × ${transfer.sku} at ${locationName(transfer.toLocationId)}${arrived ? `: ${formatUnits(arrived.onHand)} on hand now` : ''}`,
      });
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      const current = transitTransferSchema.safeParse(error.problem.current);
      if (error.isConflict && current.success && current.data.status === 'received') {
        setProblem({
          title: 'Received already',
          text: `${current.data.sku} from ${locationName(current.data.fromLocationId)} was received at ${locationName(current.data.toLocationId)}${current.data.receivedAt ? ` on ${formatMoment(current.data.receivedAt)}` : ''}, by someone else or in another tab. Its units were counted once; nothing more was added.`,
        });
      } else if (error.isConflict) {
        setProblem({
          title: 'The transfer changed',
          text: 'Nothing was received. The list shows it as it is now; receive it again if it is still on its way.',
        });
      } else {
        setProblem({ title: 'Not received', text: `${error.message} Nothing was added twice; you can try again.` });
      }
    } finally {
      setReceiving(null);
    }
  }

  const data = list.data;
  const pages = data ? Math.max(1, Math.ceil(data.total / TRANSIT_PAGE_SIZE)) : 1;

  return (
    <section aria-labelledby="in-transit-heading">
      <Text id="in-transit-heading" component="h2" fw={600} size="lg" mb={4}>
        In transit
      </Text>
      <Text size="sm" c="dimmed" mb="sm">
        Units shipped between warehouses and not yet received. They count toward the destination’s days of cover, not its available stock.
      </Text>
      {problem && (
        <Alert
          color="yellow"
          title={problem.title}
          role="alert"
          mb="sm"
          withCloseButton
          onClose={() => setProblem(null)}
          closeButtonLabel="Dismiss message"
        >
          {problem.text}
        </Alert>
      )}
      {list.error && !data ? (
        <Alert color="red" title="Transfers in transit could not be loaded" role="alert">
          <Text size="sm">{list.error.message}</Text>
          <Button mt="sm" size="xs" variant="light" color="red" onClick={() => void list.refetch()}>
            Try again
          </Button>
        </Alert>
      ) : !data ? (
        <Skeleton height={120} />
      ) : data.items.length === 0 ? (
        <Text c="dimmed" py="md">
          Nothing is in transit. A transfer sent with “Ship now, receive on arrival” shows here until it is received.
        </Text>
      ) : (
        <>
          <HorizontalScroller label="Transfers in transit">
            <Table
              aria-label="Transfers in transit"
              aria-busy={list.isFetching || undefined}
              className={stacked.table}
              verticalSpacing="xs"
            >
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>SKU</Table.Th>
                  <Table.Th>From</Table.Th>
                  <Table.Th>To</Table.Th>
                  <Table.Th className={classes.number}>Units</Table.Th>
                  <Table.Th>Sent</Table.Th>
                  <Table.Th>Note</Table.Th>
                  {canEdit && <Table.Th>Action</Table.Th>}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.items.map((t) => (
                  <Table.Tr key={t.id}>
                    <Table.Td className={stacked.lead}>
                      <Link
                        className={tableLink.link}
                        to="/inventory/ledger/$variantId"
                        params={{ variantId: t.variantId }}
                        aria-label={`${t.sku}: ledger`}
                      >
                        {t.sku}
                      </Link>
                      <Text size="xs" c="dimmed" lineClamp={1}>
                        {t.title}
                      </Text>
                    </Table.Td>
                    <Table.Td data-label="From">{locationName(t.fromLocationId)}</Table.Td>
                    <Table.Td data-label="To">{locationName(t.toLocationId)}</Table.Td>
                    <Table.Td data-label="Units" className={classes.number}>
                      {formatUnits(t.quantity)}
                    </Table.Td>
                    <Table.Td data-label="Sent">
                      <time dateTime={t.sentAt}>{formatMoment(t.sentAt)}</time>
                    </Table.Td>
                    <Table.Td data-label="Note">{t.note}</Table.Td>
                    {canEdit && (
                      <Table.Td>
                        <Button
                          size="compact-sm"
                          variant="light"
                          loading={receiving === t.id}
                          disabled={receiving !== null && receiving !== t.id}
                          onClick={() => void receiveTransfer(t)}
                          aria-label={`Receive ${formatUnits(t.quantity)} × ${t.sku} at ${locationName(t.toLocationId)}`}
                        >
                          Receive
                        </Button>
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </HorizontalScroller>
          {pages > 1 && (
            <Group justify="flex-end" mt="sm">
              <Pagination
                aria-label="Pages of transfers in transit"
                total={pages}
                value={page}
                onChange={setPage}
                getControlProps={(control) => ({ 'aria-label': `${control} page of transfers` })}
                getItemProps={(p) => ({ 'aria-label': `Page ${p} of transfers` })}
              />
            </Group>
          )}
        </>
      )}
    </section>
  );
}
