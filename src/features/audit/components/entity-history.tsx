import { Group, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { AnchorLink } from '@/components/anchor-link';
import { ROLE_LABELS } from '@/contract/permissions';
import { formatMoment } from '@/lib/date-format';
import { auditQueries } from '../api/audit-queries';
import { useAuditLookups } from '../api/audit-lookups';
import { ENTITY_LABELS } from './audit-columns';
import { AuditChanges } from './audit-changes';

const HISTORY_LIMIT = 100;

/** The audit entries of one record (a product, an order), newest first: its history tab. */
export function EntityHistory({ entityId }: { entityId: string }) {
  // Fetched each time the tab opens (staleTime 0): a save a moment ago must be in it.
  const history = useQuery({ ...auditQueries.list({ entityId, limit: HISTORY_LIMIT }), staleTime: 0 });
  const lookupsOf = useAuditLookups(history.data?.items);
  if (history.isPending) return <Text c="dimmed">Loading history…</Text>;
  if (history.error) return <Text c="red">{history.error.message}</Text>;
  if (history.data.items.length === 0) return <Text c="dimmed">No changes recorded yet. Changes made from now on show here.</Text>;
  const { total, items } = history.data;
  return (
    <>
      <Group justify="space-between" gap="sm" mb="xs">
        <Text size="sm" c="dimmed">
          {total > HISTORY_LIMIT
            ? `The latest ${HISTORY_LIMIT} of ${total.toLocaleString('en-US')} changes, newest first.`
            : `${total === 1 ? '1 change' : `${total.toLocaleString('en-US')} changes`}, newest first.`}
        </Text>
        {/* The same record's changes in the audit log, filtered in its URL: every one of them, with its filters and pages. */}
        <AnchorLink to="/audit" search={{ entityId }} size="sm">
          Open in the audit log
        </AnchorLink>
      </Group>
      {/* Changes wrap; a narrow window scrolls the table inside the tab rather than the page. */}
      <Table.ScrollContainer minWidth={720}>
        <Table aria-label="History">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>When</Table.Th>
              <Table.Th>Who</Table.Th>
              <Table.Th>Kind</Table.Th>
              <Table.Th>Action</Table.Th>
              <Table.Th>Before → after</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((entry) => (
              <Table.Tr key={entry.id}>
                <Table.Td>
                  <time dateTime={entry.at}>{formatMoment(entry.at)}</time>
                </Table.Td>
                <Table.Td>
                  {entry.actor.name} ({ROLE_LABELS[entry.actor.role]})
                </Table.Td>
                <Table.Td>{ENTITY_LABELS[entry.entityType]}</Table.Td>
                <Table.Td>{entry.action}</Table.Td>
                <Table.Td>
                  <AuditChanges entry={entry} lookups={lookupsOf(entry)} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </>
  );
}
