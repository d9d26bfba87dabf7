import { describeAuditChanges, productsToName, recordPage, variantName, type ShownGroup } from './audit-changes';

type Entry = Parameters<typeof describeAuditChanges>[0];

/** Each change as one line of text, the way the screen reads it ("Price: $89.99 → $84.99"), grouped under its variant. */
function read(groups: ShownGroup[]): string[] {
  const value = (v: ShownGroup['changes'][number]['after']) =>
    v.kind === 'none' ? '—' : v.kind === 'text' ? v.text : `[${v.items.join('] [')}]`;
  return groups.flatMap((g) => [
    ...(g.variant ? [`# ${variantName(g.variant)}${g.state === 'changed' ? '' : ` (${g.state})`}`] : []),
    ...g.changes.map((c) => `${c.label}: ${c.before ? `${value(c.before)} → ` : ''}${value(c.after)}`),
  ]);
}

const lines = (entry: Entry, lookups?: Parameters<typeof describeAuditChanges>[1]) => read(describeAuditChanges(entry, lookups));

describe('describeAuditChanges', () => {
  it('reads a price change in dollars, under the variant named by SKU and option values', () => {
    const entry: Entry = {
      entityType: 'price',
      before: { 'variants.WLK-100.price': 8999, 'variants.WLK-100.compareAtPrice': null },
      after: { 'variants.WLK-100.price': 8499, 'variants.WLK-100.compareAtPrice': 9999 },
    };
    expect(lines(entry, { optionsOf: (sku) => (sku === 'WLK-100' ? ['Black', 'M'] : undefined) })).toEqual([
      '# WLK-100 · Black / M',
      'Price: $89.99 → $84.99',
      'Compare-at price: — → $99.99',
    ]);
    // Without the product at hand, the SKU alone names it.
    expect(lines(entry)[0]).toBe('# WLK-100');
  });

  it('formats cents exactly, from one cent to the most a price may be', () => {
    const entry: Entry = {
      entityType: 'price',
      before: { 'variants.A.cost': 1, 'variants.A.price': 100_000_000 },
      after: { 'variants.A.cost': 0, 'variants.A.price': 29 },
    };
    expect(lines(entry)).toEqual(['# A', 'Cost: $0.01 → $0.00', 'Price: $1,000,000.00 → $0.29']);
  });

  it('leaves out what did not change: "— → —", an empty list for a missing one, the same value twice', () => {
    const entry: Entry = {
      entityType: 'product',
      before: { 'variants.WLK-NEW-0100.compareAtPrice': null, tags: [], description: 'Same', title: 'Old' },
      after: { 'variants.WLK-NEW-0100.compareAtPrice': null, tags: null, description: 'Same', title: 'New' },
    };
    expect(lines(entry)).toEqual(['Title: Old → New']);
    expect(describeAuditChanges({ entityType: 'price', before: { 'variants.X.cost': null }, after: { 'variants.X.cost': null } })).toEqual(
      [],
    );
  });

  it('uses the editor’s labels: the category by name, the status in words, tags and images as chips', () => {
    const entry: Entry = {
      entityType: 'product',
      before: { categoryId: 'audio', status: 'draft', tags: ['usb-c', 'travel'], images: [], paymentStatus: 'x' },
      after: {
        categoryId: 'cables-chargers',
        status: 'active',
        tags: ['usb-c', 'travel', 'desk'],
        images: [
          { url: 'https://img.example/a.jpg', alt: 'Front' },
          { url: 'https://img.example/b.jpg', alt: '' },
        ],
        paymentStatus: 'y',
      },
    };
    expect(lines(entry)).toEqual([
      'Category: Audio → Cables & Chargers',
      'Status: Draft → Active',
      'Tags: [usb-c] [travel] → [usb-c] [travel] [desk]',
      'Images: — → [Front] [https://img.example/b.jpg]',
      // A field nobody named yet still reads as words, not as its name.
      'Payment status: x → y',
    ]);
    const tags = describeAuditChanges(entry)[0]!.changes.find((c) => c.label === 'Tags')!;
    expect(tags.after).toEqual({ kind: 'chips', items: ['usb-c', 'travel', 'desk'] });
  });

  it('reads a refund in dollars and the statuses as the order screen does; what the action did has no "before"', () => {
    const entry: Entry = {
      entityType: 'order',
      before: { paymentStatus: 'paid', refunded: 0 },
      // As the API records it: what the action did first, then the fields it moved.
      after: { refund: 4529, reason: 'Late delivery', paymentStatus: 'partially_refunded', refunded: 4529 },
    };
    expect(lines(entry)).toEqual([
      'Payment: Paid → Partly refunded',
      'Refunded in total: $0.00 → $45.29',
      'Refund: $45.29',
      'Reason: Late delivery',
    ]);
    const shipped: Entry = {
      entityType: 'order',
      before: { fulfilmentStatus: 'unfulfilled', status: 'open' },
      after: { shipped: 1, carrier: 'UPS', trackingNumber: '1Z999AA10123456784', status: 'closed', fulfilmentStatus: 'fulfilled' },
    };
    expect(lines(shipped)).toEqual([
      'Status: Open → Closed',
      'Fulfilment: Unfulfilled → Fulfilled',
      'Shipped: 1 unit',
      'Carrier: UPS',
      'Tracking number: 1Z999AA10123456784',
    ]);
  });

  it('shows a new product as what it was created with, and a new variant as added, named by its own option values', () => {
    const created: Entry = {
      entityType: 'product',
      before: {
        title: null,
        tags: null,
        'variants.MUG-1.sku': null,
        'variants.MUG-1.optionValues': null,
        'variants.MUG-1.weightGrams': null,
      },
      after: {
        title: 'Mug',
        tags: ['kitchen'],
        'variants.MUG-1.sku': 'MUG-1',
        'variants.MUG-1.optionValues': ['Blue'],
        'variants.MUG-1.weightGrams': 1250,
      },
    };
    expect(lines(created)).toEqual([
      'Title: Mug',
      'Tags: [kitchen]',
      '# MUG-1 · Blue (added)',
      'SKU: MUG-1',
      'Options: Blue',
      'Weight: 1,250 g',
    ]);
  });

  it('keeps the arrow when a product’s empty fields are filled: only an empty title (or a new SKU) means created', () => {
    const filled: Entry = {
      entityType: 'product',
      before: { tags: [], description: '' },
      after: { tags: ['usb-c'], description: 'Braided' },
    };
    expect(lines(filled)).toEqual(['Tags: — → [usb-c]', 'Description: — → Braided']);
    const compareAt: Entry = {
      entityType: 'price',
      before: { 'variants.A.compareAtPrice': null },
      after: { 'variants.A.compareAtPrice': 999 },
    };
    expect(lines(compareAt)).toEqual(['# A', 'Compare-at price: — → $9.99']);
    const newVariantPrices: Entry = {
      entityType: 'price',
      before: { 'variants.B.price': null, 'variants.B.cost': null },
      after: { 'variants.B.price': 4999, 'variants.B.cost': 2000 },
    };
    expect(lines(newVariantPrices)).toEqual(['# B (added)', 'Price: $49.99', 'Cost: $20.00']);
  });

  it('says which variant was removed and what it cost', () => {
    const entry: Entry = {
      entityType: 'product',
      before: { 'variants.OLD.1': { sku: 'OLD.1', price: 1999 } },
      after: { 'variants.OLD.1': null },
    };
    expect(lines(entry, { optionsOf: () => ['Red'] })).toEqual(['# OLD.1 · Red (removed)', 'Price: $19.99']);
  });

  it('reads a SKU that holds dots, and a changed SKU under its new one', () => {
    const entry: Entry = {
      entityType: 'product',
      before: { 'variants.A.B-2.sku': 'A.B-1', 'variants.A.B-2.barcode': null },
      after: { 'variants.A.B-2.sku': 'A.B-2', 'variants.A.B-2.barcode': '036000291452' },
    };
    expect(lines(entry)).toEqual(['# A.B-2', 'SKU: A.B-1 → A.B-2', 'Barcode: — → 036000291452']);
  });

  it('names stock by location and reason, and the units of a delivery', () => {
    expect(
      lines(
        { entityType: 'stock', before: { 'edison-nj': 10, 'dallas-tx': 2 }, after: { 'edison-nj': 6, 'dallas-tx': 6 } },
        { locationName: (id) => (id === 'edison-nj' ? 'Edison, NJ' : undefined) },
      ),
    ).toEqual(['On hand at Edison, NJ: 10 → 6', 'On hand at dallas-tx: 2 → 6']);
    expect(
      lines({ entityType: 'stock', before: { onHand: 4 }, after: { onHand: 0, reason: 'written off as damaged', note: 'Dropped' } }),
    ).toEqual(['On hand: 4 → 0', 'Reason: Written off as damaged', 'Note: Dropped']);
    expect(lines({ entityType: 'stock', before: { threshold: 5 }, after: { threshold: 0 } })).toEqual(['Threshold: 5 → 0']);
    expect(lines({ entityType: 'stock', before: {}, after: { units: 1200, rows: 3 } })).toEqual(['Units received: 1,200', 'Rows: 3']);
  });

  it('reads price batches, imports and staff changes in words', () => {
    expect(
      lines({
        entityType: 'price',
        before: {},
        after: { step: 'reverted', change: 'lower by 20 %, ending .99', variants: 12, conflicts: 1 },
      }),
    ).toEqual(['Step: Reverted', 'Change: Lower by 20 %, ending .99', 'Prices changed: 12 variants', 'Changed since, kept: 1 variant']);
    expect(lines({ entityType: 'product', before: {}, after: { created: 250, updated: 3 } })).toEqual([
      'Products created: 250',
      'Products updated: 3',
    ]);
    expect(lines({ entityType: 'staff', before: { role: 'support', active: true }, after: { role: 'manager', active: false } })).toEqual([
      'Role: Support → Manager',
      'Status: Active → Deactivated',
    ]);
  });

  it('shows an object it has no words for as words, not JSON, and a key such as "constructor" as a field', () => {
    expect(lines({ entityType: 'order', before: {}, after: { constructor: { someThing: 'x', empty: null } } })).toEqual([
      'Constructor: Some thing: x',
    ]);
  });
});

describe('recordPage', () => {
  it('links each record to its page, and what has none to nothing', () => {
    expect(recordPage({ entityType: 'product', entityId: 'prod_000001' })).toEqual({ page: 'product', productId: 'prod_000001' });
    expect(recordPage({ entityType: 'product', entityId: 'import' })).toBeNull();
    expect(recordPage({ entityType: 'price', entityId: 'prod_000001' })).toEqual({ page: 'product', productId: 'prod_000001' });
    expect(recordPage({ entityType: 'price', entityId: 'pb_3f9a1c0d2e4b' })).toEqual({ page: 'price batch', batchId: 'pb_3f9a1c0d2e4b' });
    expect(recordPage({ entityType: 'stock', entityId: 'var_0000001' })).toEqual({ page: 'stock ledger', variantId: 'var_0000001' });
    expect(recordPage({ entityType: 'stock', entityId: 'delivery' })).toBeNull();
    expect(recordPage({ entityType: 'order', entityId: 'ord_0001001' })).toEqual({ page: 'order', orderId: 'ord_0001001' });
    expect(recordPage({ entityType: 'staff', entityId: 'staff_support' })).toEqual({ page: 'staff' });
    expect(recordPage({ entityType: 'discount', entityId: 'disc_holiday20' })).toEqual({ page: 'discount', discountId: 'disc_holiday20' });
    expect(recordPage({ entityType: 'view', entityId: 'view_1' })).toBeNull();
    expect(recordPage({ entityType: 'purchase_order', entityId: 'po_1' })).toEqual({ page: 'purchase order', purchaseOrderId: 'po_1' });
    expect(recordPage({ entityType: 'supplier', entityId: 'sup_1' })).toEqual({ page: 'suppliers' });
  });
});

describe('productsToName', () => {
  it('asks for the products whose variants an entry names without option values, once each', () => {
    const price = { entityType: 'price' as const, entityId: 'prod_1', after: { 'variants.A.price': 1 } };
    const named = { entityType: 'product' as const, entityId: 'prod_2', after: { 'variants.B.sku': 'B', 'variants.B.optionValues': [] } };
    const title = { entityType: 'product' as const, entityId: 'prod_3', after: { title: 'x' } };
    const batch = { entityType: 'price' as const, entityId: 'pb_1', after: { variants: 3 } };
    const order = { entityType: 'order' as const, entityId: 'ord_1', after: { 'variants.A.price': 1 } };
    expect(productsToName([price, named, title, batch, order, price])).toEqual(['prod_1']);
  });
});
