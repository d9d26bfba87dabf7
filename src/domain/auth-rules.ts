/**
 * Signing in, as the mock and the server both answer it: who is not signed
 * in, and how long an email or a client address must wait after repeated
 * wrong passwords.
 *
 * The throttle decides BEFORE a password is checked: an attempt is let through
 * only while its email and its address are not waiting, and it is counted as a
 * failure (with the wait that failure would start) the moment it is let
 * through, so parallel guesses see each other's counts. A right password then
 * clears the counts; a wrong one starts its wait again from when it was known.
 * Any email string is counted, known or not, so the answers never tell which
 * emails belong to someone.
 */
import { ProblemError } from '../contract/problems';

/** Wrong passwords for one email before each further attempt for it has to wait, doubling from 5 s up to 5 min. */
export const FREE_FAILURES = 3;

/**
 * Wrong passwords from one client address, over any emails and with no right
 * one between, before each further attempt from it has to wait (doubling the
 * same way): guessing one password for many emails is slowed down too. Higher
 * than per email, as an office may share one address.
 */
export const ADDRESS_FREE_FAILURES = 20;

export function lockMs(failures: number, free = FREE_FAILURES): number {
  return failures < free ? 0 : Math.min(5_000 * 2 ** (failures - free), 5 * 60_000);
}

/** What a throttle keeps per email or per address. */
export type Throttle = { count: number; lockedUntilMs: number };

export type Admission = { admitted: true; next: Throttle } | { admitted: false; retryAfterSeconds: number };

/** An attempt before its password is checked: refused while waiting, else counted as a failure until it proves right. */
export function admitAttempt(current: Throttle | undefined, now: number, free: number): Admission {
  if (current && current.lockedUntilMs > now)
    return { admitted: false, retryAfterSeconds: Math.ceil((current.lockedUntilMs - now) / 1000) };
  const count = (current?.count ?? 0) + 1;
  const wait = lockMs(count, free);
  // No wait leaves the old end (past) as it was: set to now, it would refuse a parallel attempt that read the clock a moment earlier.
  return { admitted: true, next: { count, lockedUntilMs: wait > 0 ? now + wait : (current?.lockedUntilMs ?? 0) } };
}

/** An admitted attempt whose password was wrong: its wait runs from when that was known. */
export function afterFailure(current: Throttle, count: number, failedAt: number, free: number): Throttle {
  return { ...current, lockedUntilMs: Math.max(current.lockedUntilMs, failedAt + lockMs(count, free)) };
}

export function tooManyAttempts(retryAfterSeconds: number, by: 'email' | 'address'): ProblemError {
  return new ProblemError({
    status: 429,
    title: 'Too many attempts',
    detail: `Too many wrong passwords ${by === 'email' ? 'for this email' : 'from your network'}. Wait ${retryAfterSeconds} seconds, then try again.`,
    retryAfter: retryAfterSeconds,
  });
}

/** A wrong password, an unknown email or an inactive account: one answer for all three. `count`: the email's failures. */
export function signInFailed(count: number): ProblemError {
  return new ProblemError({
    status: 401,
    title: 'Sign-in failed',
    detail:
      count >= FREE_FAILURES
        ? 'The email or password is wrong. Further attempts for this email are slowed down.'
        : 'The email or password is wrong.',
  });
}

export function unauthenticated(detail = 'Sign in to continue.'): ProblemError {
  return new ProblemError({ status: 401, title: 'Not signed in', detail });
}
