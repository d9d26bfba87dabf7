/**
 * Request parsing shared by the controllers, with the mock's exact answers
 * (see mocks/handlers.ts): the contract's zod schemas decide what is valid.
 */
import type { Request } from 'express';
import type { z } from 'zod';
import { badQuery, issuesToErrors, ProblemError, validationProblem } from '#shared/contract/problems';

/** A request body checked against its schema: 422 with a message per field. */
export function parseBody<S extends z.ZodType>(schema: S, body: unknown, detail?: string): z.infer<S> {
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw validationProblem(issuesToErrors(parsed.error.issues), detail);
  return parsed.data;
}

/** Repeated parameters (status=a&status=b) mean the same as a comma list. */
function queryObject(req: Request): Record<string, string> {
  const query: Record<string, string> = {};
  const url = new URL(req.originalUrl, 'http://localhost');
  for (const [key, value] of url.searchParams) query[key] = key in query ? `${query[key]},${value}` : value;
  return query;
}

/** A list's query string: a bad one is a 400 naming the fields. */
export function parseQuery<S extends z.ZodType>(schema: S, req: Request): z.infer<S> {
  const parsed = schema.safeParse(queryObject(req));
  if (!parsed.success) throw badQuery(parsed.error.issues);
  return parsed.data;
}

/** The JSON body; express leaves it undefined when the request did not say it was JSON. */
export function jsonBody(req: Request): unknown {
  if (req.body === undefined || !req.is('application/json')) {
    throw new ProblemError({ status: 400, title: 'Unreadable request', detail: 'The request body is not valid JSON.' });
  }
  return req.body as unknown;
}

/** `"3"`, `3` or `W/"3"` → 3; null when the header is missing. */
export function ifMatchVersion(req: Request): number | null {
  const header = req.header('If-Match');
  if (header === undefined || header.trim() === '') return null;
  const match = /^\s*(?:W\/)?"?(\d+)"?\s*$/.exec(header);
  if (!match) {
    throw new ProblemError({ status: 400, title: 'Bad If-Match header', detail: 'If-Match must carry the version you edited, like "3".' });
  }
  return Number(match[1]);
}

export type Idempotency = { key: string; fingerprint: string };

/** The key and what it was first sent with: the same key with another request is refused, not replayed. */
export function idempotencyOf(req: Request, body: unknown): Idempotency | null {
  const key = req.header('Idempotency-Key')?.trim();
  return key ? { key, fingerprint: `${req.method} ${req.path} ${JSON.stringify(body)}` } : null;
}

export function requireIdempotency(req: Request, body: unknown, what: string): Idempotency {
  const idempotency = idempotencyOf(req, body);
  if (!idempotency) {
    throw new ProblemError({
      status: 400,
      title: 'Idempotency-Key required',
      detail: `${what} need an Idempotency-Key header so a retry cannot apply them twice.`,
    });
  }
  return idempotency;
}

/** The contract's ids wrap Vendure's numeric ones, padded like the mock's so a seeded shop has the same ids. */
export const ids = {
  product: (id: number | string) => `prod_${String(id).padStart(6, '0')}`,
  variant: (id: number | string) => `var_${String(id).padStart(7, '0')}`,
  staff: (id: number | string) => `staff_${id}`,
  audit: (id: number | string) => `aud_${String(id).padStart(6, '0')}`,
  /** The numeric id behind a contract id, or null when it is not one of ours. */
  parse(prefix: 'prod' | 'var' | 'staff', id: string): number | null {
    const match = new RegExp(`^${prefix}_(\\d{1,12})$`).exec(id);
    return match ? Number(match[1]) : null;
  },
};
