/** UPC-A: 11 data digits and a check digit (GS1 modulo 10, weights 3 and 1 from the left). */
export function upcCheckDigit(elevenDigits: string): number {
  if (!/^\d{11}$/.test(elevenDigits)) throw new Error('A UPC-A body is 11 digits');
  let sum = 0;
  for (let i = 0; i < 11; i++) sum += Number(elevenDigits[i]) * (i % 2 === 0 ? 3 : 1);
  return (10 - (sum % 10)) % 10;
}

export function isValidUpcA(code: string): boolean {
  return /^\d{12}$/.test(code) && upcCheckDigit(code.slice(0, 11)) === Number(code[11]);
}
