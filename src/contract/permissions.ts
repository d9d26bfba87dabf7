/**
 * Who may do what: the one permission table, read by the API (403) and by the
 * UI (what is shown). Plain data and functions, free of zod and React, so the
 * mock, a real server and the shell can all import it.
 */
export const ROLES = ['admin', 'manager', 'merchandiser', 'support'] as const;
export type Role = (typeof ROLES)[number];

export const ACTIONS = [
  'products.view',
  'products.edit',
  'stock.view',
  'stock.edit',
  'orders.view',
  'orders.fulfil',
  'orders.refund',
  'reports.view',
  'discounts.view',
  'discounts.edit',
  'audit.view',
  'staff.manage',
] as const;
export type Action = (typeof ACTIONS)[number];

const EVERYONE: readonly Action[] = ['products.view', 'stock.view', 'orders.view', 'discounts.view'];

/** What each role may do (README, "Sign-in, roles and the audit log"). Managers "see everything", so the audit log is theirs too. */
export const PERMISSIONS: Readonly<Record<Role, readonly Action[]>> = {
  merchandiser: [...EVERYONE, 'products.edit', 'stock.edit', 'reports.view', 'discounts.edit'],
  support: [...EVERYONE, 'orders.fulfil', 'orders.refund'],
  manager: [...EVERYONE, 'products.edit', 'stock.edit', 'orders.fulfil', 'orders.refund', 'reports.view', 'discounts.edit', 'audit.view'],
  admin: [
    ...EVERYONE,
    'products.edit',
    'stock.edit',
    'orders.fulfil',
    'orders.refund',
    'reports.view',
    'discounts.edit',
    'audit.view',
    'staff.manage',
  ],
};

export function can(role: Role | null | undefined, action: Action): boolean {
  return role != null && PERMISSIONS[role].includes(action);
}

/** Support may refund up to $500 (cents); above that a manager or admin must. */
export const SUPPORT_REFUND_LIMIT_CENTS = 50_000;

export function canRefund(role: Role | null | undefined, amountCents: number): boolean {
  if (!can(role, 'orders.refund')) return false;
  return role !== 'support' || amountCents <= SUPPORT_REFUND_LIMIT_CENTS;
}

export const ROLE_LABELS: Readonly<Record<Role, string>> = {
  admin: 'Admin',
  manager: 'Manager',
  merchandiser: 'Merchandiser',
  support: 'Support',
};

/** What a refusal says, in words a person can act on. */
export const ACTION_REASONS: Readonly<Record<Action, string>> = {
  'products.view': 'view products',
  'products.edit': 'edit products, prices or stock',
  'stock.view': 'view stock',
  'stock.edit': 'change stock',
  'orders.view': 'view orders',
  'orders.fulfil': 'fulfil or cancel orders',
  'orders.refund': 'refund orders',
  'reports.view': 'see reports',
  'discounts.view': 'view discounts',
  'discounts.edit': 'create or change discounts',
  'audit.view': 'see the audit log',
  'staff.manage': 'manage staff',
};

export function refusal(role: Role, action: Action): string {
  return `Your role (${ROLE_LABELS[role]}) may not ${ACTION_REASONS[action]}. Ask a manager or an admin.`;
}
