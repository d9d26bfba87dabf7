/**
 * CSV import of products: every row checked against the file and the shop,
 * a dry run that says what each row would do, and an apply that writes all
 * rows in one `db.write` or none of them. The rules are src/domain/import-decisions.ts.
 */
import {
  importAuditSummary,
  importedProducts,
  importRefusal,
  planImport,
  summariseImport,
  type ImportShop,
} from '../src/domain/import-decisions';
import type { ProductImportResult } from '../src/contract/pricing-schemas';
import { LOCATIONS } from '../src/demo-shop/catalogue';
import { emptyLevels } from '../src/demo-shop/shop-records';
import type { Idempotency } from '../src/contract/protocol';
import { writeOf } from './routes/write-of';
import type { Actor, MockDb, WriteTx } from './store';

function shopOf(db: MockDb): ImportShop {
  return {
    ownerOfSku: (sku) => db.ownerOfSku(sku),
    ownerOfBarcode: (barcode) => db.ownerOfBarcode(barcode),
    categories: db.categories(),
    handleTaken: (handle) => db.productIdByHandle(handle) !== undefined,
  };
}

export function dryRunImport(db: MockDb, csv: string): ProductImportResult {
  const { planned, errors } = planImport(shopOf(db), csv);
  return summariseImport(planned, errors, true, false);
}

function applyPlanned(db: MockDb, tx: WriteTx, planned: Parameters<typeof importedProducts>[1]): void {
  const { updated, created } = importedProducts(shopOf(db), planned, (id) => tx.get(id)?.product, {
    now: tx.now,
    newProductId: () => tx.newProductId(),
    newVariantId: () => tx.newVariantId(),
  });
  for (const product of created) tx.put({ product, levels: [emptyLevels(LOCATIONS.length)] });
  for (const product of updated.values()) {
    const record = tx.get(product.id);
    if (record) tx.put({ ...record, product });
  }
}

export async function applyImport(db: MockDb, actor: Actor, csv: string, idempotency: Idempotency): Promise<ProductImportResult> {
  const { result } = await db.write({ actor, ...writeOf('products.import'), idempotency }, (tx) => {
    // Checked again inside the write: the shop may have changed since the dry run.
    const { planned, errors } = planImport(shopOf(db), csv);
    const refused = importRefusal(planned, errors);
    if (refused) throw refused;
    applyPlanned(db, tx, planned);
    const summary = summariseImport(planned, [], false, true);
    const audit = importAuditSummary(planned, summary);
    if (audit) tx.auditAs(audit);
    return summary;
  });
  return result;
}
