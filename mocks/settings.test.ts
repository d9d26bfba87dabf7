import { DEFAULT_SETTINGS, resolveSettings } from './settings';
import { DEFAULT_ORDERS } from '../src/demo-shop/seed';

describe('mock settings', () => {
  it('start from the defaults', () => {
    expect(resolveSettings(null, '')).toEqual({ settings: DEFAULT_SETTINGS, fromUrl: false });
  });

  it('take stored values, then URL overrides on top', () => {
    const stored = JSON.stringify({ latencyMs: 300, failureRate: 0.1, products: 1000, seed: 5 });
    const { settings, fromUrl } = resolveSettings(stored, '?mock.products=50000&mock.latency=0&page=2');
    expect(settings).toEqual({ latencyMs: 0, failureRate: 0.1, products: 50_000, orders: DEFAULT_ORDERS, seed: 5 });
    expect(fromUrl).toBe(true);
  });

  it('ignore broken storage and out-of-range URL values instead of failing to start', () => {
    expect(resolveSettings('{not json', '').settings).toEqual(DEFAULT_SETTINGS);
    expect(resolveSettings(null, '?mock.failures=3').settings).toEqual(DEFAULT_SETTINGS);
    expect(resolveSettings(JSON.stringify({ products: -4, seed: 9 }), '').settings).toEqual(DEFAULT_SETTINGS);
  });
});
