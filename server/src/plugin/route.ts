/**
 * The server's side of the route table (src/contract/routes.ts), in the style of Vendure's `@Allow`:
 * `@Route('products.update')` on a controller method registers the table's method, path and success status,
 * and puts the method behind `RouteGuard`, which resolves the caller for routes with a permission (401, 403)
 * and reads the request as the table says (src/contract/protocol.ts: If-Match, query, body, Idempotency-Key).
 * The method receives what was read with `@Read()`; routes whose answer carries an ETag get it from the
 * answer's version. Errors thrown here reach the controller's ProblemFilter like the method's own.
 */
import {
  applyDecorators,
  createParamDecorator,
  HttpCode,
  Injectable,
  RequestMapping,
  RequestMethod,
  SetMetadata,
  UseGuards,
  UseInterceptors,
  type CallHandler,
  type CanActivate,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { internal_getRequestContext } from '@vendure/core';
import type { Request, Response } from 'express';
import { map, type Observable } from 'rxjs';
import { readRequest, unreadableBody, type Idempotency, type ReadRequest, type RequestFacts } from '#shared/contract/protocol';
import { ROUTES, type RouteId, type RouteSpec } from '#shared/contract/routes';
import type { Actor } from './audit/audit.service';
import { StaffService } from './staff/staff.service';

const ROUTE_ID = 'stockroom:route';

type Spec<I extends RouteId> = (typeof ROUTES)[I];

/**
 * What a route's method works with: the caller (null on the session routes, which answer anyone), the query
 * and body as their schemas output them, the If-Match version and the Idempotency-Key (never null where the
 * table requires one).
 */
export type Read<I extends RouteId> = Omit<ReadRequest<Spec<I>>, 'idempotency'> & {
  actor: Spec<I>['permission'] extends null ? null : Actor;
  idempotency: Spec<I> extends { idempotency: { key: 'required' } } ? Idempotency : Idempotency | null;
};

/** Each request's read, from the guard to the method's `@Read()` parameter. */
const reads = new WeakMap<Request, Read<RouteId>>();

/** An Express request as the protocol reads it. */
function expressFacts(req: Request): RequestFacts {
  const url = new URL(req.originalUrl, 'http://localhost');
  return {
    method: req.method,
    path: url.pathname,
    search: url.searchParams,
    header: (name) => req.header(name),
    // Express leaves the body undefined when the request did not say it was JSON.
    body: () => {
      if (req.body === undefined || !req.is('application/json')) throw unreadableBody();
      return req.body as unknown;
    },
  };
}

/** The caller first (401, 403), then the request as its route says; what was read waits for the method. */
@Injectable()
export class RouteGuard implements CanActivate {
  constructor(
    private reflector: Reflector,
    private staff: StaffService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const id = this.reflector.get<RouteId | undefined>(ROUTE_ID, context.getHandler());
    if (!id) throw new Error(`RouteGuard on ${context.getClass().name}.${context.getHandler().name} without @Route`);
    const route: RouteSpec = ROUTES[id];
    const req = context.switchToHttp().getRequest<Request>();
    const actor = route.permission ? await this.staff.require(internal_getRequestContext(req, context), req, route.permission) : null;
    reads.set(req, { ...readRequest(route, expressFacts(req)), actor } as Read<RouteId>);
    return true;
  }
}

/** The answer's version as its ETag, on the routes the table says answer one. */
@Injectable()
export class EtagInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const res = context.switchToHttp().getResponse<Response>();
    return next.handle().pipe(
      map((answer: unknown) => {
        const version = (answer as { version?: unknown } | null | undefined)?.version;
        if (typeof version === 'number') res.setHeader('ETag', `"${version}"`);
        return answer;
      }),
    );
  }
}

/** Serves the method at the table's method and path (on a `@Controller()` without a prefix), guarded and read as the table says. */
export function Route(id: RouteId): MethodDecorator {
  const route: RouteSpec = ROUTES[id];
  return applyDecorators(
    RequestMapping({ path: route.path, method: RequestMethod[route.method] }),
    SetMetadata(ROUTE_ID, id),
    HttpCode(route.status ?? 200),
    UseGuards(RouteGuard),
    ...(route.etag ? [UseInterceptors(EtagInterceptor)] : []),
  );
}

/** The request `RouteGuard` read for this method's `@Route`. */
export const Read = createParamDecorator((_data: unknown, context: ExecutionContext) => {
  const read = reads.get(context.switchToHttp().getRequest<Request>());
  if (!read) throw new Error(`@Read() on ${context.getClass().name}.${context.getHandler().name} without @Route`);
  return read;
});
