/**
 * The shop-wide uniqueness rules (a SKU, a handle, a barcode belong to one product: src/domain/product-rules.ts)
 * held by the database itself, so that two instances checking at the same moment cannot both store one.
 * The write path still checks first and answers the rule's 422 with the owner's name; a write that loses a
 * race to the index runs again (idempotency.ts) and gets that same 422.
 *
 * Created when the server starts, on SQLite and on PostgreSQL alike (partial indexes on expressions, which
 * both have; Vendure's entities cannot declare them, and TypeORM's synchronize may drop what it does not
 * know, so they are made again at every start; `IF NOT EXISTS` makes that free when they are there).
 * Before creating one, the data is checked: existing duplicates stop the server with the list of them,
 * since an index cannot be made over them and which copy is right is a person's decision.
 */
import type { DataSource, EntityManager } from 'typeorm';

type UniqueRule = {
  name: string;
  /** What is unique, for the message. */
  what: string;
  table: string;
  /** The indexed expression (case-folded where the rule compares without case). */
  expression: string;
  where: string;
  /** The row's id and value, for the list of duplicates. */
  idColumn: string;
};

export const UNIQUE_RULES: readonly UniqueRule[] = [
  {
    name: 'stockroom_variant_sku_unique',
    what: 'SKU (compared without case) among live variants',
    table: 'product_variant',
    expression: 'UPPER("sku")',
    where: '"deletedAt" IS NULL',
    idColumn: '"id"',
  },
  {
    name: 'stockroom_variant_barcode_unique',
    what: 'barcode among live variants',
    table: 'product_variant',
    expression: '"customFieldsBarcode"',
    where: '"deletedAt" IS NULL AND "customFieldsBarcode" IS NOT NULL',
    idColumn: '"id"',
  },
  {
    name: 'stockroom_product_handle_unique',
    what: 'handle (compared without case) among products',
    table: 'product_translation',
    expression: 'LOWER("slug")',
    where: `"languageCode" = 'en'`,
    idColumn: '"baseId"',
  },
];

/** Rows sharing a value the rule says is unique: "value: id, id". */
async function duplicatesOf(db: EntityManager, rule: UniqueRule): Promise<string[]> {
  const rows: { value: string; id: number | string }[] = await db.query(
    `SELECT ${rule.expression} AS "value", ${rule.idColumn} AS "id" FROM "${rule.table}"
      WHERE ${rule.where} AND ${rule.expression} IN (
        SELECT ${rule.expression} FROM "${rule.table}" WHERE ${rule.where} GROUP BY ${rule.expression} HAVING COUNT(*) > 1)
      ORDER BY 1, 2`,
  );
  const byValue = new Map<string, string[]>();
  for (const { value, id } of rows) byValue.set(value, [...(byValue.get(value) ?? []), String(id)]);
  return [...byValue].map(([value, ids]) => `${value}: ${rule.table} ${ids.join(', ')}`);
}

export class DuplicateRowsError extends Error {}

/** Checks the data, then creates each missing index. Throws DuplicateRowsError (naming every duplicate) instead of creating over them. */
export async function ensureUniqueIndexes(db: DataSource): Promise<void> {
  // One transaction; on PostgreSQL holding an advisory lock, so instances starting together take turns.
  await db.transaction(async (em) => {
    if (db.options.type === 'postgres') await em.query('SELECT pg_advisory_xact_lock(hashtext($1))', ['stockroom:unique-indexes']);
    await checkAndCreate(em);
  });
}

async function checkAndCreate(db: EntityManager): Promise<void> {
  const found: string[] = [];
  for (const rule of UNIQUE_RULES) {
    const duplicates = await duplicatesOf(db, rule);
    if (duplicates.length) found.push(`Each ${rule.what} must be unique, but these are used more than once:\n  ${duplicates.join('\n  ')}`);
  }
  if (found.length) {
    throw new DuplicateRowsError(
      `Stockroom cannot start: its unique indexes cannot be created over duplicated data. Fix these rows (rename or remove the copies), then start again.\n${found.join('\n')}`,
    );
  }
  for (const rule of UNIQUE_RULES) {
    await db.query(`CREATE UNIQUE INDEX IF NOT EXISTS "${rule.name}" ON "${rule.table}" (${rule.expression}) WHERE ${rule.where}`);
  }
}
