import type { Discount, DiscountInput } from '@/contract/discount-schemas';
import { formatCents } from '@/contract/values/money';
import { formatMoment } from '@/lib/date-format';
import { EditConflictDialog } from '@/components/edit-conflict-dialog';
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
export function DiscountConflictDialog({ base, mine, theirs, ...choices }: Props) {
  const rows = discountDifferences(base, mine, discountToInput(theirs)).map((r) => ({ ...r, key: r.field, label: r.field }));
  return (
    <EditConflictDialog
      noun="discount"
      savedAt={theirs.updatedAt}
      rows={rows}
      nothingChanged="Their save changed nothing you can edit here. Keeping yours loses nothing of theirs."
      {...choices}
    />
  );
}
