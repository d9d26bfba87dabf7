/**
 * The columns of the lists behind a figure: the refunds made in a range and the
 * order lines sold in it. Sortable column ids are the API's sort keys; the footer
 * is the API's totals over every match, which equal the figure that opened the list.
 */
import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import type { RefundRecord, RefundRecordList, SaleLine, SaleLineList } from '@/contract/report-schemas';
import { createDataTableColumnHelper } from '@/components/data-table/data-table';
import { centsToInput, formatCents } from '@/contract/values/money';
import type { CsvColumn } from '@/lib/csv';
import { csvMoment, formatMoment } from '@/lib/date-format';
import { formatCount } from './labels';
import classes from './analytics.module.css';

const plural = (n: number, one: string, many: string) => `${formatCount(n)} ${n === 1 ? one : many}`;

function OrderLink({ id, number }: { id: string; number: number }) {
  return (
    <Link className={classes.link} to="/orders/$orderId" params={{ orderId: id }}>
      #{number}
    </Link>
  );
}

const refund = createDataTableColumnHelper<RefundRecord>();

export function refundColumns(totals: RefundRecordList['totals'] | undefined) {
  const footer = (render: (t: RefundRecordList['totals']) => ReactNode) => (totals ? { footer: () => render(totals) } : {});
  return refund.columns([
    refund.accessor('amount', {
      id: 'amount',
      header: 'Amount',
      enableHiding: false,
      cell: ({ getValue }) => <span className={classes.number}>{formatCents(getValue())}</span>,
      ...footer((t) => (
        <span className={classes.number} data-total="amount">
          {formatCents(t.amount)}
        </span>
      )),
    }),
    refund.accessor('orderNumber', {
      id: 'order',
      header: 'Order',
      enableSorting: false,
      cell: ({ row }) => <OrderLink id={row.original.orderId} number={row.original.orderNumber} />,
      ...footer((t) => `Totals, ${plural(t.refunds, 'refund', 'refunds')}`),
    }),
    refund.accessor('at', {
      id: 'at',
      header: 'Refunded (ET)',
      cell: ({ getValue }) => <time dateTime={getValue()}>{formatMoment(getValue())}</time>,
    }),
    refund.accessor((r) => r.by.name, { id: 'by', header: 'By', enableSorting: false }),
    refund.accessor('reason', {
      id: 'reason',
      header: 'Reason',
      enableSorting: false,
      cell: ({ getValue }) => <span className={classes.wrap}>{getValue() || '—'}</span>,
    }),
    refund.accessor('units', {
      id: 'units',
      header: 'Units',
      enableSorting: false,
      cell: ({ getValue }) => <span className={classes.number}>{formatCount(getValue())}</span>,
      ...footer((t) => <span className={classes.number}>{formatCount(t.units)}</span>),
    }),
    refund.accessor('shipping', {
      id: 'shipping',
      header: 'Shipping refunded',
      enableSorting: false,
      cell: ({ getValue }) => <span className={classes.number}>{formatCents(getValue())}</span>,
    }),
    refund.accessor('restock', {
      id: 'restock',
      header: 'Restocked',
      enableSorting: false,
      cell: ({ getValue }) => (getValue() ? 'Yes' : 'No'),
    }),
    refund.accessor('state', { id: 'state', header: 'State', enableSorting: false }),
  ]);
}

export const REFUND_CSV: CsvColumn<RefundRecord>[] = [
  { header: 'refunded_at', value: (r) => csvMoment(r.at) },
  { header: 'order', value: (r) => r.orderNumber },
  { header: 'refund_id', value: (r) => r.refundId },
  { header: 'amount_usd', value: (r) => centsToInput(r.amount) },
  { header: 'shipping_usd', value: (r) => centsToInput(r.shipping) },
  { header: 'units', value: (r) => r.units },
  { header: 'restocked', value: (r) => (r.restock ? 'yes' : 'no') },
  { header: 'reason', value: (r) => r.reason },
  { header: 'by', value: (r) => r.by.name },
  { header: 'state', value: (r) => r.state },
];

const line = createDataTableColumnHelper<SaleLine>();

export function saleLineColumns(totals: SaleLineList['totals'] | undefined) {
  const footer = (render: (t: SaleLineList['totals']) => ReactNode) => (totals ? { footer: () => render(totals) } : {});
  return line.columns([
    line.accessor('orderNumber', {
      id: 'order',
      header: 'Order',
      enableSorting: false,
      enableHiding: false,
      cell: ({ row }) => <OrderLink id={row.original.orderId} number={row.original.orderNumber} />,
      ...footer((t) => (
        <span>
          Totals, {plural(t.lines, 'line', 'lines')}
          <br />
          <span data-total="orders">{plural(t.orders, 'order', 'orders')}</span>
        </span>
      )),
    }),
    line.accessor('placedAt', {
      id: 'placedAt',
      header: 'Placed (ET)',
      cell: ({ getValue }) => <time dateTime={getValue()}>{formatMoment(getValue())}</time>,
    }),
    line.accessor('title', {
      id: 'item',
      header: 'Item',
      enableSorting: false,
      cell: ({ row }) => (
        <span className={classes.wrap}>
          {row.original.title}
          {row.original.variantTitle && ` · ${row.original.variantTitle}`}
        </span>
      ),
    }),
    line.accessor('sku', { id: 'sku', header: 'SKU', enableSorting: false }),
    line.accessor('quantity', {
      id: 'quantity',
      header: 'Units',
      cell: ({ getValue }) => <span className={classes.number}>{formatCount(getValue())}</span>,
      ...footer((t) => (
        <span className={classes.number} data-total="units">
          {formatCount(t.units)}
        </span>
      )),
    }),
    line.accessor('revenue', {
      id: 'revenue',
      header: 'Revenue',
      cell: ({ getValue }) => <span className={classes.number}>{formatCents(getValue())}</span>,
      ...footer((t) => (
        <span className={classes.number} data-total="revenue">
          {formatCents(t.revenue)}
        </span>
      )),
    }),
    line.accessor('state', { id: 'state', header: 'State', enableSorting: false }),
  ]);
}

export const SALE_LINE_CSV: CsvColumn<SaleLine>[] = [
  { header: 'placed_at', value: (l) => csvMoment(l.placedAt) },
  { header: 'order', value: (l) => l.orderNumber },
  { header: 'sku', value: (l) => l.sku },
  { header: 'title', value: (l) => l.title },
  { header: 'variant', value: (l) => l.variantTitle },
  { header: 'units', value: (l) => l.quantity },
  { header: 'revenue_usd', value: (l) => centsToInput(l.revenue) },
  { header: 'state', value: (l) => l.state },
];
