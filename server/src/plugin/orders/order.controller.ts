/**
 * /api/orders and /api/reports, as the route table (src/contract/routes.ts) says: reading an order is the least
 * a caller needs; each write checks its own permission (fulfil, refund) in OrderService.write. Returns live on
 * their orders, so their list is here too.
 */
import { Controller, Param, UseFilters } from '@nestjs/common';
import { STORE_TIME_ZONE } from '#shared/contract/constants';
import { orderNotFound } from '#shared/domain/order-decisions';
import { storeDate } from '#shared/domain/store-time';
import { ProblemFilter } from '../problem.filter';
import { Read, Route } from '../route';
import { OrderService } from './order.service';
import { ReportService } from './report.service';
import { clock } from '../clock';

@Controller()
@UseFilters(ProblemFilter)
export class OrderController {
  constructor(private orders: OrderService) {}

  @Route('orders.list')
  list(@Read() r: Read<'orders.list'>) {
    return this.orders.list(r.query);
  }

  @Route('orders.get')
  async get(@Param('id') id: string) {
    const order = await this.orders.get(id);
    if (!order) throw orderNotFound(id);
    return order;
  }

  @Route('orders.fulfil')
  fulfil(@Param('id') id: string, @Read() r: Read<'orders.fulfil'>) {
    return this.orders.write(r.actor, id, { action: 'fulfil', input: r.body }, r.idempotency);
  }

  @Route('orders.cancel')
  cancel(@Param('id') id: string, @Read() r: Read<'orders.cancel'>) {
    return this.orders.write(r.actor, id, { action: 'cancel', input: r.body }, r.idempotency);
  }

  @Route('orders.refund')
  refund(@Param('id') id: string, @Read() r: Read<'orders.refund'>) {
    return this.orders.write(r.actor, id, { action: 'refund', input: r.body }, r.idempotency);
  }

  /** A retried note (same Idempotency-Key, when the client sends one) is added once. */
  @Route('orders.note')
  note(@Param('id') id: string, @Read() r: Read<'orders.note'>) {
    return this.orders.write(r.actor, id, { action: 'note', input: r.body }, r.idempotency);
  }

  @Route('orders.openReturn')
  openReturn(@Param('id') id: string, @Read() r: Read<'orders.openReturn'>) {
    return this.orders.write(r.actor, id, { action: 'openReturn', input: r.body }, r.idempotency);
  }

  @Route('orders.receiveReturn')
  receiveReturn(@Param('id') id: string, @Param('returnId') returnId: string, @Read() r: Read<'orders.receiveReturn'>) {
    return this.orders.write(r.actor, id, { action: 'receiveReturn', returnId, input: r.body }, r.idempotency);
  }

  @Route('orders.refundReturn')
  refundReturn(@Param('id') id: string, @Param('returnId') returnId: string, @Read() r: Read<'orders.refundReturn'>) {
    return this.orders.write(r.actor, id, { action: 'refundReturn', returnId, input: r.body }, r.idempotency);
  }

  @Route('orders.exchangeReturn')
  exchangeReturn(@Param('id') id: string, @Param('returnId') returnId: string, @Read() r: Read<'orders.exchangeReturn'>) {
    return this.orders.write(r.actor, id, { action: 'exchangeReturn', returnId, input: r.body }, r.idempotency);
  }

  @Route('orders.closeReturn')
  closeReturn(@Param('id') id: string, @Param('returnId') returnId: string, @Read() r: Read<'orders.closeReturn'>) {
    return this.orders.write(r.actor, id, { action: 'closeReturn', returnId, input: r.body }, r.idempotency);
  }

  @Route('returns.list')
  returns(@Read() r: Read<'returns.list'>) {
    return this.orders.listReturns(r.query);
  }
}

@Controller()
@UseFilters(ProblemFilter)
export class ReportController {
  constructor(private reports: ReportService) {}

  @Route('reports.clock')
  clock() {
    return { today: storeDate(clock()), timeZone: STORE_TIME_ZONE };
  }

  @Route('reports.sales')
  sales(@Read() r: Read<'reports.sales'>) {
    return this.reports.sales(r.query);
  }

  @Route('reports.breakdown')
  breakdown(@Read() r: Read<'reports.breakdown'>) {
    return this.reports.breakdown(r.query);
  }

  @Route('reports.summary')
  summary(@Read() r: Read<'reports.summary'>) {
    return this.reports.summary(r.query);
  }

  @Route('reports.refunds')
  refunds(@Read() r: Read<'reports.refunds'>) {
    return this.reports.refunds(r.query);
  }

  @Route('reports.lines')
  lines(@Read() r: Read<'reports.lines'>) {
    return this.reports.lines(r.query);
  }

  @Route('reports.profit')
  profit(@Read() r: Read<'reports.profit'>) {
    return this.reports.profit(r.query);
  }

  @Route('reports.sellThrough')
  sellThrough(@Read() r: Read<'reports.sellThrough'>) {
    return this.reports.sellThrough(r.query);
  }
}
