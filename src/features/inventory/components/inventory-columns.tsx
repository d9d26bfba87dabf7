import { Button, Menu } from '@mantine/core';
import { Link, useNavigate } from '@tanstack/react-router';
import type { InventoryLevel } from '@/contract/stock-schemas';
import { createDataTableColumnHelper } from '@/components/data-table/data-table';
import type { CsvColumn } from '@/lib/csv';
import { formatDaysOfCover } from '@/domain/days-of-cover';
import { formatUnits, STATE_LABELS } from './stock-labels';
import classes from './inventory-columns.module.css';
import tableLink from '@/components/table-link.module.css';

const helper = createDataTableColumnHelper<InventoryLevel>();

export type LevelAction = 'adjust' | 'transfer' | 'threshold' | 'reorder';

type ColumnOptions = {
  locationName: (id: string) => string;
  /** Absent for people who may only look: they get the ledger link and nothing that writes. */
  onAction?: (action: LevelAction, level: InventoryLevel) => void;
};

function Units({ value }: { value: number }) {
  return <span className={value < 0 ? `${classes.number} ${classes.negative}` : classes.number}>{formatUnits(value)}</span>;
}

/** Column ids that sort are the API's sort keys, so the table's sort state is the URL's. */
export function inventoryColumns({ locationName, onAction }: ColumnOptions) {
  return helper.columns([
    helper.accessor('sku', {
      id: 'sku',
      header: 'SKU',
      enableHiding: false,
      cell: ({ row }) => (
        <Link
          className={tableLink.link}
          to="/inventory/ledger/$variantId"
          params={{ variantId: row.original.variantId }}
          search={{ locationId: row.original.locationId }}
          aria-label={`${row.original.sku} at ${locationName(row.original.locationId)}: ledger`}
        >
          {row.original.sku}
        </Link>
      ),
    }),
    helper.accessor('title', {
      id: 'title',
      header: 'Product',
      cell: ({ row }) => (
        <div className={classes.product}>
          <Link className={tableLink.link} to="/products/$productId" params={{ productId: row.original.productId }}>
            {row.original.title}
          </Link>
          {row.original.variantTitle && <div className={classes.variant}>{row.original.variantTitle}</div>}
        </div>
      ),
    }),
    helper.accessor('locationId', { id: 'location', header: 'Location', cell: ({ getValue }) => locationName(getValue()) }),
    helper.accessor('onHand', { id: 'onHand', header: 'On hand', cell: ({ getValue }) => <Units value={getValue()} /> }),
    // Units coming: they count toward days of cover, not toward what can be sold now. The API does not sort by them.
    helper.accessor('onOrder', {
      id: 'onOrder',
      header: 'On order',
      enableSorting: false,
      cell: ({ getValue }) => <Units value={getValue()} />,
    }),
    helper.accessor('inTransit', {
      id: 'inTransit',
      header: 'In transit',
      enableSorting: false,
      cell: ({ getValue }) => <Units value={getValue()} />,
    }),
    helper.accessor('reserved', { id: 'reserved', header: 'Reserved', cell: ({ getValue }) => <Units value={getValue()} /> }),
    helper.accessor('available', { id: 'available', header: 'Available', cell: ({ getValue }) => <Units value={getValue()} /> }),
    helper.accessor('threshold', { id: 'threshold', header: 'Threshold', cell: ({ getValue }) => <Units value={getValue()} /> }),
    helper.accessor('daysOfCover', {
      id: 'daysOfCover',
      header: 'Days of cover',
      cell: ({ row }) => <span className={classes.number}>{formatDaysOfCover(row.original)}</span>,
    }),
    helper.accessor('sold28', {
      id: 'sold28',
      header: 'Sold (28 days)',
      enableSorting: false,
      cell: ({ getValue }) => <Units value={getValue()} />,
    }),
    helper.accessor('state', {
      id: 'state',
      header: 'Status',
      enableSorting: false,
      cell: ({ getValue }) => (
        <span className={classes.state} data-state={getValue()}>
          {STATE_LABELS[getValue()]}
        </span>
      ),
    }),
    helper.display({
      id: 'actions',
      header: 'Actions',
      enableHiding: false,
      enableSorting: false,
      cell: ({ row }) => <RowActions level={row.original} locationName={locationName} onAction={onAction} />,
    }),
  ]);
}

function RowActions({ level, locationName, onAction }: { level: InventoryLevel } & ColumnOptions) {
  const navigate = useNavigate();
  const where = `${level.sku} at ${locationName(level.locationId)}`;
  const ledger = {
    to: '/inventory/ledger/$variantId',
    params: { variantId: level.variantId },
    search: { locationId: level.locationId },
  } as const;
  if (!onAction) {
    return (
      <Link className={tableLink.link} {...ledger} aria-label={`Ledger of ${where}`}>
        Ledger
      </Link>
    );
  }
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button size="compact-xs" variant="default" aria-label={`Stock actions for ${where}`}>
          Actions
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item onClick={() => onAction('adjust', level)}>Adjust stock…</Menu.Item>
        <Menu.Item onClick={() => onAction('transfer', level)}>Transfer…</Menu.Item>
        <Menu.Item onClick={() => onAction('threshold', level)}>Set threshold…</Menu.Item>
        <Menu.Item onClick={() => onAction('reorder', level)}>Reorder settings…</Menu.Item>
        <Menu.Item onClick={() => void navigate(ledger)}>View ledger</Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

export function inventoryCsvColumns(
  locationName: (id: string) => string,
  categoryName: (id: string) => string,
): CsvColumn<InventoryLevel>[] {
  return [
    { header: 'sku', value: (l) => l.sku },
    { header: 'product', value: (l) => l.title },
    { header: 'variant', value: (l) => l.variantTitle },
    { header: 'category', value: (l) => categoryName(l.categoryId) },
    { header: 'location', value: (l) => locationName(l.locationId) },
    { header: 'on_hand', value: (l) => l.onHand },
    { header: 'on_order', value: (l) => l.onOrder },
    { header: 'in_transit', value: (l) => l.inTransit },
    { header: 'reserved', value: (l) => l.reserved },
    { header: 'available', value: (l) => l.available },
    { header: 'threshold', value: (l) => l.threshold },
    { header: 'days_of_cover', value: (l) => l.daysOfCover },
    { header: 'sold_28_days', value: (l) => l.sold28 },
    { header: 'reorder_point', value: (l) => l.reorderPoint ?? 'suggested' },
    { header: 'reorder_quantity', value: (l) => l.reorderQuantity ?? 'suggested' },
    { header: 'safety_days', value: (l) => l.safetyDays },
    { header: 'status', value: (l) => l.state },
  ];
}
