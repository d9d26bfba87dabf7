/**
 * The columns of a product import CSV and the rules of one row, shared by the
 * server that imports and the screen that offers the template. A row names a
 * variant by SKU: a known SKU updates it (an empty cell leaves a field as it
 * is), an unknown one creates a product with that single variant.
 */
import { parseDollars } from './values/money';
import { isValidUpcA } from './values/upc';
import { MAX_CENTS, PRODUCT_STATUSES, type ProductStatus } from './constants';

export const IMPORT_COLUMNS = ['sku', 'title', 'category', 'status', 'price', 'compare_at_price', 'cost', 'barcode', 'tags'] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];

export const IMPORT_TEMPLATE_ROWS: Record<ImportColumn, string>[] = [
  {
    sku: 'VOLT-PB-10K-BLK',
    title: 'Volt 10,000 mAh Power Bank',
    category: 'Power',
    status: 'draft',
    price: '39.99',
    compare_at_price: '',
    cost: '18.50',
    barcode: '',
    tags: 'usb-c; travel',
  },
];

/** What a row asks for; undefined: leave as it is (or, for a new product, required where noted). */
export type ImportFields = {
  sku: string;
  title?: string;
  /** A category id or name, as written; the server resolves it. */
  category?: string;
  status?: ProductStatus;
  price?: number;
  compareAtPrice?: number;
  cost?: number;
  barcode?: string;
  tags?: string[];
};

export type ImportCellError = { column: ImportColumn | 'file'; message: string };

/**
 * Undoes the formula guard of an export: a cell written as `'=…` reads back as `=…`,
 * so a file exported by this app imports unchanged.
 */
export function unguardCell(value: string): string {
  return /^'[=+\-@\t\r]/.test(value) ? value.slice(1) : value;
}

function money(text: string, column: ImportColumn, errors: ImportCellError[]): number | undefined {
  if (text === '') return undefined;
  const cents = parseDollars(text);
  if (cents === null || cents > MAX_CENTS) {
    errors.push({ column, message: `“${text}” is not an amount in dollars, like 19.99` });
    return undefined;
  }
  return cents;
}

/** Reads one row's cells (already trimmed); the shop-wide checks (SKU owner, category) are the server's. */
export function parseImportRow(cells: Readonly<Record<string, string | undefined>>): { fields: ImportFields; errors: ImportCellError[] } {
  const errors: ImportCellError[] = [];
  const cell = (c: ImportColumn) => unguardCell((cells[c] ?? '').trim());
  const sku = cell('sku');
  if (!sku) errors.push({ column: 'sku', message: 'Enter a SKU' });
  else if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(sku) || sku.length > 40)
    errors.push({ column: 'sku', message: 'Letters, digits, dot, dash and underscore only, up to 40' });
  const fields: ImportFields = { sku };
  const title = cell('title');
  if (title) {
    if (title.length > 150) errors.push({ column: 'title', message: 'Keep the title under 150 characters' });
    else fields.title = title;
  }
  const category = cell('category');
  if (category) fields.category = category;
  const status = cell('status').toLowerCase();
  if (status) {
    if ((PRODUCT_STATUSES as readonly string[]).includes(status)) fields.status = status as ProductStatus;
    else errors.push({ column: 'status', message: `Status is one of ${PRODUCT_STATUSES.join(', ')}` });
  }
  const price = money(cell('price'), 'price', errors);
  if (price !== undefined) {
    if (price < 1) errors.push({ column: 'price', message: 'Enter a price above $0.00' });
    else fields.price = price;
  }
  fields.compareAtPrice = money(cell('compare_at_price'), 'compare_at_price', errors);
  fields.cost = money(cell('cost'), 'cost', errors);
  const barcode = cell('barcode');
  if (barcode) {
    if (!/^\d{12}$/.test(barcode)) errors.push({ column: 'barcode', message: 'A UPC-A barcode is 12 digits' });
    else if (!isValidUpcA(barcode)) errors.push({ column: 'barcode', message: 'The check digit does not match: check the barcode' });
    else fields.barcode = barcode;
  }
  const tags = cell('tags');
  if (tags)
    fields.tags = [
      ...new Set(
        tags
          .split(/[;|]/)
          .map((t) => t.trim())
          .filter(Boolean),
      ),
    ];
  for (const key of Object.keys(fields) as (keyof ImportFields)[]) if (fields[key] === undefined) delete fields[key];
  return { fields, errors };
}
