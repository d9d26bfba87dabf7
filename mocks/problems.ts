/**
 * The mock's one place that turns a ProblemError (src/contract/problems) into an
 * HTTP answer. The errors themselves are shared with the real server.
 */
import { HttpResponse } from 'msw';
import type { Problem } from '../src/contract/schemas';

export { issuesToErrors, ProblemError, validationProblem } from '../src/contract/problems';

export function problemResponse(problem: Problem): HttpResponse<string> {
  return new HttpResponse(JSON.stringify(problem), {
    status: problem.status,
    headers: {
      'Content-Type': 'application/problem+json',
      ...(problem.retryAfter !== undefined ? { 'Retry-After': String(problem.retryAfter) } : {}),
    },
  });
}
