import { Link } from '@tanstack/react-router';
import type { ReturnSummary } from '@/contract/order-schemas';
import { centsToInput, formatCents } from '@/contract/values/money';
import { RETURN_REASON_LABELS } from '@/domain/return-decisions';
import { createDataTableColumnHelper } from '@/components/data-table/data-table';
import { StatusDot } from '@/components/status-dot/status-dot';
import type { CsvColumn } from '@/lib/csv';
import { csvMoment, formatMoment } from '@/lib/date-format';
import { RETURN_STATUS_COLORS, RETURN_STATUS_LABELS } from '@/lib/status-labels';
import tableLink from '@/components/table-link.module.css';
import classes from './returns.module.css';

const helper = createDataTableColumnHelper<ReturnSummary>();
const count = new Intl.NumberFormat('en-US');

/** Column ids that sort are the API's sort keys (requestedAt, updatedAt), so the table's sort is the URL's. */
export function returnColumns() {
  return helper.columns([
    helper.accessor('orderNumber', {
      id: 'order',
      header: 'Order',
      enableSorting: false,
      enableHiding: false,
      cell: ({ row }) => (
        <Link className={tableLink.link} to="/orders/$orderId" params={{ orderId: row.original.orderId }}>
          #{row.original.orderNumber}
        </Link>
      ),
    }),
    helper.accessor('customerName', {
      id: 'customer',
      header: 'Customer',
      enableSorting: false,
      cell: ({ getValue }) => <span className={classes.customer}>{getValue()}</span>,
    }),
    helper.accessor('status', {
      id: 'status',
      header: 'Status',
      enableSorting: false,
      cell: ({ getValue }) => <StatusDot color={RETURN_STATUS_COLORS[getValue()]} label={RETURN_STATUS_LABELS[getValue()]} />,
    }),
    helper.accessor('reason', {
      id: 'reason',
      header: 'Reason',
      enableSorting: false,
      cell: ({ getValue }) => RETURN_REASON_LABELS[getValue()],
    }),
    helper.accessor('units', {
      id: 'units',
      header: 'Units',
      enableSorting: false,
      cell: ({ getValue }) => <span className={classes.number}>{count.format(getValue())}</span>,
    }),
    helper.accessor('requestedAt', {
      id: 'requestedAt',
      header: 'Requested',
      cell: ({ getValue }) => <time dateTime={getValue()}>{formatMoment(getValue())}</time>,
    }),
    helper.accessor('updatedAt', {
      id: 'updatedAt',
      header: 'Last step',
      cell: ({ getValue }) => <time dateTime={getValue()}>{formatMoment(getValue())}</time>,
    }),
    helper.accessor('refunded', {
      id: 'refunded',
      header: 'Refunded',
      enableSorting: false,
      cell: ({ getValue }) => <span className={classes.number}>{getValue() > 0 ? formatCents(getValue()) : '—'}</span>,
    }),
  ]);
}

/** Money as plain dollars ("12.99"): a spreadsheet reads it as a number, and no float rounds it. */
export const RETURN_CSV_COLUMNS: CsvColumn<ReturnSummary>[] = [
  { header: 'order', value: (r) => r.orderNumber },
  { header: 'return_id', value: (r) => r.id },
  { header: 'customer', value: (r) => r.customerName },
  { header: 'status', value: (r) => r.status },
  { header: 'reason', value: (r) => r.reason },
  { header: 'units', value: (r) => r.units },
  { header: 'requested_at', value: (r) => csvMoment(r.requestedAt) },
  { header: 'last_step_at', value: (r) => csvMoment(r.updatedAt) },
  { header: 'refunded_usd', value: (r) => centsToInput(r.refunded) },
];
