/**
 * How a request is read, written once for the mock (MSW) and the server
 * (Express): the query string, the JSON body, If-Match and Idempotency-Key,
 * each checked as its route in ROUTES says, with the contract's refusals.
 * Each backend adapts its own request to `RequestFacts` and calls `readRequest`.
 */
import type { z } from 'zod';
import { badQuery, ProblemError, validationProblem, issuesToErrors } from './problems';
import type { RouteSpec } from './routes';

/** What the protocol needs of a request, whichever framework received it. */
export type RequestFacts = {
  method: string;
  /** The path without the query string, as sent (it is part of an Idempotency-Key's fingerprint). */
  path: string;
  search: URLSearchParams;
  header(name: string): string | null | undefined;
  /** The parsed JSON body; throws `unreadableBody()` when the body is not JSON. Called only for routes with a body. */
  body(): unknown;
};

/** The key and what it was first sent with: the same key with another request is refused, not replayed. */
export type Idempotency = { key: string; fingerprint: string };

/** A route's request, read and checked: what the handler or controller works with. */
export type ReadRequest<R extends RouteSpec> = {
  query: R['query'] extends z.ZodType ? z.output<R['query']> : undefined;
  body: R['body'] extends z.ZodType ? z.output<R['body']> : undefined;
  /** The version the caller edited (If-Match); only on routes that read it, where it is always present. */
  version: R['ifMatch'] extends true ? number : null;
  idempotency: Idempotency | null;
};

export function unreadableBody(): ProblemError {
  return new ProblemError({ status: 400, title: 'Unreadable request', detail: 'The request body is not valid JSON.' });
}

export function versionRequired(): ProblemError {
  return new ProblemError({
    status: 428,
    title: 'Version required',
    detail: 'Send the version you edited in an If-Match header, so a colleague’s newer save is never overwritten.',
  });
}

/** `"3"`, `3` or `W/"3"` → 3; null when the header is missing; 400 when it is something else. */
export function ifMatchVersion(header: string | null | undefined): number | null {
  if (header === null || header === undefined || header.trim() === '') return null;
  const match = /^\s*(?:W\/)?"?(\d+)"?\s*$/.exec(header);
  if (!match) {
    throw new ProblemError({ status: 400, title: 'Bad If-Match header', detail: 'If-Match must carry the version you edited, like "3".' });
  }
  return Number(match[1]);
}

/** Repeated parameters (status=a&status=b) mean the same as a comma list. */
export function queryObject(search: URLSearchParams): Record<string, string> {
  const query: Record<string, string> = {};
  for (const [key, value] of search) query[key] = key in query ? `${query[key]},${value}` : value;
  return query;
}

/** A list's query string, checked like a body: a bad one is a 400 naming the fields. */
export function parseQuery<S extends z.ZodType>(schema: S, search: URLSearchParams): z.output<S> {
  const parsed = schema.safeParse(queryObject(search));
  if (!parsed.success) throw badQuery(parsed.error.issues);
  return parsed.data;
}

/** A body checked against its schema: 422 with a message per field. */
export function parseBody<S extends z.ZodType>(schema: S, body: unknown, detail?: string): z.output<S> {
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw validationProblem(issuesToErrors(parsed.error.issues), detail);
  return parsed.data;
}

export function idempotencyKeyRequired(what: string): ProblemError {
  return new ProblemError({
    status: 400,
    title: 'Idempotency-Key required',
    detail: `${what} need an Idempotency-Key header so a retry cannot apply them twice.`,
  });
}

function idempotencyOf(facts: RequestFacts, body: unknown): Idempotency | null {
  const key = facts.header('Idempotency-Key')?.trim();
  return key ? { key, fingerprint: `${facts.method} ${facts.path} ${JSON.stringify(body)}` } : null;
}

/**
 * Reads a request as its route says, refusing in the contract's order: an unreadable If-Match (400), the query
 * (400), an unreadable body (400), a missing Idempotency-Key where required (400), the body's fields (422), a
 * missing If-Match (428). Who may call the route is checked before this, by the backend's session.
 */
export function readRequest<R extends RouteSpec>(route: R, facts: RequestFacts): ReadRequest<R> {
  const version = route.ifMatch ? ifMatchVersion(facts.header('If-Match')) : null;
  const query = route.query ? parseQuery(route.query, facts.search) : undefined;
  const raw = route.body ? facts.body() : undefined;
  const idempotency = route.idempotency ? idempotencyOf(facts, raw) : null;
  if (route.idempotency?.key === 'required' && !idempotency) throw idempotencyKeyRequired(route.idempotency.what ?? 'Changes');
  const body = route.body ? parseBody(route.body, raw, route.invalidDetail) : undefined;
  if (route.ifMatch && version === null) throw versionRequired();
  return { query, body, version, idempotency } as ReadRequest<R>;
}
