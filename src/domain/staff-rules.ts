/**
 * The rules of managing staff, as the mock and the server both answer them:
 * an email signs in one person; a change needs the version it was made on;
 * nobody deactivates themselves; the shop always keeps an active admin.
 */
import type { Role } from '../contract/permissions';
import { changedMeanwhile, ProblemError, validationProblem } from '../contract/problems';
import type { Staff, StaffUpdateInput } from '../contract/schemas';

export function staffNotFound(id: string): ProblemError {
  return new ProblemError({ status: 404, title: 'Staff member not found', detail: `No staff member has the id ${id}.` });
}

export function emailTaken(): ProblemError {
  return validationProblem({ email: 'Someone already signs in with this email' });
}

/**
 * What an update makes of `current` (and whether it changes anything), or the
 * refusal: 428 without a version, 409 with the current person for a stale
 * one, 422 for deactivating yourself or leaving the shop without an active admin.
 * `otherActiveAdmins`: active admins other than this person.
 */
export function decideStaffUpdate(
  current: Staff,
  actorId: string,
  version: number,
  input: StaffUpdateInput,
  otherActiveAdmins: number,
): { role: Role; active: boolean; changed: boolean } {
  if (version !== current.version) throw changedMeanwhile('staff member', version, current);
  const role = input.role ?? current.role;
  const active = input.active ?? current.active;
  if (current.id === actorId && !active) {
    throw new ProblemError({ status: 422, title: 'Cannot deactivate yourself', detail: 'Ask another admin to deactivate your account.' });
  }
  if (current.active && current.role === 'admin' && !(active && role === 'admin') && otherActiveAdmins === 0) {
    throw new ProblemError({
      status: 422,
      title: 'The last admin must stay',
      detail: 'This is the only active admin. Make someone else an admin first, so the shop is never left without one.',
    });
  }
  return { role, active, changed: role !== current.role || active !== current.active };
}
