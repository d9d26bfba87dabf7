import { Alert, Button, Group, Stack, Table, Text, Textarea, TextInput, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery } from '@tanstack/react-query';
import { referenceQueries } from '@/api/reference-queries';
import { useNavigate } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { ApiError } from '@/api/api-error';
import type { ReceiptResult, ReceiptRowResult } from '@/contract/stock-schemas';
import { AnchorLink } from '@/components/anchor-link';
import { useCan } from '@/components/current-user';
import { PageHeader } from '@/components/page-header';
import { UnsavedChangesGuard } from '@/components/unsaved-changes-guard';
import { downloadText } from '@/lib/csv';
import { useReceiveDelivery } from '../api/inventory-mutations';
import { useAttemptKey } from '@/components/use-attempt-key';
import { readReceiptCsv, RECEIPT_COLUMNS, receiptTemplate, type ReceiptRowText } from './receipt-csv';
import { formatUnits } from './stock-labels';
import classes from './receive-page.module.css';
import { HorizontalScroller } from '@/components/scroller/horizontal-scroller';
import { FileDrop } from '@/components/file-drop/file-drop';

/** A file's rows as checked, and the purchase order they were checked against ('' for none). */
type Checked = { rows: ReceiptRowText[]; result: ReceiptResult; purchaseOrder: string };

const COLUMN_LABELS = { sku: 'SKU', location: 'Location', quantity: 'Quantity' } as const;

/**
 * Receiving a delivery from a CSV file: a dry run checks every row and changes
 * nothing; Apply sends the whole file once (one Idempotency-Key for this file,
 * kept for a double click or a retry) and the API applies all of it or none.
 */
export function ReceivePage() {
  const canEdit = useCan('stock.edit');
  const navigate = useNavigate();
  const locations = useQuery(referenceQueries.locations());
  const check = useReceiveDelivery();
  const apply = useReceiveDelivery();
  const attempt = useAttemptKey();
  const [file, setFile] = useState<{ name: string; size: number } | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [note, setNote] = useState('');
  // Optional: a delivery against a purchase order is held to its lines and recorded on it.
  const [purchaseOrder, setPurchaseOrder] = useState('');
  const [purchaseOrderError, setPurchaseOrderError] = useState<string | null>(null);
  const [checked, setChecked] = useState<Checked | null>(null);
  // The file's rows as read, kept to check again against another purchase order.
  const [fileRows, setFileRows] = useState<ReceiptRowText[] | null>(null);
  const [applyError, setApplyError] = useState<string | null>(null);
  const [applied, setApplied] = useState(false);
  // Back to the list once the guard below has seen that nothing is left unapplied.
  useEffect(() => {
    if (applied) void navigate({ to: '/inventory' });
  }, [applied, navigate]);

  async function dryRun(rows: ReceiptRowText[]) {
    setChecked(null);
    setApplyError(null);
    setPurchaseOrderError(null);
    const against = purchaseOrder.trim();
    try {
      const result = await check.mutateAsync({ input: { rows, note, dryRun: true, purchaseOrder: against || undefined } });
      setChecked({ rows, result, purchaseOrder: against });
    } catch (error) {
      // A purchase order that does not exist or takes no deliveries is told beside its field, not as the file's fault.
      const poProblem = error instanceof ApiError ? error.fieldErrors.purchaseOrder : undefined;
      if (poProblem) return setPurchaseOrderError(poProblem);
      setFileError(error instanceof ApiError ? messageOf(error) : 'The file could not be checked. Try again.');
    }
  }

  async function chooseFile(chosen: File | null) {
    setChecked(null);
    setApplyError(null);
    setFileError(null);
    setFile(chosen && { name: chosen.name, size: chosen.size });
    setFileRows(null);
    if (!chosen) return;
    const read = readReceiptCsv(await chosen.text());
    if ('error' in read) return setFileError(read.error);
    setFileRows(read.rows);
    await dryRun(read.rows);
  }

  async function applyFile() {
    if (!checked) return;
    setApplyError(null);
    // Applied against the purchase order it was checked against, whatever the field says since.
    const input = { rows: checked.rows, note, dryRun: false, purchaseOrder: checked.purchaseOrder || undefined };
    try {
      const result = await apply.mutateAsync({ input, idempotencyKey: attempt.keyFor(input) });
      if (!result.applied) {
        setChecked({ ...checked, result });
        return setApplyError('Nothing was applied: some rows are wrong. Fix them in the file and choose it again.');
      }
      attempt.reset();
      notifications.show({
        color: 'green',
        title: 'Delivery received',
        message: `${formatUnits(result.units)} units in ${formatUnits(result.okRows)} row${result.okRows === 1 ? '' : 's'} from ${file?.name ?? 'the file'}`,
      });
      setChecked(null);
      setFile(null);
      setFileRows(null);
      setApplied(true);
    } catch (error) {
      if (error instanceof ApiError && error.status === 422 && Object.keys(error.fieldErrors).length) {
        // The file went wrong between the check and now (a SKU archived, say): show where, apply nothing.
        if (error.fieldErrors.purchaseOrder) setPurchaseOrderError(error.fieldErrors.purchaseOrder);
        setChecked({ ...checked, result: withRowErrors(checked.result, error.fieldErrors) });
        return setApplyError('Nothing was applied: some rows are wrong now. Fix them in the file and choose it again.');
      }
      // The same file, sent again, carries the same key: the API applies it at most once.
      setApplyError(
        `${error instanceof Error ? error.message : 'The delivery was not applied.'} Nothing was applied twice; you can try again.`,
      );
    }
  }

  const result = checked?.result;
  const wrongRows = result?.errorRows ?? 0;
  // A purchase order typed after the check has not been checked against: check again first.
  const poChanged = checked !== null && checked.purchaseOrder !== purchaseOrder.trim();
  const canApply = canEdit && result !== undefined && wrongRows === 0 && !check.isPending && !poChanged;

  return (
    <>
      <UnsavedChangesGuard when={checked !== null && !apply.isPending} />
      <AnchorLink to="/inventory" size="sm">
        ← Inventory
      </AnchorLink>
      <PageHeader
        title="Receive delivery"
        description="Check a delivery file row by row, then add it to stock all at once"
        actions={
          <Button
            variant="default"
            onClick={() => downloadText('delivery-template.csv', receiptTemplate((locations.data?.items ?? []).map((l) => l.id)))}
          >
            Download template
          </Button>
        }
      />
      {!canEdit && (
        <Alert color="gray" title="View only" mb="md">
          Your role can see stock but not change it. Merchandisers, managers and admins receive deliveries.
        </Alert>
      )}
      <Stack gap="md" maw={960}>
        <Text size="sm">
          A CSV file with a header row <code>{RECEIPT_COLUMNS.join(',')}</code>: one row per SKU and location; the location is its id (
          {(locations.data?.items ?? []).map((l) => l.id).join(', ') || 'edison-nj'}) or its name in quotes (&quot;Edison, NJ&quot;); the
          quantity is the units received.
        </Text>
        <Group align="flex-end" gap="md" wrap="wrap">
          <FileDrop
            label="Delivery file (CSV)"
            accept=".csv,text/csv"
            wrongKind="Choose a CSV file (.csv)."
            file={file}
            onFile={(chosen) => void chooseFile(chosen)}
            error={fileError}
            required
            disabled={!canEdit}
          />
          <TextInput
            label="Against purchase order"
            placeholder="PO-1001 (optional)"
            w={220}
            maxLength={20}
            value={purchaseOrder}
            disabled={!canEdit}
            error={purchaseOrderError}
            onChange={(e) => {
              setPurchaseOrder(e.currentTarget.value);
              setPurchaseOrderError(null);
            }}
            // Leaving the field checks the file again against the order named (or none), so the rows say what applies.
            onBlur={() => {
              if (fileRows && !check.isPending && (checked?.purchaseOrder ?? null) !== purchaseOrder.trim()) void dryRun(fileRows);
            }}
          />
          <Textarea
            label="Note"
            placeholder="Supplier, packing slip number…"
            autosize
            minRows={1}
            maxRows={3}
            w={320}
            value={note}
            disabled={!canEdit}
            onChange={(e) => setNote(e.currentTarget.value)}
          />
        </Group>
        {check.isPending && <Text size="sm">Checking {file?.name}…</Text>}
        {result && checked && (
          <>
            <Alert
              color={wrongRows ? 'red' : 'green'}
              title={
                wrongRows
                  ? `${wrongRows} of ${result.rows.length} rows need fixing`
                  : result.rows.length === 1
                    ? 'The row is ready'
                    : `All ${result.rows.length} rows are ready`
              }
              role={wrongRows ? 'alert' : 'status'}
            >
              {wrongRows
                ? 'Nothing has been applied. Fix the rows marked below in the file and choose it again.'
                : `${formatUnits(result.units)} units will be added to stock. Nothing has been applied yet.`}
            </Alert>
            {applyError && (
              <Alert color="red" title="Not applied" role="alert">
                {applyError}
              </Alert>
            )}
            {poChanged && (
              <Text size="sm" c="dimmed">
                The purchase order changed since the file was checked: check again before applying.
              </Text>
            )}
            <Group>
              <Button onClick={() => void applyFile()} disabled={!canApply} loading={apply.isPending}>
                Apply delivery
              </Button>
              <Button variant="default" disabled={check.isPending} onClick={() => void dryRun(checked.rows)}>
                Check again
              </Button>
            </Group>
            <ReceiptRows rows={result.rows} />
          </>
        )}
      </Stack>
    </>
  );
}

function ReceiptRows({ rows }: { rows: ReceiptRowResult[] }) {
  return (
    <HorizontalScroller label="Delivery rows" minWidth={640}>
      <Table aria-label="Delivery rows" verticalSpacing={4}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Line</Table.Th>
            <Table.Th>SKU</Table.Th>
            <Table.Th>Location</Table.Th>
            <Table.Th>Quantity</Table.Th>
            <Table.Th>Product</Table.Th>
            <Table.Th>Check</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.line} data-wrong={row.ok ? undefined : true}>
              <Table.Td>{row.line}</Table.Td>
              {RECEIPT_COLUMNS.map((column) => (
                <Table.Td key={column}>
                  <span className={classes.raw}>{row[column] || '—'}</span>
                  {row.errors[column] && (
                    <span className={classes.cellError}>
                      <VisuallyHidden>{COLUMN_LABELS[column]}: </VisuallyHidden>
                      {row.errors[column]}
                    </span>
                  )}
                </Table.Td>
              ))}
              <Table.Td>{row.title ?? ''}</Table.Td>
              <Table.Td>{row.ok ? <span className={classes.ok}>OK</span> : <span className={classes.wrong}>Fix</span>}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </HorizontalScroller>
  );
}

/** A 422's `rows.<index>.<column>` messages, put on the rows they name. */
function withRowErrors(result: ReceiptResult, errors: Record<string, string>): ReceiptResult {
  const rows = result.rows.map((row) => ({ ...row, errors: { ...row.errors } }));
  for (const [path, message] of Object.entries(errors)) {
    const match = /^rows\.(\d+)\.(\w+)$/.exec(path);
    const row = match ? rows[Number(match[1])] : undefined;
    if (!row || !match) continue;
    row.errors[match[2]!] = message;
    row.ok = false;
  }
  const errorRows = rows.filter((r) => !r.ok).length;
  return { ...result, rows, errorRows, okRows: rows.length - errorRows };
}

function messageOf(error: ApiError): string {
  const fields = Object.values(error.fieldErrors);
  return fields.length ? fields.join(' ') : error.message;
}
