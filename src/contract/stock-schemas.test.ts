import { adjustmentInputSchema, transferInputSchema } from './stock-schemas';

/** The message the API (either backend) puts beside the quantity. */
function quantityMessage(schema: typeof adjustmentInputSchema | typeof transferInputSchema, input: object): string | undefined {
  const result = schema.safeParse(input);
  return result.success ? undefined : result.error.issues.find((i) => i.path[0] === 'quantity')?.message;
}

describe('what a wrong quantity is told', () => {
  const adjustment = { variantId: 'var_0000001', locationId: 'edison-nj', version: 1 };
  const adjust = (reason: string, quantity: unknown) => quantityMessage(adjustmentInputSchema, { ...adjustment, reason, quantity });

  it('a fraction: whole units', () => {
    expect(adjust('received', 1.5)).toBe('Enter a whole number of units');
    expect(adjust('count_correction', 2.25)).toBe('Enter a whole number of units');
  });

  it('a negative number: not that it is no whole number, but to drop the sign, since the reason gives the direction', () => {
    for (const reason of ['received', 'damaged', 'lost', 'count_correction']) {
      expect(adjust(reason, -4)).toBe('Enter the units without a minus sign: the reason says whether stock goes up or down');
    }
  });

  it('zero: at least one unit, except for a count, where an empty shelf is a count', () => {
    expect(adjust('damaged', 0)).toBe('Enter at least 1 unit');
    expect(adjust('count_correction', 0)).toBeUndefined();
  });

  it('no number at all: a number of units', () => {
    expect(adjust('received', '4')).toBe('Enter a number of units');
    expect(adjust('received', null)).toBe('Enter a number of units');
  });

  it('a transfer: at least one unit, whole', () => {
    const transfer = { variantId: 'var_0000001', fromLocationId: 'edison-nj', toLocationId: 'dallas-tx', fromVersion: 1, toVersion: 1 };
    expect(quantityMessage(transferInputSchema, { ...transfer, quantity: -4 })).toBe('Move at least 1 unit');
    expect(quantityMessage(transferInputSchema, { ...transfer, quantity: 0 })).toBe('Move at least 1 unit');
    expect(quantityMessage(transferInputSchema, { ...transfer, quantity: 2.5 })).toBe('Enter a whole number of units');
  });
});
