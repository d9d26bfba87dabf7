/**
 * Staff, sessions, sign-in throttling and the audit log of the mock API.
 *
 * Passwords are kept only as PBKDF2-SHA-256 hashes with a per-person salt
 * (Web Crypto, available in browsers and Node): slow on purpose, like a real
 * server's. The demo passwords below exist only in mocks/, so a build for a
 * real API contains none; the sign-in page asks the mock for them over HTTP.
 */
import type { ReplenishmentDoc } from './replenishment';
import type { CustomerNotes } from '../src/domain/customer-rules';
import type { AuditEntry, Staff } from '../src/contract/schemas';
import type { DiscountUse, StoredDiscount } from '../src/domain/discount-rules';
import type { SavedView } from '../src/contract/view-schemas';
import { DEMO_STAFF } from '../src/demo-shop/demo-staff';
import { MOCK_SESSION_KEY } from './worker-protocol';

export const SESSION_TTL_MS = 30 * 60_000;
const PBKDF2_ITERATIONS = 100_000;

export type StaffRecord = Staff & { salt: string; passwordHash: string };
export type SessionRecord = { token: string; staffId: string; expiresMs: number };
export type FailureRecord = { count: number; lockedUntilMs: number };

/** Everything about people the mock keeps; persisted as one document (see AuthStorage). */
export type AuthState = {
  staff: StaffRecord[];
  sessions: SessionRecord[];
  audit: AuditEntry[];
  failures: Record<string, FailureRecord>;
  auditSeq: number;
  /** Saved views of every list and person (absent in a document saved before views existed). */
  views?: SavedView[];
  /** Discounts once any was written (absent: the shop's seeded ones), and the uses claimed at checkout. */
  discounts?: StoredDiscount[];
  discountUses?: DiscountUse[];
  /** Internal notes on customers, by customer id (issue 20); a customer without notes is left out. */
  customerNotes?: Record<string, CustomerNotes>;
  /** Suppliers, purchase orders, transfers in transit and alerts once any was written (absent: the seeded suppliers, nothing else). */
  replenishment?: ReplenishmentDoc;
};

const SEEDED_AT = '2026-11-01T12:00:00.000Z';

export function seededAuthState(): AuthState {
  return {
    staff: DEMO_STAFF.map(({ password: _password, ...s }) => ({
      ...s,
      active: true,
      createdAt: SEEDED_AT,
      updatedAt: SEEDED_AT,
      version: 1,
    })),
    sessions: [],
    audit: [],
    failures: {},
    auditSeq: 0,
    views: [],
  };
}

function toBase64(bytes: ArrayBuffer): string {
  let text = '';
  for (const b of new Uint8Array(bytes)) text += String.fromCharCode(b);
  return btoa(text);
}

export async function hashPassword(password: string, salt: string): Promise<string> {
  const encoder = new TextEncoder();
  const key = await crypto.subtle.importKey('raw', encoder.encode(password), 'PBKDF2', false, ['deriveBits']);
  const bits = await crypto.subtle.deriveBits(
    { name: 'PBKDF2', hash: 'SHA-256', salt: encoder.encode(salt), iterations: PBKDF2_ITERATIONS },
    key,
    256,
  );
  return toBase64(bits);
}

export function newSalt(): string {
  return toBase64(crypto.getRandomValues(new Uint8Array(16)).buffer);
}

export function newToken(): string {
  return toBase64(crypto.getRandomValues(new Uint8Array(32)).buffer).replace(/[+/=]/g, '');
}

/** A constant-time comparison, so a timing difference does not tell how much of a hash matched. */
export function sameHash(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

export function publicStaff(record: StaffRecord): Staff {
  const { salt: _salt, passwordHash: _hash, ...staff } = record;
  return staff;
}

/**
 * Where the auth document lives. In the browser: localStorage, shared by the
 * tabs like a server's table; `cookie` stands in for the browser's cookie jar
 * (a real server sets an HttpOnly cookie the page cannot read; MSW cannot, so
 * the mock keeps it here and the app's code never touches it). In Node: memory.
 */
export interface AuthStorage {
  load(): AuthState | null;
  save(state: AuthState): void;
  /** A cheap marker that changes when another tab saved, so a request reloads only then. */
  revision(): string | null;
  cookie(): string | null;
  setCookie(token: string | null): void;
}

/** Node tests: the state lives in the MockDb itself; only the cookie jar needs a home. */
export function memoryAuthStorage(): AuthStorage {
  let cookie: string | null = null;
  return {
    load: () => null,
    save: () => undefined,
    revision: () => null,
    cookie: () => cookie,
    setCookie: (token) => void (cookie = token),
  };
}

const AUTH_KEY = 'stockroom.mock.auth';
const REVISION_KEY = 'stockroom.mock.auth.revision';
/** The entries a write reads and saves whole under the tabs' write lock: the people document and its revision. */
export const PEOPLE_DOCUMENT_KEYS = [AUTH_KEY, REVISION_KEY] as const;

/**
 * The browser: localStorage is shared by the tabs and survives reloads, like
 * a server's table and a session cookie. Only hashes are stored, never a password.
 */
export function browserAuthStorage(storage: Storage): AuthStorage {
  const read = (key: string) => {
    try {
      return storage.getItem(key);
    } catch {
      return null;
    }
  };
  const write = (key: string, value: string | null) => {
    try {
      if (value === null) storage.removeItem(key);
      else storage.setItem(key, value);
    } catch {
      // Storage full or disabled: the mock keeps working for this page.
    }
  };
  return {
    load: () => {
      const text = read(AUTH_KEY);
      if (!text) return null;
      try {
        return JSON.parse(text) as AuthState;
      } catch {
        return null;
      }
    },
    save: (state) => {
      write(AUTH_KEY, JSON.stringify(state));
      write(REVISION_KEY, newToken());
    },
    revision: () => read(REVISION_KEY),
    cookie: () => read(MOCK_SESSION_KEY),
    setCookie: (token) => write(MOCK_SESSION_KEY, token),
  };
}
