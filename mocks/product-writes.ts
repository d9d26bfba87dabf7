/**
 * The catalogue's write rules that only a server can check (uniqueness across
 * the shop, ids, versions, stock), run inside the store's one write path.
 */
import type { BulkStatusInput, Product, ProductInput, Variant, VariantInput } from '../src/contract/schemas';
import { missingProductsRefusal, productNotFound, shopRuleErrors, variantIdErrors, variantVersionAfter } from '../src/domain/product-rules';
import { LOCATIONS } from '../src/demo-shop/catalogue';
import { validationProblem } from './problems';
import { writeOf } from './routes/write-of';
import { emptyLevels, sumOnHand, type ProductRecord } from '../src/demo-shop/shop-records';
import { variantLabel, type Actor, type MockDb } from './store';

/** Shop-wide rules (src/domain/product-rules) over the mock's indexes; `selfId` is the product being saved. */
function checkShopRules(db: MockDb, input: ProductInput, selfId: string | null): void {
  const handleOwner = db.productIdByHandle(input.handle);
  const skuOwners = new Map<string, string>();
  const barcodeOwners = new Map<string, string>();
  for (const v of input.variants) {
    const sku = db.ownerOfSku(v.sku);
    if (sku && sku.product.id !== selfId) skuOwners.set(v.sku.toUpperCase(), variantLabel(sku.product, sku.variant));
    const barcode = v.barcode ? db.ownerOfBarcode(v.barcode) : undefined;
    if (v.barcode && barcode && barcode.product.id !== selfId) barcodeOwners.set(v.barcode, variantLabel(barcode.product, barcode.variant));
  }
  const errors = shopRuleErrors(input, {
    categoryExists: db.categoryExists(input.categoryId),
    handleOwner: handleOwner !== undefined && handleOwner !== selfId ? (db.getProduct(handleOwner)?.title ?? handleOwner) : null,
    skuOwners,
    barcodeOwners,
  });
  if (Object.keys(errors).length) throw validationProblem(errors);
}

function variantFields(v: VariantInput) {
  return {
    optionValues: v.optionValues,
    sku: v.sku,
    barcode: v.barcode,
    price: v.price,
    compareAtPrice: v.compareAtPrice,
    cost: v.cost,
    weightGrams: v.weightGrams,
  };
}

function productFields(input: ProductInput) {
  return {
    title: input.title,
    handle: input.handle,
    description: input.description,
    categoryId: input.categoryId,
    tags: input.tags,
    status: input.status,
    images: input.images,
    options: input.options,
  };
}

export async function createProduct(
  db: MockDb,
  actor: Actor,
  input: ProductInput,
  idempotency: { key: string; fingerprint: string } | null = null,
): Promise<Product> {
  const { result } = await db.write({ actor, ...writeOf('products.create'), ...(idempotency ? { idempotency } : {}) }, (tx) => {
    checkShopRules(db, input, null);
    const id = tx.newProductId();
    const levels = input.variants.map(() => emptyLevels(LOCATIONS.length));
    const variants = input.variants.map((v): Variant => {
      const variantId = tx.newVariantId();
      return { ...variantFields(v), id: variantId, productId: id, stock: 0, version: 1 };
    });
    const product: Product = { id, ...productFields(input), variants, createdAt: tx.now, updatedAt: tx.now, version: 1 };
    tx.put({ product, levels });
    return product;
  });
  return result;
}

/** `version` is what If-Match said (null when it was missing). */
export async function updateProduct(db: MockDb, actor: Actor, id: string, version: number, input: ProductInput): Promise<Product> {
  const { result } = await db.write({ actor, ...writeOf('products.update'), expect: { productId: id, version } }, (tx) => {
    const current = tx.get(id);
    if (!current) throw productNotFound(id);
    checkShopRules(db, input, id);

    const existing = new Map(current.product.variants.map((v, i) => [v.id, { variant: v, levels: current.levels[i] }]));
    const errors = variantIdErrors(input, new Set(existing.keys()));
    if (Object.keys(errors).length) throw validationProblem(errors);

    const levels: ProductRecord['levels'] = [];
    const variants = input.variants.map((v): Variant => {
      const fields = variantFields(v);
      const known = v.id === undefined ? undefined : existing.get(v.id);
      if (!known) {
        levels.push(emptyLevels(LOCATIONS.length));
        return { ...fields, id: tx.newVariantId(), productId: id, stock: 0, version: 1 };
      }
      // Stock is not edited here: it only moves through the ledger, so the levels carry over untouched.
      const before = known.variant;
      const kept = known.levels ?? emptyLevels(LOCATIONS.length);
      levels.push(kept);
      return { ...fields, id: before.id, productId: id, stock: sumOnHand(kept), version: variantVersionAfter(before, fields) };
    });
    const product: Product = {
      ...current.product,
      ...productFields(input),
      variants,
      updatedAt: tx.now,
      version: current.product.version + 1,
    };
    tx.put({ product, levels });
    return product;
  });
  return result;
}

export async function bulkUpdateStatus(
  db: MockDb,
  actor: Actor,
  input: BulkStatusInput,
  idempotency: { key: string; fingerprint: string },
): Promise<{ updated: number }> {
  const { result } = await db.write({ actor, ...writeOf('products.bulkStatus'), idempotency }, (tx) => {
    const refused = missingProductsRefusal(input.ids, (id) => tx.get(id) !== undefined);
    if (refused) throw refused;
    const records = [...new Set(input.ids)].flatMap((id) => tx.get(id) ?? []);
    let updated = 0;
    for (const record of records) {
      // Products already in the target status keep their version: nothing about them changed.
      if (record.product.status === input.status) continue;
      tx.put({ ...record, product: { ...record.product, status: input.status, updatedAt: tx.now, version: record.product.version + 1 } });
      updated++;
    }
    return { updated };
  });
  return result;
}
