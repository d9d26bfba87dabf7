/**
 * What a request must be before any route looks at it, the same on every
 * backend: a change comes from the app's own origin (or one the operator
 * allows), and a body is no bigger than its route takes. Each returns the
 * refusal, or null; the mock and the server only supply the request's parts.
 */
import { ProblemError } from './problems';

const MB = 1024 * 1024;

/** The one body-size limit of every route but the import, which carries a whole CSV file (5 MB) as JSON. */
export const BODY_LIMIT_BYTES = 1 * MB;
export const IMPORT_BODY_LIMIT_BYTES = 6 * MB;

/** The most a request to `path` (under /api) may send. */
export function bodyLimitOf(path: string): number {
  return /^\/api\/products\/import\/?$/.test(path) ? IMPORT_BODY_LIMIT_BYTES : BODY_LIMIT_BYTES;
}

function megabytes(bytes: number): string {
  return `${Number((bytes / MB).toFixed(1))} MB`;
}

/** 413: the body is over the route's limit (`size` when known). */
export function tooLarge(path: string, size?: number): ProblemError {
  const limit = bodyLimitOf(path);
  return new ProblemError({
    status: 413,
    title: 'Request too large',
    detail: `This request takes at most ${megabytes(limit)}${size === undefined ? '' : `; it was ${megabytes(size)}`}.`,
  });
}

export function bodySizeRefusal(path: string, size: number): ProblemError | null {
  return size > bodyLimitOf(path) ? tooLarge(path, size) : null;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export type RequestSource = {
  method: string;
  /** The Origin header, if sent. */
  origin: string | null;
  /** The Sec-Fetch-Site header, if sent (every current browser sends it). */
  secFetchSite: string | null;
  /** The Host the request was sent to (host[:port]). */
  host: string | null;
};

/**
 * 403 for a change sent from another site: a browser names the site a request comes from (Origin,
 * Sec-Fetch-Site), and a page elsewhere must not use a signed-in person's cookie to change the shop.
 * Reads are not refused (the browser keeps their answers from other sites anyway); a client that is
 * not a browser sends neither header and is judged by its credentials alone.
 */
export function crossSiteRefusal(request: RequestSource, allowedOrigins: readonly string[] = []): ProblemError | null {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return null;
  const { origin, secFetchSite } = request;
  if (origin !== null && origin !== 'null' && allowedOrigins.includes(origin)) return null;
  const sameHost = origin !== null && request.host !== null && hostOf(origin) === request.host.toLowerCase();
  const site = secFetchSite?.toLowerCase() ?? null;
  const crossSite = site === 'cross-site' || site === 'same-site' || (origin !== null && !sameHost);
  if (!crossSite) return null;
  return new ProblemError({
    status: 403,
    title: 'Cross-site request refused',
    detail: `Changes are accepted only from the app itself${origin ? `, not from ${origin}` : ''}. Open Stockroom and try again there.`,
  });
}

function hostOf(origin: string): string | null {
  try {
    return new URL(origin).host.toLowerCase();
  } catch {
    return null;
  }
}
