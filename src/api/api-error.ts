import type { Problem } from '../contract/schemas';

/** A refused or failed request, as problem+json says it. Kept free of zod so the shell can recognise one cheaply. */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;
  constructor(problem: Problem) {
    super(problem.detail ?? problem.title);
    this.name = 'ApiError';
    this.status = problem.status;
    this.problem = problem;
  }
  /** Per-field messages of a 422, keyed by the field's path as the form names it. */
  get fieldErrors(): Record<string, string> {
    return this.problem.errors ?? {};
  }
  get isConflict(): boolean {
    return this.status === 409 || this.status === 412;
  }
}
