import { describe, expect, it } from 'vitest';
import { accepts, formatFileSize } from './file-kinds';

describe('the file field', () => {
  it('says a size the way people read it', () => {
    expect([0, 999, 1_000, 1_234, 999_949, 2_500_000].map(formatFileSize)).toEqual([
      '0 bytes',
      '999 bytes',
      '1 KB',
      '1.2 KB',
      '999.9 KB',
      '2.5 MB',
    ]);
  });

  it('takes a file by extension or MIME type, as the picker filters', () => {
    const csv = '.csv,text/csv';
    expect(accepts(csv, { name: 'Delivery.CSV', type: '' })).toBe(true);
    expect(accepts(csv, { name: 'export', type: 'text/csv' })).toBe(true);
    expect(accepts(csv, { name: 'photo.png', type: 'image/png' })).toBe(false);
    expect(accepts('image/*', { name: 'photo.png', type: 'image/png' })).toBe(true);
  });
});
