/**
 * The one list table: server-side paging and sorting, column visibility,
 * selection that survives paging, and loading, empty and error states.
 * Each list declares its columns with `createDataTableColumnHelper` and owns
 * its query; this component only draws what it is given and reports changes.
 */
import { Alert, Button, Group, NativeSelect, Pagination, Skeleton, Table, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import {
  columnVisibilityFeature,
  createColumnHelper,
  rowPaginationFeature,
  rowSelectionFeature,
  rowSortingFeature,
  tableFeatures,
  FlexRender,
  useTable,
  type ColumnDef,
  type PaginationState,
  type Row as TableRow,
  type RowData,
  type RowSelectionState,
  type SortingState,
  type Updater,
  type ColumnVisibilityState,
} from '@tanstack/react-table';
import { memo, type ReactNode } from 'react';
import type { ListResponse } from '@/contract/schemas';
import { HorizontalScroller } from '../scroller/horizontal-scroller';
import { ColumnsMenu } from './columns-menu';
import { PAGE_SIZES, type PageSize } from './page-sizes';
import classes from './data-table.module.css';

export const dataTableFeatures = tableFeatures({
  rowSortingFeature,
  rowPaginationFeature,
  columnVisibilityFeature,
  rowSelectionFeature,
});
export type DataTableFeatures = typeof dataTableFeatures;
export type DataTableColumn<Row extends RowData> = ColumnDef<DataTableFeatures, Row, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- column value types differ per column

export function createDataTableColumnHelper<Row extends RowData>() {
  return createColumnHelper<DataTableFeatures, Row>();
}

function resolve<T>(updater: Updater<T>, current: T): T {
  return typeof updater === 'function' ? (updater as (old: T) => T)(current) : updater;
}

/** What a list query gives the table: TanStack Query's result for a `{ items, total }` answer fits. */
export type DataTableQuery<Row> = {
  data: ListResponse<Row> | undefined;
  isPending: boolean;
  isFetching: boolean;
  error: Error | null;
  refetch: () => unknown;
};

/**
 * A list's view as the URL holds it: pages from 1, and the API's sort string
 * (`price`, `-price`), whose key is the sorted column's id.
 */
export type DataTableView<Sort extends string> = { page: number; pageSize: PageSize; sort: Sort };

type DataTableProps<Row extends RowData, Sort extends string> = {
  /** What the table lists, for its accessible name ("Products"). */
  label: string;
  columns: DataTableColumn<Row>[];
  query: DataTableQuery<Row>;
  getRowId: (row: Row) => string;
  /** Names a row for its selection checkbox ("Select Volt Power Bank"); the id when absent. */
  getRowLabel?: (row: Row) => string;
  view: DataTableView<Sort>;
  /** A new sort or page size starts again at page 1. */
  onViewChange: (view: DataTableView<Sort>) => void;
  columnVisibility: ColumnVisibilityState;
  onColumnVisibilityChange: (next: ColumnVisibilityState) => void;
  rowSelection?: RowSelectionState;
  onRowSelectionChange?: (next: RowSelectionState) => void;
  /** Shown when the answer has no rows. */
  empty: ReactNode;
  /** Above the table, right of the column menu: export, bulk actions. */
  actions?: ReactNode;
};

export function DataTable<Row extends RowData, Sort extends string>(props: DataTableProps<Row, Sort>) {
  const { label, columns, query, getRowId, view, onViewChange, columnVisibility, rowSelection } = props;
  const rows = query.data?.items;
  const total = query.data?.total;
  const { isFetching, error } = query;
  const isLoading = query.isPending;
  const pagination: PaginationState = { pageIndex: view.page - 1, pageSize: view.pageSize };
  const sorting: SortingState = [{ id: view.sort.replace(/^-/, ''), desc: view.sort.startsWith('-') }];
  const selectable = rowSelection !== undefined;
  const table = useTable({
    features: dataTableFeatures,
    columns,
    data: rows ?? EMPTY,
    getRowId,
    rowCount: total ?? 0,
    manualPagination: true,
    manualSorting: true,
    enableMultiSort: false,
    enableSortingRemoval: false,
    enableRowSelection: selectable,
    state: { pagination, sorting, columnVisibility, rowSelection: rowSelection ?? {} },
    onPaginationChange: (u) => onViewChange({ ...view, page: resolve(u, pagination).pageIndex + 1 }),
    onSortingChange: (u) => {
      const first = resolve(u, sorting)[0];
      if (first) onViewChange({ ...view, sort: `${first.desc ? '-' : ''}${first.id}` as Sort, page: 1 });
    },
    onColumnVisibilityChange: (u) => props.onColumnVisibilityChange(resolve(u, columnVisibility)),
    onRowSelectionChange: (u) => props.onRowSelectionChange?.(resolve(u, rowSelection ?? {})),
  });

  const visibleColumns = table.getVisibleLeafColumns();
  const pageCount = Math.max(1, Math.ceil((total ?? 0) / pagination.pageSize));
  const firstRow = total ? pagination.pageIndex * pagination.pageSize + 1 : 0;
  const lastRow = Math.min(total ?? 0, (pagination.pageIndex + 1) * pagination.pageSize);
  const selectedCount = Object.keys(rowSelection ?? {}).length;

  let body: ReactNode;
  const span = visibleColumns.length + (selectable ? 1 : 0);
  if (error && !rows) {
    body = (
      <Table.Tr>
        <Table.Td colSpan={span}>
          <Alert color="red" title="The list could not be loaded" role="alert">
            <Text size="sm">{error.message}</Text>
            <Button mt="sm" size="xs" variant="light" color="red" onClick={() => void query.refetch()}>
              Try again
            </Button>
          </Alert>
        </Table.Td>
      </Table.Tr>
    );
  } else if (isLoading || !rows) {
    body = Array.from({ length: Math.min(pagination.pageSize, 10) }, (_, i) => (
      <Table.Tr key={i} aria-hidden>
        <Table.Td colSpan={span}>
          <Skeleton height={20} />
        </Table.Td>
      </Table.Tr>
    ));
  } else if (rows.length === 0) {
    body = (
      <Table.Tr>
        <Table.Td colSpan={span}>{props.empty}</Table.Td>
      </Table.Tr>
    );
  } else {
    const visible = visibleColumns.map((c) => c.id).join(',');
    body = table
      .getRowModel()
      .rows.map((row) => (
        <DataTableRow
          key={row.id}
          row={row}
          selected={row.getIsSelected()}
          selectable={selectable}
          label={props.getRowLabel?.(row.original) ?? row.id}
          visibleColumns={visible}
          columns={columns}
        />
      ));
  }

  return (
    <div className={classes.root}>
      <Group justify="space-between" mb="xs" wrap="wrap" gap="xs">
        <Text size="sm" c="dimmed" aria-live="polite">
          {total === undefined
            ? 'Loading…'
            : `${firstRow.toLocaleString('en-US')}–${lastRow.toLocaleString('en-US')} of ${total.toLocaleString('en-US')}`}
          {selectedCount > 0 && ` · ${selectedCount} selected`}
        </Text>
        <Group gap="xs">
          {props.actions}
          <ColumnsMenu table={table} />
        </Group>
      </Group>
      <HorizontalScroller label={label} minWidth={720} shadeStart={false}>
        <Table
          aria-label={label}
          aria-busy={isLoading || isFetching || undefined}
          verticalSpacing="xs"
          className={isFetching && !isLoading ? classes.fetching : undefined}
        >
          <Table.Thead>
            {table.getHeaderGroups().map((group) => (
              <Table.Tr key={group.id}>
                {selectable && (
                  <Table.Th className={classes.checkboxCell} data-sticky>
                    <input
                      type="checkbox"
                      className={classes.checkbox}
                      aria-label="Select all rows on this page"
                      checked={table.getIsAllPageRowsSelected()}
                      // `indeterminate` is a DOM property with no attribute: set it on the element.
                      ref={(input) => void (input && (input.indeterminate = table.getIsSomePageRowsSelected()))}
                      onChange={table.getToggleAllPageRowsSelectedHandler()}
                    />
                  </Table.Th>
                )}
                {group.headers.map((header, index) => {
                  const sorted = header.column.getIsSorted();
                  const content = header.isPlaceholder ? null : <table.FlexRender header={header} />;
                  return (
                    <Table.Th
                      key={header.id}
                      aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined}
                      {...stickyAt(index, selectable)}
                    >
                      {header.column.getCanSort() ? (
                        <UnstyledButton className={classes.sortButton} onClick={header.column.getToggleSortingHandler()}>
                          {content}
                          <span aria-hidden className={classes.sortIcon}>
                            {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : '↕'}
                          </span>
                          <VisuallyHidden>{sorted ? '' : ', sortable'}</VisuallyHidden>
                        </UnstyledButton>
                      ) : (
                        content
                      )}
                    </Table.Th>
                  );
                })}
              </Table.Tr>
            ))}
          </Table.Thead>
          <Table.Tbody>{body}</Table.Tbody>
          {/* A totals row, when the list's columns declare footers: the API's sums over every match, not the page. */}
          {rows && rows.length > 0 && visibleColumns.some((c) => c.columnDef.footer !== undefined) && (
            <Table.Tfoot className={classes.footer}>
              {table.getFooterGroups().map((group) => (
                <Table.Tr key={group.id}>
                  {selectable && <Table.Td className={classes.checkboxCell} data-sticky />}
                  {group.headers.map((header, index) => (
                    <Table.Td key={header.id} {...stickyAt(index, selectable)}>
                      {header.isPlaceholder ? null : <table.FlexRender footer={header} />}
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tfoot>
          )}
        </Table>
      </HorizontalScroller>
      <Group justify="space-between" mt="sm" wrap="wrap">
        {/* A native select: light to render on every page change, and native on phones. */}
        <NativeSelect
          label="Rows per page"
          size="xs"
          w={130}
          data={PAGE_SIZES.map(String)}
          value={String(pagination.pageSize)}
          onChange={(event) => onViewChange({ ...view, page: 1, pageSize: Number(event.currentTarget.value) as PageSize })}
        />
        <Pagination
          aria-label="Pages"
          total={pageCount}
          value={pagination.pageIndex + 1}
          onChange={(page) => onViewChange({ ...view, page })}
          getControlProps={(control) => ({ 'aria-label': `${control} page` })}
          getItemProps={(page) => ({ 'aria-label': `Page ${page}` })}
          siblings={1}
          boundaries={1}
        />
      </Group>
    </div>
  );
}

const EMPTY: never[] = [];

type DataTableRowProps<Row extends RowData> = {
  row: TableRow<DataTableFeatures, Row>;
  selected: boolean;
  selectable: boolean;
  label: string;
  /** Only to re-render when the visible columns change. */
  visibleColumns: string;
  /**
   * Only to re-render when the column definitions change: a cell may read a lookup that
   * arrives after the rows (a location's or category's name), and the row objects stay the same.
   */
  columns: unknown;
};

/** The first data column stays in view when the table scrolls sideways (after the 40 px checkbox column, if any). */
function stickyAt(index: number, selectable: boolean) {
  if (index !== 0) return {};
  return { 'data-sticky': true, style: selectable ? { ['--sticky-left' as string]: '40px' } : undefined };
}

/**
 * One row, memoised: a new URL re-renders the list while it waits for the next
 * page, and rows whose data and selection did not change need not render again.
 * Plain elements, not Mantine's: a page of rows is hundreds of cells, and each
 * styled component costs render time that paging and sorting should not pay.
 */
const DataTableRow = memo(function DataTableRow<Row extends RowData>({ row, selected, selectable, label }: DataTableRowProps<Row>) {
  return (
    <tr className={classes.row} data-selected={selected || undefined}>
      {selectable && (
        <td className={classes.checkboxCell} data-sticky>
          <input
            type="checkbox"
            className={classes.checkbox}
            aria-label={`Select ${label}`}
            checked={selected}
            onChange={row.getToggleSelectedHandler()}
          />
        </td>
      )}
      {row.getVisibleCells().map((cell, index) => (
        <td key={cell.id} {...stickyAt(index, selectable)}>
          <FlexRender cell={cell} />
        </td>
      ))}
    </tr>
  );
}) as <Row extends RowData>(props: DataTableRowProps<Row>) => ReactNode;
