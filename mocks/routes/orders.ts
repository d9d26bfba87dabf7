/**
 * Orders: the list, one order, and what support does to one (returns and
 * exchanges included); the returns list; customers, who are their orders. The writes are
 * routed for anyone who may read orders; the decision checks fulfil or refund
 * itself, because what a person may do depends on the order.
 */
import type { HttpHandler } from 'msw';
import {
  addCustomerNote,
  addOrderNote,
  cancelOrder,
  closeReturn,
  exchangeReturn,
  fulfilOrder,
  openReturn,
  orderNotFound,
  receiveReturn,
  refundOrder,
  refundReturn,
} from '../order-writes';
import { customerNotFound } from '../../src/domain/customer-rules';
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
    route('orders.openReturn', ({ actor, params, body, idempotency }) => openReturn(db, actor, params.id, body, idempotency)),
    route('orders.receiveReturn', ({ actor, params, body: input, idempotency }) =>
      receiveReturn(db, { actor, id: params.id, returnId: params.returnId, input, idempotency }),
    ),
    route('orders.refundReturn', ({ actor, params, body: input, idempotency }) =>
      refundReturn(db, { actor, id: params.id, returnId: params.returnId, input, idempotency }),
    ),
    route('orders.exchangeReturn', ({ actor, params, body: input, idempotency }) =>
      exchangeReturn(db, { actor, id: params.id, returnId: params.returnId, input, idempotency }),
    ),
    route('orders.closeReturn', ({ actor, params, body: input, idempotency }) =>
      closeReturn(db, { actor, id: params.id, returnId: params.returnId, input, idempotency }),
    ),
    route('returns.list', ({ query }) => db.listReturns(query)),
    route('customers.list', ({ query }) => db.listCustomers(query)),
    route('customers.get', ({ params }) => {
      const customer = db.getCustomer(params.id);
      if (!customer) throw customerNotFound(params.id);
      return customer;
    }),
    route('customers.note', ({ actor, params, body, idempotency }) => addCustomerNote(db, actor, params.id, body, idempotency)),
  ];
}
