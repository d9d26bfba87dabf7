/**
 * The one HTTP client. It speaks JSON, turns problem+json answers into typed
 * ApiErrors, sends `If-Match` and `Idempotency-Key` when asked, and parses every
 * answer with the contract's schema so a wrong server answer fails here, loudly.
 */
import type { z } from 'zod';
import { ApiError } from './api-error';
import { apiReady } from './api-ready';
import { problemSchema } from '../contract/schemas';
import { unauthorizedHandler } from './unauthorized';

/** Unset means the mock API, served in the page under /api. */
const BASE_URL = (import.meta.env?.VITE_API_URL as string | undefined)?.replace(/\/$/, '') ?? '';

/** A network failure or an answer that does not match the contract, told in the same shape. */
function clientProblem(title: string, detail: string, status = 0): ApiError {
  return new ApiError({ type: 'about:blank', title, status, detail });
}

export type QueryValue = string | number | boolean | readonly string[] | null | undefined;

export function toSearchParams(query: Record<string, QueryValue>): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value == null || value === '') continue;
    if (Array.isArray(value)) {
      if (value.length) params.set(key, value.join(','));
    } else params.set(key, String(value));
  }
  return params;
}

type RequestOptions<S extends z.ZodType> = {
  schema: S;
  query?: Record<string, QueryValue>;
  body?: unknown;
  /** The version the client last saw; a stale one gets 409 with the current resource. */
  ifMatch?: number;
  idempotencyKey?: string;
  signal?: AbortSignal;
};

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export async function request<S extends z.ZodType>(method: Method, path: string, options: RequestOptions<S>): Promise<z.infer<S>> {
  for (;;) {
    try {
      return await send(method, path, options);
    } catch (error) {
      // The same request, headers and Idempotency-Key included, goes again once the person is back.
      const handler = unauthorizedHandler();
      if (!(error instanceof ApiError) || error.status !== 401 || path.startsWith('/session') || !handler || options.signal?.aborted)
        throw error;
      if (!(await handler(error))) throw error;
    }
  }
}

async function send<S extends z.ZodType>(
  method: Method,
  path: string,
  { schema, query, body, ifMatch, idempotencyKey, signal }: RequestOptions<S>,
): Promise<z.infer<S>> {
  const search = query ? toSearchParams(query).toString() : '';
  const headers: Record<string, string> = { Accept: 'application/json, application/problem+json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (ifMatch !== undefined) headers['If-Match'] = `"${ifMatch}"`;
  if (idempotencyKey) headers['Idempotency-Key'] = idempotencyKey;

  await apiReady();
  let response: Response;
  try {
    response = await fetch(`${BASE_URL}/api${path}${search ? `?${search}` : ''}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal,
      credentials: 'include',
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw clientProblem('Network error', 'The server could not be reached. Check the connection and try again.');
  }

  // 204 No Content (sign out): nothing to parse.
  if (response.status === 204) return schema.parse(undefined);
  const text = await response.text();
  let json: unknown = undefined;
  if (text) {
    try {
      json = JSON.parse(text);
    } catch {
      throw clientProblem('Unreadable answer', `The server answered ${response.status} with something that is not JSON.`, response.status);
    }
  }

  if (!response.ok) {
    const parsed = problemSchema.safeParse(json);
    if (parsed.success) throw new ApiError({ ...parsed.data, status: response.status });
    throw clientProblem(response.statusText || 'Request failed', `The server answered ${response.status}.`, response.status);
  }

  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    console.error(`Answer of ${method} ${path} does not match the contract`, parsed.error.issues);
    throw clientProblem('Unexpected answer', 'The server answered in a shape this app does not understand.', response.status);
  }
  return parsed.data;
}

export function newIdempotencyKey(): string {
  return crypto.randomUUID();
}
