/**
 * The contract suite's only way into the API: HTTP, one client per signed-in
 * person, each with its own cookie jar, so several people can be signed in at
 * once. The same code talks to the mock (msw/node, in-process; see setup.ts)
 * and to a real server (STOCKROOM_API_URL).
 */
import { testClock } from '../clock';

/** Where the API lives: a real server, or the origin the in-process mock answers for. */
export const BASE_URL = (process.env.STOCKROOM_API_URL ?? 'http://localhost').replace(/\/+$/, '');
export const AGAINST_MOCK = !process.env.STOCKROOM_API_URL;

export type Role = 'admin' | 'manager' | 'merchandiser' | 'support';

/** The seeded demo accounts. Copied, not imported: a real server seeds the same four people (ids are its own: see idOf). */
export const DEMO_ACCOUNTS: Readonly<Record<Role, { email: string; password: string; name: string }>> = {
  admin: { email: 'ada.admin@stockroom.test', password: 'admin-demo-2026', name: 'Ada Admin' },
  manager: { email: 'max.manager@stockroom.test', password: 'manager-demo-2026', name: 'Max Manager' },
  merchandiser: { email: 'mia.merch@stockroom.test', password: 'merch-demo-2026', name: 'Mia Merchandiser' },
  support: { email: 'sam.support@stockroom.test', password: 'support-demo-2026', name: 'Sam Support' },
};

export type Query = Record<string, string | number | boolean | readonly (string | number)[] | undefined>;

export type RequestOptions = {
  body?: unknown;
  /** A version number (sent as `"3"`) or a header value as is. */
  ifMatch?: number | string;
  idempotencyKey?: string;
  query?: Query;
  /** Extra or overriding headers. */
  headers?: Record<string, string>;
};

export type ApiResponse = { status: number; headers: Headers; json: unknown; contentType: string | null };

function queryString(query: Query | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined) continue;
    params.set(key, Array.isArray(value) ? value.join(',') : String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/**
 * name=value pairs from Set-Cookie headers; an expired or emptied cookie leaves the jar. A cookie's Expires is
 * judged by the suite's clock (tests/clock.ts), the one the API under test runs on, never by the day the tests run.
 */
function absorbCookies(jar: Map<string, string>, headers: Headers): void {
  for (const line of headers.getSetCookie()) {
    const [pair = '', ...attributes] = line.split(';');
    const eq = pair.indexOf('=');
    if (eq <= 0) continue;
    const name = pair.slice(0, eq).trim();
    const value = pair.slice(eq + 1).trim();
    const expired = attributes.some((a) => {
      const [k = '', v = ''] = a.split('=').map((s) => s.trim());
      return (k.toLowerCase() === 'max-age' && Number(v) <= 0) || (k.toLowerCase() === 'expires' && Date.parse(v) <= testClock());
    });
    if (expired || value === '') jar.delete(name);
    else jar.set(name, value);
  }
}

export class ApiClient {
  private readonly baseUrl: string;
  private readonly timeoutMs: number | undefined;
  private readonly jar: Map<string, string>;

  /**
   * `baseUrl`: another server than BASE_URL (several instances, tests/instances). `timeoutMs`: a request not
   * answered in time rejects (a TimeoutError) instead of waiting for ever.
   */
  constructor(baseUrl: string = BASE_URL, timeoutMs?: number, jar = new Map<string, string>()) {
    this.baseUrl = baseUrl.replace(/\/+$/, '');
    this.timeoutMs = timeoutMs;
    this.jar = jar;
  }

  /** The same person on another server: one cookie jar, shared, as a browser's behind a load balancer. */
  at(baseUrl: string, timeoutMs = this.timeoutMs): ApiClient {
    return new ApiClient(baseUrl, timeoutMs, this.jar);
  }

  /** These cookies as they are now, kept by a client of their own (a cookie someone copied before signing out). */
  copy(baseUrl: string = this.baseUrl): ApiClient {
    return new ApiClient(baseUrl, this.timeoutMs, new Map(this.jar));
  }

  request(method: string, path: string, options: RequestOptions = {}): Promise<ApiResponse> {
    return this.send(method, `${this.baseUrl}/api${path}${queryString(options.query)}`, options);
  }

  /** A request to a path outside /api (e.g. `/admin-api`), with this client's cookies. */
  outside(method: string, pathFromRoot: string, options: RequestOptions = {}): Promise<ApiResponse> {
    return this.send(method, `${this.baseUrl}${pathFromRoot}${queryString(options.query)}`, options);
  }

  private async send(method: string, url: string, options: RequestOptions): Promise<ApiResponse> {
    const headers: Record<string, string> = { Accept: 'application/json, application/problem+json' };
    if (options.body !== undefined) headers['Content-Type'] = 'application/json';
    if (options.ifMatch !== undefined) headers['If-Match'] = typeof options.ifMatch === 'number' ? `"${options.ifMatch}"` : options.ifMatch;
    if (options.idempotencyKey !== undefined) headers['Idempotency-Key'] = options.idempotencyKey;
    if (this.jar.size) headers.Cookie = [...this.jar].map(([k, v]) => `${k}=${v}`).join('; ');
    Object.assign(headers, options.headers);
    const response = await fetch(url, {
      method,
      headers,
      body: options.body === undefined ? undefined : typeof options.body === 'string' ? options.body : JSON.stringify(options.body),
      redirect: 'manual',
      signal: this.timeoutMs === undefined ? undefined : AbortSignal.timeout(this.timeoutMs),
    });
    absorbCookies(this.jar, response.headers);
    const text = await response.text();
    let json: unknown = null;
    if (text) {
      try {
        json = JSON.parse(text) as unknown;
      } catch {
        json = text;
      }
    }
    return { status: response.status, headers: response.headers, json, contentType: response.headers.get('Content-Type') };
  }

  get = (path: string, options?: RequestOptions) => this.request('GET', path, options);
  post = (path: string, options?: RequestOptions) => this.request('POST', path, options);
  put = (path: string, options?: RequestOptions) => this.request('PUT', path, options);
  patch = (path: string, options?: RequestOptions) => this.request('PATCH', path, options);
  delete = (path: string, options?: RequestOptions) => this.request('DELETE', path, options);

  /** Whether the jar holds anything (a session cookie after signing in). */
  get hasCookies(): boolean {
    return this.jar.size > 0;
  }
}

/** A client with no session. */
export function anonymous(): ApiClient {
  return new ApiClient();
}

/** Signs in with email and password, as the sign-in page does; fails loudly if the API refuses. */
export async function signInWith(email: string, password: string): Promise<ApiClient> {
  const api = new ApiClient();
  const res = await api.post('/session', { body: { email, password } });
  if (res.status !== 200) throw new Error(`Signing in as ${email} answered ${res.status}: ${JSON.stringify(res.json)}`);
  if (!api.hasCookies) throw new Error(`Signing in as ${email} set no cookie`);
  return api;
}

const staffIds = new Map<Role, string>();

/** A client signed in as the demo person of a role; remembers the id the API gave that person. */
export async function signIn(role: Role): Promise<ApiClient> {
  const { email, password } = DEMO_ACCOUNTS[role];
  const api = await signInWith(email, password);
  const session = (await api.get('/session')).json as { user?: { id?: unknown } } | null;
  if (typeof session?.user?.id === 'string') staffIds.set(role, session.user.id);
  return api;
}

/** The staff id of a role's demo person, as the API named it when they signed in (no seeded id is assumed). */
export function idOf(role: Role): string {
  const id = staffIds.get(role);
  if (!id) throw new Error(`Sign in as ${role} before asking for their id`);
  return id;
}

/** A fresh key per intended change. */
export const newKey = (): string => crypto.randomUUID();

/** A short unique token for names, SKUs and handles this run creates. */
export const uniqueId = (): string => crypto.randomUUID().replaceAll('-', '').slice(0, 10);
