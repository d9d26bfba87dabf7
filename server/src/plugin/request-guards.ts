/**
 * Express middleware that runs before any route: the contract's request rules
 * (src/contract/request-rules.ts, the mock applies the same ones), JSON parsing with
 * each route's body limit, and the gate in front of Vendure's own GraphQL APIs.
 */
import { timingSafeEqual } from 'node:crypto';
import { json, type NextFunction, type Request, type Response } from 'express';
import { unreadableBody } from '#shared/contract/protocol';
import { bodyLimitOf, crossSiteRefusal, tooLarge } from '#shared/contract/request-rules';
import { sendProblem } from './problem.filter';

/** Origins besides the app's own that may send changes: the ones CORS is opened to. */
export const allowedOrigins = (): string[] => (process.env.CORS_ORIGINS ? process.env.CORS_ORIGINS.split(',').map((o) => o.trim()) : []);

const parsers = new Map<number, ReturnType<typeof json>>();
function parserFor(limit: number): ReturnType<typeof json> {
  let parser = parsers.get(limit);
  if (!parser) parsers.set(limit, (parser = json({ limit })));
  return parser;
}

/** Under /api: a cross-site change is refused (403), a body over its route's limit is 413, broken JSON is 400. */
export function apiRequestGuard(req: Request, res: Response, next: NextFunction): void {
  const path = new URL(req.originalUrl, 'http://localhost').pathname;
  const refused = crossSiteRefusal(
    {
      method: req.method,
      origin: req.header('Origin') ?? null,
      secFetchSite: req.header('Sec-Fetch-Site') ?? null,
      host: req.header('Host') ?? null,
    },
    allowedOrigins(),
  );
  if (refused) return sendProblem(res, refused.problem);
  parserFor(bodyLimitOf(path))(req, res, (error?: unknown) => {
    if (!error) return next();
    const tooBig = (error as { type?: string }).type === 'entity.too.large';
    const length = Number(req.header('Content-Length'));
    sendProblem(res, tooBig ? tooLarge(path, Number.isFinite(length) ? length : undefined).problem : unreadableBody().problem);
  });
}

/**
 * Vendure's admin and shop GraphQL APIs reach the same data around every Stockroom rule (versions,
 * audit, throttling, deactivation), so they are off: 404. An operator who needs them for maintenance
 * sets STOCKROOM_GRAPHQL_TOKEN and sends it as `X-Operator-Token`; a Stockroom session cookie alone
 * never opens them.
 */
export function graphqlGate(req: Request, res: Response, next: NextFunction): void {
  const token = process.env.STOCKROOM_GRAPHQL_TOKEN;
  const sent = req.header('X-Operator-Token') ?? '';
  if (token && sent.length === token.length && timingSafeEqual(Buffer.from(sent), Buffer.from(token))) return next();
  sendProblem(res, {
    type: 'about:blank',
    status: 404,
    title: 'Not found',
    detail: 'Stockroom serves its API under /api. Vendure’s GraphQL APIs are off on this server.',
  });
}
