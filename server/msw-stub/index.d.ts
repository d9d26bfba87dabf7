// Only the part of msw that mocks/problems.ts names.
export declare class HttpResponse<T = unknown> {
  constructor(body?: T | null, init?: { status?: number; headers?: Record<string, string> });
}
