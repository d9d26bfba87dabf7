import { toCsv, type CsvColumn } from './csv';

type Row = { sku: string; title: string; price: number; stock: number | null };

const columns: CsvColumn<Row>[] = [
  { header: 'SKU', value: (r) => r.sku },
  { header: 'Title', value: (r) => r.title },
  { header: 'Price', value: (r) => (r.price / 100).toFixed(2) },
  { header: 'Stock', value: (r) => r.stock },
];

describe('toCsv', () => {
  it('writes the header in column order, then one line per row, CRLF between lines', () => {
    const rows: Row[] = [
      { sku: 'CBL-1', title: 'Cable', price: 1299, stock: 4 },
      { sku: 'CHG-2', title: 'Charger', price: 2500, stock: null },
    ];
    expect(toCsv(rows, columns)).toBe('SKU,Title,Price,Stock\r\nCBL-1,Cable,12.99,4\r\nCHG-2,Charger,25.00,');
    expect(toCsv(rows, [columns[3]!, columns[0]!])).toBe('Stock,SKU\r\n4,CBL-1\r\n,CHG-2');
  });

  it('writes only the header when there are no rows', () => {
    // Papa ends a data-less file with the header's line break; CSV readers accept either.
    expect(toCsv([], columns)).toBe('SKU,Title,Price,Stock\r\n');
  });

  it('quotes commas, quotes and line breaks', () => {
    const rows: Row[] = [
      { sku: 'A', title: 'Earbuds, wireless', price: 100, stock: 1 },
      { sku: 'B', title: 'The "Pro" case', price: 100, stock: 1 },
      { sku: 'C', title: 'Two\nlines', price: 100, stock: 1 },
    ];
    expect(toCsv(rows, columns.slice(0, 2))).toBe('SKU,Title\r\nA,"Earbuds, wireless"\r\nB,"The ""Pro"" case"\r\nC,"Two\nlines"');
  });

  it('defuses cells a spreadsheet would run as a formula', () => {
    const rows: Row[] = [
      { sku: '=SUM(1)', title: '+1', price: 100, stock: 1 },
      { sku: '@cmd', title: '-2+3', price: 100, stock: 1 },
      { sku: 'OK=1', title: 'a+b', price: 100, stock: -3 },
    ];
    expect(toCsv(rows, [columns[0]!, columns[1]!, columns[3]!])).toBe(
      'SKU,Title,Stock\r\n"\'=SUM(1)","\'+1",1\r\n"\'@cmd","\'-2+3",1\r\nOK=1,a+b,-3',
    );
  });
});
