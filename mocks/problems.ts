/**
 * Errors as the contract speaks them (RFC 9457 problem+json). The store and
 * the handlers throw ProblemError; one place turns it into a response.
 */
import { HttpResponse } from 'msw';
import type { z } from 'zod';
import type { Problem } from '../src/api/schemas';

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

export function problemResponse(problem: Problem): HttpResponse<string> {
  return new HttpResponse(JSON.stringify(problem), {
    status: problem.status,
    headers: {
      'Content-Type': 'application/problem+json',
      ...(problem.retryAfter !== undefined ? { 'Retry-After': String(problem.retryAfter) } : {}),
    },
  });
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
