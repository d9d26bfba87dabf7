import { Badge } from '@mantine/core';
import type { PriceBatch, PriceBatchItem, PriceBatchStatus, PriceHistoryEntry } from '@/contract/pricing-schemas';
import { AnchorLink } from '@/components/anchor-link';
import { createDataTableColumnHelper } from '@/components/data-table/data-table';
import { formatMoment } from '@/lib/date-format';
import { CompareAtFromTo, fromToColumns, PriceFromTo } from './price-cells';

export const BATCH_STATUS_LABELS: Record<PriceBatchStatus, string> = {
  scheduled: 'Scheduled',
  applied: 'Applied',
  ended: 'Ended',
  reverted: 'Reverted',
};
const BATCH_STATUS_COLORS: Record<PriceBatchStatus, string> = { scheduled: 'blue', applied: 'green', ended: 'gray', reverted: 'orange' };

export function BatchStatus({ status }: { status: PriceBatchStatus }) {
  return (
    <Badge color={BATCH_STATUS_COLORS[status]} variant="dot">
      {BATCH_STATUS_LABELS[status]}
    </Badge>
  );
}

const batchHelper = createDataTableColumnHelper<PriceBatch>();

export const batchColumns = batchHelper.columns([
  batchHelper.accessor('label', {
    id: 'label',
    header: 'Batch',
    enableSorting: false,
    enableHiding: false,
    cell: ({ row }) => (
      <AnchorLink to="/pricing/batches/$batchId" params={{ batchId: row.original.id }} size="sm">
        {row.original.label}
      </AnchorLink>
    ),
  }),
  batchHelper.accessor('status', {
    id: 'status',
    header: 'Status',
    enableSorting: false,
    cell: ({ getValue }) => <BatchStatus status={getValue()} />,
  }),
  batchHelper.accessor('variantCount', {
    id: 'variantCount',
    header: 'Variants',
    enableSorting: false,
    cell: ({ getValue }) => getValue().toLocaleString('en-US'),
  }),
  batchHelper.accessor('startsAt', { id: 'startsAt', header: 'Starts', cell: ({ getValue }) => formatMoment(getValue()) }),
  batchHelper.accessor('endsAt', {
    id: 'endsAt',
    header: 'Ends',
    enableSorting: false,
    cell: ({ getValue }) => (getValue() ? formatMoment(getValue()!) : '—'),
  }),
  batchHelper.accessor('createdBy', { id: 'createdBy', header: 'By', enableSorting: false, cell: ({ getValue }) => getValue().name }),
  batchHelper.accessor('createdAt', { id: 'createdAt', header: 'Made', cell: ({ getValue }) => formatMoment(getValue()) }),
]);

const historyLink = (sku: string) => (
  <AnchorLink to="/pricing/history" search={{ sku }} size="xs">
    History
  </AnchorLink>
);

const itemHelper = createDataTableColumnHelper<PriceBatchItem>();

export const batchItemColumns = itemHelper.columns([
  ...fromToColumns<PriceBatchItem>(),
  itemHelper.accessor('sku', {
    id: 'history',
    header: 'Price history',
    enableSorting: false,
    cell: ({ getValue }) => historyLink(getValue()),
  }),
]);

const historyHelper = createDataTableColumnHelper<PriceHistoryEntry>();

export const historyColumns = historyHelper.columns([
  historyHelper.accessor('at', {
    id: 'at',
    header: 'When',
    enableSorting: false,
    enableHiding: false,
    cell: ({ getValue }) => formatMoment(getValue()),
  }),
  historyHelper.accessor('to', {
    id: 'price',
    header: 'Price',
    enableSorting: false,
    cell: ({ row }) => <PriceFromTo from={row.original.from} to={row.original.to} />,
  }),
  historyHelper.accessor('to', {
    id: 'compareAt',
    header: 'Compare-at',
    enableSorting: false,
    cell: ({ row }) => <CompareAtFromTo from={row.original.from} to={row.original.to} />,
  }),
  historyHelper.accessor('action', { id: 'action', header: 'What', enableSorting: false, cell: ({ getValue }) => getValue() }),
  historyHelper.accessor('batchId', {
    id: 'batch',
    header: 'Batch',
    enableSorting: false,
    cell: ({ row }) =>
      row.original.batchId ? (
        <AnchorLink to="/pricing/batches/$batchId" params={{ batchId: row.original.batchId }} size="sm">
          {row.original.batchLabel ?? row.original.batchId}
        </AnchorLink>
      ) : (
        '—'
      ),
  }),
  historyHelper.accessor('actor', { id: 'actor', header: 'Who', enableSorting: false, cell: ({ getValue }) => getValue().name }),
]);
