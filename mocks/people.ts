/**
 * People: staff, sessions, sign-in throttling and the audit log, one small
 * document (`AuthState`) persisted whole through its `AuthStorage` and shared
 * by the tabs like a server's table. Its clock is the session clock, apart
 * from the store's write clock. The store's write path stages staff and audit
 * entries and puts them here (`MockDb.write`).
 */
import type { Role } from '../src/contract/permissions';
import type { AuditEntry, Staff } from '../src/contract/schemas';
import type { SavedView } from '../src/contract/view-schemas';
import type { AuditDraft } from '../src/domain/audit-rules';
import {
  ADDRESS_FREE_FAILURES,
  admitAttempt,
  afterFailure,
  FREE_FAILURES,
  signInFailed,
  tooManyAttempts,
  unauthenticated,
} from '../src/domain/auth-rules';
import type { Clock } from '../src/domain/clock';
import {
  hashPassword,
  memoryAuthStorage,
  newToken,
  publicStaff,
  sameHash,
  seededAuthState,
  SESSION_TTL_MS,
  type AuthState,
  type AuthStorage,
} from './auth';

/** The signed-in person a request acts for. */
export type Actor = { id: string; name: string; role: Role };

/** The audit log's filters, page and order, as the route read them. */
export type AuditListQuery = {
  offset: number;
  limit: number;
  sort: 'at' | '-at';
  actorId?: string;
  entityType?: string;
  entityId?: string;
  from?: string;
  to?: string;
};

/** The throttle's key for the mock's one client address (no email looks like it). */
const CLIENT_ADDRESS = 'address:this-client';

export class People {
  /** Staff, sessions, throttling and the audit log: small, so one document persisted whole. */
  state: AuthState = seededAuthState();
  storage: AuthStorage = memoryAuthStorage();
  private revision: string | null = null;

  constructor(
    /** The clock of sessions and sign-in throttling (the store's `sessionNow`). */
    public clock: Clock,
  ) {}

  /** A fresh shop has its seeded staff and an empty log; whoever is signed in stays signed in. */
  reseed(): void {
    this.state = { ...seededAuthState(), sessions: this.state.sessions };
  }

  /** The next entry of the audit log, numbered in it, for a write by `actor` under the verb `action`. */
  auditEntry(ctx: { actor: Actor; action: string }, at: string, draft: AuditDraft): AuditEntry {
    this.state.auditSeq += 1;
    return { id: `aud_${String(this.state.auditSeq).padStart(6, '0')}`, at, actor: { ...ctx.actor }, action: ctx.action, ...draft };
  }

  /** Reads the auth document again when another tab changed it. */
  catchUp(): void {
    const revision = this.storage.revision();
    if (revision === null || revision === this.revision) return;
    const loaded = this.storage.load();
    if (loaded) this.state = loaded;
    this.revision = revision;
  }

  save(): void {
    this.storage.save(this.state);
    this.revision = this.storage.revision();
  }

  /** The person behind a request, from the session cookie; 401 when there is no valid session. */
  actor(): Actor {
    this.catchUp();
    const token = this.storage.cookie();
    if (!token) throw unauthenticated();
    const session = this.state.sessions.find((s) => s.token === token);
    if (!session) throw unauthenticated();
    if (session.expiresMs <= this.clock()) throw unauthenticated('Your session has expired. Sign in again to continue where you were.');
    const staff = this.state.staff.find((s) => s.id === session.staffId);
    if (!staff?.active) throw unauthenticated('This account is no longer active.');
    return { id: staff.id, name: staff.name, role: staff.role };
  }

  session(): { user: Staff; expiresAt: string } {
    const actor = this.actor();
    const token = this.storage.cookie();
    const session = this.state.sessions.find((s) => s.token === token);
    const staff = this.state.staff.find((s) => s.id === actor.id);
    if (!session || !staff) throw unauthenticated();
    return { user: publicStaff(staff), expiresAt: new Date(session.expiresMs).toISOString() };
  }

  /**
   * Checks the password against its salted hash, after the throttle of
   * src/domain/auth-rules.ts let the attempt through for its email and for the
   * client's address (the mock has one client: the browser, or the test
   * process, is one address). Admission and its count are recorded before the
   * hash is awaited, so attempts running side by side in the page count each other.
   */
  async signIn(email: string, password: string): Promise<{ user: Staff; expiresAt: string }> {
    this.catchUp();
    const key = email.trim().toLowerCase();
    const byEmail = admitAttempt(this.state.failures[key], this.clock(), FREE_FAILURES);
    if (!byEmail.admitted) throw tooManyAttempts(byEmail.retryAfterSeconds, 'email');
    const byAddress = admitAttempt(this.state.failures[CLIENT_ADDRESS], this.clock(), ADDRESS_FREE_FAILURES);
    if (!byAddress.admitted) throw tooManyAttempts(byAddress.retryAfterSeconds, 'address');
    this.state.failures[key] = byEmail.next;
    this.state.failures[CLIENT_ADDRESS] = byAddress.next;
    this.save();

    const staff = this.state.staff.find((s) => s.email === key);
    // Hash even for an unknown email, so the answer's timing does not tell which emails exist.
    const hash = await hashPassword(password, staff?.salt ?? 'no-such-person');
    this.catchUp();
    if (!staff || !sameHash(hash, staff.passwordHash) || !staff.active) {
      const failedAt = this.clock();
      const counted: [string, number, number][] = [
        [key, byEmail.next.count, FREE_FAILURES],
        [CLIENT_ADDRESS, byAddress.next.count, ADDRESS_FREE_FAILURES],
      ];
      for (const [k, count, free] of counted) {
        const current = this.state.failures[k];
        // Gone: a right password in the meantime cleared it.
        if (current) this.state.failures[k] = afterFailure(current, count, failedAt, free);
      }
      this.save();
      throw signInFailed(byEmail.next.count);
    }
    delete this.state.failures[key];
    delete this.state.failures[CLIENT_ADDRESS];
    const expiresMs = this.startSession(staff.id);
    return { user: publicStaff(staff), expiresAt: new Date(expiresMs).toISOString() };
  }

  /** A new session for a person, set as the cookie (what a real server's Set-Cookie does); tests call it directly. */
  startSession(staffId: string): number {
    this.catchUp();
    const token = newToken();
    const expiresMs = this.clock() + SESSION_TTL_MS;
    // Expired sessions go when a new one starts, so the document does not grow forever.
    this.state.sessions = this.state.sessions.filter((s) => s.expiresMs > this.clock());
    this.state.sessions.push({ token, staffId, expiresMs });
    this.save();
    this.storage.setCookie(token);
    return expiresMs;
  }

  signOut(): void {
    this.catchUp();
    const token = this.storage.cookie();
    this.storage.setCookie(null);
    if (!token) return;
    this.state.sessions = this.state.sessions.filter((s) => s.token !== token);
    this.save();
  }

  /** Tests and the demo: the current session expires now (the person stays "signed in" until the next request). */
  expireSession(): void {
    this.catchUp();
    const token = this.storage.cookie();
    for (const s of this.state.sessions) if (s.token === token) s.expiresMs = Math.min(s.expiresMs, this.clock());
    this.save();
  }

  listStaff(): Staff[] {
    this.catchUp();
    return this.state.staff.map(publicStaff);
  }

  /** Every saved view, of every list and person (the route filters what the caller sees). */
  allViews(): SavedView[] {
    this.catchUp();
    return [...(this.state.views ?? [])];
  }

  listAudit(query: AuditListQuery): { items: AuditEntry[]; total: number } {
    this.catchUp();
    const fromMs = query.from ? Date.parse(query.from) : -Infinity;
    const toMs = query.to ? Date.parse(query.to) : Infinity;
    const matches = this.state.audit.filter((e) => {
      const at = Date.parse(e.at);
      return (
        (query.actorId === undefined || e.actor.id === query.actorId) &&
        (query.entityType === undefined || e.entityType === query.entityType) &&
        (query.entityId === undefined || e.entityId === query.entityId) &&
        at >= fromMs &&
        at < toMs
      );
    });
    // The log is appended in time order; newest first is that order reversed.
    if (query.sort === '-at') matches.reverse();
    return { items: matches.slice(query.offset, query.offset + query.limit), total: matches.length };
  }
}
