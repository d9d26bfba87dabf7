import { describe, expect, test } from 'vitest';
import { ACTIONS, can, canRefund, PERMISSIONS, ROLES, SUPPORT_REFUND_LIMIT_CENTS } from './permissions';

describe('permission table', () => {
  test('matches the roles table of the design', () => {
    const table = Object.fromEntries(ROLES.map((role) => [role, ACTIONS.filter((a) => can(role, a))]));
    expect(table).toEqual({
      admin: [
        'products.view',
        'products.edit',
        'stock.view',
        'stock.edit',
        'orders.view',
        'orders.fulfil',
        'orders.refund',
        'reports.view',
        'audit.view',
        'staff.manage',
      ],
      manager: [
        'products.view',
        'products.edit',
        'stock.view',
        'stock.edit',
        'orders.view',
        'orders.fulfil',
        'orders.refund',
        'reports.view',
        'audit.view',
      ],
      merchandiser: ['products.view', 'products.edit', 'stock.view', 'stock.edit', 'orders.view', 'reports.view'],
      support: ['products.view', 'stock.view', 'orders.view', 'orders.fulfil', 'orders.refund'],
    });
  });

  test('nobody signed in may do anything', () => {
    for (const action of ACTIONS) expect(can(null, action)).toBe(false);
  });

  test('only known actions are granted', () => {
    for (const role of ROLES) for (const action of PERMISSIONS[role]) expect(ACTIONS).toContain(action);
  });

  test('support refunds up to $500, managers above it, merchandisers none', () => {
    expect(canRefund('support', SUPPORT_REFUND_LIMIT_CENTS)).toBe(true);
    expect(canRefund('support', SUPPORT_REFUND_LIMIT_CENTS + 1)).toBe(false);
    expect(canRefund('manager', 1_000_000)).toBe(true);
    expect(canRefund('merchandiser', 100)).toBe(false);
  });
});
