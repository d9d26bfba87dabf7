import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import type { OrderListTotals, OrderSummary } from '@/contract/order-schemas';
import { createDataTableColumnHelper } from '@/components/data-table/data-table';
import { StatusDot } from '@/components/status-dot/status-dot';
import type { CsvColumn } from '@/lib/csv';
import { csvMoment, formatMoment } from '@/lib/date-format';
import { centsToInput, formatCents } from '@/contract/values/money';
import { formatUnits, FULFILMENT_STATUS_COLORS, ORDER_STATUS_COLORS, PAYMENT_STATUS_COLORS } from './order-labels';
import { FULFILMENT_STATUS_LABELS, ORDER_STATUS_LABELS, PAYMENT_STATUS_LABELS } from '@/lib/status-labels';
import classes from './orders.module.css';
import tableLink from '@/components/table-link.module.css';

const helper = createDataTableColumnHelper<OrderSummary>();

/** A deduction as the sales summary shows it, so a discount clicked there reads the same here. */
const minusCents = (cents: number) => (cents === 0 ? formatCents(0) : `−${formatCents(cents)}`);

/**
 * Column ids that sort are the API's sort keys (placedAt, total, customer), so the table's sort is the URL's.
 * With `totals` (the API's sums over every matching order), the table ends with a totals row: gross sales (the
 * summary's: units × price), discounts, shipping and tax, which add up to the total, then refunded and net.
 */
export function orderColumns(totals?: OrderListTotals) {
  const footer = (render: (t: OrderListTotals) => ReactNode) => (totals ? { footer: () => render(totals) } : {});
  return helper.columns([
    helper.accessor('number', {
      id: 'number',
      header: 'Order',
      enableSorting: false,
      enableHiding: false,
      ...footer((t) => `Totals, ${t.orders.toLocaleString('en-US')} ${t.orders === 1 ? 'order' : 'orders'}`),
      cell: ({ row }) => (
        <Link className={tableLink.link} to="/orders/$orderId" params={{ orderId: row.original.id }}>
          #{row.original.number}
        </Link>
      ),
    }),
    helper.accessor('placedAt', {
      id: 'placedAt',
      header: 'Placed',
      cell: ({ getValue }) => <time dateTime={getValue()}>{formatMoment(getValue())}</time>,
    }),
    helper.accessor('customerName', {
      id: 'customer',
      header: 'Customer',
      cell: ({ row }) => (
        <div className={classes.customer}>
          <div>{row.original.customerName}</div>
          <div className={classes.dimmed}>{row.original.customerEmail}</div>
        </div>
      ),
    }),
    helper.accessor('state', { id: 'state', header: 'State', enableSorting: false }),
    helper.accessor('units', {
      id: 'units',
      header: 'Units',
      enableSorting: false,
      cell: ({ getValue }) => <span className={classes.number}>{formatUnits(getValue())}</span>,
      ...footer((t) => <span className={classes.number}>{formatUnits(t.units)}</span>),
    }),
    helper.accessor('total', {
      id: 'total',
      header: 'Total',
      cell: ({ row }) => (
        <span className={classes.number}>
          {formatCents(row.original.total)}
          {row.original.refunded > 0 && <span className={classes.dimmed}> ({formatCents(row.original.refunded)} refunded)</span>}
        </span>
      ),
      ...footer((t) => (
        <dl className={classes.totals} aria-label="Totals of every matching order">
          <dt>Gross sales</dt>
          <dd data-total="subtotal">{formatCents(t.subtotal)}</dd>
          <dt>Discounts</dt>
          <dd data-total="discount">{minusCents(t.discount)}</dd>
          <dt>Shipping</dt>
          <dd data-total="shipping">{formatCents(t.shipping)}</dd>
          <dt>Tax</dt>
          <dd data-total="tax">{formatCents(t.tax)}</dd>
          <dt>Total</dt>
          <dd data-total="total">{formatCents(t.total)}</dd>
          <dt>Refunded</dt>
          <dd data-total="refunded">{formatCents(t.refunded)}</dd>
          <dt>Net</dt>
          <dd data-total="net">{formatCents(t.net)}</dd>
        </dl>
      )),
    }),
    helper.accessor('paymentStatus', {
      id: 'paymentStatus',
      header: 'Payment',
      enableSorting: false,
      cell: ({ getValue }) => <StatusDot color={PAYMENT_STATUS_COLORS[getValue()]} label={PAYMENT_STATUS_LABELS[getValue()]} />,
    }),
    helper.accessor('fulfilmentStatus', {
      id: 'fulfilmentStatus',
      header: 'Fulfilment',
      enableSorting: false,
      cell: ({ getValue }) => <StatusDot color={FULFILMENT_STATUS_COLORS[getValue()]} label={FULFILMENT_STATUS_LABELS[getValue()]} />,
    }),
    helper.accessor('status', {
      id: 'status',
      header: 'Status',
      enableSorting: false,
      cell: ({ getValue }) => <StatusDot color={ORDER_STATUS_COLORS[getValue()]} label={ORDER_STATUS_LABELS[getValue()]} />,
    }),
  ]);
}

/** Money as plain dollars ("1299.99"): a spreadsheet reads it as a number, and no float rounds it. */
export function orderCsvColumns(locationName: (id: string) => string): CsvColumn<OrderSummary>[] {
  return [
    { header: 'order', value: (o) => o.number },
    { header: 'placed_at', value: (o) => csvMoment(o.placedAt) },
    { header: 'customer', value: (o) => o.customerName },
    { header: 'email', value: (o) => o.customerEmail },
    { header: 'state', value: (o) => o.state },
    { header: 'units', value: (o) => o.units },
    { header: 'total_usd', value: (o) => centsToInput(o.total) },
    { header: 'refunded_usd', value: (o) => centsToInput(o.refunded) },
    { header: 'net_usd', value: (o) => centsToInput(o.net) },
    { header: 'status', value: (o) => o.status },
    { header: 'payment_status', value: (o) => o.paymentStatus },
    { header: 'fulfilment_status', value: (o) => o.fulfilmentStatus },
    { header: 'location', value: (o) => locationName(o.locationId) },
  ];
}
