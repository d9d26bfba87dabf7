/**
 * The rules of saving a product that need the rest of the shop: its category
 * exists, and no other product uses its handle, a SKU or a barcode. The mock
 * and the server each find the owners their own way (an index, a query) and
 * hand them over; the decision and its words are made here, once.
 */
import { ProblemError, validationProblem } from '../contract/problems';
import type { Product, ProductInput, ProductSummary, Variant, VariantInput } from '../contract/schemas';

export function productNotFound(id: string): ProblemError {
  return new ProblemError({ status: 404, title: 'Product not found', detail: `No product has the id ${id}. It may have been removed.` });
}

export function variantNotFound(id: string): ProblemError {
  return new ProblemError({ status: 404, title: 'Variant not found', detail: `No variant has the id ${id}.` });
}

/** The 409 of a save made from an older version: the product as it is now goes with it, for the screen to show what changed. */
export function productChanged(version: number, current: Product): ProblemError {
  return new ProblemError({
    status: 409,
    title: 'Someone else changed this product',
    detail: `You edited version ${version}, but the product is now at version ${current.version} (saved ${current.updatedAt}). Review the changes or reload before saving again.`,
    current,
  });
}

/** A variant's fields an edit can change (its stock moves only through the ledger). */
type VariantFields = Pick<VariantInput, 'sku' | 'barcode' | 'price' | 'compareAtPrice' | 'cost' | 'weightGrams' | 'optionValues'>;

/** A variant's version after an edit: it rises only when one of its own fields changed. */
export function variantVersionAfter(before: Variant, after: VariantFields): number {
  const same =
    before.sku === after.sku &&
    before.barcode === after.barcode &&
    before.price === after.price &&
    before.compareAtPrice === after.compareAtPrice &&
    before.cost === after.cost &&
    before.weightGrams === after.weightGrams &&
    before.optionValues.length === after.optionValues.length &&
    before.optionValues.every((value, i) => value === after.optionValues[i]);
  return same ? before.version : before.version + 1;
}

/** A bulk change naming products that no longer exist changes nothing: 422 naming each missing one. */
export function missingProductsRefusal(ids: readonly string[], exists: (id: string) => boolean): ProblemError | null {
  const errors: Record<string, string> = {};
  ids.forEach((id, i) => {
    if (!exists(id)) errors[`ids.${i}`] = `No product has the id ${id}`;
  });
  const missing = Object.keys(errors).length;
  if (!missing) return null;
  const what = missing === 1 ? 'One of the selected products no longer exists' : `${missing} of the selected products no longer exist`;
  return validationProblem(errors, `${what}. Nothing was changed; refresh the list and try again.`);
}

/** "AirLoop Mini Speaker — White": how a variant is named in messages, lists and history. */
export function variantTitle(productTitle: string, optionValues: readonly string[]): string {
  return optionValues.length ? `${productTitle} — ${optionValues.join(' / ')}` : productTitle;
}

/** What the caller found: only OTHER products count (the product being saved may keep its own handle and codes). */
export type ShopOwners = {
  categoryExists: boolean;
  /** The title of another product with this handle (compared case-insensitively), or null. */
  handleOwner: string | null;
  /** Upper-cased SKU → the variant title of another product's variant with it. */
  skuOwners: ReadonlyMap<string, string>;
  /** Barcode → the variant title of another product's variant with it. */
  barcodeOwners: ReadonlyMap<string, string>;
};

/** Field errors (empty when the input may be saved): a handle, SKU or barcode another product uses, or twice in this one. */
export function shopRuleErrors(input: ProductInput, owners: ShopOwners): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!owners.categoryExists) errors.categoryId = 'Choose one of the shop’s categories';
  if (owners.handleOwner !== null) errors.handle = `Another product already uses this handle (${owners.handleOwner})`;
  const barcodes = new Map<string, number>();
  input.variants.forEach((v, i) => {
    const skuOwner = owners.skuOwners.get(v.sku.toUpperCase());
    if (skuOwner !== undefined) errors[`variants.${i}.sku`] ??= `Another product already uses this SKU (${skuOwner})`;
    if (v.barcode) {
      const first = barcodes.get(v.barcode);
      const owner = owners.barcodeOwners.get(v.barcode);
      if (first !== undefined) errors[`variants.${i}.barcode`] = `Same barcode as variant ${first + 1}`;
      else if (owner !== undefined) errors[`variants.${i}.barcode`] = `Another product already uses this barcode (${owner})`;
      barcodes.set(v.barcode, first ?? i);
    }
  });
  return errors;
}

/** An update names its existing variants by id: each must be one of this product's, and listed once. */
export function variantIdErrors(input: ProductInput, existingIds: ReadonlySet<string>): Record<string, string> {
  const errors: Record<string, string> = {};
  const seen = new Set<string>();
  input.variants.forEach((v, i) => {
    if (v.id === undefined) return;
    if (!existingIds.has(v.id))
      errors[`variants.${i}.id`] = 'This variant is not part of this product; leave the id out to add a new variant';
    else if (seen.has(v.id)) errors[`variants.${i}.id`] = 'This variant is listed twice';
    seen.add(v.id);
  });
  return errors;
}

/** The lowest and highest variant price and the units on hand, as lists show and sort them (0 without variants). */
export function productTotals(p: Product): { priceMin: number; priceMax: number; stock: number } {
  let priceMin = Infinity;
  let priceMax = 0;
  let stock = 0;
  for (const v of p.variants) {
    if (v.price < priceMin) priceMin = v.price;
    if (v.price > priceMax) priceMax = v.price;
    stock += v.stock;
  }
  return { priceMin: Number.isFinite(priceMin) ? priceMin : 0, priceMax, stock };
}

/** A product as the list answers it. */
export function productSummary(p: Product): ProductSummary {
  return {
    id: p.id,
    handle: p.handle,
    title: p.title,
    status: p.status,
    categoryId: p.categoryId,
    tags: p.tags,
    imageUrl: p.images[0]?.url ?? null,
    variantCount: p.variants.length,
    skus: p.variants.map((v) => v.sku),
    ...productTotals(p),
    updatedAt: p.updatedAt,
    version: p.version,
  };
}
