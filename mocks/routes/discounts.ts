/** Discounts: codes and automatic offers, their preview on a basket, their performance, and uses claimed at checkout. See mocks/discount-writes.ts. */
import type { HttpHandler } from 'msw';
import {
  createDiscount,
  discountPerformance,
  getDiscount,
  listDiscounts,
  previewDiscount,
  updateDiscount,
  useDiscount,
} from '../discount-writes';
import type { RouteKit } from './route';

export function discountRoutes({ db, route }: RouteKit): HttpHandler[] {
  return [
    route('discounts.list', ({ query }) => listDiscounts(db, query)),
    route('discounts.create', ({ actor, body, idempotency }) => createDiscount(db, actor, body, idempotency)),
    route('discounts.preview', ({ body }) => previewDiscount(db, body)),
    route('discounts.get', ({ params }) => getDiscount(db, params.id)),
    route('discounts.update', ({ actor, params, version, body }) => updateDiscount(db, actor, params.id, version, body)),
    route('discounts.performance', ({ params, query }) => discountPerformance(db, params.id, query)),
    route('discounts.use', ({ actor, params, body, idempotency }) => useDiscount(db, actor, params.id, body, idempotency)),
  ];
}
