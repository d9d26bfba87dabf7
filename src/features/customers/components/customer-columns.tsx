import { Link } from '@tanstack/react-router';
import type { CustomerSummary } from '@/contract/customer-schemas';
import { createDataTableColumnHelper } from '@/components/data-table/data-table';
import type { CsvColumn } from '@/lib/csv';
import { csvMoment, formatMoment } from '@/lib/date-format';
import { centsToInput, formatCents } from '@/contract/values/money';
import tableLink from '@/components/table-link.module.css';
import classes from './customers.module.css';

const helper = createDataTableColumnHelper<CustomerSummary>();
const count = new Intl.NumberFormat('en-US');

/** Column ids that sort are the API's sort keys (name, orders, spent, lastOrderAt), so the table's sort is the URL's. */
export function customerColumns() {
  return helper.columns([
    helper.accessor('name', {
      id: 'name',
      header: 'Customer',
      enableHiding: false,
      cell: ({ row }) => (
        <div className={classes.person}>
          <Link className={tableLink.link} to="/customers/$customerId" params={{ customerId: row.original.id }}>
            {row.original.name}
          </Link>
          <div className={classes.dimmed}>{row.original.email}</div>
        </div>
      ),
    }),
    helper.accessor('phone', { id: 'phone', header: 'Phone', enableSorting: false }),
    helper.accessor('state', { id: 'state', header: 'State', enableSorting: false }),
    helper.accessor('orders', {
      id: 'orders',
      header: 'Orders',
      cell: ({ getValue }) => <span className={classes.number}>{count.format(getValue())}</span>,
    }),
    helper.accessor('spent', {
      id: 'spent',
      header: 'Lifetime spend',
      cell: ({ getValue }) => <span className={classes.number}>{formatCents(getValue())}</span>,
    }),
    helper.accessor('averageOrder', {
      id: 'averageOrder',
      header: 'Average order',
      enableSorting: false,
      cell: ({ getValue }) => <span className={classes.number}>{formatCents(getValue())}</span>,
    }),
    helper.accessor('lastOrderAt', {
      id: 'lastOrderAt',
      header: 'Last order',
      cell: ({ getValue }) => {
        const at = getValue();
        return at ? <time dateTime={at}>{formatMoment(at)}</time> : '—';
      },
    }),
  ]);
}

/** Money as plain dollars ("1299.99"): a spreadsheet reads it as a number, and no float rounds it. */
export const CUSTOMER_CSV_COLUMNS: CsvColumn<CustomerSummary>[] = [
  { header: 'customer_id', value: (c) => c.id },
  { header: 'name', value: (c) => c.name },
  { header: 'email', value: (c) => c.email },
  { header: 'phone', value: (c) => c.phone },
  { header: 'state', value: (c) => c.state },
  { header: 'orders', value: (c) => c.orders },
  { header: 'spent_usd', value: (c) => centsToInput(c.spent) },
  { header: 'refunded_usd', value: (c) => centsToInput(c.refunded) },
  { header: 'average_order_usd', value: (c) => centsToInput(c.averageOrder) },
  { header: 'first_order_at', value: (c) => (c.firstOrderAt ? csvMoment(c.firstOrderAt) : '') },
  { header: 'last_order_at', value: (c) => (c.lastOrderAt ? csvMoment(c.lastOrderAt) : '') },
];
