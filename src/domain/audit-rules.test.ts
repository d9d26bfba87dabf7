import { productAudit } from './audit-rules';
import type { Product, Variant } from '../contract/schemas';

const variant = (sku: string, price: number): Variant => ({
  id: `var_${sku}`,
  productId: 'prod_000001',
  sku,
  optionValues: ['Black'],
  barcode: null,
  price,
  compareAtPrice: null,
  cost: null,
  weightGrams: null,
  stock: 0,
  version: 1,
});

const product = (variants: Variant[]): Product => ({
  id: 'prod_000001',
  title: 'Walker',
  handle: 'walker',
  description: '',
  categoryId: 'audio',
  tags: [],
  status: 'active',
  images: [],
  options: [{ name: 'Colour', values: ['Black'] }],
  variants,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  version: 1,
});

describe('productAudit', () => {
  it('records a new variant’s values, not its empty ones as "null → null"', () => {
    const before = product([variant('WLK-1', 8999)]);
    const after = product([variant('WLK-1', 8999), { ...variant('WLK-NEW-0100', 4999), optionValues: ['Black'] }]);
    const [entry, prices] = productAudit(before, after);
    expect(Object.keys(entry!.after)).toEqual(['variants.WLK-NEW-0100.sku', 'variants.WLK-NEW-0100.optionValues']);
    expect(prices).toMatchObject({ before: { 'variants.WLK-NEW-0100.price': null }, after: { 'variants.WLK-NEW-0100.price': 4999 } });
    expect(Object.keys(prices!.after)).toEqual(['variants.WLK-NEW-0100.price']);
  });
});
