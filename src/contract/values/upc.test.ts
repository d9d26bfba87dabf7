import { isValidUpcA, upcCheckDigit } from './upc';

describe('upcCheckDigit', () => {
  it.each([
    ['03600029145', 2],
    ['01234567890', 5],
    ['04210000526', 4],
    ['00000000000', 0],
    ['12345678901', 2],
  ])('of %s is %i', (body, digit) => {
    expect(upcCheckDigit(body)).toBe(digit);
  });

  it('refuses a body that is not 11 digits', () => {
    expect(() => upcCheckDigit('0360002914')).toThrow('A UPC-A body is 11 digits');
    expect(() => upcCheckDigit('0360002914A')).toThrow('A UPC-A body is 11 digits');
  });
});

describe('isValidUpcA', () => {
  it.each(['036000291452', '012345678905', '042100005264', '000000000000', '123456789012'])('accepts %s', (code) => {
    expect(isValidUpcA(code)).toBe(true);
  });

  it.each([
    ['036000291453', 'wrong check digit'],
    ['012345678900', 'wrong check digit'],
    ['036000291425', 'two digits swapped'],
    ['03600029145', '11 digits'],
    ['0036000291452', '13 digits (an EAN-13)'],
    ['', 'empty'],
    ['03600029145a', 'a letter'],
    ['036000 91452', 'a space'],
  ])('refuses %j: %s', (code) => {
    expect(isValidUpcA(code)).toBe(false);
  });
});
