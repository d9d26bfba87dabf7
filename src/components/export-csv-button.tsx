import { Button, Loader } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { ListResponse } from '@/contract/schemas';
import { downloadText, toCsv, type CsvColumn } from '@/lib/csv';

const PAGE = 500;

type ExportCsvButtonProps<T> = {
  filename: string;
  columns: readonly CsvColumn<T>[];
  /** One page of the current view; called until every matching row is in. */
  fetchPage: (offset: number, limit: number) => Promise<ListResponse<T>>;
};

/**
 * Exports every row of the current view, not only the visible page, by paging
 * through the API (which never sends everything at once), with progress.
 */
export function ExportCsvButton<T>({ filename, columns, fetchPage }: ExportCsvButtonProps<T>) {
  const [progress, setProgress] = useState<number | null>(null);

  async function run() {
    setProgress(0);
    try {
      const rows: T[] = [];
      let total = Infinity;
      while (rows.length < total) {
        const page = await fetchPage(rows.length, PAGE);
        total = page.total;
        rows.push(...page.items);
        if (page.items.length === 0) break;
        setProgress(Math.round((rows.length * 100) / Math.max(total, 1)));
      }
      downloadText(filename, toCsv(rows, columns));
      notifications.show({ color: 'green', title: 'Export ready', message: `${rows.length.toLocaleString('en-US')} rows in ${filename}` });
    } catch (error) {
      notifications.show({ color: 'red', title: 'Export failed', message: error instanceof Error ? error.message : 'Try again.' });
    } finally {
      setProgress(null);
    }
  }

  return (
    <Button
      variant="default"
      size="xs"
      onClick={run}
      disabled={progress !== null}
      leftSection={progress !== null ? <Loader size={12} /> : undefined}
    >
      {progress === null ? 'Export CSV' : `Exporting ${progress}%`}
    </Button>
  );
}
