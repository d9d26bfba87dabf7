import { Badge, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { referenceQueries } from '@/api/reference-queries';
import type { ImportRow } from '@/contract/pricing-schemas';
import { centsToInput } from '@/contract/values/money';
import { PRODUCT_STATUS_LABELS } from '@/lib/status-labels';
import { HorizontalScroller } from '@/components/scroller/horizontal-scroller';

const ACTION_COLORS: Record<ImportRow['action'], string> = { create: 'green', update: 'blue', unchanged: 'gray', error: 'red' };

/** The fields a row can set, in the order the preview lists them. */
const FIELD_LABELS: Record<string, string> = {
  title: 'Title',
  handle: 'Handle',
  category: 'Category',
  status: 'Status',
  tags: 'Tags',
  options: 'Options',
  price: 'Price',
  compareAtPrice: 'Compare-at',
  cost: 'Cost',
  barcode: 'Barcode',
};
const FIELD_ORDER = Object.keys(FIELD_LABELS);
/** What a new product's header shows once, instead of on each of its variant rows. */
const PRODUCT_FIELDS = new Set(['title', 'handle', 'category', 'status', 'tags']);
const MONEY_FIELDS = new Set(['price', 'compareAtPrice', 'cost']);

export type ImportPreviewEntry = { kind: 'row'; row: ImportRow } | { kind: 'product'; handle: string; rows: ImportRow[] };

/**
 * The rows in file order, a new product's rows together under it (at its first row's place): the
 * rows that share a handle, or a row of its own. Updates and rows that name no product stay rows.
 */
export function groupImportRows(rows: readonly ImportRow[]): ImportPreviewEntry[] {
  const entries: ImportPreviewEntry[] = [];
  const products = new Map<string, Extract<ImportPreviewEntry, { kind: 'product' }>>();
  for (const row of rows) {
    const handle = row.productId === null && (row.action === 'create' || row.action === 'error') ? row.changes.handle?.[1] : undefined;
    if (typeof handle !== 'string' || !handle) {
      entries.push({ kind: 'row', row });
      continue;
    }
    let product = products.get(handle);
    if (!product) {
      product = { kind: 'product', handle, rows: [] };
      products.set(handle, product);
      entries.push(product);
    }
    product.rows.push(row);
  }
  return entries;
}

function useShow() {
  const categories = useQuery(referenceQueries.categories());
  const categoryName = useMemo(() => new Map((categories.data?.items ?? []).map((c) => [c.id, c.name])), [categories.data]);
  return (field: string, value: unknown): string => {
    if (value === null || value === undefined) return '—';
    if (MONEY_FIELDS.has(field) && typeof value === 'number') return `$${centsToInput(value)}`;
    if (field === 'category' && typeof value === 'string') return categoryName.get(value) ?? value;
    if (field === 'status' && typeof value === 'string') return PRODUCT_STATUS_LABELS[value as keyof typeof PRODUCT_STATUS_LABELS] ?? value;
    if (Array.isArray(value)) return value.length ? value.join(', ') : '—';
    if (typeof value === 'object')
      return Object.entries(value as Record<string, unknown>)
        .map(([name, v]) => `${name}: ${String(v)}`)
        .join(', ');
    return String(value);
  };
}

type Show = ReturnType<typeof useShow>;

const ordered = (changes: ImportRow['changes']) =>
  Object.entries(changes).sort(([a], [b]) => (FIELD_ORDER.indexOf(a) + 1 || 99) - (FIELD_ORDER.indexOf(b) + 1 || 99));

/** Every field the row sets: "Price: $39.99" for a new one, "Price: $39.99 → $41.99" for a change. */
function RowFields({ row, show, skip }: { row: ImportRow; show: Show; skip?: ReadonlySet<string> }) {
  if (row.errors.length)
    return row.errors.map((e) => (
      <Text key={e.column + e.message} size="sm" c="red">
        {e.column}: {e.message}
      </Text>
    ));
  const fields = ordered(row.changes).filter(([field]) => !skip?.has(field));
  if (!fields.length)
    return (
      <Text size="sm" c="dimmed">
        {row.action === 'unchanged' ? 'Nothing to change' : 'The product’s fields above'}
      </Text>
    );
  return fields.map(([field, [before, after]]) => (
    <Text key={field} size="sm">
      {FIELD_LABELS[field] ?? field}: {row.action === 'create' ? show(field, after) : `${show(field, before)} → ${show(field, after)}`}
    </Text>
  ));
}

function RowCells({ row, show, skip, nested }: { row: ImportRow; show: Show; skip?: ReadonlySet<string>; nested?: boolean }) {
  return (
    <Table.Tr>
      <Table.Td>{row.row}</Table.Td>
      <Table.Td pl={nested ? 'xl' : undefined}>{row.sku}</Table.Td>
      <Table.Td>
        <Badge color={ACTION_COLORS[row.action]} variant="dot">
          {row.action}
        </Badge>
      </Table.Td>
      <Table.Td>
        <Stack gap={0}>
          <RowFields row={row} show={show} skip={skip} />
        </Stack>
      </Table.Td>
    </Table.Tr>
  );
}

/** The product a new product's rows make: its own fields once, from its first row, then a variant per row. */
function ProductRows({ entry, show }: { entry: Extract<ImportPreviewEntry, { kind: 'product' }>; show: Show }) {
  const lead = entry.rows[0]!;
  const title = lead.changes.title?.[1];
  const facts = ordered(lead.changes).filter(([field]) => PRODUCT_FIELDS.has(field) && field !== 'title');
  const count = entry.rows.length;
  return (
    <Table.Tbody>
      <Table.Tr bg="var(--mantine-color-default-hover)">
        <Table.Th colSpan={4} scope="rowgroup">
          <Text size="sm" fw={700} component="span">
            New product: {typeof title === 'string' && title ? title : entry.handle}
          </Text>{' '}
          <Text size="sm" c="dimmed" component="span">
            ({count} variant{count === 1 ? '' : 's'})
          </Text>
          <Text size="sm" fw={400}>
            {facts.map(([field, [, after]]) => `${FIELD_LABELS[field] ?? field}: ${show(field, after)}`).join(' · ')}
          </Text>
        </Table.Th>
      </Table.Tr>
      {entry.rows.map((row) => (
        <RowCells key={row.row} row={row} show={show} skip={PRODUCT_FIELDS} nested />
      ))}
    </Table.Tbody>
  );
}

/** What every row of the file does: the fields it sets or changes, or its errors; a new product's rows under it. */
export function ImportPreview({ rows }: { rows: readonly ImportRow[] }) {
  const show = useShow();
  const entries = useMemo(() => groupImportRows(rows), [rows]);
  return (
    <HorizontalScroller label="Import rows" minWidth={600}>
      <Table aria-label="Import rows" verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Line</Table.Th>
            <Table.Th>SKU</Table.Th>
            <Table.Th>Action</Table.Th>
            <Table.Th>What it sets, or errors</Table.Th>
          </Table.Tr>
        </Table.Thead>
        {entries.map((entry) =>
          entry.kind === 'product' ? (
            <ProductRows key={`p:${entry.handle}`} entry={entry} show={show} />
          ) : (
            <Table.Tbody key={entry.row.row}>
              <RowCells row={entry.row} show={show} />
            </Table.Tbody>
          ),
        )}
      </Table>
    </HorizontalScroller>
  );
}
