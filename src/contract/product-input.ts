import type { Product, ProductInput } from './schemas';

/** The editable part of a product, as the form holds it and the API takes it. */
export function productToInput(p: Product): ProductInput {
  return {
    title: p.title,
    handle: p.handle,
    description: p.description,
    categoryId: p.categoryId,
    tags: p.tags,
    status: p.status,
    images: p.images,
    options: p.options,
    variants: p.variants.map((v) => ({
      id: v.id,
      optionValues: v.optionValues,
      sku: v.sku,
      barcode: v.barcode,
      price: v.price,
      compareAtPrice: v.compareAtPrice,
      cost: v.cost,
      weightGrams: v.weightGrams,
    })),
  };
}
