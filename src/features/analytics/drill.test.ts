import { describe, expect, it } from 'vitest';
import { figureTarget, rowFilters } from './drill';
import { formatTenths } from './components/labels';

const days = { from: '2026-11-04', to: '2026-12-03' };

describe('where a figure opens its records', () => {
  it('sends unfiltered sales to the order list, refunds to the refunds made, net to the summary', () => {
    expect(figureTarget('revenue', days)).toEqual({ to: '/orders', search: days });
    expect(figureTarget('averageOrderValue', { ...days, state: 'NY' })).toEqual({ to: '/orders', search: { ...days, state: 'NY' } });
    expect(figureTarget('refunds', days)).toEqual({ to: '/reports/refunds', search: days });
    expect(figureTarget('net', { ...days, state: 'NY' })).toEqual({ to: '/reports/summary', search: { ...days, state: 'NY' } });
  });

  it('sends a figure narrowed to a category, product or variant to the sold lines, and refunds keep the filter', () => {
    const audio = { ...days, categoryId: 'audio', state: undefined };
    expect(figureTarget('units', audio)).toEqual({ to: '/reports/lines', search: { ...days, categoryId: 'audio' } });
    expect(figureTarget('net', audio)).toEqual({ to: '/reports/lines', search: { ...days, categoryId: 'audio' } });
    expect(figureTarget('refunds', audio)).toEqual({ to: '/reports/refunds', search: { ...days, categoryId: 'audio' } });
    expect(figureTarget('orders', rowFilters('product', 'prod_1', days))).toEqual({
      to: '/reports/lines',
      search: { ...days, productId: 'prod_1' },
    });
  });

  it('opens a state row’s orders by that state, within the report’s category if it has one', () => {
    expect(figureTarget('revenue', rowFilters('state', 'CA', days))).toEqual({ to: '/orders', search: { ...days, state: 'CA' } });
    expect(figureTarget('revenue', rowFilters('state', 'CA', { ...days, categoryId: 'audio' }))).toEqual({
      to: '/reports/lines',
      search: { ...days, categoryId: 'audio', state: 'CA' },
    });
  });
});

describe('tenths of a percent', () => {
  it('reads as a percent with one decimal, a minus sign, and a dash for none', () => {
    expect(formatTenths(413)).toBe('41.3 %');
    expect(formatTenths(5)).toBe('0.5 %');
    expect(formatTenths(-27)).toBe('−2.7 %');
    expect(formatTenths(10000)).toBe('1,000.0 %');
    expect(formatTenths(null)).toBe('—');
  });
});
