/**
 * What a route's write asks of the store's one write path (`db.write`): the
 * permission the table names for the route and the verb the audit log records
 * it by, both read from the route table so neither is said twice.
 */
import type { Action } from '../../src/contract/permissions';
import { ROUTES, type RouteId } from '../../src/contract/routes';

/** The routes that change something the audit log records, and that a permission guards. */
export type WriteRouteId = {
  [Id in RouteId]: (typeof ROUTES)[Id] extends { audit: object; permission: Action } ? Id : never;
}[RouteId];

export function writeOf(id: WriteRouteId): { permission: Action; action: string } {
  const { permission, audit } = ROUTES[id];
  return { permission, action: audit.action };
}
