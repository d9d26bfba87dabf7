import { daysOfCover } from './stock-rules';
import { formatDaysOfCover } from './days-of-cover';

/**
 * What a level reads as, from its available units, what is coming (on order and
 * in transit) and 28 days of sales, through the API's own rule: its days of cover
 * count available + on order + in transit.
 */
const shown = (available: number, sold28: number, { onOrder = 0, inTransit = 0 } = {}) =>
  formatDaysOfCover({ available, onOrder, inTransit, daysOfCover: daysOfCover(available + onOrder + inTransit, sold28) });

describe('formatDaysOfCover', () => {
  it('says "Out" when nothing is available and nothing is coming, whether or not anything sold', () => {
    expect(shown(0, 0)).toBe('Out');
    expect(shown(0, 40)).toBe('Out');
    expect(shown(-3, 12)).toBe('Out');
  });

  it('counts the days of what is coming when the shelf is empty', () => {
    expect(shown(0, 28, { onOrder: 10 })).toBe('10 d');
    expect(shown(0, 28, { inTransit: 5 })).toBe('5 d');
    expect(shown(-2, 28, { onOrder: 4, inTransit: 4 })).toBe('6 d');
    // Coming, but fewer than the orders already owe: nothing to sell from, yet not "Out".
    expect(shown(-6, 28, { onOrder: 4 })).toBe('0 d');
    expect(shown(0, 0, { onOrder: 10 })).toBe('No sales');
  });

  it('says "No sales" when units are available and none sold in 28 days', () => {
    expect(shown(5, 0)).toBe('No sales');
  });

  it('counts days otherwise, to one decimal, and never "0 d" beside stock', () => {
    expect(shown(10, 28)).toBe('10 d');
    expect(shown(5, 11)).toBe('12.7 d');
    expect(shown(1_000, 1)).toBe('28,000 d');
    expect(shown(1, 600)).toBe('Under 0.1 d');
    expect(shown(6, 28, { onOrder: 4 })).toBe('10 d');
  });
});
