/**
 * What the contract has and Vendure lacks, as custom fields on Vendure's own
 * entities. JSON-shaped values (images, options, option values) are text
 * holding JSON: the contract's options are plain strings, and mapping them to
 * Vendure's translatable option groups would add four tables per product for
 * no behaviour the API has (see README).
 */
import type { CustomFields } from '@vendure/core';
import { DEFAULT_SAFETY_DAYS } from '#shared/contract/constants';

export const STOCKROOM_CUSTOM_FIELDS: CustomFields = {
  Product: [
    { name: 'version', type: 'int', defaultValue: 1, nullable: false, readonly: true },
    { name: 'status', type: 'string', defaultValue: 'draft', nullable: false },
    { name: 'categoryId', type: 'string', defaultValue: '', nullable: false },
    /** In the order given; stockroom_product_tag indexes them for filters and counts. */
    { name: 'tags', type: 'text', defaultValue: '[]', nullable: false },
    { name: 'images', type: 'text', defaultValue: '[]', nullable: false },
    { name: 'options', type: 'text', defaultValue: '[]', nullable: false },
    // Kept in step by every write, so the list sorts and filters with an index, not by joining variants.
    { name: 'priceMin', type: 'int', defaultValue: 0, nullable: false, internal: true },
    { name: 'priceMax', type: 'int', defaultValue: 0, nullable: false, internal: true },
    { name: 'variantCount', type: 'int', defaultValue: 0, nullable: false, internal: true },
    { name: 'titleKey', type: 'string', length: 200, defaultValue: '', nullable: false, internal: true },
    /** Lowercase title and SKUs joined by U+0001, so `q` cannot match across two of them. */
    { name: 'searchText', type: 'text', defaultValue: '', nullable: false, internal: true },
    /** Each barcode preceded by U+0001: a digits-only `q` matches a barcode prefix. */
    { name: 'barcodeText', type: 'text', defaultValue: '', nullable: false, internal: true },
  ],
  ProductVariant: [
    { name: 'version', type: 'int', defaultValue: 1, nullable: false, readonly: true },
    { name: 'optionValues', type: 'text', defaultValue: '[]', nullable: false },
    { name: 'barcode', type: 'string', nullable: true },
    { name: 'compareAtPrice', type: 'int', nullable: true },
    { name: 'cost', type: 'int', nullable: true },
    { name: 'weightGrams', type: 'int', nullable: true },
    { name: 'position', type: 'int', defaultValue: 0, nullable: false, internal: true },
  ],
  Administrator: [
    { name: 'version', type: 'int', defaultValue: 1, nullable: false, readonly: true },
    { name: 'active', type: 'boolean', defaultValue: true, nullable: false },
  ],
  StockLocation: [
    /** The contract's location id (`edison-nj`); null for locations Stockroom does not use. */
    { name: 'code', type: 'string', nullable: true, unique: true },
  ],
  /** stockOnHand and stockAllocated (= reserved) are Vendure's; these are the contract's. */
  StockLevel: [
    /** Low-stock threshold; 5 for a new variant, as in the mock. */
    { name: 'threshold', type: 'int', defaultValue: 5, nullable: false },
    /** Compare-and-set version: every write moves it by one. */
    { name: 'version', type: 'int', defaultValue: 1, nullable: false, readonly: true },
    /** Units sold here over the sales window, fixed by the seed from its orders (as in the mock). */
    { name: 'sold28', type: 'int', defaultValue: 0, nullable: false, internal: true },
    /** Reorder settings set by hand (issue 22); null: suggested from sales (src/domain/reorder-rules.ts). */
    { name: 'reorderPoint', type: 'int', nullable: true },
    { name: 'reorderQuantity', type: 'int', nullable: true },
    { name: 'safetyDays', type: 'int', defaultValue: DEFAULT_SAFETY_DAYS, nullable: false },
  ],
};

declare module '@vendure/core/dist/entity/custom-entity-fields' {
  interface CustomProductFields {
    version: number;
    status: string;
    categoryId: string;
    tags: string;
    images: string;
    options: string;
    priceMin: number;
    priceMax: number;
    variantCount: number;
    titleKey: string;
    searchText: string;
    barcodeText: string;
  }
  interface CustomProductVariantFields {
    version: number;
    optionValues: string;
    barcode: string | null;
    compareAtPrice: number | null;
    cost: number | null;
    weightGrams: number | null;
    position: number;
  }
  interface CustomAdministratorFields {
    version: number;
    active: boolean;
  }
  interface CustomStockLocationFields {
    code: string | null;
  }
  interface CustomStockLevelFields {
    threshold: number;
    version: number;
    sold28: number;
    reorderPoint: number | null;
    reorderQuantity: number | null;
    safetyDays: number;
  }
}
