import * as fc from 'fast-check';
import type { DiscountInput } from '../contract/discount-schemas';
import { appliesTo, checkUse, discountStatus, priceBasket, type BasketItem } from './discount-rules';

const discount = (over: Partial<DiscountInput> = {}): DiscountInput => ({
  kind: 'code',
  code: 'AUDIO15',
  title: '15 % off audio',
  type: 'percent',
  value: 1500,
  scope: 'order',
  targetIds: [],
  minimumSubtotal: null,
  minimumQuantity: null,
  usageLimit: null,
  oncePerCustomer: false,
  startsAt: '2026-12-01T05:00:00.000Z',
  endsAt: null,
  combines: false,
  enabled: true,
  ...over,
});

const item = (n: number, unitPrice: number, quantity: number, categoryId = 'audio'): BasketItem => ({
  variantId: `var_${n}`,
  productId: `prod_${n}`,
  categoryId,
  sku: `SKU-${n}`,
  title: `Item ${n}`,
  unitPrice,
  quantity,
});

describe('a discount’s status on the store’s clock', () => {
  const d = discount({ startsAt: '2026-12-05T05:00:00.000Z', endsAt: '2026-12-10T05:00:00.000Z' });
  it.each([
    ['2026-12-05T04:59:59.999Z', 'scheduled'],
    ['2026-12-05T05:00:00.000Z', 'active'],
    ['2026-12-10T04:59:59.999Z', 'active'],
    ['2026-12-10T05:00:00.000Z', 'expired'],
  ])('at %s it is %s', (at, status) => expect(discountStatus(d, Date.parse(at))).toBe(status));
  it('is disabled whatever its dates', () =>
    expect(discountStatus({ ...d, enabled: false }, Date.parse('2026-12-06T00:00:00Z'))).toBe('disabled'));
});

describe('pricing a basket', () => {
  it('takes a percent of the lines it applies to, splits it over them, and taxes what is left (NJ 6.625 %)', () => {
    const basket = [item(1, 4_999, 2), item(2, 1_999, 1, 'cables')];
    const p = priceBasket(discount({ scope: 'categories', targetIds: ['audio'] }), basket, 'NJ');
    expect(p.discount).toBe(1_500); // 15 % of $99.98 is $14.997, rounded to $15.00
    expect(p.lines.map((l) => [l.eligible, l.discount])).toEqual([
      [true, 1_500],
      [false, 0],
    ]);
    expect(p.shipping).toBe(0); // $104.97 − $15.00 is over $50
    expect(p.total).toBe(p.subtotal - p.discount + p.shipping + p.tax);
    expect(p.applied).toBe(true);
  });

  it('takes an amount off, never more than the lines it applies to', () => {
    const p = priceBasket(
      discount({ type: 'amount', value: 10_000, scope: 'products', targetIds: ['prod_2'] }),
      [item(1, 500, 1), item(2, 700, 2)],
      'OR',
    );
    expect(p.discount).toBe(1_400);
    expect(p.tax).toBe(0); // Oregon has no sales tax
  });

  it('makes shipping free, or says it is free already', () => {
    expect(priceBasket(discount({ type: 'free_shipping', value: 0 }), [item(1, 1_000, 1)], 'NY')).toMatchObject({
      shipping: 0,
      discount: 0,
      applied: true,
    });
    expect(priceBasket(discount({ type: 'free_shipping', value: 0 }), [item(1, 9_000, 1)], 'NY')).toMatchObject({
      applied: false,
      reason: 'Shipping is free on this basket already',
    });
  });

  it('says why it took nothing off', () => {
    expect(priceBasket(discount({ minimumSubtotal: 5_000 }), [item(1, 1_000, 2)], 'NY').reason).toBe(
      'The basket’s subtotal, $20.00, is under the $50.00 minimum',
    );
    expect(priceBasket(discount({ minimumQuantity: 3 }), [item(1, 1_000, 2)], 'NY').reason).toBe(
      'The basket has 2 of the 3 units it needs',
    );
    expect(priceBasket(discount({ scope: 'variants', targetIds: ['var_9'] }), [item(1, 1_000, 2)], 'NY')).toMatchObject({
      discount: 0,
      applied: false,
      reason: 'None of the basket’s items is one this discount applies to',
    });
  });

  it('never loses or invents a cent, over thousands of generated baskets', () => {
    const basket = fc.array(
      fc.record({
        price: fc.integer({ min: 0, max: 100_000_000 / 1000 }),
        quantity: fc.integer({ min: 1, max: 1000 }),
        cat: fc.constantFrom('audio', 'cables', 'power'),
      }),
      { minLength: 1, maxLength: 12 },
    );
    const offer = fc.record({
      type: fc.constantFrom('percent', 'amount', 'free_shipping') as fc.Arbitrary<DiscountInput['type']>,
      bp: fc.integer({ min: 1, max: 10_000 }),
      cents: fc.integer({ min: 1, max: 100_000_000 }),
      scoped: fc.boolean(),
      minimum: fc.option(fc.integer({ min: 1, max: 500_000 }), { nil: null }),
    });
    const state = fc.constantFrom('NJ', 'CA', 'OR', 'TX', 'NY', 'WA', 'DE');
    fc.assert(
      fc.property(basket, offer, state, (lines, o, st) => {
        const items = lines.map((l, i) => item(i, l.price, l.quantity, l.cat));
        const d = discount({
          type: o.type,
          value: o.type === 'percent' ? o.bp : o.type === 'amount' ? o.cents : 0,
          scope: o.scoped && o.type !== 'free_shipping' ? 'categories' : 'order',
          targetIds: o.scoped && o.type !== 'free_shipping' ? ['audio'] : [],
          minimumSubtotal: o.minimum,
        });
        const p = priceBasket(d, items, st);
        const sum = (f: (l: (typeof p.lines)[number]) => number) => p.lines.reduce((n, l) => n + f(l), 0);
        expect(sum((l) => l.discount)).toBe(p.discount);
        expect(sum((l) => l.tax)).toBe(p.tax);
        expect(sum((l) => l.total) + p.shipping).toBe(p.total);
        expect(p.total).toBe(p.subtotal - p.discount + p.shipping + p.tax);
        for (const [i, l] of p.lines.entries()) {
          const most = appliesTo(d, items[i]!) ? items[i]!.unitPrice * items[i]!.quantity : 0;
          expect(l.discount >= 0 && l.discount <= most).toBe(true);
        }
      }),
      { numRuns: 3_000 },
    );
  });
});

describe('claiming a use', () => {
  const d = { ...discount({ usageLimit: 2, oncePerCustomer: true }), title: 'Two uses' };
  const now = Date.parse('2026-12-04T12:00:00Z');
  it('passes while active, under the limit and new to the customer', () => {
    expect(() => checkUse(d, { nowMs: now, uses: 1, usedByCustomer: false })).not.toThrow();
  });
  it.each([
    ['used up', { uses: 2, usedByCustomer: false }, 'discount'],
    ['used by this customer', { uses: 0, usedByCustomer: true }, 'customerEmail'],
  ])('refuses one %s', (_, facts, field) => {
    let thrown: unknown;
    try {
      checkUse(d, { nowMs: now, ...facts });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toMatchObject({ problem: { status: 422, errors: { [field]: expect.any(String) } } });
  });
  it('refuses before it starts', () => {
    expect(() => checkUse({ ...d, startsAt: '2026-12-05T00:00:00Z' }, { nowMs: now, uses: 0, usedByCustomer: false })).toThrow(
      /not started/,
    );
  });
});
