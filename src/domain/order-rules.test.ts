import {
  allocate,
  fulfilmentStatusOf,
  lineRefundAmount,
  lineRefundParts,
  lineTotal,
  orderTotals,
  paymentStatusOf,
  percentOf,
  refundable,
  refundedLineAmounts,
  refundLineAmounts,
  restockableUnits,
  returnableUnits,
  returnedUnits,
  shippingFee,
} from './order-rules';
import { salesTax } from './sales-tax';

/** A small deterministic generator, so the random cases are the same on every run. */
function lcg(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 4_294_967_296;
  };
  return {
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T,
  };
}

describe('allocate', () => {
  it('splits in proportion and gives the leftover cents to the largest remainders', () => {
    expect(allocate(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(allocate(10, [3, 7])).toEqual([3, 7]);
    expect(allocate(5, [1000, 2000, 3000])).toEqual([1, 2, 2]); // 0.833, 1.667, 2.5
    expect(allocate(0, [5, 5])).toEqual([0, 0]);
    expect(allocate(7, [0, 5])).toEqual([0, 7]);
    expect(allocate(3, [0, 0])).toEqual([2, 1]);
    expect(allocate(0, [])).toEqual([]);
  });

  it('always sums to the amount exactly', () => {
    const rng = lcg(11);
    for (let run = 0; run < 2000; run++) {
      const weights = Array.from({ length: rng.int(1, 6) }, () => rng.int(0, 50_000));
      const amount = rng.int(0, 100_000);
      const parts = allocate(amount, weights);
      expect(parts.reduce((a, b) => a + b, 0)).toBe(amount);
      expect(parts.every((p) => Number.isInteger(p) && p >= 0)).toBe(true);
    }
  });

  it('stays exact beyond float precision', () => {
    const parts = allocate(99_999_999, [99_999_999, 99_999_999, 1]);
    expect(parts.reduce((a, b) => a + b, 0)).toBe(99_999_999);
  });

  it('refuses what cannot be split', () => {
    expect(() => allocate(1, [])).toThrow(RangeError);
    expect(() => allocate(1.5, [1])).toThrow(RangeError);
    expect(() => allocate(1, [-1, 2])).toThrow(RangeError);
  });
});

describe('shipping and discounts', () => {
  it('ships free from $50, else $5.99; expedited is $14.99', () => {
    expect(shippingFee(4_999, 'standard')).toBe(599);
    expect(shippingFee(5_000, 'standard')).toBe(0);
    expect(shippingFee(9_000, 'expedited')).toBe(1_499);
  });

  it('rounds a percentage half up', () => {
    expect(percentOf(1_999, 10)).toBe(200); // 199.9
    expect(percentOf(1_005, 20)).toBe(201);
    expect(percentOf(25, 10)).toBe(3); // 2.5
    expect(percentOf(24, 10)).toBe(2);
  });
});

describe('orderTotals', () => {
  it('adds up a taxed, discounted order', () => {
    const totals = orderTotals(
      [
        { unitPrice: 2_999, quantity: 2 },
        { unitPrice: 1_499, quantity: 1 },
      ],
      599,
      'CA',
      750,
    );
    expect(totals.subtotal).toBe(7_497);
    expect(totals.discount).toBe(750);
    expect(totals.tax).toBe(salesTax(6_747, 'CA'));
    expect(totals.total).toBe(7_497 - 750 + 599 + totals.tax);
    expect(totals.lines.map((l) => l.discount)).toEqual([600, 150]);
    expect(totals.lines.reduce((s, l) => s + l.tax, 0)).toBe(totals.tax);
  });

  it('charges no tax where the state has none', () => {
    const totals = orderTotals([{ unitPrice: 10_000, quantity: 1 }], 0, 'OR', 0);
    expect(totals.tax).toBe(0);
    expect(totals.total).toBe(10_000);
  });

  it('refuses a discount above the subtotal', () => {
    expect(() => orderTotals([{ unitPrice: 500, quantity: 1 }], 0, 'NY', 501)).toThrow(RangeError);
  });

  it('splits exactly on random orders', () => {
    const rng = lcg(5);
    for (let run = 0; run < 1000; run++) {
      const lines = Array.from({ length: rng.int(1, 4) }, () => ({ unitPrice: rng.int(499, 19_999), quantity: rng.int(1, 4) }));
      const subtotal = lines.reduce((s, l) => s + l.unitPrice * l.quantity, 0);
      const discount = percentOf(subtotal, rng.pick([0, 10, 15, 20]));
      const t = orderTotals(lines, rng.pick([0, 599, 1_499]), rng.pick(['CA', 'NJ', 'MN', 'TX', 'DE']), discount);
      expect(t.lines.reduce((s, l) => s + l.discount, 0)).toBe(t.discount);
      expect(t.lines.reduce((s, l) => s + l.tax, 0)).toBe(t.tax);
      expect(t.total).toBe(t.subtotal - t.discount + t.shipping + t.tax);
    }
  });
});

describe('lineRefundAmount', () => {
  const line = { unitPrice: 1_999, quantity: 3, discount: 200, tax: 131 };

  it('refunds every unit to exactly the line total, in any steps', () => {
    const total = lineTotal(line);
    expect(total).toBe(5_928);
    expect(lineRefundAmount(line, 0, 3)).toBe(total);
    const steps = [lineRefundAmount(line, 0, 1), lineRefundAmount(line, 1, 1), lineRefundAmount(line, 2, 1)];
    expect(steps).toEqual([1_976, 1_976, 1_976]);
    expect(lineRefundAmount(line, 0, 2) + lineRefundAmount(line, 2, 1)).toBe(total);
  });

  it('spreads an uneven total without losing a cent', () => {
    const uneven = { unitPrice: 1_000, quantity: 3, discount: 0, tax: 1 }; // 3001
    const steps = [0, 1, 2].map((r) => lineRefundAmount(uneven, r, 1));
    expect(steps).toEqual([1_000, 1_000, 1_001]);
    expect(lineRefundAmount(uneven, 0, 0)).toBe(0);
  });

  it('refuses more units than are left', () => {
    expect(() => lineRefundAmount(line, 2, 2)).toThrow('Only 1 of this line can still be refunded');
    expect(() => lineRefundAmount(line, 0, -1)).toThrow(RangeError);
  });
});

describe('refundable and statuses', () => {
  it('is what was paid less what was refunded', () => {
    expect(refundable({ total: 5_000, refunded: 1_200, balanceDue: 0 })).toBe(3_800);
    expect(refundable({ total: 5_000, refunded: 5_000, balanceDue: 0 })).toBe(0);
    // A replacement with $2.14 still owed was paid $2.14 less: that is not refundable.
    expect(refundable({ total: 1_173, refunded: 0, balanceDue: 214 })).toBe(959);
  });

  it('names the payment state', () => {
    expect(paymentStatusOf({ total: 5_000, refunded: 0, balanceDue: 0 })).toBe('paid');
    expect(paymentStatusOf({ total: 5_000, refunded: 1, balanceDue: 0 })).toBe('partially_refunded');
    expect(paymentStatusOf({ total: 5_000, refunded: 5_000, balanceDue: 0 })).toBe('refunded');
  });

  it('is pending while an exchange’s difference is owed, whatever was refunded', () => {
    expect(paymentStatusOf({ total: 5_000, refunded: 0, balanceDue: 1 })).toBe('pending');
    expect(paymentStatusOf({ total: 5_000, refunded: 2_000, balanceDue: 300 })).toBe('pending');
  });

  it('names the fulfilment state, cancelled units counting as nothing to ship', () => {
    const l = (quantity: number, fulfilledQuantity: number, cancelledQuantity = 0) => ({ quantity, fulfilledQuantity, cancelledQuantity });
    expect(fulfilmentStatusOf([l(2, 0), l(1, 0)])).toBe('unfulfilled');
    expect(fulfilmentStatusOf([l(2, 1), l(1, 0)])).toBe('partially_fulfilled');
    expect(fulfilmentStatusOf([l(2, 2), l(1, 1)])).toBe('fulfilled');
    expect(fulfilmentStatusOf([l(2, 2), l(1, 0, 1)])).toBe('fulfilled');
    expect(fulfilmentStatusOf([l(2, 0, 2)])).toBe('unfulfilled');
  });
});

describe('lineRefundParts and refundLineAmounts', () => {
  const line = { id: 'line_a', unitPrice: 1_999, quantity: 3, discount: 200, tax: 131 };

  it('splits each step into merchandise, discount and tax that add up to the amount', () => {
    const steps = [0, 1, 2].map((r) => lineRefundParts(line, r, 1));
    expect(steps).toEqual([
      { merchandise: 1_999, discount: 66, tax: 43, amount: 1_976 },
      { merchandise: 1_999, discount: 67, tax: 44, amount: 1_976 },
      { merchandise: 1_999, discount: 67, tax: 44, amount: 1_976 },
    ]);
    expect(lineRefundParts(line, 0, 3)).toEqual({ merchandise: 5_997, discount: 200, tax: 131, amount: 5_928 });
  });

  it('adds up to the line’s discount and tax once every unit is refunded, in any steps', () => {
    const rng = lcg(23);
    for (let run = 0; run < 500; run++) {
      const quantity = rng.int(1, 6);
      const unitPrice = rng.int(1, 20_000);
      const l = { unitPrice, quantity, discount: rng.int(0, unitPrice * quantity), tax: rng.int(0, 3_000) };
      let refunded = 0;
      const sums = { merchandise: 0, discount: 0, tax: 0, amount: 0 };
      while (refunded < quantity) {
        const q = rng.int(1, quantity - refunded);
        const p = lineRefundParts(l, refunded, q);
        expect(p.amount).toBe(p.merchandise - p.discount + p.tax);
        for (const k of ['merchandise', 'discount', 'tax', 'amount'] as const) sums[k] += p[k];
        refunded += q;
      }
      expect(sums).toEqual({ merchandise: unitPrice * quantity, discount: l.discount, tax: l.tax, amount: lineTotal(l) });
    }
  });

  it('never gives a step a negative discount share, even when the line’s discount is smaller than its units', () => {
    const small = { unitPrice: 1_000, quantity: 5, discount: 1, tax: 3 };
    const steps = [0, 1, 2, 3, 4].map((r) => lineRefundParts(small, r, 1));
    expect(steps.map((p) => p.amount)).toEqual([1_000, 1_000, 1_001, 1_000, 1_001]);
    // The third step rounds a cent above price plus its tax share: that cent is tax, not a −1 cent discount.
    for (const p of steps) expect(p.discount).toBeGreaterThanOrEqual(0);
  });

  it('gives the reports what a refund gave back: one edited down spreads its amount over its lines, tax in proportion', () => {
    const a = { id: 'a', unitPrice: 31_987, quantity: 1, discount: 0, tax: 2_119 };
    const b = { id: 'b', unitPrice: 1_000, quantity: 2, discount: 0, tax: 66 };
    const refund = (id: string, amount: number, shipping = 0) => ({
      id,
      amount,
      shipping,
      lines: [
        { lineId: 'a', quantity: 1 },
        { lineId: 'b', quantity: 1 },
      ],
    });
    // Paid $341.06 and $10.33 for those units; $100.00 given back (plus $5.99 shipping).
    const parts = refundedLineAmounts({ lines: [a, b], refunds: [refund('r1', 10_599, 599)] });
    expect(parts.map((p) => p.amount)).toEqual([9_706, 294]);
    expect(parts.reduce((n, p) => n + p.amount, 0)).toBe(10_000);
    expect(parts.map((p) => p.tax)).toEqual([Math.floor((2_119 * 9_706) / 34_106), Math.floor((33 * 294) / 1_033)]);
    // Given back in full (or more, an extra amount on top): the units' own amounts.
    const full = refundedLineAmounts({ lines: [a, b], refunds: [refund('r2', 40_000)] });
    expect(full.map((p) => [p.amount, p.tax])).toEqual([
      [34_106, 2_119],
      [1_033, 33],
    ]);
  });

  it('replays refunds in order, capping units beyond the line and leaving out a line not on the order', () => {
    const parts = refundLineAmounts({
      lines: [line],
      refunds: [
        { id: 'ref_1', lines: [{ lineId: 'line_a', quantity: 1 }] },
        {
          id: 'ref_2',
          lines: [
            { lineId: 'line_a', quantity: 5 },
            { lineId: 'line_x', quantity: 1 },
          ],
        },
      ],
    });
    expect(parts.map(({ refundId, quantity, amount, tax, discount }) => ({ refundId, quantity, amount, tax, discount }))).toEqual([
      { refundId: 'ref_1', quantity: 1, amount: 1_976, tax: 43, discount: 66 },
      { refundId: 'ref_2', quantity: 2, amount: 3_952, tax: 88, discount: 134 },
    ]);
  });
});

describe('returned, returnable and restockable units', () => {
  const line = { id: 'line_a', quantity: 5, fulfilledQuantity: 4, cancelledQuantity: 1, refundedQuantity: 0 };
  const ret = (status: string, receivedAt: string | null, quantity: number, restocked = 0, writtenOff = 0) => ({
    status,
    receivedAt,
    lines: [{ lineId: 'line_a', quantity, restocked, writtenOff }],
  });

  it('counts every return but one closed before it arrived', () => {
    const order = {
      refunds: [],
      returns: [ret('requested', null, 1), ret('closed', null, 2), ret('closed', '2026-11-27T15:00:00.000Z', 1, 1, 0)],
    };
    expect(returnedUnits(order, 'line_a')).toBe(2);
    expect(returnedUnits(order, 'line_b')).toBe(0);
    expect(returnableUnits(order, line)).toBe(2);
    expect(returnableUnits({ refunds: [], returns: [ret('received', 'x', 4, 4)] }, line)).toBe(0);
  });

  it('counts units back by a refund’s restock and on a return, received (written off or not) or still to come', () => {
    const order = {
      refunds: [
        { shipping: 0, restock: true, lines: [{ lineId: 'line_a', quantity: 1 }] },
        { shipping: 0, restock: false, lines: [{ lineId: 'line_a', quantity: 1 }] },
      ],
      returns: [ret('received', 'x', 2, 1, 1), ret('requested', null, 1)],
    };
    expect(restockableUnits(order, line)).toBe(0);
    expect(restockableUnits({ ...order, returns: [ret('received', 'x', 2, 1, 1)] }, line)).toBe(1);
    expect(restockableUnits({ refunds: [], returns: [] }, line)).toBe(4);
  });
});
