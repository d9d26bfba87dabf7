import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import type { BreakdownRow, SalesMeasures } from '@/contract/report-schemas';
import { createDataTableColumnHelper } from '@/components/data-table/data-table';
import type { CsvColumn } from '@/lib/csv';
import { centsToInput, formatCents } from '@/contract/values/money';
import { figureTarget, rowFilters, type DrillFilters } from '../drill';
import type { BreakdownKind } from '../search';
import { FigureLink } from './figure-link';
import { formatCount } from './labels';
import classes from './analytics.module.css';

const helper = createDataTableColumnHelper<BreakdownRow>();

type Drill = { by: BreakdownKind; filters: DrillFilters; totals: SalesMeasures | undefined };

/**
 * Column ids that sort are the API's sort keys, so the table's sort is the URL's. A row's name
 * opens its sales (the order lines, or a state's orders), its refunds the refunds made; the
 * footer is the API's totals, the report's own figures: an order with lines in two rows counts once in its
 * Orders (and Avg. order), so the row figures of Orders need not add up to it.
 */
export function breakdownColumns(rowLabel: string, withSku: boolean, { by, filters, totals }: Drill) {
  const footer = (render: (t: SalesMeasures) => ReactNode) => (totals ? { footer: () => render(totals) } : {});
  const targetOf = (row: BreakdownRow, measure: keyof SalesMeasures) => figureTarget(measure, rowFilters(by, row.key, filters));
  const money = (id: 'revenue' | 'refunds' | 'net' | 'averageOrderValue', header: string, sortable = true) =>
    helper.accessor(id, {
      id,
      header,
      enableSorting: sortable,
      cell: ({ row, getValue }) =>
        id === 'refunds' && getValue() > 0 ? (
          <span className={classes.number}>
            <FigureLink target={targetOf(row.original, 'refunds')}>{formatCents(getValue())}</FigureLink>
          </span>
        ) : (
          <span className={classes.number}>{formatCents(getValue())}</span>
        ),
      ...footer((t) => <span className={classes.number}>{formatCents(t[id])}</span>),
    });
  const count = (id: 'orders' | 'units', header: string) =>
    helper.accessor(id, {
      id,
      header,
      cell: ({ getValue }) => <span className={classes.number}>{formatCount(getValue())}</span>,
      ...footer((t) => <span className={classes.number}>{formatCount(t[id])}</span>),
    });
  return helper.columns([
    helper.accessor('label', {
      id: 'label',
      header: rowLabel,
      enableHiding: false,
      // The row's name is the link's name: what it opens is the row's sales.
      cell: ({ row }) => (
        <Link className={classes.link} {...targetOf(row.original, 'revenue')}>
          {row.original.label}
        </Link>
      ),
      ...footer(() => 'Totals'),
    }),
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
