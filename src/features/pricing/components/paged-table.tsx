import { Text } from '@mantine/core';
import type { ColumnVisibilityState, RowData } from '@tanstack/react-table';
import { useState, type ReactNode } from 'react';
import { DataTable, type DataTableColumn, type DataTableQuery, type DataTableView } from '@/components/data-table/data-table';

type PagedTableProps<Row extends RowData, Sort extends string> = {
  label: string;
  columns: DataTableColumn<Row>[];
  query: DataTableQuery<Row>;
  getRowId: (row: Row) => string;
  view: DataTableView<Sort>;
  /** Page, page size and (where the list sorts) sort, into the URL. */
  onViewChange: (view: DataTableView<Sort>) => void;
  emptyText: string;
  actions?: ReactNode;
};

/** The pricing screens' lists: the shared data table with its columns chosen for this visit and a plain empty state. */
export function PagedTable<Row extends RowData, Sort extends string>({ emptyText, ...props }: PagedTableProps<Row, Sort>) {
  const [columnVisibility, setColumnVisibility] = useState<ColumnVisibilityState>({});
  return (
    <DataTable
      {...props}
      columnVisibility={columnVisibility}
      onColumnVisibilityChange={setColumnVisibility}
      empty={
        <Text c="dimmed" ta="center" py="xl">
          {emptyText}
        </Text>
      }
    />
  );
}
