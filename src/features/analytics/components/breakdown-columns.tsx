import type { BreakdownRow } from '@/contract/report-schemas';
import { createDataTableColumnHelper } from '@/components/data-table/data-table';
import type { CsvColumn } from '@/lib/csv';
import { centsToInput, formatCents } from '@/contract/values/money';
import { formatCount } from './labels';
import classes from './analytics.module.css';

const helper = createDataTableColumnHelper<BreakdownRow>();

const money = (id: 'revenue' | 'refunds' | 'net' | 'averageOrderValue', header: string, sortable = true) =>
  helper.accessor(id, {
    id,
    header,
    enableSorting: sortable,
    cell: ({ getValue }) => <span className={classes.number}>{formatCents(getValue())}</span>,
  });

const count = (id: 'orders' | 'units', header: string) =>
  helper.accessor(id, { id, header, cell: ({ getValue }) => <span className={classes.number}>{formatCount(getValue())}</span> });

/** Column ids that sort are the API's sort keys, so the table's sort is the URL's. */
export function breakdownColumns(rowLabel: string, withSku: boolean) {
  return helper.columns([
    helper.accessor('label', { id: 'label', header: rowLabel, enableHiding: false }),
    ...(withSku ? [helper.accessor('sku', { id: 'sku', header: 'SKU', enableSorting: false })] : []),
    money('revenue', 'Revenue'),
    count('orders', 'Orders'),
    count('units', 'Units'),
    money('averageOrderValue', 'Avg. order', false),
    money('refunds', 'Refunds'),
    money('net', 'Net revenue'),
  ]);
}

/** Money as plain dollars ("1299.99"): a spreadsheet reads it as a number, exactly. */
export function breakdownCsvColumns(rowLabel: string): CsvColumn<BreakdownRow>[] {
  return [
    { header: 'Key', value: (r) => r.key },
    { header: rowLabel, value: (r) => r.label },
    { header: 'SKU', value: (r) => r.sku },
    { header: 'Revenue (USD)', value: (r) => centsToInput(r.revenue) },
    { header: 'Orders', value: (r) => r.orders },
    { header: 'Units', value: (r) => r.units },
    { header: 'Average order value (USD)', value: (r) => centsToInput(r.averageOrderValue) },
    { header: 'Refunds (USD)', value: (r) => centsToInput(r.refunds) },
    { header: 'Net revenue (USD)', value: (r) => centsToInput(r.net) },
  ];
}
