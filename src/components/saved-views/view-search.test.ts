import { describe, expect, it } from 'vitest';
import { sameSearch, viewSearch } from './view-search';

describe('a saved view’s search', () => {
  it('keeps the list’s parameters and drops the mock’s settings', () => {
    expect(viewSearch('?status=active&mock.latency=800&sort=-price')).toBe('?status=active&sort=-price');
    expect(viewSearch('?mock.seed=7')).toBe('');
    expect(viewSearch('')).toBe('');
  });

  it('compares regardless of the parameters’ order', () => {
    expect(sameSearch('?a=1&b=2', 'b=2&a=1&mock.failures=0.2')).toBe(true);
    expect(sameSearch('?a=1', '?a=2')).toBe(false);
    expect(sameSearch('', '?mock.latency=5')).toBe(true);
  });
});
