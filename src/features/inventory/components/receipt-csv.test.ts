import { describe, expect, it } from 'vitest';
import { readReceiptCsv, receiptTemplate } from './receipt-csv';

describe('readReceiptCsv', () => {
  it('keeps every value as the text the file has, whatever the header case and order', () => {
    expect(readReceiptCsv('\uFEFFQuantity, SKU ,Location\r\n12,AB-1,Edison NJ\r\n x ,,dallas\r\n\r\n')).toEqual({
      rows: [
        { sku: 'AB-1', location: 'Edison NJ', quantity: '12' },
        { sku: '', location: 'dallas', quantity: ' x ' },
      ],
    });
  });

  it('names the columns a file lacks', () => {
    const result = readReceiptCsv('sku,qty\nAB-1,3\n');
    expect(result).toEqual({ error: expect.stringContaining('missing: location, quantity') });
  });

  it('refuses a header without rows', () => {
    expect(readReceiptCsv('sku,location,quantity\n')).toEqual({ error: 'The file has a header but no rows.' });
  });
});

describe('receiptTemplate', () => {
  it('reads back as a valid file with a row per warehouse', () => {
    expect(readReceiptCsv(receiptTemplate(['edison-nj', 'dallas-tx']))).toEqual({
      rows: [
        { sku: 'EXAMPLE-SKU', location: 'edison-nj', quantity: '0' },
        { sku: 'EXAMPLE-SKU', location: 'dallas-tx', quantity: '0' },
      ],
    });
  });
});
