import { Button, Menu } from '@mantine/core';
import type { RowData, Table } from '@tanstack/react-table';
import type { DataTableFeatures } from './data-table';

/** Show or hide columns; the choice is the person's, kept by the list in local storage. */
export function ColumnsMenu<Row extends RowData>({ table }: { table: Table<DataTableFeatures, Row> }) {
  const hideable = table.getAllLeafColumns().filter((c) => c.getCanHide());
  return (
    <Menu closeOnItemClick={false} position="bottom-end" withinPortal>
      <Menu.Target>
        <Button variant="default" size="xs">
          Columns
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>Visible columns</Menu.Label>
        {hideable.map((column) => (
          <Menu.Item
            key={column.id}
            role="menuitemcheckbox"
            aria-checked={column.getIsVisible()}
            leftSection={<span aria-hidden>{column.getIsVisible() ? '✓' : ''}</span>}
            onClick={() => column.toggleVisibility()}
          >
            {typeof column.columnDef.header === 'string' ? column.columnDef.header : column.id}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
