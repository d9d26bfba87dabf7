/**
 * The rules of a product import beyond one row (src/contract/product-import.ts):
 * the file's header, every row checked against the file and the shop, what
 * each row would do, the products an apply writes, the answer and its
 * problems. Once for the mock (mocks/product-import.ts) and the server.
 *
 * Variants: rows with the same handle are one new product. Its first row names it
 * (title, category, status, tags) and its options; every row is a variant by SKU
 * with its option values (the same option names on every row, each combination
 * once). A row without a handle is a product of one variant, as before handles.
 */
import Papa from 'papaparse';
import { toHandle } from '../contract/values/handle';
import type { AuditDraft } from './audit-rules';
import type { ImportError, ImportRow, ProductImportResult } from '../contract/pricing-schemas';
import { IMPORT_COLUMNS, IMPORT_OPTION_COLUMNS, parseImportRow, type ImportFields } from '../contract/product-import';
import { ProblemError, validationProblem } from '../contract/problems';
import type { Product, Variant } from '../contract/schemas';

const MAX_ROWS = 10_000;

export type ImportOwner = { product: Product; variant: Variant };

/** What the planner asks of the shop, synchronously: the mock answers from memory, the server from what it read first. */
export type ImportShop = {
  ownerOfSku(sku: string): ImportOwner | undefined;
  ownerOfBarcode(barcode: string): ImportOwner | undefined;
  categories: readonly { id: string; name: string }[];
  handleTaken(handle: string): boolean;
};

export type PlannedImportRow = {
  row: ImportRow;
  fields: ImportFields;
  owner: ImportOwner | undefined;
  categoryId?: string;
  /** A new product's row: the option names its handle's first row gives (names left empty filled in). */
  optionNames?: string[];
};
type Planned = PlannedImportRow;

function resolveCategory(shop: ImportShop, text: string): string | undefined {
  const key = text.trim().toLowerCase();
  return shop.categories.find((c) => c.id === key || c.name.toLowerCase() === key)?.id;
}

/** The handles a file names outright: a handle made from a title steps around them. */
function namedHandles(planned: readonly { fields: ImportFields }[]): Set<string> {
  return new Set(planned.flatMap((p) => (p.fields.handle ? [p.fields.handle] : [])));
}

const sameText = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** The file's rows as cells by column (lower-cased headers), or the header problems. */
export function readImportCsv(csv: string): { rows: Record<string, string>[]; errors: ImportError[] } {
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
  return { rows: errors.length ? [] : parsed.data, errors };
}

/** Reads and checks the whole file against the shop as it is now. */
export function planImport(shop: ImportShop, csv: string): { planned: Planned[]; errors: ImportError[] } {
  const { rows, errors } = readImportCsv(csv);
  if (errors.length) return { planned: [], errors };

  const skuRows = new Map<string, number>();
  const barcodeRows = new Map<string, number>();
  /** Product-level fields set by an earlier row of the same product: two rows must agree. */
  const productFields = new Map<string, { line: number; fields: ImportFields }>();
  const parsedRows = rows.map((cells) => parseImportRow(cells));
  const handles = namedHandles(parsedRows);
  /** A handle's first row (it names the product) and the option combinations seen under it. */
  const groups = new Map<string, { line: number; fields: ImportFields; categoryId?: string; combos: Map<string, number> }>();
  const planned: Planned[] = parsedRows.map(({ fields: f, errors: cellErrors }, i) => {
    const line = i + 2;
    const rowErrors: ImportError[] = cellErrors.map((e) => ({ row: line, ...e }));
    const add = (column: string, message: string) => rowErrors.push({ row: line, column, message });
    const skuKey = f.sku.toUpperCase();
    const first = skuRows.get(skuKey);
    if (f.sku && first !== undefined) add('sku', `The same SKU is on line ${first}`);
    skuRows.set(skuKey, first ?? line);
    const owner = f.sku ? shop.ownerOfSku(f.sku) : undefined;

    let categoryId: string | undefined;
    if (f.category !== undefined) {
      categoryId = resolveCategory(shop, f.category);
      if (!categoryId) add('category', `No category is called “${f.category}”`);
    }
    if (f.barcode) {
      const barcodeOwner = shop.ownerOfBarcode(f.barcode);
      const seen = barcodeRows.get(f.barcode);
      if (seen !== undefined) add('barcode', `The same barcode is on line ${seen}`);
      else if (barcodeOwner && barcodeOwner.variant.id !== owner?.variant.id) add('barcode', `Already used by ${barcodeOwner.variant.sku}`);
      barcodeRows.set(f.barcode, seen ?? line);
    }

    const changes: Record<string, [unknown, unknown]> = {};
    let action: ImportRow['action'];
    let optionNames: string[] | undefined;
    if (owner && f.handle && owner.product.handle !== f.handle)
      add('handle', `${owner.variant.sku} belongs to ${owner.product.handle}; a SKU moves between products in the product editor`);
    if (owner && f.options) {
      const current = owner.product.options.map((o, k) => ({ name: o.name, value: owner.variant.optionValues[k] ?? '' }));
      const same =
        f.options.length === current.length &&
        f.options.every((o, k) => (!o.name || sameText(o.name, current[k]!.name)) && o.value === current[k]!.value);
      if (!same)
        add(
          'option1_value',
          'The options of an existing variant change in the product editor; leave the option cells empty or as they are',
        );
    }
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
          const a = key === 'category' ? earlier.fields.category && resolveCategory(shop, earlier.fields.category) : earlier.fields[key];
          const b = key === 'category' ? categoryId : f[key];
          if (a !== undefined && b !== undefined && JSON.stringify(a) !== JSON.stringify(b))
            add(key, `Line ${earlier.line} sets a different ${key} for the same product`);
        }
      } else productFields.set(p.id, { line, fields: f });
      action = Object.keys(changes).length ? 'update' : 'unchanged';
    } else {
      if (f.price === undefined) add('price', 'A new product needs a price');
      if (f.compareAtPrice !== undefined && f.price !== undefined && f.compareAtPrice <= f.price)
        add('compare_at_price', 'Compare-at price must be above the price');
      const group = f.handle ? groups.get(f.handle) : undefined;
      // The product: a handle's first row (or a row of its own) names it; a later row may repeat it, not change it.
      const lead = group ?? { line, fields: f, categoryId };
      if (group) {
        for (const key of ['title', 'category', 'status', 'tags'] as const) {
          const a = key === 'category' ? group.categoryId : group.fields[key];
          const b = key === 'category' ? categoryId : f[key];
          if (b !== undefined && JSON.stringify(a) !== JSON.stringify(b))
            add(key, `Line ${group.line} sets the ${key} of ${f.handle}; leave it empty here or the same`);
        }
      } else {
        if (!f.title) add('title', 'A new product needs a title');
        if (f.category === undefined) add('category', 'A new product needs a category');
      }
      // Options: the names of the handle's first row, on every row; each combination once.
      const leadOptions = lead.fields.options ?? [];
      const options = f.options ?? [];
      optionNames = leadOptions.map((o) => o.name);
      if (!group && options.some((o) => !o.name))
        options.forEach((o, k) => {
          if (!o.name) add(IMPORT_OPTION_COLUMNS[k]![0], `Name option ${k + 1}`);
        });
      if (group) {
        if (options.length !== leadOptions.length) {
          const k = Math.min(options.length, leadOptions.length);
          add(
            IMPORT_OPTION_COLUMNS[k]![options.length > k ? 0 : 1],
            leadOptions.length > k
              ? `Line ${group.line} gives ${f.handle} the option ${leadOptions[k]!.name}: enter its value`
              : `Line ${group.line} gives ${f.handle} ${leadOptions.length ? `only the options ${optionNames.join(', ')}` : 'no options'}`,
          );
        } else
          options.forEach((o, k) => {
            if (o.name && !sameText(o.name, leadOptions[k]!.name))
              add(
                IMPORT_OPTION_COLUMNS[k]![0],
                `Line ${group.line} names option ${k + 1} of ${f.handle} “${leadOptions[k]!.name}”, not “${o.name}”`,
              );
          });
      }
      const combo = options.map((o) => o.value.toLowerCase()).join('\u0000');
      const seenCombo = group?.combos.get(combo);
      if (seenCombo !== undefined)
        add(
          options.length ? 'option1_value' : 'handle',
          `Line ${seenCombo} has the same ${options.length ? 'option values' : 'handle and no options'}`,
        );
      if (f.handle && !group) {
        if (shop.handleTaken(f.handle)) add('handle', 'Another product has this handle; add variants to it in the product editor');
        groups.set(f.handle, { line, fields: f, categoryId, combos: new Map([[combo, line]]) });
      } else group?.combos.set(combo, group.combos.get(combo) ?? line);
      if (group && group.combos.size > 100) add('handle', `${f.handle} has more than 100 variants`);

      let handle = f.handle;
      if (!handle && f.title) {
        handle = uniqueHandle(shop, toHandle(f.title) || 'product', handles);
        handles.add(handle);
      }
      if (!group) {
        changes.title = [null, f.title ?? null];
        changes.category = [null, categoryId ?? null];
        changes.status = [null, f.status ?? 'draft'];
        if (f.tags) changes.tags = [null, f.tags];
      }
      changes.handle = [null, handle ?? null];
      if (options.length) changes.options = [null, Object.fromEntries(options.map((o, k) => [optionNames![k] || o.name, o.value]))];
      changes.price = [null, f.price ?? null];
      if (f.compareAtPrice !== undefined) changes.compareAtPrice = [null, f.compareAtPrice];
      if (f.cost !== undefined) changes.cost = [null, f.cost];
      if (f.barcode !== undefined) changes.barcode = [null, f.barcode];
      action = 'create';
    }
    if (rowErrors.length) action = 'error';
    errors.push(...rowErrors);
    return {
      row: { row: line, sku: f.sku, action, productId: owner?.product.id ?? null, changes, errors: rowErrors },
      fields: f,
      owner,
      categoryId,
      ...(optionNames ? { optionNames } : {}),
    };
  });
  return { planned, errors };
}

/** The first free handle from `base`: `base`, `base-2`, … */
export function uniqueHandle(shop: ImportShop, base: string, taken: ReadonlySet<string>): string {
  for (let n = 1; ; n++) {
    const handle = n === 1 ? base : `${base.slice(0, 76)}-${n}`;
    if (!taken.has(handle) && !shop.handleTaken(handle)) return handle;
  }
}

/**
 * The products an import writes: each updated product once, whatever number of its rows
 * the file has (its version bumped once, each named variant's once), and each new one.
 * `current` is the product as the write sees it; `make` names new products and variants.
 */
export function importedProducts(
  shop: ImportShop,
  planned: readonly Planned[],
  current: (productId: string) => Product | undefined,
  make: { now: string; newProductId: () => string; newVariantId: () => string },
): { updated: Map<string, Product>; created: Product[] } {
  const handles = namedHandles(planned);
  const updated = new Map<string, Product>();
  const created: Product[] = [];
  const byHandle = new Map<string, Product>();
  for (const { fields: f, owner, categoryId, row, optionNames } of planned) {
    if (row.action === 'unchanged') continue;
    if (owner) {
      const p = updated.get(owner.product.id) ?? current(owner.product.id);
      if (!p) continue;
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
      updated.set(p.id, {
        ...p,
        title: f.title ?? p.title,
        categoryId: categoryId ?? p.categoryId,
        status: f.status ?? p.status,
        tags: f.tags ?? p.tags,
        variants,
        updatedAt: make.now,
        version: updated.has(p.id) ? p.version : p.version + 1,
      });
    } else {
      const names = optionNames ?? [];
      const values = (f.options ?? []).map((o) => o.value);
      const same = f.handle ? byHandle.get(f.handle) : undefined;
      const id = same?.id ?? make.newProductId();
      const variant: Variant = {
        id: make.newVariantId(),
        productId: id,
        optionValues: values,
        sku: f.sku,
        barcode: f.barcode ?? null,
        price: f.price ?? 0,
        compareAtPrice: f.compareAtPrice ?? null,
        cost: f.cost ?? null,
        weightGrams: null,
        stock: 0,
        version: 1,
      };
      if (same) {
        same.variants.push(variant);
        values.forEach((value, k) => {
          const option = same.options[k];
          if (option && !option.values.includes(value)) option.values.push(value);
        });
        continue;
      }
      const title = f.title ?? f.sku;
      let handle = f.handle;
      if (!handle) {
        handle = uniqueHandle(shop, toHandle(title) || 'product', handles);
        handles.add(handle);
      }
      const product: Product = {
        id,
        title,
        handle,
        description: '',
        categoryId: categoryId ?? '',
        tags: f.tags ?? [],
        status: f.status ?? 'draft',
        images: [],
        options: names.map((name, k) => ({ name, values: values[k] === undefined ? [] : [values[k]] })),
        variants: [variant],
        createdAt: make.now,
        updatedAt: make.now,
        version: 1,
      };
      if (f.handle) byHandle.set(f.handle, product);
      created.push(product);
    }
  }
  return { updated, created };
}

export function summariseImport(
  planned: readonly Planned[],
  errors: ImportError[],
  dryRun: boolean,
  applied: boolean,
): ProductImportResult {
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

/** An apply's refusal (nothing imported): problems in the file, or nothing to change; null to go ahead. */
export function importRefusal(planned: readonly Planned[], errors: readonly ImportError[]): ProblemError | null {
  if (errors.length) {
    const byField: Record<string, string> = {};
    for (const e of errors.slice(0, 50)) byField[`rows.${e.row}.${e.column}`] ??= e.message;
    return validationProblem(byField, `${errors.length} problem${errors.length === 1 ? '' : 's'} in the file. Nothing was imported.`);
  }
  if (!planned.some((p) => p.row.action === 'create' || p.row.action === 'update')) {
    return new ProblemError({ status: 422, title: 'Nothing to import', detail: 'Every row matches the shop already.' });
  }
  return null;
}

/** A large import is one audit entry (its counts) instead of one per product; null: audit each product. */
export function importAuditSummary(planned: readonly Planned[], summary: ProductImportResult): AuditDraft | null {
  if (planned.length <= 200) return null;
  return {
    entityType: 'product',
    entityId: 'import',
    entityLabel: 'CSV import',
    before: {},
    after: { created: summary.created, updated: summary.updated },
  };
}
