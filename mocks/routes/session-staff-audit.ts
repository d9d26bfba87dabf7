/**
 * The session (sign in, who is signed in, sign out), the staff and the audit
 * log. The audit log is append-only: any other method on it answers 405.
 */
import { http, type HttpHandler } from 'msw';
import { auditReadOnly } from '../../src/contract/problems';
import { createStaff, updateStaff } from '../staff-writes';
import type { RouteKit } from './route';

export function sessionStaffAuditRoutes({ db, route, control }: RouteKit): HttpHandler[] {
  return [
    route('session.signIn', ({ body }) => db.signIn(body.email, body.password)),
    route('session.get', () => db.session()),
    route('session.signOut', () => db.signOut()),

    route('staff.list', () => {
      const items = db.listStaff();
      return { items, total: items.length };
    }),
    route('staff.create', ({ actor, body }) => createStaff(db, actor, body)),
    route('staff.update', ({ actor, params, version, body }) => updateStaff(db, actor, params.id, version, body)),

    route('audit.list', ({ query }) => db.listAudit(query)),
    // After the list: no route changes or removes an entry, and saying so beats a bare 404.
    http.all(
      /\/api\/audit(\/.*)?$/,
      control(() => {
        throw auditReadOnly();
      }),
    ),
  ];
}
