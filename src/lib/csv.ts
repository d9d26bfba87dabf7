import Papa from 'papaparse';

export type CsvColumn<T> = { header: string; value: (row: T) => string | number | null };

/**
 * Rows to CSV text. Cells that a spreadsheet would run as a formula
 * (=, +, -, @ at the start) are escaped, so an exported title cannot execute.
 */
export function toCsv<T>(rows: readonly T[], columns: readonly CsvColumn<T>[]): string {
  return Papa.unparse(
    {
      fields: columns.map((c) => c.header),
      data: rows.map((row) => columns.map((c) => c.value(row) ?? '')),
    },
    { escapeFormulae: true, newline: '\r\n' },
  );
}

export function downloadText(filename: string, text: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
