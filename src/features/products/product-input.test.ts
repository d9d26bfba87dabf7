import { productToInput } from '@/contract/product-input';
import type { ProductInput, ProductOption, VariantInput } from '@/contract/schemas';
import { conflictDifferences, emptyProductInput, optionCombinations, sameCombinations, syncVariants } from './product-input';

function variant(optionValues: string[], overrides: Partial<VariantInput> = {}): VariantInput {
  return { optionValues, sku: '', barcode: null, price: 1000, compareAtPrice: null, cost: null, weightGrams: null, ...overrides };
}

const color: ProductOption = { name: 'Color', values: ['Black', 'White'] };
const size: ProductOption = { name: 'Length', values: ['1 m', '2 m', '3 m'] };

describe('optionCombinations', () => {
  it('lists every combination, first option slowest', () => {
    expect(optionCombinations([color, size])).toEqual([
      ['Black', '1 m'],
      ['Black', '2 m'],
      ['Black', '3 m'],
      ['White', '1 m'],
      ['White', '2 m'],
      ['White', '3 m'],
    ]);
  });

  it('is one empty combination without options, and none when an option has no values', () => {
    expect(optionCombinations([])).toEqual([[]]);
    expect(optionCombinations([color, { name: 'Size', values: [] }])).toEqual([]);
  });
});

describe('syncVariants', () => {
  it('keeps what was typed into combinations that survive, and drops the rest', () => {
    const black = variant(['Black'], { id: 'var_b', sku: 'CBL-BLK', price: 1299, cost: 400, barcode: '036000291452' });
    const white = variant(['White'], { id: 'var_w', sku: 'CBL-WHT', price: 1399 });
    const next = syncVariants([{ name: 'Color', values: ['White', 'Red'] }], [black, white]);
    expect(next).toEqual([
      white,
      { optionValues: ['Red'], sku: '', barcode: null, price: 1299, compareAtPrice: null, cost: 400, weightGrams: null },
    ]);
    expect(next[0]).toBe(white);
  });

  it('starts new combinations from the first variant’s prices, without its identity or codes', () => {
    const black = variant(['Black'], {
      id: 'var_b',
      sku: 'CBL-BLK',
      barcode: '036000291452',
      price: 1299,
      compareAtPrice: 1599,
      cost: 400,
      weightGrams: 40,
    });
    const next = syncVariants([color, { name: 'Length', values: ['1 m'] }], [black]);
    expect(next).toEqual([
      { optionValues: ['Black', '1 m'], sku: '', barcode: null, price: 1299, compareAtPrice: 1599, cost: 400, weightGrams: 40 },
      { optionValues: ['White', '1 m'], sku: '', barcode: null, price: 1299, compareAtPrice: 1599, cost: 400, weightGrams: 40 },
    ]);
  });

  it('keeps the single variant’s identity when the first option is added', () => {
    const only = variant([], { id: 'var_1', sku: 'PWR-10K', barcode: '012345678905', price: 2999, cost: 1200 });
    const next = syncVariants([color], [only]);
    expect(next).toEqual([{ ...only, optionValues: ['Black'] }, { ...variant(['White'], { price: 2999, cost: 1200 }) }]);
    expect(next[0]?.id).toBe('var_1');
    expect(next[1]).not.toHaveProperty('id');
  });

  it('gives a new product’s first variant an empty price until one is typed', () => {
    const next = syncVariants([color], emptyProductInput().variants);
    expect(next.map((v) => v.optionValues)).toEqual([['Black'], ['White']]);
    expect(next.every((v) => Number.isNaN(v.price))).toBe(true);
  });

  it('ignores options that have no values yet', () => {
    const black = variant(['Black'], { id: 'var_b' });
    const white = variant(['White'], { id: 'var_w' });
    expect(syncVariants([color, { name: 'Size', values: [] }], [black, white])).toEqual([black, white]);
  });

  // Known bug, reported: the mirror of the rule above is missing, so removing the last option
  // turns the one remaining variant into a new one (no id, no SKU), and saving deletes the old
  // variant with its stock and history. Flip to `it` once syncVariants keeps it.
  it('keeps the single variant’s identity when the last option is removed', () => {
    const black = variant(['Black'], { id: 'var_b', sku: 'CBL-BLK', price: 1299 });
    expect(syncVariants([], [black])).toEqual([{ ...black, optionValues: [] }]);
  });
});

describe('sameCombinations', () => {
  it('compares the option values in order', () => {
    expect(sameCombinations([variant(['A']), variant(['B'])], [variant(['A'], { sku: 'x' }), variant(['B'])])).toBe(true);
    expect(sameCombinations([variant(['A']), variant(['B'])], [variant(['B']), variant(['A'])])).toBe(false);
    expect(sameCombinations([variant(['A'])], [variant(['A']), variant(['B'])])).toBe(false);
  });
});

describe('conflictDifferences', () => {
  const base: ProductInput = {
    title: 'Braided Cable',
    handle: 'braided-cable',
    description: 'Strong.',
    categoryId: 'cables',
    tags: ['usb-c'],
    status: 'draft',
    images: [],
    options: [color],
    variants: [
      variant(['Black'], { id: 'var_b', sku: 'CBL-BLK', price: 1299, cost: 400 }),
      variant(['White'], { id: 'var_w', sku: 'CBL-WHT', price: 1299 }),
    ],
  };
  const clone = (p: ProductInput) => structuredClone(p);

  it('is empty when nobody else changed anything, whatever I changed', () => {
    const mine = clone(base);
    mine.title = 'My title';
    mine.variants[0]!.price = 999;
    expect(conflictDifferences(base, mine, clone(base))).toEqual([]);
  });

  it('lists only the fields the other side changed, with what each side has', () => {
    const mine = clone(base);
    mine.title = 'My title';
    mine.description = 'Mine.';
    const theirs = clone(base);
    theirs.title = 'Their title';
    theirs.status = 'active';
    theirs.tags = ['usb-c', 'sale'];
    expect(conflictDifferences(base, mine, theirs)).toEqual([
      { field: 'title', label: 'Title', base: 'Braided Cable', mine: 'My title', theirs: 'Their title' },
      { field: 'status', label: 'Status', base: 'draft', mine: 'draft', theirs: 'active' },
      { field: 'tags', label: 'Tags', base: 'usb-c', mine: 'usb-c', theirs: 'usb-c, sale' },
    ]);
  });

  it('shows variant price changes as dollars', () => {
    const mine = clone(base);
    mine.variants[0]!.price = 1199;
    const theirs = clone(base);
    theirs.variants[0]!.price = 1499;
    theirs.variants[0]!.compareAtPrice = 1999;
    theirs.variants[1]!.cost = 5;
    expect(conflictDifferences(base, mine, theirs)).toEqual([
      { field: 'variant:var_b:price', label: 'Black: Price', base: '$12.99', mine: '$11.99', theirs: '$14.99' },
      { field: 'variant:var_b:compareAtPrice', label: 'Black: Compare-at price', base: '—', mine: '—', theirs: '$19.99' },
      { field: 'variant:var_w:cost', label: 'White: Cost', base: '—', mine: '—', theirs: '$0.05' },
    ]);
  });

  it('lists variants the other side removed or added', () => {
    const mine = clone(base);
    mine.variants = mine.variants.slice(0, 1);
    const theirs = clone(base);
    theirs.options = [{ name: 'Color', values: ['Black', 'Red'] }];
    theirs.variants = [theirs.variants[0]!, variant(['Red'], { id: 'var_r', sku: 'CBL-RED', price: 1299 })];
    expect(conflictDifferences(base, mine, theirs)).toEqual([
      { field: 'options', label: 'Options', base: 'Color: Black/White', mine: 'Color: Black/White', theirs: 'Color: Black/Red' },
      { field: 'variant:var_w', label: 'Variant White', base: 'exists', mine: 'removed', theirs: 'removed' },
      { field: 'variant:var_r', label: 'Variant Red', base: '—', mine: '—', theirs: 'added (CBL-RED)' },
    ]);
  });

  it('says a variant the other side removed is still kept in my edit', () => {
    const theirs = clone(base);
    theirs.variants = theirs.variants.slice(1);
    expect(conflictDifferences(base, clone(base), theirs)).toEqual([
      { field: 'variant:var_b', label: 'Variant Black', base: 'exists', mine: 'kept', theirs: 'removed' },
    ]);
  });
});

describe('productToInput', () => {
  it('keeps the editable fields and drops what the server owns', () => {
    const input = productToInput({
      id: 'prod_1',
      title: 'Cable',
      handle: 'cable',
      description: '',
      categoryId: 'cables',
      tags: [],
      status: 'active',
      images: [],
      options: [],
      variants: [{ ...variant([], { sku: 'CBL', price: 500 }), id: 'var_1', productId: 'prod_1', stock: 9, version: 3 }],
      createdAt: '2026-01-01T00:00:00Z',
      updatedAt: '2026-01-02T00:00:00Z',
      version: 7,
    });
    expect(input).toEqual({
      title: 'Cable',
      handle: 'cable',
      description: '',
      categoryId: 'cables',
      tags: [],
      status: 'active',
      images: [],
      options: [],
      variants: [
        { id: 'var_1', optionValues: [], sku: 'CBL', barcode: null, price: 500, compareAtPrice: null, cost: null, weightGrams: null },
      ],
    });
  });
});
