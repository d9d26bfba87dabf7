import { centsToInput, formatCents, formatPermille, marginPermille, parseDollars } from './money';

describe('parseDollars', () => {
  it.each([
    ['12', 1200],
    ['12.5', 1250],
    ['12.50', 1250],
    ['$1,299.99', 129999],
    ['0.01', 1],
    ['0', 0],
    ['.5', 50],
    ['12.', 1200],
    ['  $ 7.05 ', 705],
    ['1,000,000', 100000000],
    ['007', 700],
  ])('reads %j as %i cents', (input, cents) => {
    expect(parseDollars(input)).toBe(cents);
  });

  it.each([
    '12.345',
    'abc',
    '-1',
    '1,2',
    '12,99',
    '1,2345',
    '',
    '   ',
    '$',
    '.',
    '$.',
    '12$',
    '1e3',
    '12 .5',
    '99999999999999999999',
    '90071992547409.92',
  ])('refuses %j', (input) => {
    expect(parseDollars(input)).toBeNull();
  });

  it('reads back every amount it writes', () => {
    const wrong: number[] = [];
    for (let cents = 0; cents <= 100_000; cents += 7) if (parseDollars(centsToInput(cents)) !== cents) wrong.push(cents);
    expect(wrong).toEqual([]);
  });
});

describe('centsToInput', () => {
  it.each([
    [0, '0.00'],
    [5, '0.05'],
    [50, '0.50'],
    [100, '1.00'],
    [1299, '12.99'],
    [129999, '1299.99'],
    [-5, '-0.05'],
    [-1299, '-12.99'],
  ])('writes %i cents as %j', (cents, text) => {
    expect(centsToInput(cents)).toBe(text);
  });
});

describe('formatCents', () => {
  it.each([
    [0, '$0.00'],
    [1, '$0.01'],
    [1299, '$12.99'],
    [129999, '$1,299.99'],
    [100000000, '$1,000,000.00'],
    // Past 2^53 / 100 a float of dollars would no longer hold every cent; the decimal string does.
    [900719925474099, '$9,007,199,254,740.99'],
    [-1299, '-$12.99'],
    [-5, '-$0.05'],
  ])('formats %i cents as %j', (cents, text) => {
    expect(formatCents(cents)).toBe(text);
  });
});

describe('marginPermille', () => {
  it.each([
    [1000, 600, 400],
    [1299, 412, 683], // 682.83…
    [3000, 1999, 334], // 333.67
    [2000, 635, 683], // 682.5 rounds up
    [2000, 3365, -683], // −682.5 rounds away from zero too
    [1000, 1200, -200],
    [1000, 0, 1000],
    [1000, 1000, 0],
    [2000, 2001, -1], // −0.5, half away from zero
    [3000, 3001, 0], // −0.33 is 0, not −0
  ])('price %i, cost %i → %i', (price, cost, permille) => {
    expect(marginPermille(price, cost)).toBe(permille);
  });

  it('is unknown without a cost or a price', () => {
    expect(marginPermille(1000, null)).toBeNull();
    expect(marginPermille(1000, undefined)).toBeNull();
    expect(marginPermille(0, 100)).toBeNull();
  });
});

describe('formatPermille', () => {
  it.each([
    [425, '42.5%'],
    [683, '68.3%'],
    [1000, '100.0%'],
    [5, '0.5%'],
    [0, '0.0%'],
    [-200, '−20.0%'],
    [-5, '−0.5%'],
    [-683, '−68.3%'],
  ])('formats %i as %j', (permille, text) => {
    expect(formatPermille(permille)).toBe(text);
  });
});
