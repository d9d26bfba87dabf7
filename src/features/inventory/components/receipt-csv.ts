import Papa from 'papaparse';

export type ReceiptRowText = { sku: string; location: string; quantity: string };

export const RECEIPT_COLUMNS = ['sku', 'location', 'quantity'] as const;

/** A file to start from: the header, and an example row per warehouse (by id, which needs no quoting). */
export function receiptTemplate(locationIds: readonly string[]): string {
  const rows = (locationIds.length ? locationIds : ['edison-nj']).map((id) => `EXAMPLE-SKU,${id},0`);
  return ['sku,location,quantity', ...rows, ''].join('\r\n');
}

/**
 * A delivery file's rows as text, exactly as the file has them: the API checks
 * every value and says per row and column what is wrong. Only the header is
 * checked here, since without the three columns there are no rows to speak of.
 */
export function readReceiptCsv(text: string): { rows: ReceiptRowText[] } | { error: string } {
  const parsed = Papa.parse<Record<string, string | undefined>>(text.replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: 'greedy',
    transformHeader: (h) => h.trim().toLowerCase(),
  });
  const fields = parsed.meta.fields ?? [];
  const missing = RECEIPT_COLUMNS.filter((c) => !fields.includes(c));
  if (missing.length) {
    return {
      error: `The file needs a header row with the columns sku, location and quantity (missing: ${missing.join(', ')}). Download the template to start from.`,
    };
  }
  const rows = parsed.data.map((r) => ({ sku: r.sku ?? '', location: r.location ?? '', quantity: r.quantity ?? '' }));
  if (rows.length === 0) return { error: 'The file has a header but no rows.' };
  return { rows };
}
