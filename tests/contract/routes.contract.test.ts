/**
 * The route table (src/contract/routes.ts) is what both backends serve: every
 * route answers, at its method and path, and asks for the permission the table
 * names. A route missing from a backend would fall to its 404 catch-all; one
 * guarded by another action would let the wrong role through, or refuse the
 * right one. What each route does is the other files' business.
 */
import { describe, expect, test } from 'vitest';
import { can, ROLES } from '../../src/contract/permissions';
import { ROUTE_IDS, ROUTES, type RouteId } from '../../src/contract/routes';
import { anonymous, signIn, type ApiClient, type Role } from './driver';

/** The table's path under /api, with a made-up value for each parameter. */
const probePath = (id: RouteId) => ROUTES[id].path.replace(/^\/api/, '').replace(/:\w+/g, 'route_probe');

function send(api: ApiClient, id: RouteId) {
  const route = ROUTES[id];
  return api.request(route.method, probePath(id), route.method === 'GET' || route.method === 'DELETE' ? {} : { body: {} });
}

const guarded = ROUTE_IDS.filter((id) => ROUTES[id].permission !== null);
const open = ROUTE_IDS.filter((id) => ROUTES[id].permission === null);

describe('every route in the table is served', () => {
  test.each(guarded)('%s asks who is calling (401), not 404', async (id) => {
    const res = await send(anonymous(), id);
    expect({ status: res.status, answer: res.json }).toMatchObject({ status: 401 });
  });

  test.each(open)('%s answers without a session', async (id) => {
    const res = await send(anonymous(), id);
    expect([404, 405]).not.toContain(res.status);
  });
});

describe('every guarded route asks for the permission the table names', () => {
  const clients = new Map<Role, Promise<ApiClient>>();
  const as = (role: Role) => {
    if (!clients.has(role)) clients.set(role, signIn(role));
    return clients.get(role)!;
  };

  test.each(guarded)('%s', async (id) => {
    const permission = ROUTES[id].permission!;
    // A role the table allows gets past the guard (to a 400/404/422 about the made-up request); one it does not is refused.
    const refused = async (role: Role) => (await send(await as(role), id)).status === 403;
    const seen = Object.fromEntries(await Promise.all(ROLES.map(async (role) => [role, await refused(role)] as const)));
    const expected = Object.fromEntries(ROLES.map((role) => [role, !can(role, permission)]));
    expect(seen).toEqual(expected);
  });
});
