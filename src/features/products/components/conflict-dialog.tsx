import { Alert, Button, Group, Modal, Stack, Table, Text } from '@mantine/core';
import type { Product, ProductInput } from '@/contract/schemas';
import { formatMoment } from '@/lib/date-format';
import { conflictDifferences } from '../product-input';
import { productToInput } from '@/contract/product-input';

type ConflictDialogProps = {
  base: ProductInput;
  mine: ProductInput;
  theirs: Product;
  onReload: () => void;
  onKeepMine: () => void;
  onCancel: () => void;
};

/** Someone saved this product after it was opened: show what they changed beside what you changed, and let the person choose. */
export function ConflictDialog({ base, mine, theirs, onReload, onKeepMine, onCancel }: ConflictDialogProps) {
  const rows = conflictDifferences(base, mine, productToInput(theirs));
  return (
    <Modal opened onClose={onCancel} title="Someone else changed this product" size="xl" centered>
      <Stack gap="sm">
        <Text size="sm">
          It was saved by someone else at {formatMoment(theirs.updatedAt)} after you opened it. Nothing of yours has been saved yet.
          Compare, then choose.
        </Text>
        {rows.length === 0 ? (
          <Alert color="gray">
            Their save changed nothing you can edit here (for example, only stock). Keeping yours loses nothing of theirs.
          </Alert>
        ) : (
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
                <Table.Tr key={r.field}>
                  <Table.Td>{r.label}</Table.Td>
                  <Table.Td>{r.base}</Table.Td>
                  <Table.Td fw={600}>{r.theirs}</Table.Td>
                  <Table.Td c={r.mine !== r.base ? 'orange' : undefined}>{r.mine}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
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
