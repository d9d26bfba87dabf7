/**
 * The columns of a product import CSV and the rules of one row, shared by the
 * server that imports and the screen that offers the template. A row names a
 * variant by SKU: a known SKU updates it (an empty cell leaves a field as it
 * is), an unknown one creates a product. Rows that share a handle (Shopify's
 * layout) are one new product, a variant each, its options as columns; a row
 * without a handle is a product of its own, as files made before handles were.
 */
import { parseDollars } from './values/money';
import { isValidUpcA } from './values/upc';
import { HANDLE_PATTERN } from './values/handle';
import { MAX_CENTS, PRODUCT_STATUSES, type ProductStatus } from './constants';

export const IMPORT_COLUMNS = [
  'handle',
  'sku',
  'title',
  'category',
  'status',
  'price',
  'compare_at_price',
  'cost',
  'barcode',
  'tags',
  'option1_name',
  'option1_value',
  'option2_name',
  'option2_value',
] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];

const TEMPLATE_EMPTY = Object.fromEntries(IMPORT_COLUMNS.map((c) => [c, ''])) as Record<ImportColumn, string>;

/** A product with two variants (the handle's first row names the product and its options), then a product of one SKU. */
export const IMPORT_TEMPLATE_ROWS: Record<ImportColumn, string>[] = [
  {
    ...TEMPLATE_EMPTY,
    handle: 'volt-10000-mah-power-bank',
    sku: 'VOLT-PB-10K-BLK',
    title: 'Volt 10,000 mAh Power Bank',
    category: 'Power',
    status: 'draft',
    price: '39.99',
    cost: '18.50',
    tags: 'usb-c; travel',
    option1_name: 'Color',
    option1_value: 'Black',
  },
  {
    ...TEMPLATE_EMPTY,
    handle: 'volt-10000-mah-power-bank',
    sku: 'VOLT-PB-10K-WHT',
    price: '39.99',
    cost: '18.50',
    option1_name: 'Color',
    option1_value: 'White',
  },
  { ...TEMPLATE_EMPTY, sku: 'LOOP-USBC-1M', title: 'Loop USB-C Cable 1 m', category: 'Cables & Chargers', price: '12.99', cost: '3.20' },
];

/** The option columns, in order: option k is `option{k}_name` and `option{k}_value`. */
export const IMPORT_OPTION_COLUMNS = [
  ['option1_name', 'option1_value'],
  ['option2_name', 'option2_value'],
] as const satisfies readonly (readonly [ImportColumn, ImportColumn])[];

/** What a row asks for; undefined: leave as it is (or, for a new product, required where noted). */
export type ImportFields = {
  /** Rows with the same handle are one product. */
  handle?: string;
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
  /** In column order; a name left empty ('') takes the name on the handle's first row. */
  options?: { name: string; value: string }[];
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
  const handle = cell('handle').toLowerCase();
  if (handle) {
    if (!HANDLE_PATTERN.test(handle) || handle.length > 80)
      errors.push({ column: 'handle', message: 'Lower-case letters, digits and single dashes, up to 80, like volt-power-bank' });
    else fields.handle = handle;
  }
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
  const options: { name: string; value: string }[] = [];
  const optionNames = new Set<string>();
  IMPORT_OPTION_COLUMNS.forEach(([nameColumn, valueColumn], k) => {
    const name = cell(nameColumn);
    const value = cell(valueColumn);
    if (!name && !value) return;
    if (options.length < k) errors.push({ column: nameColumn, message: `Fill option ${k} before option ${k + 1}` });
    else if (name.length > 30) errors.push({ column: nameColumn, message: 'Keep an option name to 30 characters' });
    else if (name && optionNames.has(name.toLowerCase())) errors.push({ column: nameColumn, message: 'Another option has this name' });
    else if (!value) errors.push({ column: valueColumn, message: `Enter a value for ${name}` });
    else if (value.length > 40) errors.push({ column: valueColumn, message: 'Keep an option value to 40 characters' });
    else {
      optionNames.add(name.toLowerCase());
      options.push({ name, value });
    }
  });
  if (options.length) fields.options = options;
  for (const key of Object.keys(fields) as (keyof ImportFields)[]) if (fields[key] === undefined) delete fields[key];
  return { fields, errors };
}
