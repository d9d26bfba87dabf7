/**
 * Staff accounts: created and changed through the store's one write path, so
 * the role check (staff.manage) and the audit entry cannot be skipped.
 */
import {
  staffCreateInputSchema,
  staffUpdateInputSchema,
  type Staff,
  type StaffCreateInput,
  type StaffUpdateInput,
} from '../src/api/schemas';
import { hashPassword, newSalt, publicStaff, type StaffRecord } from './auth';
import { issuesToErrors, ProblemError, validationProblem } from './problems';
import type { Actor, MockDb } from './store';

export function parseStaffCreate(body: unknown): StaffCreateInput {
  const parsed = staffCreateInputSchema.safeParse(body);
  if (!parsed.success) throw validationProblem(issuesToErrors(parsed.error.issues));
  return parsed.data;
}

export function parseStaffUpdate(body: unknown): StaffUpdateInput {
  const parsed = staffUpdateInputSchema.safeParse(body);
  if (!parsed.success) throw validationProblem(issuesToErrors(parsed.error.issues));
  return parsed.data;
}

export async function createStaff(db: MockDb, actor: Actor, input: StaffCreateInput): Promise<Staff> {
  // Hashing is slow on purpose and async, so it happens before the (synchronous) write.
  const salt = newSalt();
  const passwordHash = await hashPassword(input.password, salt);
  const { result } = await db.write({ actor, permission: 'staff.manage', action: 'created' }, (tx) => {
    if (tx.allStaff().some((s) => s.email === input.email)) throw validationProblem({ email: 'Someone already signs in with this email' });
    const record: StaffRecord = {
      id: `staff_${crypto.randomUUID().slice(0, 8)}`,
      email: input.email,
      name: input.name,
      role: input.role,
      active: true,
      createdAt: tx.now,
      updatedAt: tx.now,
      version: 1,
      salt,
      passwordHash,
    };
    tx.putStaff(record);
    return publicStaff(record);
  });
  return result;
}

export async function updateStaff(db: MockDb, actor: Actor, id: string, version: number | null, input: StaffUpdateInput): Promise<Staff> {
  const { result } = await db.write({ actor, permission: 'staff.manage', action: 'updated' }, (tx) => {
    const current = tx.getStaff(id);
    if (!current) throw new ProblemError({ status: 404, title: 'Staff member not found', detail: `No staff member has the id ${id}.` });
    if (version === null) {
      throw new ProblemError({ status: 428, title: 'Version required', detail: 'Send the version you edited in an If-Match header.' });
    }
    if (version !== current.version) {
      throw new ProblemError({
        status: 409,
        title: 'Someone else changed this staff member',
        detail: `You edited version ${version}, but it is now at version ${current.version}. Reload and try again.`,
        current: publicStaff(current),
      });
    }
    const next: StaffRecord = { ...current, role: input.role ?? current.role, active: input.active ?? current.active };
    if (current.id === actor.id && !next.active) {
      throw new ProblemError({ status: 422, title: 'Cannot deactivate yourself', detail: 'Ask another admin to deactivate your account.' });
    }
    const stillAdmin = next.active && next.role === 'admin';
    const otherAdmins = tx.allStaff().filter((s) => s.id !== id && s.active && s.role === 'admin').length;
    if (current.active && current.role === 'admin' && !stillAdmin && otherAdmins === 0) {
      throw new ProblemError({
        status: 422,
        title: 'The last admin must stay',
        detail: 'This is the only active admin. Make someone else an admin first, so the shop is never left without one.',
      });
    }
    const changed = next.role !== current.role || next.active !== current.active;
    const saved = changed ? { ...next, updatedAt: tx.now, version: current.version + 1 } : current;
    if (changed) tx.putStaff(saved);
    return publicStaff(saved);
  });
  return result;
}
