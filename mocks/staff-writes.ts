/**
 * Staff accounts: created and changed through the store's one write path, so
 * the role check (the route's staff.manage) and the audit entry cannot be
 * skipped. Each takes its input as the route read it (src/contract/routes.ts).
 */
import type { Staff, StaffCreateInput, StaffUpdateInput } from '../src/contract/schemas';
import { hashPassword, newSalt, publicStaff, type StaffRecord } from './auth';
import { decideStaffUpdate, emailTaken, staffNotFound } from '../src/domain/staff-rules';
import { writeOf } from './routes/write-of';
import type { Actor, MockDb } from './store';

export async function createStaff(db: MockDb, actor: Actor, input: StaffCreateInput): Promise<Staff> {
  // Hashing is slow on purpose and async, so it happens before the (synchronous) write.
  const salt = newSalt();
  const passwordHash = await hashPassword(input.password, salt);
  const { result } = await db.write({ actor, ...writeOf('staff.create') }, (tx) => {
    if (tx.allStaff().some((s) => s.email === input.email)) throw emailTaken();
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

export async function updateStaff(db: MockDb, actor: Actor, id: string, version: number, input: StaffUpdateInput): Promise<Staff> {
  const { result } = await db.write({ actor, ...writeOf('staff.update') }, (tx) => {
    const current = tx.getStaff(id);
    if (!current) throw staffNotFound(id);
    const otherAdmins = tx.allStaff().filter((s) => s.id !== id && s.active && s.role === 'admin').length;
    const { role, active, changed } = decideStaffUpdate(publicStaff(current), actor.id, version, input, otherAdmins);
    const next: StaffRecord = { ...current, role, active };
    const saved = changed ? { ...next, updatedAt: tx.now, version: current.version + 1 } : current;
    if (changed) tx.putStaff(saved);
    return publicStaff(saved);
  });
  return result;
}
