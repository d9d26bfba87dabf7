/**
 * What a database failure means to the person waiting: the database away (a restart, a network cut, the
 * pool unable to connect) or too busy (a lock or statement waited past its timeout, the pool had no free
 * connection in time, a deadlock) is 503 with Retry-After, not "Server error": the request may simply be
 * sent again (writes carry an Idempotency-Key or an If-Match, so a repeat cannot apply twice).
 * A unique index refusing a row is told apart too: the write path runs again and answers the rule's 422.
 */
import { ProblemError } from '#shared/contract/problems';

type Failure = { code?: unknown; message?: unknown; driverError?: unknown };

/** SQLSTATE classes and codes (PostgreSQL), Node socket errors, SQLite's. */
const AWAY_CODES = new Set([
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now (starting up, in recovery)
  '53300', // too_many_connections
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);
const BUSY_CODES = new Set([
  '55P03', // lock_not_available: lock_timeout
  '57014', // query_canceled: statement_timeout
  '25P03', // idle_in_transaction_session_timeout
  '40001', // serialization_failure
  '40P01', // deadlock_detected
  'SQLITE_BUSY',
  'SQLITE_LOCKED',
]);
/** pg and pg-pool say these in words only. */
const AWAY_MESSAGES = [
  /Connection terminated/i,
  /connection error and is not queryable/i,
  /Client was closed/i,
  /Connection refused/i,
  /Query read timeout/i,
];
const BUSY_MESSAGES = [/timeout exceeded when trying to connect/i];

function codeOf(error: Failure): string {
  const driver = (error.driverError ?? {}) as Failure;
  return String(error.code ?? driver.code ?? '');
}

function messageOf(error: Failure): string {
  const driver = (error.driverError ?? {}) as Failure;
  return `${typeof error.message === 'string' ? error.message : ''} ${typeof driver.message === 'string' ? driver.message : ''}`;
}

export type DatabaseTrouble = 'away' | 'busy';

export function databaseTrouble(error: unknown): DatabaseTrouble | null {
  if (typeof error !== 'object' || error === null) return null;
  const failure = error as Failure;
  const code = codeOf(failure);
  const message = messageOf(failure);
  // Class 08: connection exceptions.
  if (AWAY_CODES.has(code) || code.startsWith('08') || AWAY_MESSAGES.some((m) => m.test(message))) return 'away';
  if (BUSY_CODES.has(code) || BUSY_MESSAGES.some((m) => m.test(message))) return 'busy';
  return null;
}

export const AWAY_RETRY_SECONDS = 5;
export const BUSY_RETRY_SECONDS = 2;

export function databaseProblem(trouble: DatabaseTrouble): ProblemError {
  return trouble === 'away'
    ? new ProblemError({
        status: 503,
        title: 'Database unavailable',
        detail: 'The server cannot reach its database just now. Try again in a few seconds.',
        retryAfter: AWAY_RETRY_SECONDS,
      })
    : new ProblemError({
        status: 503,
        title: 'Server busy',
        detail: 'The server is too busy to answer just now. Try again in a moment.',
        retryAfter: BUSY_RETRY_SECONDS,
      });
}

/** A unique index refused a row (PostgreSQL 23505, SQLite's constraint): a concurrent write took the value first. */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const code = codeOf(error as Failure);
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}
