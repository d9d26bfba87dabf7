import { Badge } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import type { PurchaseOrderSummary } from '@/contract/replenishment-schemas';
import { centsToInput, formatCents } from '@/contract/values/money';
import { poLabel } from '@/domain/purchase-decisions';
import { createDataTableColumnHelper } from '@/components/data-table/data-table';
import { StatusDot } from '@/components/status-dot/status-dot';
import type { CsvColumn } from '@/lib/csv';
import { csvMoment, formatStoreDay } from '@/lib/date-format';
import tableLink from '@/components/table-link.module.css';
import { formatCount, PO_STATUS_COLORS, PO_STATUS_LABELS } from './labels';
import classes from './replenishment.module.css';

const helper = createDataTableColumnHelper<PurchaseOrderSummary>();

/** Newest first, always (the API's one order): no column sorts. */
export function purchaseOrderColumns(locationName: (id: string) => string) {
  return helper.columns([
    helper.accessor('number', {
      id: 'number',
      header: 'Number',
      enableSorting: false,
      enableHiding: false,
      cell: ({ row: { original: po } }) => (
        <Link className={tableLink.link} to="/purchase-orders/$purchaseOrderId" params={{ purchaseOrderId: po.id }}>
          {poLabel(po.number)}
        </Link>
      ),
    }),
    helper.accessor('supplierName', { id: 'supplier', header: 'Supplier', enableSorting: false }),
    helper.accessor('locationId', {
      id: 'location',
      header: 'Location',
      enableSorting: false,
      cell: ({ getValue }) => locationName(getValue()),
    }),
    helper.accessor('status', {
      id: 'status',
      header: 'Status',
      enableSorting: false,
      cell: ({ getValue }) => <StatusDot color={PO_STATUS_COLORS[getValue()]} label={PO_STATUS_LABELS[getValue()]} />,
    }),
    helper.accessor('received', {
      id: 'received',
      header: 'Received / ordered',
      enableSorting: false,
      cell: ({ row: { original: po } }) => (
        <span className={classes.number}>
          {formatCount(po.received)} / {formatCount(po.units)}
        </span>
      ),
    }),
    helper.accessor('total', {
      id: 'total',
      header: 'Total',
      enableSorting: false,
      cell: ({ getValue }) => <span className={classes.number}>{formatCents(getValue())}</span>,
    }),
    helper.accessor('expectedOn', {
      id: 'expectedOn',
      header: 'Expected on (ET)',
      enableSorting: false,
      cell: ({ row: { original: po } }) => (
        <span>
          {po.expectedOn ? <time dateTime={po.expectedOn}>{formatStoreDay(po.expectedOn)}</time> : '—'}
          {po.overdue && (
            <Badge ml={6} size="sm" color="red" variant="light" tt="none">
              Overdue
            </Badge>
          )}
        </span>
      ),
    }),
  ]);
}

export function purchaseOrderCsvColumns(locationName: (id: string) => string): CsvColumn<PurchaseOrderSummary>[] {
  return [
    { header: 'number', value: (po) => poLabel(po.number) },
    { header: 'supplier', value: (po) => po.supplierName },
    { header: 'location', value: (po) => locationName(po.locationId) },
    { header: 'status', value: (po) => po.status },
    { header: 'units_ordered', value: (po) => po.units },
    { header: 'units_received', value: (po) => po.received },
    { header: 'total_usd', value: (po) => centsToInput(po.total) },
    { header: 'created_at', value: (po) => csvMoment(po.createdAt) },
    { header: 'sent_at', value: (po) => (po.sentAt ? csvMoment(po.sentAt) : '') },
    { header: 'expected_on', value: (po) => po.expectedOn ?? '' },
    { header: 'overdue', value: (po) => (po.overdue ? 'yes' : 'no') },
  ];
}
