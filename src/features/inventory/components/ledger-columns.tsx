import { Link } from '@tanstack/react-router';
import type { StockMovement } from '@/contract/stock-schemas';
import { createDataTableColumnHelper } from '@/components/data-table/data-table';
import { formatMoment } from '@/lib/date-format';
import { poLabel } from '@/domain/purchase-decisions';
import { formatChange, formatUnits, REASON_LABELS } from './stock-labels';
import classes from './inventory-columns.module.css';
import tableLink from '@/components/table-link.module.css';

const helper = createDataTableColumnHelper<StockMovement>();

/** Only "when" sorts: the ledger reads in time order, either way round. */
export function ledgerColumns(locationName: (id: string) => string) {
  return helper.columns([
    helper.accessor('at', {
      id: 'at',
      header: 'When',
      enableHiding: false,
      cell: ({ getValue }) => <time dateTime={getValue()}>{formatMoment(getValue())}</time>,
    }),
    helper.accessor('locationId', {
      id: 'location',
      header: 'Location',
      enableSorting: false,
      cell: ({ getValue }) => locationName(getValue()),
    }),
    helper.accessor('reason', {
      id: 'reason',
      header: 'Reason',
      enableSorting: false,
      cell: ({ getValue }) => REASON_LABELS[getValue()],
    }),
    helper.accessor('quantity', {
      id: 'quantity',
      header: 'On hand change',
      enableSorting: false,
      cell: ({ getValue }) => (
        <span className={getValue() < 0 ? `${classes.number} ${classes.negative}` : classes.number}>{formatChange(getValue())}</span>
      ),
    }),
    helper.accessor('reservedChange', {
      id: 'reservedChange',
      header: 'Reserved change',
      enableSorting: false,
      cell: ({ getValue }) => <span className={classes.number}>{getValue() === 0 ? '' : formatChange(getValue())}</span>,
    }),
    helper.accessor('onHandAfter', {
      id: 'onHandAfter',
      header: 'On hand after',
      enableSorting: false,
      cell: ({ getValue }) => <span className={classes.number}>{formatUnits(getValue())}</span>,
    }),
    helper.accessor((m) => m.actor.name, { id: 'actor', header: 'Who', enableSorting: false }),
    helper.accessor('note', {
      id: 'note',
      header: 'Note',
      enableSorting: false,
      cell: ({ getValue }) => <span className={classes.product}>{getValue()}</span>,
    }),
    helper.accessor('orderNumber', {
      id: 'order',
      header: 'Order',
      enableSorting: false,
      // The orders screen comes later; a plain link to where it will be.
      cell: ({ row }) =>
        row.original.orderId && row.original.orderNumber !== null ? (
          <a className={tableLink.link} href={`/orders/${encodeURIComponent(row.original.orderId)}`}>
            #{row.original.orderNumber}
          </a>
        ) : null,
    }),
    helper.accessor('purchaseOrderNumber', {
      id: 'purchaseOrder',
      header: 'Purchase order',
      enableSorting: false,
      // A delivery received against a purchase order names it: the row links to the order it filled.
      cell: ({ row }) =>
        row.original.purchaseOrderId && row.original.purchaseOrderNumber !== null ? (
          <Link
            className={tableLink.link}
            to="/purchase-orders/$purchaseOrderId"
            params={{ purchaseOrderId: row.original.purchaseOrderId }}
          >
            {poLabel(row.original.purchaseOrderNumber)}
          </Link>
        ) : null,
    }),
  ]);
}
