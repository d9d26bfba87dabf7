/**
 * Orders: the list, one order, and what support does to one. The writes are
 * routed for anyone who may read orders; the decision checks fulfil or refund
 * itself, because what a person may do depends on the order.
 */
import type { HttpHandler } from 'msw';
import { addOrderNote, cancelOrder, fulfilOrder, orderNotFound, refundOrder } from '../order-writes';
import type { RouteKit } from './route';

export function orderRoutes({ db, route }: RouteKit): HttpHandler[] {
  return [
    route('orders.list', ({ query }) => db.listOrders(query)),
    route('orders.get', ({ params }) => {
      const order = db.getOrder(params.id);
      if (!order) throw orderNotFound(params.id);
      return order;
    }),
    route('orders.fulfil', ({ actor, params, body, idempotency }) => fulfilOrder(db, actor, params.id, body, idempotency)),
    route('orders.cancel', ({ actor, params, body, idempotency }) => cancelOrder(db, actor, params.id, body, idempotency)),
    route('orders.refund', ({ actor, params, body, idempotency }) => refundOrder(db, actor, params.id, body, idempotency)),
    route('orders.note', ({ actor, params, body, idempotency }) => addOrderNote(db, actor, params.id, body, idempotency)),
  ];
}
