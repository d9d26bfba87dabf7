import { Alert, Button, Group, Modal, Stack, Table, Text } from '@mantine/core';
import type { Discount, DiscountInput } from '@/contract/discount-schemas';
import { formatCents } from '@/contract/values/money';
import { formatMoment } from '@/lib/date-format';
import { HorizontalScroller } from '@/components/scroller/horizontal-scroller';
import { discountToInput, formatDiscountValue, KIND_LABELS, SCOPE_LABELS } from '../discount-labels';

type Row = { field: string; base: string; mine: string; theirs: string };

const yesNo = (b: boolean) => (b ? 'Yes' : 'No');
const valueText = (d: DiscountInput) => (Number.isNaN(d.value) ? '—' : formatDiscountValue(d));
const when = (iso: string | null) => (iso === null ? 'No end' : Number.isNaN(Date.parse(iso)) ? '—' : formatMoment(iso));
const orNone = (n: number | null, show: (n: number) => string) => (n === null ? 'None' : Number.isNaN(n) ? '—' : show(n));

const FIELDS: [string, (d: DiscountInput) => string][] = [
  ['Kind', (d) => KIND_LABELS[d.kind]],
  ['Code', (d) => d.code ?? '—'],
  ['Title', (d) => d.title],
  ['Value', valueText],
  ['Applies to', (d) => (d.scope === 'order' ? SCOPE_LABELS.order : `${SCOPE_LABELS[d.scope]}: ${d.targetIds.join(', ')}`)],
  ['Minimum subtotal', (d) => orNone(d.minimumSubtotal, formatCents)],
  ['Minimum quantity', (d) => orNone(d.minimumQuantity, String)],
  ['Usage limit', (d) => orNone(d.usageLimit, String)],
  ['Once per customer', (d) => yesNo(d.oncePerCustomer)],
  ['Starts', (d) => when(d.startsAt)],
  ['Ends', (d) => when(d.endsAt)],
  ['Combines with other discounts', (d) => yesNo(d.combines)],
  ['Enabled', (d) => yesNo(d.enabled)],
];

/** The fields someone else changed since the edit began: as opened, as they saved it, as the person has it now. */
export function discountDifferences(base: DiscountInput, mine: DiscountInput, theirs: DiscountInput): Row[] {
  return FIELDS.flatMap(([field, show]) =>
    show(base) === show(theirs) ? [] : [{ field, base: show(base), mine: show(mine), theirs: show(theirs) }],
  );
}

type Props = {
  base: DiscountInput;
  mine: DiscountInput;
  theirs: Discount;
  onReload: () => void;
  onKeepMine: () => void;
  onCancel: () => void;
};

/** Someone saved this discount after it was opened: what they changed beside what you changed, and the choice. */
export function DiscountConflictDialog({ base, mine, theirs, onReload, onKeepMine, onCancel }: Props) {
  const rows = discountDifferences(base, mine, discountToInput(theirs));
  return (
    <Modal opened onClose={onCancel} title="Someone else changed this discount" size="xl" centered>
      <Stack gap="sm">
        <Text size="sm">
          It was saved by someone else at {formatMoment(theirs.updatedAt)} after you opened it. Nothing of yours has been saved yet.
          Compare, then choose.
        </Text>
        {rows.length === 0 ? (
          <Alert color="gray">Their save changed nothing you can edit here. Keeping yours loses nothing of theirs.</Alert>
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
                  <Table.Tr key={r.field}>
                    <Table.Td>{r.field}</Table.Td>
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
