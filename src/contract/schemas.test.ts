import {
  bulkStatusInputSchema,
  problemSchema,
  productInputSchema,
  productListQuerySchema,
  productSchema,
  type ProductInput,
  type VariantInput,
} from './schemas';

function variant(overrides: Partial<VariantInput> = {}): VariantInput {
  return {
    optionValues: ['Black'],
    sku: 'CBL-BLK',
    barcode: null,
    price: 1299,
    compareAtPrice: null,
    cost: 400,
    weightGrams: 40,
    ...overrides,
  };
}

function input(overrides: Partial<ProductInput> = {}): ProductInput {
  return {
    title: 'Braided USB-C Cable',
    handle: 'braided-usb-c-cable',
    description: '',
    categoryId: 'cables',
    tags: ['usb-c'],
    status: 'draft',
    images: [],
    options: [{ name: 'Color', values: ['Black', 'White'] }],
    variants: [variant(), variant({ optionValues: ['White'], sku: 'CBL-WHT' })],
    ...overrides,
  };
}

/** The issues of a parse as `path: message`, the way the form shows them. */
function issues(value: unknown): string[] {
  const result = productInputSchema.safeParse(value);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

describe('productInputSchema', () => {
  it('accepts a well-formed product and trims what people type', () => {
    const parsed = productInputSchema.parse(
      input({ title: '  Cable  ', variants: [variant({ sku: ' CBL-BLK ' }), variant({ optionValues: ['White'], sku: 'CBL-WHT' })] }),
    );
    expect(parsed.title).toBe('Cable');
    expect(parsed.variants[0]?.sku).toBe('CBL-BLK');
    expect(issues(input())).toEqual([]);
  });

  it('refuses a compare-at price that is not above the price, on that variant', () => {
    const equal = input({ variants: [variant(), variant({ optionValues: ['White'], sku: 'CBL-WHT', compareAtPrice: 1299 })] });
    expect(issues(equal)).toEqual(['variants.1.compareAtPrice: Compare-at price must be above the price']);
    const below = input({ variants: [variant({ compareAtPrice: 999 }), variant({ optionValues: ['White'], sku: 'CBL-WHT' })] });
    expect(issues(below)).toEqual(['variants.0.compareAtPrice: Compare-at price must be above the price']);
    const above = input({ variants: [variant({ compareAtPrice: 1300 }), variant({ optionValues: ['White'], sku: 'CBL-WHT' })] });
    expect(issues(above)).toEqual([]);
  });

  it('checks UPC-A barcodes: length first, then the check digit', () => {
    const withBarcode = (barcode: string) =>
      input({ variants: [variant({ barcode }), variant({ optionValues: ['White'], sku: 'CBL-WHT' })] });
    expect(issues(withBarcode('036000291452'))).toEqual([]);
    expect(issues(withBarcode('036000291453'))).toEqual(['variants.0.barcode: The check digit does not match: check the barcode']);
    expect(issues(withBarcode('03600029145'))).toEqual(['variants.0.barcode: A UPC-A barcode is 12 digits']);
    expect(issues(withBarcode('03600029145X'))).toEqual(['variants.0.barcode: A UPC-A barcode is 12 digits']);
  });

  it('refuses the same SKU twice, ignoring case and spaces, on the later variant', () => {
    const twice = input({ variants: [variant(), variant({ optionValues: ['White'], sku: ' cbl-blk ' })] });
    expect(issues(twice)).toEqual(['variants.1.sku: Same SKU as variant 1']);
  });

  it('refuses option values that are not the options’ values, and repeated combinations', () => {
    const unknown = input({ variants: [variant(), variant({ optionValues: ['Red'], sku: 'CBL-RED' })] });
    expect(issues(unknown)).toEqual(['variants.1.optionValues: Option values do not match the options']);
    const tooMany = input({ variants: [variant({ optionValues: ['Black', 'XL'] }), variant({ optionValues: ['White'], sku: 'CBL-WHT' })] });
    expect(issues(tooMany)).toEqual(['variants.0.optionValues: Option values do not match the options']);
    const repeated = input({ variants: [variant(), variant({ sku: 'CBL-BLK-2' })] });
    expect(issues(repeated)).toEqual(['variants.1.optionValues: Same options as variant 1']);
  });

  it('refuses repeated option names and values', () => {
    const options = [
      { name: 'Color', values: ['Black', 'black'] },
      { name: 'color', values: ['S'] },
    ];
    expect(issues(input({ options, variants: [variant({ optionValues: ['Black', 'S'] })] }))).toEqual([
      'options.0.values.1: This value is listed twice',
      'options.1.name: Another option has this name',
    ]);
  });

  it('needs at least one variant', () => {
    expect(issues(input({ options: [], variants: [] }))).toEqual(['variants: A product needs at least one variant']);
  });

  it('says in plain words what is wrong with a price that is not an amount', () => {
    const nan = input({ options: [], variants: [variant({ optionValues: [], price: Number.NaN })] });
    expect(issues(nan)).toEqual(['variants.0.price: Enter an amount in dollars and cents, like 19.99']);
    const zero = input({ options: [], variants: [variant({ optionValues: [], price: 0 })] });
    expect(issues(zero)).toEqual(['variants.0.price: Enter a price above $0.00']);
    const fraction = input({ options: [], variants: [variant({ optionValues: [], price: 12.5 })] });
    expect(issues(fraction)).toEqual(['variants.0.price: Use whole cents']);
    const huge = input({ options: [], variants: [variant({ optionValues: [], price: 100_000_001 })] });
    expect(issues(huge)).toEqual(['variants.0.price: Must be under $1,000,000']);
  });

  it('refuses handles that are not lowercase words joined by single dashes', () => {
    expect(issues(input({ handle: 'USB--cable' }))).toEqual(['handle: Lowercase letters, digits and single dashes']);
  });
});

describe('productListQuerySchema', () => {
  it('turns the query string into typed values with defaults', () => {
    expect(productListQuerySchema.parse({})).toEqual({ offset: 0, limit: 25, sort: '-updatedAt' });
    expect(
      productListQuerySchema.parse({
        offset: '50',
        limit: '100',
        sort: 'price',
        q: ' cable ',
        status: 'active,draft',
        priceMin: '1000',
        priceMax: '5000',
      }),
    ).toEqual({ offset: 50, limit: 100, sort: 'price', q: 'cable', status: ['active', 'draft'], priceMin: 1000, priceMax: 5000 });
  });

  it.each([
    [{ limit: '0' }, 'limit'],
    [{ limit: '501' }, 'limit'],
    [{ limit: '2.5' }, 'limit'],
    [{ offset: '-1' }, 'offset'],
    [{ sort: 'color' }, 'sort'],
    [{ sort: '--price' }, 'sort'],
    [{ status: 'active,sold' }, 'status'],
    [{ status: ',' }, 'status'],
    [{ priceMin: '12.50' }, 'priceMin'],
    [{ priceMax: 'abc' }, 'priceMax'],
    [{ q: '   ' }, 'q'],
  ])('refuses %j at %s', (query, field) => {
    const result = productListQuerySchema.safeParse(query);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path[0])).toEqual([field]);
  });

  it('accepts the bounds', () => {
    expect(productListQuerySchema.parse({ limit: '1' }).limit).toBe(1);
    expect(productListQuerySchema.parse({ limit: '500' }).limit).toBe(500);
    expect(productListQuerySchema.parse({ sort: '-stock' }).sort).toBe('-stock');
  });
});

describe('problemSchema', () => {
  it('reads an RFC 9457 problem, defaulting the type', () => {
    expect(problemSchema.parse({ title: 'Not found', status: 404, detail: 'No product has the id x.' })).toEqual({
      type: 'about:blank',
      title: 'Not found',
      status: 404,
      detail: 'No product has the id x.',
    });
  });

  it('keeps per-field errors and the current resource of a conflict', () => {
    const problem = problemSchema.parse({
      type: 'https://stockroom.test/problems/validation',
      title: 'Invalid',
      status: 422,
      errors: { 'variants.0.price': 'Enter a price above $0.00' },
      current: { id: 'prod_1', version: 4 },
    });
    expect(problem.errors).toEqual({ 'variants.0.price': 'Enter a price above $0.00' });
    expect(problem.current).toEqual({ id: 'prod_1', version: 4 });
  });

  it('refuses what is not a problem', () => {
    expect(problemSchema.safeParse({ status: 500 }).success).toBe(false);
    expect(problemSchema.safeParse({ title: 'x', status: '500' }).success).toBe(false);
    expect(problemSchema.safeParse({ title: 'x', status: 422, errors: { price: 5 } }).success).toBe(false);
    expect(problemSchema.safeParse('Internal Server Error').success).toBe(false);
  });
});

describe('productSchema and bulkStatusInputSchema', () => {
  it('need versions, ids and UTC times on a stored product', () => {
    const stored = {
      ...input(),
      id: 'prod_1',
      variants: input().variants.map((v, i) => ({ ...v, id: `var_${i}`, productId: 'prod_1', stock: 3, version: 1 })),
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-02T00:00:00Z',
      version: 2,
    };
    expect(productSchema.safeParse(stored).success).toBe(true);
    expect(productSchema.safeParse({ ...stored, version: 0 }).success).toBe(false);
    expect(productSchema.safeParse({ ...stored, updatedAt: '2026-01-02' }).success).toBe(false);
  });

  it('bulk status takes 1 to 500 ids', () => {
    expect(bulkStatusInputSchema.safeParse({ ids: ['a'], status: 'archived' }).success).toBe(true);
    expect(bulkStatusInputSchema.safeParse({ ids: [], status: 'archived' }).error?.issues[0]?.message).toBe('Select at least one product');
    const many = Array.from({ length: 501 }, (_, i) => `p${i}`);
    expect(bulkStatusInputSchema.safeParse({ ids: many, status: 'active' }).error?.issues[0]?.message).toBe('Up to 500 products at a time');
    expect(bulkStatusInputSchema.safeParse({ ids: ['a'], status: 'deleted' }).success).toBe(false);
  });
});
