/**
 * Stockroom's four roles as Vendure Roles. What each may do in Stockroom is
 * src/contract/permissions.ts (imported, not repeated); this only says which
 * Vendure permissions follow from each action, so the same person has the
 * same rights in Vendure's own admin API.
 */
import { Permission } from '@vendure/core';
import { PERMISSIONS, ROLES, type Action, type Role } from '#shared/contract/permissions';

const VENDURE_PERMISSIONS_BY_ACTION: Readonly<Record<Action, readonly Permission[]>> = {
  'products.view': [Permission.ReadCatalog, Permission.ReadProduct],
  'products.edit': [Permission.CreateCatalog, Permission.UpdateCatalog, Permission.CreateProduct, Permission.UpdateProduct],
  'stock.view': [Permission.ReadStockLocation],
  'stock.edit': [Permission.UpdateStockLocation, Permission.UpdateProduct],
  'orders.view': [Permission.ReadOrder, Permission.ReadCustomer],
  'orders.fulfil': [Permission.UpdateOrder],
  'orders.refund': [Permission.UpdateOrder],
  'reports.view': [Permission.ReadOrder],
  'discounts.view': [Permission.ReadPromotion],
  'discounts.edit': [Permission.CreatePromotion, Permission.UpdatePromotion, Permission.DeletePromotion],
  'audit.view': [Permission.ReadAdministrator],
  'staff.manage': [Permission.ReadAdministrator, Permission.CreateAdministrator, Permission.UpdateAdministrator],
};

export const roleCode = (role: Role): string => `stockroom-${role}`;

export function roleFromCodes(codes: readonly string[]): Role | null {
  return ROLES.find((role) => codes.includes(roleCode(role))) ?? null;
}

export function vendurePermissions(role: Role): Permission[] {
  const all = new Set<Permission>([Permission.Authenticated]);
  for (const action of PERMISSIONS[role]) for (const p of VENDURE_PERMISSIONS_BY_ACTION[action]) all.add(p);
  return [...all];
}
