/**
 * CSV import of products: every row checked against the file and the shop,
 * a dry run that says what each row would do, and an apply that writes all
 * rows in one `db.write` or none of them.
 */
import Papa from 'papaparse';
import { IMPORT_COLUMNS, parseImportRow, type ImportFields } from '../src/api/product-import';
import type { ImportError, ImportRow, ProductImportResult } from '../src/api/pricing-schemas';
import type { Product, Variant } from '../src/api/schemas';
import { toHandle } from '../src/lib/handle';
import { LOCATIONS } from './catalogue';
import { ProblemError, validationProblem } from './problems';
import { emptyLevels, type ProductRecord } from './records';
import type { Actor, MockDb, WriteTx } from './store';

const MAX_ROWS = 10_000;

type Planned = { row: ImportRow; fields: ImportFields; owner: { product: Product; variant: Variant } | undefined; categoryId?: string };

function resolveCategory(db: MockDb, text: string): string | undefined {
  const key = text.trim().toLowerCase();
  return db.categories().find((c) => c.id === key || c.name.toLowerCase() === key)?.id;
}

/** Reads and checks the whole file against the shop as it is now. */
function planImport(db: MockDb, csv: string): { planned: Planned[]; errors: ImportError[] } {
  const parsed = Papa.parse<Record<string, string>>(csv.replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: 'greedy',
    transformHeader: (h) => h.trim().toLowerCase(),
  });
  const errors: ImportError[] = [];
  const fields = parsed.meta.fields ?? [];
  if (!fields.includes('sku')) errors.push({ row: 1, column: 'sku', message: 'The file needs a “sku” column (download the template)' });
  for (const name of fields) {
    if (!(IMPORT_COLUMNS as readonly string[]).includes(name))
      errors.push({ row: 1, column: name, message: `Unknown column; the columns are ${IMPORT_COLUMNS.join(', ')}` });
  }
  if (parsed.data.length > MAX_ROWS)
    errors.push({ row: 1, column: 'file', message: `Up to ${MAX_ROWS.toLocaleString('en-US')} rows at a time` });
  if (errors.length) return { planned: [], errors };

  const skuRows = new Map<string, number>();
  const barcodeRows = new Map<string, number>();
  const handles = new Set<string>();
  /** Product-level fields set by an earlier row of the same product: two rows must agree. */
  const productFields = new Map<string, { line: number; fields: ImportFields }>();
  const planned: Planned[] = parsed.data.map((cells, i) => {
    const line = i + 2;
    const { fields: f, errors: cellErrors } = parseImportRow(cells);
    const rowErrors: ImportError[] = cellErrors.map((e) => ({ row: line, ...e }));
    const add = (column: string, message: string) => rowErrors.push({ row: line, column, message });
    const skuKey = f.sku.toUpperCase();
    const first = skuRows.get(skuKey);
    if (f.sku && first !== undefined) add('sku', `The same SKU is on line ${first}`);
    skuRows.set(skuKey, first ?? line);
    const owner = f.sku ? db.ownerOfSku(f.sku) : undefined;

    let categoryId: string | undefined;
    if (f.category !== undefined) {
      categoryId = resolveCategory(db, f.category);
      if (!categoryId) add('category', `No category is called “${f.category}”`);
    }
    if (f.barcode) {
      const barcodeOwner = db.ownerOfBarcode(f.barcode);
      const seen = barcodeRows.get(f.barcode);
      if (seen !== undefined) add('barcode', `The same barcode is on line ${seen}`);
      else if (barcodeOwner && barcodeOwner.variant.id !== owner?.variant.id) add('barcode', `Already used by ${barcodeOwner.variant.sku}`);
      barcodeRows.set(f.barcode, seen ?? line);
    }

    const changes: Record<string, [unknown, unknown]> = {};
    let action: ImportRow['action'];
    if (owner) {
      const { product: p, variant: v } = owner;
      const compare = (key: string, before: unknown, after: unknown) => {
        if (after !== undefined && JSON.stringify(before) !== JSON.stringify(after)) changes[key] = [before, after];
      };
      compare('title', p.title, f.title);
      compare('category', p.categoryId, categoryId);
      compare('status', p.status, f.status);
      compare('tags', p.tags, f.tags);
      compare('price', v.price, f.price);
      compare('compareAtPrice', v.compareAtPrice, f.compareAtPrice);
      compare('cost', v.cost, f.cost);
      compare('barcode', v.barcode, f.barcode);
      const price = f.price ?? v.price;
      const compareAt = f.compareAtPrice ?? v.compareAtPrice;
      if (compareAt !== null && compareAt <= price)
        add(f.compareAtPrice !== undefined ? 'compare_at_price' : 'price', 'Compare-at price must be above the price');
      const earlier = productFields.get(p.id);
      if (earlier) {
        for (const key of ['title', 'category', 'status', 'tags'] as const) {
          const a = key === 'category' ? earlier.fields.category && resolveCategory(db, earlier.fields.category) : earlier.fields[key];
          const b = key === 'category' ? categoryId : f[key];
          if (a !== undefined && b !== undefined && JSON.stringify(a) !== JSON.stringify(b))
            add(key, `Line ${earlier.line} sets a different ${key} for the same product`);
        }
      } else productFields.set(p.id, { line, fields: f });
      action = Object.keys(changes).length ? 'update' : 'unchanged';
    } else {
      if (!f.title) add('title', 'A new product needs a title');
      if (f.category === undefined) add('category', 'A new product needs a category');
      if (f.price === undefined) add('price', 'A new product needs a price');
      if (f.compareAtPrice !== undefined && f.price !== undefined && f.compareAtPrice <= f.price)
        add('compare_at_price', 'Compare-at price must be above the price');
      if (f.title) {
        const handle = uniqueHandle(db, toHandle(f.title) || 'product', handles);
        handles.add(handle);
      }
      changes.title = [null, f.title ?? null];
      changes.price = [null, f.price ?? null];
      action = 'create';
    }
    if (rowErrors.length) action = 'error';
    errors.push(...rowErrors);
    return {
      row: { row: line, sku: f.sku, action, productId: owner?.product.id ?? null, changes, errors: rowErrors },
      fields: f,
      owner,
      categoryId,
    };
  });
  return { planned, errors };
}

function uniqueHandle(db: MockDb, base: string, taken: ReadonlySet<string>): string {
  for (let n = 1; ; n++) {
    const handle = n === 1 ? base : `${base.slice(0, 76)}-${n}`;
    if (!taken.has(handle) && db.productIdByHandle(handle) === undefined) return handle;
  }
}

function applyPlanned(db: MockDb, tx: WriteTx, planned: readonly Planned[]): void {
  const handles = new Set<string>();
  const updates = new Map<string, ProductRecord>();
  for (const { fields: f, owner, categoryId, row } of planned) {
    if (row.action === 'unchanged') continue;
    if (owner) {
      const record = updates.get(owner.product.id) ?? tx.get(owner.product.id);
      if (!record) continue;
      const p = record.product;
      const variants = p.variants.map((v) =>
        v.id !== owner.variant.id
          ? v
          : {
              ...v,
              price: f.price ?? v.price,
              compareAtPrice: f.compareAtPrice ?? v.compareAtPrice,
              cost: f.cost ?? v.cost,
              barcode: f.barcode ?? v.barcode,
              version: v.version + 1,
            },
      );
      const product: Product = {
        ...p,
        title: f.title ?? p.title,
        categoryId: categoryId ?? p.categoryId,
        status: f.status ?? p.status,
        tags: f.tags ?? p.tags,
        variants,
        updatedAt: tx.now,
        version: updates.has(p.id) ? p.version : p.version + 1,
      };
      updates.set(p.id, { ...record, product });
    } else {
      const id = tx.newProductId();
      const title = f.title ?? f.sku;
      const handle = uniqueHandle(db, toHandle(title) || 'product', handles);
      handles.add(handle);
      const variant: Variant = {
        id: tx.newVariantId(),
        productId: id,
        optionValues: [],
        sku: f.sku,
        barcode: f.barcode ?? null,
        price: f.price ?? 0,
        compareAtPrice: f.compareAtPrice ?? null,
        cost: f.cost ?? null,
        weightGrams: null,
        stock: 0,
        version: 1,
      };
      const product: Product = {
        id,
        title,
        handle,
        description: '',
        categoryId: categoryId ?? '',
        tags: f.tags ?? [],
        status: f.status ?? 'draft',
        images: [],
        options: [],
        variants: [variant],
        createdAt: tx.now,
        updatedAt: tx.now,
        version: 1,
      };
      tx.put({ product, levels: [emptyLevels(LOCATIONS.length)] });
    }
  }
  for (const record of updates.values()) tx.put(record);
}

function summarise(planned: readonly Planned[], errors: ImportError[], dryRun: boolean, applied: boolean): ProductImportResult {
  const count = (action: ImportRow['action']) => planned.filter((p) => p.row.action === action).length;
  return {
    dryRun,
    applied,
    created: count('create'),
    updated: count('update'),
    unchanged: count('unchanged'),
    errors,
    rows: planned.map((p) => p.row),
  };
}

export function dryRunImport(db: MockDb, csv: string): ProductImportResult {
  const { planned, errors } = planImport(db, csv);
  return summarise(planned, errors, true, false);
}

export async function applyImport(
  db: MockDb,
  actor: Actor,
  csv: string,
  idempotency: { key: string; fingerprint: string },
): Promise<ProductImportResult> {
  const { result } = await db.write({ actor, permission: 'products.edit', action: 'imported', idempotency }, (tx) => {
    // Checked again inside the write: the shop may have changed since the dry run.
    const { planned, errors } = planImport(db, csv);
    if (errors.length) {
      const byField: Record<string, string> = {};
      for (const e of errors.slice(0, 50)) byField[`rows.${e.row}.${e.column}`] ??= e.message;
      throw validationProblem(byField, `${errors.length} problem${errors.length === 1 ? '' : 's'} in the file. Nothing was imported.`);
    }
    if (!planned.some((p) => p.row.action === 'create' || p.row.action === 'update')) {
      throw new ProblemError({ status: 422, title: 'Nothing to import', detail: 'Every row matches the shop already.' });
    }
    applyPlanned(db, tx, planned);
    const summary = summarise(planned, [], false, true);
    if (planned.length > 200) {
      tx.auditAs({
        entityType: 'product',
        entityId: 'import',
        entityLabel: 'CSV import',
        before: {},
        after: { created: summary.created, updated: summary.updated },
      });
    }
    return summary;
  });
  return result;
}
