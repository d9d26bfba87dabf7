/** The mock's own knobs: network behaviour and which deterministic shop to serve. */
import { z } from 'zod';
import { DEFAULT_ORDERS, DEFAULT_PRODUCTS, DEFAULT_SEED } from '../src/demo-shop/seed';

export const MAX_MOCK_PRODUCTS = 200_000;
export const MAX_MOCK_ORDERS = 200_000;

export const mockSettingsSchema = z.object({
  latencyMs: z.number().int().min(0).max(60_000),
  failureRate: z.number().min(0).max(1),
  products: z.number().int().min(1).max(MAX_MOCK_PRODUCTS),
  orders: z.number().int().min(0).max(MAX_MOCK_ORDERS),
  seed: z
    .number()
    .int()
    .min(0)
    .max(2 ** 32 - 1),
});
export type MockSettings = z.infer<typeof mockSettingsSchema>;

// No latency by default: benchmarks and tests measure the app, not a simulated network.
export const DEFAULT_SETTINGS: MockSettings = {
  latencyMs: 0,
  failureRate: 0,
  products: DEFAULT_PRODUCTS,
  orders: DEFAULT_ORDERS,
  seed: DEFAULT_SEED,
};

export const SETTINGS_STORAGE_KEY = 'stockroom.mock';

const URL_PARAMS = {
  'mock.latency': 'latencyMs',
  'mock.failures': 'failureRate',
  'mock.products': 'products',
  'mock.orders': 'orders',
  'mock.seed': 'seed',
} as const satisfies Record<string, keyof MockSettings>;

/** Stored settings, then URL overrides on top; anything invalid falls back rather than breaking startup. */
export function resolveSettings(stored: string | null, search: string): { settings: MockSettings; fromUrl: boolean } {
  let settings = DEFAULT_SETTINGS;
  if (stored) {
    try {
      const parsed = mockSettingsSchema.partial().safeParse(JSON.parse(stored));
      if (parsed.success) settings = { ...settings, ...parsed.data };
    } catch {
      // A hand-edited, broken value: start from the defaults.
    }
  }
  const params = new URLSearchParams(search);
  const overrides: Partial<Record<keyof MockSettings, number>> = {};
  for (const [param, field] of Object.entries(URL_PARAMS)) {
    const raw = params.get(param);
    if (raw !== null && raw.trim() !== '') overrides[field] = Number(raw);
  }
  const fromUrl = Object.keys(overrides).length > 0;
  const parsed = mockSettingsSchema.partial().safeParse(overrides);
  if (parsed.success) settings = { ...settings, ...parsed.data };
  else console.warn('[mock] ignoring invalid mock.* URL parameters', parsed.error.issues);
  return { settings, fromUrl };
}
