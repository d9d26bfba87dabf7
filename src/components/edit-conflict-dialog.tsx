import { Alert, Button, Group, Modal, Stack, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { formatMoment } from '@/lib/date-format';
import { HorizontalScroller } from '@/components/scroller/horizontal-scroller';

/** One field someone else changed: as opened, as the person has it now, as they saved it. */
export type ConflictRow = { key: string; label: string; base: string; mine: string; theirs: string };

type Props = {
  /** What was edited, as the title names it: "product", "discount". */
  noun: string;
  /** When the other save happened (ISO 8601). */
  savedAt: string;
  rows: ConflictRow[];
  /** Said when their save changed nothing the form edits. */
  nothingChanged: ReactNode;
  onReload: () => void;
  onKeepMine: () => void;
  onCancel: () => void;
};

/** A 409 on an edit: what someone else changed beside what the person changed, and the three ways on. */
export function EditConflictDialog({ noun, savedAt, rows, nothingChanged, onReload, onKeepMine, onCancel }: Props) {
  return (
    <Modal opened onClose={onCancel} title={`Someone else changed this ${noun}`} size="xl" centered>
      <Stack gap="sm">
        <Text size="sm">
          It was saved by someone else at {formatMoment(savedAt)} after you opened it. Nothing of yours has been saved yet. Compare, then
          choose.
        </Text>
        {rows.length === 0 ? (
          <Alert color="gray">{nothingChanged}</Alert>
        ) : (
          <HorizontalScroller label="What changed">
            <Table aria-label="What changed" striped withTableBorder>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Field</Table.Th>
                  <Table.Th>When you opened it</Table.Th>
                  <Table.Th>Saved by them</Table.Th>
                  <Table.Th>Yours (not saved)</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((r) => (
                  <Table.Tr key={r.key}>
                    <Table.Td>{r.label}</Table.Td>
                    <Table.Td>{r.base}</Table.Td>
                    <Table.Td fw={600}>{r.theirs}</Table.Td>
                    <Table.Td c={r.mine !== r.base ? 'orange' : undefined}>{r.mine}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </HorizontalScroller>
        )}
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onCancel}>
            Back to my edit
          </Button>
          <Button variant="light" onClick={onReload}>
            Load their version (discard mine)
          </Button>
          <Button color="orange" onClick={onKeepMine}>
            Save mine over theirs
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
