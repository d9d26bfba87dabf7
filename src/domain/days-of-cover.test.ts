import { daysOfCover } from './stock-rules';
import { formatDaysOfCover } from './days-of-cover';

/** What a level reads as, from its available units and 28 days of sales, through the API's own rule. */
const shown = (available: number, sold28: number) => formatDaysOfCover({ available, daysOfCover: daysOfCover(available, sold28) });

describe('formatDaysOfCover', () => {
  it('says "Out" when nothing is available, whether or not anything sold', () => {
    expect(shown(0, 0)).toBe('Out');
    expect(shown(0, 40)).toBe('Out');
    expect(shown(-3, 12)).toBe('Out');
  });

  it('says "No sales" when units are available and none sold in 28 days', () => {
    expect(shown(5, 0)).toBe('No sales');
  });

  it('counts days otherwise, to one decimal, and never "0 d" beside stock', () => {
    expect(shown(10, 28)).toBe('10 d');
    expect(shown(5, 11)).toBe('12.7 d');
    expect(shown(1_000, 1)).toBe('28,000 d');
    expect(shown(1, 600)).toBe('Under 0.1 d');
  });
});
