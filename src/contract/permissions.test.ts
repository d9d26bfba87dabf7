import { describe, expect, test } from 'vitest';
import { ACTIONS, can, canRefund, SUPPORT_REFUND_LIMIT_CENTS } from './permissions';

// Which role may do what is walked over HTTP, route by route, in tests/contract/auth.contract.test.ts.
describe('permission checks', () => {
  test('nobody signed in may do anything', () => {
    for (const action of ACTIONS) {
      expect(can(null, action)).toBe(false);
      expect(can(undefined, action)).toBe(false);
    }
  });

  test('support refunds up to $500, managers above it, merchandisers none', () => {
    expect(canRefund('support', SUPPORT_REFUND_LIMIT_CENTS)).toBe(true);
    expect(canRefund('support', SUPPORT_REFUND_LIMIT_CENTS + 1)).toBe(false);
    expect(canRefund('manager', 1_000_000)).toBe(true);
    expect(canRefund('merchandiser', 100)).toBe(false);
  });
});
