/**
 * Signing in, as the mock and the server both answer it: who is not signed
 * in, and how long an email must wait after repeated wrong passwords.
 */
import { ProblemError } from './problems';

/** Failures allowed before each further attempt for that email has to wait, doubling from 5 s up to 5 min. */
export const FREE_FAILURES = 3;

export function lockMs(failures: number): number {
  return failures < FREE_FAILURES ? 0 : Math.min(5_000 * 2 ** (failures - FREE_FAILURES), 5 * 60_000);
}

export function unauthenticated(detail = 'Sign in to continue.'): ProblemError {
  return new ProblemError({ status: 401, title: 'Not signed in', detail });
}
