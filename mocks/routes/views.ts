/**
 * Saved views of the lists (products, inventory, orders, audit): each person's
 * own and those shared with the team. See mocks/view-writes.ts.
 */
import type { HttpHandler } from 'msw';
import { createView, deleteView, listViews, updateView } from '../view-writes';
import type { RouteKit } from './route';

export function viewRoutes({ db, route }: RouteKit): HttpHandler[] {
  return [
    route('views.list', ({ actor, query }) => listViews(db, actor, query.list)),
    route('views.create', ({ actor, body }) => createView(db, actor, body)),
    route('views.update', ({ actor, params, version, body }) => updateView(db, actor, params.id, version, body)),
    route('views.delete', ({ actor, params, version }) => deleteView(db, actor, params.id, version)),
  ];
}
