/**
 * How the mock serves a route of the table (src/contract/routes.ts), once:
 * `route(id, handler)` registers the route at the table's method and path and
 * does what every route needs before its own work, in this order: the
 * simulated network (latency, failures), the session (401) and the table's
 * permission (403), then the request as the table says to read it
 * (`readRequest`: If-Match, query, body, Idempotency-Key). The handler gets all
 * of that read and checked and returns the answer's body; `route` sends it with
 * the table's status, and with the resource's version as ETag where the table
 * says so. A thrown ProblemError becomes problem+json.
 */
import { delay, http, HttpResponse, type HttpHandler, type HttpResponseResolver, type JsonBodyType } from 'msw';
import type { z } from 'zod';
import { assertAllowed } from '../../src/contract/problems';
import { readRequest, unreadableBody, type Idempotency, type ReadRequest } from '../../src/contract/protocol';
import { ROUTE_IDS, ROUTES, type RouteId, type RouteSpec } from '../../src/contract/routes';
import { ProblemError, problemResponse } from '../problems';
import type { Actor, MockDb } from '../store';

type RawParams = Record<string, string | readonly string[]>;
export type Resolver = HttpResponseResolver<RawParams, never>;

type Spec<Id extends RouteId> = (typeof ROUTES)[Id];

/** The `:name` parameters of a path: '/api/orders/:id/notes' → 'id'. */
type PathParams<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? Name | PathParams<Rest>
  : P extends `${string}:${infer Name}`
    ? Name
    : never;

/** What a handler works with: the request read and checked as its route says, and who sent it. */
export type RouteContext<Id extends RouteId> = Omit<ReadRequest<Spec<Id>>, 'idempotency'> & {
  /** Who is asking (allowed the route's permission); null on the session routes, which answer anyone. */
  actor: Spec<Id> extends { permission: null } ? null : Actor;
  params: Record<PathParams<Spec<Id>['path']>, string>;
  /** Always present where the table requires it (its absence was a 400). */
  idempotency: Spec<Id> extends { idempotency: { key: 'required' } } ? Idempotency : Idempotency | null;
  request: Request;
  /** Headers to send with the answer besides ETag (a create's Location). */
  headers: Headers;
};

/** The answer's body as sent (what the table's answer schema reads); nothing for a 204. */
export type Answer<Id extends RouteId> = Spec<Id> extends { answer: infer S extends z.ZodType } ? z.input<S> : void;

export type Handler<Id extends RouteId> = (ctx: RouteContext<Id>) => Answer<Id> | Promise<Answer<Id>>;

export type RouteKit = {
  db: MockDb;
  /** Serves route `id` of the table with `handler`. */
  route: <Id extends RouteId>(id: Id, handler: Handler<Id>) => HttpHandler;
  /** For what the mock serves beyond the table: problems as problem+json, and no simulated network or session. */
  control: (resolver: Resolver) => Resolver;
  /** The table's routes no handler serves yet. */
  unserved: () => RouteId[];
};

/** A ProblemError thrown by `resolver` becomes its problem+json answer; anything else a 500 that says what broke. */
export function withProblems(resolver: Resolver): Resolver {
  return async (info) => {
    try {
      return await resolver(info);
    } catch (error) {
      if (error instanceof ProblemError) return problemResponse(error.problem);
      console.error('[mock] handler crashed', error);
      return problemResponse({ type: 'about:blank', status: 500, title: 'Mock server error', detail: String(error) });
    }
  };
}

/** A request body's JSON, or the contract's 400 when it is not JSON. */
export function jsonOf(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw unreadableBody();
  }
}

export function param(value: string | readonly string[] | undefined): string {
  return typeof value === 'string' ? value : (value?.[0] ?? '');
}

/** ±25 % jitter, so requests fired together do not all land at once (as on a real network). */
function jittered(ms: number): number {
  return Math.max(0, Math.round(ms * (0.75 + Math.random() * 0.5)));
}

/** The simulated network: the latency setting, and a 503 at the failure rate; null when the request gets through. */
async function network(db: MockDb): Promise<Response | null> {
  const { latencyMs, failureRate } = db.settings;
  if (latencyMs > 0) await delay(jittered(latencyMs));
  if (failureRate > 0 && Math.random() < failureRate) {
    return problemResponse({
      type: 'about:blank',
      status: 503,
      title: 'Simulated failure',
      detail: 'The mock API failed this request on purpose (failure rate setting). Try again.',
    });
  }
  return null;
}

/** 401 without a live session, 403 when the person's role may not do what the route needs. */
function allowedActor(db: MockDb, permission: NonNullable<RouteSpec['permission']>): Actor {
  const actor = db.actor();
  assertAllowed(actor.role, permission);
  return actor;
}

const METHODS = { GET: http.get, POST: http.post, PUT: http.put, PATCH: http.patch, DELETE: http.delete } as const;

export function routeKit(db: MockDb): RouteKit {
  const served = new Set<RouteId>();

  function route<Id extends RouteId>(id: Id, handler: Handler<Id>): HttpHandler {
    if (served.has(id)) throw new Error(`[mock] ${id} is served twice`);
    served.add(id);
    const spec: RouteSpec = ROUTES[id];
    return METHODS[spec.method](
      spec.path,
      withProblems(async ({ request, params }) => {
        const failed = await network(db);
        if (failed) return failed;
        const actor = spec.permission === null ? null : allowedActor(db, spec.permission);
        const url = new URL(request.url);
        const text = spec.body ? await request.text() : '';
        const read = readRequest(spec, {
          method: request.method,
          path: url.pathname,
          search: url.searchParams,
          header: (name) => request.headers.get(name),
          body: () => jsonOf(text),
        });
        const headers = new Headers();
        const names = Object.fromEntries(Object.entries(params).map(([name, value]) => [name, param(value)]));
        // What readRequest checked against ROUTES[id] is what RouteContext<Id> says of it.
        const context = { ...read, actor, params: names, request, headers } as unknown as RouteContext<Id>;
        const answer: unknown = await db.serve(() => handler(context));
        if (spec.etag) {
          const version = (answer as { version?: unknown } | undefined)?.version;
          if (typeof version === 'number') headers.set('ETag', `"${version}"`);
        }
        const status = spec.status ?? 200;
        if (status === 204) return new HttpResponse(null, { status, headers });
        return HttpResponse.json(answer as JsonBodyType, { status, headers });
      }),
    );
  }

  return { db, route, control: withProblems, unserved: () => ROUTE_IDS.filter((id) => !served.has(id)) };
}
