import type { AuditEntry } from '@/api/schemas';
import { ROLE_LABELS } from '@/api/permissions';
import { createDataTableColumnHelper } from '@/components/data-table/data-table';
import { formatMomentWithSeconds } from '@/lib/date-format';

const helper = createDataTableColumnHelper<AuditEntry>();

export const ENTITY_LABELS: Record<AuditEntry['entityType'], string> = {
  product: 'Product',
  price: 'Price',
  stock: 'Stock',
  order: 'Order',
  staff: 'Staff',
};

/** Values as text, never as markup: whatever a person typed into a field is shown exactly as typed. */
function show(value: unknown): string {
  if (value === null || value === undefined) return '—';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

export function Changes({ entry }: { entry: AuditEntry }) {
  return (
    <ul style={{ margin: 0, paddingLeft: '1rem' }}>
      {Object.keys(entry.after).map((key) => (
        <li key={key}>
          {key}: {show(entry.before[key])} → {show(entry.after[key])}
        </li>
      ))}
    </ul>
  );
}

export const auditColumns = helper.columns([
  helper.accessor('at', {
    id: 'at',
    header: 'When',
    cell: ({ getValue }) => <time dateTime={getValue()}>{formatMomentWithSeconds(getValue())}</time>,
  }),
  helper.accessor('actor', {
    id: 'actor',
    header: 'Who',
    enableSorting: false,
    cell: ({ getValue }) => `${getValue().name} (${ROLE_LABELS[getValue().role]})`,
  }),
  helper.accessor('entityType', {
    id: 'entityType',
    header: 'Kind',
    enableSorting: false,
    cell: ({ getValue }) => ENTITY_LABELS[getValue()],
  }),
  helper.accessor('entityLabel', { id: 'entityLabel', header: 'Record', enableSorting: false, cell: ({ getValue }) => getValue() }),
  helper.accessor('action', { id: 'action', header: 'Action', enableSorting: false, cell: ({ getValue }) => getValue() }),
  helper.display({ id: 'changes', header: 'Before → after', cell: ({ row }) => <Changes entry={row.original} /> }),
]);
