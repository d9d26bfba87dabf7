import { formatDaysOfCover } from '@/domain/days-of-cover';
import { Badge } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import type { ReorderRow } from '@/contract/replenishment-schemas';
import { centsToInput, formatCents } from '@/contract/values/money';
import { createDataTableColumnHelper } from '@/components/data-table/data-table';
import type { CsvColumn } from '@/lib/csv';
import { formatStoreDay } from '@/lib/date-format';
import tableLink from '@/components/table-link.module.css';
import { formatCount } from './labels';
import { LineCostCell, QuantityCell, RowError } from './reorder-draft';
import classes from './replenishment.module.css';

const helper = createDataTableColumnHelper<ReorderRow>();

type ColumnContext = {
  locationName: (id: string) => string;
  /** The store's today: a reorder-by day before it is late. */
  today: string;
  /** A per-row action composed by the app (the reorder settings, owned by the inventory screens). */
  rowAction?: (row: ReorderRow, locationName: string) => ReactNode;
};

const figure = (n: number) => <span className={classes.number}>{formatCount(n)}</span>;

/** Column ids that sort are the API's sort keys (sku, supplier, daysOfCover, suggestedQuantity, reorderBy). */
export function reorderColumns({ locationName, today, rowAction }: ColumnContext) {
  const columns = helper.columns([
    helper.accessor('sku', {
      id: 'sku',
      header: 'Item',
      enableHiding: false,
      cell: ({ row: { original: r } }) => (
        <div className={classes.item}>
          <Link className={tableLink.link} to="/products/$productId" params={{ productId: r.productId }}>
            {r.sku}
          </Link>
          <div className={classes.dimmed}>
            {r.title}
            {r.variantTitle && ` · ${r.variantTitle}`}
          </div>
          <RowError row={r} />
        </div>
      ),
    }),
    helper.accessor('locationId', {
      id: 'location',
      header: 'Location',
      enableSorting: false,
      cell: ({ getValue }) => locationName(getValue()),
    }),
    helper.accessor('supplierName', {
      id: 'supplier',
      header: 'Supplier',
      cell: ({ row: { original: r } }) =>
        r.supplierName ? (
          <div className={classes.item}>
            {r.supplierName}
            {r.supplierSku && <div className={classes.dimmed}>Their SKU {r.supplierSku}</div>}
          </div>
        ) : (
          <span className={classes.dimmed}>No supplier</span>
        ),
    }),
    helper.accessor('reorderBy', {
      id: 'reorderBy',
      header: 'Reorder by (ET)',
      cell: ({ getValue }) => {
        const day = getValue();
        return (
          <span>
            <time dateTime={day}>{formatStoreDay(day)}</time>
            {day < today && (
              <Badge ml={6} size="sm" color="red" variant="light" tt="none">
                Late
              </Badge>
            )}
          </span>
        );
      },
    }),
    helper.accessor('available', {
      id: 'available',
      header: 'Available',
      enableSorting: false,
      cell: ({ getValue }) => figure(getValue()),
    }),
    helper.accessor('onOrder', { id: 'onOrder', header: 'On order', enableSorting: false, cell: ({ getValue }) => figure(getValue()) }),
    helper.accessor('inTransit', {
      id: 'inTransit',
      header: 'In transit',
      enableSorting: false,
      cell: ({ getValue }) => figure(getValue()),
    }),
    helper.accessor('sold28', { id: 'sold28', header: 'Sold 28 d', enableSorting: false, cell: ({ getValue }) => figure(getValue()) }),
    helper.accessor('daysOfCover', {
      id: 'daysOfCover',
      header: 'Days of cover',
      // Worded as on the inventory list ("Out", "No sales", "12.5 d"): the same level reads the same on both.
      cell: ({ row: { original: r } }) => <span className={classes.number}>{formatDaysOfCover(r)}</span>,
    }),
    helper.accessor('reorderPoint', {
      id: 'reorderPoint',
      header: 'Reorder point',
      enableSorting: false,
      cell: ({ row: { original: r } }) => (
        <span className={classes.number}>
          {formatCount(r.reorderPoint)} <span className={classes.dimmed}>{r.reorderPointSet === null ? 'suggested' : 'set'}</span>
        </span>
      ),
    }),
    helper.accessor('suggestedQuantity', {
      id: 'suggestedQuantity',
      header: 'Quantity to order',
      enableHiding: false,
      cell: ({ row: { original: r } }) => <QuantityCell row={r} locationName={locationName(r.locationId)} />,
    }),
    helper.accessor('unitCost', {
      id: 'unitCost',
      header: 'Unit cost',
      enableSorting: false,
      cell: ({ getValue }) => {
        const cost = getValue();
        return cost === null ? (
          <span className={classes.dimmed}>No cost</span>
        ) : (
          <span className={classes.number}>{formatCents(cost)}</span>
        );
      },
    }),
    helper.display({ id: 'lineCost', header: 'Line cost', cell: ({ row: { original: r } }) => <LineCostCell row={r} /> }),
  ]);
  if (!rowAction) return columns;
  return [
    ...columns,
    ...helper.columns([
      helper.display({
        id: 'actions',
        header: 'Actions',
        enableHiding: false,
        cell: ({ row: { original: r } }) => rowAction(r, locationName(r.locationId)),
      }),
    ]),
  ];
}

/** Money as plain dollars ("12.50"): a spreadsheet reads it as a number, and no float rounds it. */
export function reorderCsvColumns(locationName: (id: string) => string): CsvColumn<ReorderRow>[] {
  return [
    { header: 'sku', value: (r) => r.sku },
    { header: 'title', value: (r) => r.title },
    { header: 'variant', value: (r) => r.variantTitle },
    { header: 'location', value: (r) => locationName(r.locationId) },
    { header: 'supplier', value: (r) => r.supplierName ?? '' },
    { header: 'supplier_sku', value: (r) => r.supplierSku },
    { header: 'available', value: (r) => r.available },
    { header: 'on_order', value: (r) => r.onOrder },
    { header: 'in_transit', value: (r) => r.inTransit },
    { header: 'sold_28d', value: (r) => r.sold28 },
    { header: 'days_of_cover', value: (r) => r.daysOfCover ?? '' },
    { header: 'reorder_point', value: (r) => r.reorderPoint },
    { header: 'reorder_point_set_by_hand', value: (r) => (r.reorderPointSet === null ? 'no' : 'yes') },
    { header: 'suggested_quantity', value: (r) => r.suggestedQuantity },
    { header: 'unit_cost_usd', value: (r) => (r.unitCost === null ? '' : centsToInput(r.unitCost)) },
    { header: 'reorder_by', value: (r) => r.reorderBy },
  ];
}
