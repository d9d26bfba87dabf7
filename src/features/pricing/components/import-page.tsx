import { Alert, Badge, Button, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMemo, useRef, useState } from 'react';
import { newIdempotencyKey } from '@/api/client';
import type { ProductImportResult } from '@/contract/pricing-schemas';
import { IMPORT_COLUMNS, IMPORT_TEMPLATE_ROWS } from '@/contract/product-import';
import { PageHeader } from '@/components/page-header';
import { downloadText, toCsv } from '@/lib/csv';
import { useImportProducts } from '../api/pricing-mutations';
import { groupImportRows, ImportPreview } from './import-preview';
import { FileDrop } from '@/components/file-drop/file-drop';

const SHOWN_ROWS = 500;

function downloadTemplate() {
  downloadText(
    'product-import-template.csv',
    toCsv(
      IMPORT_TEMPLATE_ROWS,
      IMPORT_COLUMNS.map((c) => ({ header: c, value: (r: (typeof IMPORT_TEMPLATE_ROWS)[number]) => r[c] })),
    ),
  );
}

/** A CSV of products: a dry run first (what every row would do, every error by row and column), then all rows or none. */
export function ImportPage() {
  const [file, setFile] = useState<File | null>(null);
  const [csv, setCsv] = useState<string | null>(null);
  const [result, setResult] = useState<ProductImportResult | null>(null);
  const key = useRef<string | null>(null);
  const importing = useImportProducts();

  const choose = async (next: File | null) => {
    setFile(next);
    setResult(null);
    key.current = null;
    const text = next ? await next.text() : null;
    setCsv(text);
    if (text)
      importing.mutate(
        { csv: text, dryRun: true },
        {
          onSuccess: setResult,
          onError: (e) => notifications.show({ color: 'red', title: 'The file could not be checked', message: e.message }),
        },
      );
  };

  const apply = () => {
    if (!csv) return;
    key.current ??= newIdempotencyKey();
    importing.mutate(
      { csv, dryRun: false, idempotencyKey: key.current },
      {
        onSuccess: (done) => {
          setResult(done);
          notifications.show({ color: 'green', title: 'Products imported', message: `${done.created} created, ${done.updated} updated` });
        },
        onError: (e) => notifications.show({ color: 'red', title: 'Nothing was imported', message: e.message }),
      },
    );
  };

  const errors = result?.errors ?? [];
  const newProducts = useMemo(
    () =>
      result ? groupImportRows(result.rows).filter((e) => e.kind === 'product' && e.rows.some((r) => r.action === 'create')).length : 0,
    [result],
  );
  return (
    <>
      <PageHeader
        title="Import products"
        description="Create or update products and their variants from a CSV, by SKU"
        actions={
          <Button variant="default" onClick={downloadTemplate}>
            Download template
          </Button>
        }
      />
      <Stack gap="md">
        <Text size="sm">
          Columns: {IMPORT_COLUMNS.join(', ')}. A known SKU updates its variant and product (an empty cell leaves the field as it is); a new
          SKU creates a product (title, category and price required). Rows with the same handle are one new product with a variant each: the
          first row gives its title, category, status, tags and option names, every row its option values. A row without a handle is a
          product of its own. Prices in dollars, tags separated by “;”.
        </Text>
        <FileDrop
          label="CSV file"
          accept=".csv,text/csv"
          wrongKind="Choose a CSV file (.csv)."
          file={file && { name: file.name, size: file.size }}
          onFile={(chosen) => void choose(chosen)}
        />
        {result && (
          <>
            <Group gap="sm">
              <Badge color="green" variant="dot">
                {result.created} to create
                {newProducts ? ` (${newProducts} new product${newProducts === 1 ? '' : 's'})` : ''}
              </Badge>
              <Badge color="blue" variant="dot">
                {result.updated} to update
              </Badge>
              <Badge color="gray" variant="dot">
                {result.unchanged} unchanged
              </Badge>
              <Badge color="red" variant="dot">
                {errors.length} errors
              </Badge>
            </Group>
            {result.applied ? (
              <Alert color="green" title="Imported">
                Every row was applied.
              </Alert>
            ) : errors.length ? (
              <Alert color="red" title="Fix the file, then choose it again" role="alert">
                Nothing is imported while any row has an error: the file applies all at once or not at all.
              </Alert>
            ) : (
              <Group>
                <Button onClick={apply} loading={importing.isPending} disabled={result.created + result.updated === 0}>
                  Import {result.created + result.updated} rows
                </Button>
              </Group>
            )}
            <ImportPreview rows={result.rows.slice(0, SHOWN_ROWS)} />
            {errors.some((e) => e.row === 1) && (
              <Text size="sm" c="red">
                {errors
                  .filter((e) => e.row === 1)
                  .map((e) => `${e.column}: ${e.message}`)
                  .join(' · ')}
              </Text>
            )}
            {result.rows.length > SHOWN_ROWS && (
              <Text size="sm" c="dimmed">
                The first {SHOWN_ROWS} of {result.rows.length} rows are shown.
              </Text>
            )}
          </>
        )}
      </Stack>
    </>
  );
}
