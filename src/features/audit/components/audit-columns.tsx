import { Anchor } from '@mantine/core';
import type { AuditEntry } from '@/contract/schemas';
import { ROLE_LABELS } from '@/contract/permissions';
import { createDataTableColumnHelper } from '@/components/data-table/data-table';
import { formatMomentWithSeconds } from '@/lib/date-format';
import type { AuditLookups } from '../audit-changes';
import { AuditChanges } from './audit-changes';
import { RecordLink } from './record-link';
import classes from './audit-changes.module.css';
import tableLink from '@/components/table-link.module.css';

const helper = createDataTableColumnHelper<AuditEntry>();

export const ENTITY_LABELS: Record<AuditEntry['entityType'], string> = {
  product: 'Product',
  price: 'Price',
  stock: 'Stock',
  order: 'Order',
  staff: 'Staff',
  view: 'Saved view',
  discount: 'Discount',
  customer: 'Customer',
  supplier: 'Supplier',
  purchase_order: 'Purchase order',
};

type AuditColumnsOptions = {
  lookupsOf: (entry: AuditEntry) => AuditLookups;
  /** Only this record's changes; absent when the log shows one record already. */
  onOnlyRecord?: (entry: AuditEntry) => void;
};

export function auditColumns({ lookupsOf, onOnlyRecord }: AuditColumnsOptions) {
  return helper.columns([
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
    helper.accessor('entityLabel', {
      id: 'entityLabel',
      header: 'Record',
      enableSorting: false,
      cell: ({ row }) => (
        <div className={classes.record}>
          <RecordLink entry={row.original} className={tableLink.link} />
          {onOnlyRecord && (
            <>
              {' '}
              <Anchor
                component="button"
                type="button"
                size="xs"
                aria-label={`Only this record: ${row.original.entityLabel}`}
                onClick={() => onOnlyRecord(row.original)}
              >
                Only this
              </Anchor>
            </>
          )}
        </div>
      ),
    }),
    helper.accessor('action', { id: 'action', header: 'Action', enableSorting: false, cell: ({ getValue }) => getValue() }),
    helper.display({
      id: 'changes',
      header: 'Before → after',
      cell: ({ row }) => <AuditChanges entry={row.original} lookups={lookupsOf(row.original)} />,
    }),
  ]);
}
