/**
 * Errors as the contract speaks them (RFC 9457 problem+json), for whoever
 * serves the contract: the mock and the real server both throw ProblemError
 * and turn it into a response in one place of their own.
 */
import type { z } from 'zod';
import { can, refusal, type Action, type Role } from './permissions';
import type { Problem } from './schemas';

export class ProblemError extends Error {
  readonly problem: Problem;
  constructor(problem: Omit<Problem, 'type'> & { type?: string }) {
    super(problem.detail ?? problem.title);
    this.name = 'ProblemError';
    this.problem = { type: 'about:blank', ...problem };
  }
  get status(): number {
    return this.problem.status;
  }
}

/** Field path as the form names it: ['variants', 0, 'sku'] → 'variants.0.sku'; the first message per field wins. */
export function issuesToErrors(issues: readonly z.core.$ZodIssue[]): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of issues) {
    const path = issue.path.map(String).join('.') || '_';
    errors[path] ??= issue.message;
  }
  return errors;
}

export function validationProblem(errors: Record<string, string>, detail = 'Some fields need attention.'): ProblemError {
  return new ProblemError({ status: 422, title: 'The request has invalid fields', detail, errors });
}

/** A request body checked against its schema: 422 with a message per field, like a real server. */
export function parseBody<S extends z.ZodType>(schema: S, body: unknown): z.infer<S> {
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw validationProblem(issuesToErrors(parsed.error.issues));
  return parsed.data;
}

/** The same Idempotency-Key with another request: the contract's 422, in the mock's and the server's words alike. */
export function idempotencyKeyReused(): ProblemError {
  return new ProblemError({
    status: 422,
    title: 'Idempotency-Key reused',
    detail: 'This Idempotency-Key was already used for a different request. Send a new key for a new request.',
  });
}

/** 403: the caller is known, and may not do this; `detail` says why in the caller's terms. */
export function notAllowed(detail: string): ProblemError {
  return new ProblemError({ status: 403, title: 'Not allowed', detail });
}

/** The role's check, as every route and every decision makes it: 403 in the permission table's words. */
export function assertAllowed(role: Role, action: Action): void {
  if (!can(role, action)) throw notAllowed(refusal(role, action));
}

/** 409 for a change made from an older version: the record as it is now goes with it, for the screen to show. */
export function changedMeanwhile(what: string, edited: number, current: { version: number }): ProblemError {
  return new ProblemError({
    status: 409,
    title: `Someone else changed this ${what}`,
    detail: `You edited version ${edited}, but it is now at version ${current.version}. Reload and try again.`,
    current,
  });
}

/** 404 for any path under /api that no route in the table serves. */
export function notPartOfApi(method: string, path: string): ProblemError {
  return new ProblemError({ status: 404, title: 'Not found', detail: `${method} ${path} is not part of the API.` });
}

/** 405: the log is append-only; no route changes or removes an entry, and saying so beats a bare 404. */
export function auditReadOnly(): ProblemError {
  return new ProblemError({ status: 405, title: 'The audit log is read-only', detail: 'Audit entries cannot be changed or deleted.' });
}

/** A list's query string that does not parse: 400 naming the fields. */
export function badQuery(issues: readonly z.core.$ZodIssue[]): ProblemError {
  return new ProblemError({
    status: 400,
    title: 'Bad query',
    detail: 'Some query parameters are not valid.',
    errors: issuesToErrors(issues),
  });
}
