import { createHash } from 'node:crypto';
import { productSchema, type Product } from '../contract/schemas';
import { isValidUpcA } from '../contract/values/upc';
import { anchorAt, generateShop } from './seed';
import { TEST_START_MS } from '../../tests/clock';

const anchorMs = anchorAt(TEST_START_MS);
const hash = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex');

describe('seeded shop', () => {
  it('is identical for the same seed and size, byte for byte', () => {
    const a = generateShop({ seed: 7, products: 300, anchorMs });
    const b = generateShop({ seed: 7, products: 300, anchorMs });
    expect(a[0]).toEqual(b[0]);
    expect(hash(a)).toBe(hash(b));
  });

  it('differs with another seed', () => {
    const a = generateShop({ seed: 7, products: 300, anchorMs });
    const b = generateShop({ seed: 8, products: 300, anchorMs });
    expect(hash(a)).not.toBe(hash(b));
    expect(a.slice(0, 5).map((r) => r.product.title)).not.toEqual(b.slice(0, 5).map((r) => r.product.title));
  });

  it('grows without changing the products it already had', () => {
    const small = generateShop({ seed: 7, products: 300, anchorMs });
    const big = generateShop({ seed: 7, products: 1000, anchorMs });
    expect(hash(big.slice(0, 300))).toBe(hash(small));
  });

  it('dates everything before the instant it is made, and moves with that instant alone', () => {
    const shop = generateShop({ seed: 1, products: 300, anchorMs });
    for (const { product } of shop) {
      expect(Date.parse(product.createdAt)).toBeLessThanOrEqual(Date.parse(product.updatedAt));
      expect(Date.parse(product.updatedAt)).toBeLessThanOrEqual(anchorMs);
    }
    // A day later, the same shop a day older: only its dates move.
    const later = generateShop({ seed: 1, products: 300, anchorMs: anchorMs + 86_400_000 });
    const shift = (iso: string) => new Date(Date.parse(iso) + 86_400_000).toISOString();
    expect(later.map((r) => r.product.createdAt)).toEqual(shop.map((r) => shift(r.product.createdAt)));
    expect(later.map((r) => ({ ...r.product, createdAt: '', updatedAt: '' }))).toEqual(
      shop.map((r) => ({ ...r.product, createdAt: '', updatedAt: '' })),
    );
  });

  describe.each([300, 5000])('at %i products', (size) => {
    const records = generateShop({ seed: 42, products: size, anchorMs });
    const products = records.map((r) => r.product);
    const variants = products.flatMap((p) => p.variants);

    it('has the requested number of products, each valid against the contract', () => {
      expect(products).toHaveLength(size);
      // Parsing all 5,000 with zod is slow; every product at 300 and a sample at 5,000 says the same.
      const checked = size <= 300 ? products : products.filter((_, i) => i % 25 === 0);
      expect(checked.filter((p) => !productSchema.safeParse(p).success).map((p) => p.handle)).toEqual([]);
    });

    it('keeps handles, SKUs (case-insensitively), barcodes and ids unique', () => {
      const unique = (values: string[]) => new Set(values).size === values.length;
      expect(unique(products.map((p) => p.handle))).toBe(true);
      expect(unique(products.map((p) => p.id))).toBe(true);
      expect(unique(variants.map((v) => v.id))).toBe(true);
      expect(unique(variants.map((v) => v.sku.toUpperCase()))).toBe(true);
      const barcodes = variants.flatMap((v) => (v.barcode ? [v.barcode] : []));
      expect(unique(barcodes)).toBe(true);
      expect(barcodes.every(isValidUpcA)).toBe(true);
      expect(barcodes.length / variants.length).toBeGreaterThan(0.9);
    });

    it('prices in whole cents within $4.99–$199.99, with sane costs and compare-at prices', () => {
      for (const v of variants) {
        expect(Number.isInteger(v.price)).toBe(true);
        expect(v.price).toBeGreaterThanOrEqual(499);
        expect(v.price).toBeLessThanOrEqual(19999);
        expect([99, 49, 95]).toContain(v.price % 100);
      }
      expect(variants.filter((v) => v.compareAtPrice !== null && v.compareAtPrice <= v.price)).toEqual([]);
      const costs = variants.filter((v) => v.cost !== null);
      expect(costs.length / variants.length).toBeGreaterThan(0.9);
      // Costs are 35–65 % of the price, in whole cents.
      expect(costs.filter((v) => !Number.isInteger(v.cost) || v.cost! * 100 < v.price * 34 || v.cost! * 100 > v.price * 66)).toEqual([]);
      expect(variants.some((v) => v.compareAtPrice !== null)).toBe(true);
    });

    it('has 1–6 variants per product and stock equal to the sum over the three warehouses', () => {
      for (const { product, levels: rows } of records) {
        expect(product.variants.length).toBeGreaterThanOrEqual(1);
        expect(product.variants.length).toBeLessThanOrEqual(6);
        expect(rows).toHaveLength(product.variants.length);
        for (const [i, v] of product.variants.entries()) {
          const levels = rows[i];
          expect(levels).toHaveLength(3);
          expect(v.stock).toBe((levels ?? []).reduce((a, l) => a + l.onHand, 0));
        }
      }
    });

    it('looks like a real shop: mostly active, every category used, some zero stock', () => {
      const count = (pred: (p: Product) => boolean) => products.filter(pred).length;
      expect(count((p) => p.status === 'active') / size).toBeGreaterThan(0.7);
      expect(count((p) => p.status === 'draft')).toBeGreaterThan(0);
      expect(count((p) => p.status === 'archived')).toBeGreaterThan(0);
      expect(new Set(products.map((p) => p.categoryId)).size).toBe(6);
      expect(count((p) => p.images.length === 0)).toBeGreaterThan(0);
      expect(records.some((r) => r.levels.some((levels) => levels.some((l) => l.onHand === 0)))).toBe(true);
    });
  });
});
