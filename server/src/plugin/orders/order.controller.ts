/**
 * /api/orders and /api/reports, route for route as mocks/handlers.ts answers
 * them: reading an order is the least a caller needs; each write checks its
 * own permission (fulfil, refund) in OrderService.write.
 */
import { Controller, Get, HttpCode, Post, Req, Res, UseFilters } from '@nestjs/common';
import { Ctx, RequestContext } from '@vendure/core';
import type { Request, Response } from 'express';
import { STORE_TIME_ZONE } from '#shared/contract/constants';
import { orderNotFound } from '#shared/domain/order-decisions';
import {
  cancelInputSchema,
  fulfilInputSchema,
  noteInputSchema,
  orderListQuerySchema,
  refundInputSchema,
  type Order,
} from '#shared/contract/order-schemas';
import { breakdownQuerySchema, salesReportQuerySchema } from '#shared/contract/report-schemas';
import { storeDate } from '#shared/domain/store-time';
import { idempotencyOf, jsonBody, parseBody, parseQuery, requireIdempotency } from '../http';
import { ProblemFilter } from '../problem.filter';
import { StaffService } from '../staff/staff.service';
import { OrderService } from './order.service';
import { ReportService } from './report.service';
import { clock } from '../clock';

function withEtag(res: Response, order: Order): Order {
  res.setHeader('ETag', `"${order.version}"`);
  return order;
}

@Controller('api/orders')
@UseFilters(ProblemFilter)
export class OrderController {
  constructor(
    private staff: StaffService,
    private orders: OrderService,
  ) {}

  @Get()
  async list(@Ctx() ctx: RequestContext, @Req() req: Request) {
    await this.staff.require(ctx, req, 'orders.view');
    return this.orders.list(parseQuery(orderListQuerySchema, req));
  }

  @Get(':id')
  async get(@Ctx() ctx: RequestContext, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    await this.staff.require(ctx, req, 'orders.view');
    const id = String(req.params.id);
    const order = await this.orders.get(id);
    if (!order) throw orderNotFound(id);
    return withEtag(res, order);
  }

  @Post(':id/fulfilments')
  @HttpCode(200)
  async fulfil(@Ctx() ctx: RequestContext, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    const actor = await this.staff.require(ctx, req, 'orders.view');
    const body = jsonBody(req);
    const idempotency = requireIdempotency(req, body, 'Fulfilments');
    const input = parseBody(fulfilInputSchema, body);
    return withEtag(res, await this.orders.write(actor, String(req.params.id), { action: 'fulfil', input }, idempotency));
  }

  @Post(':id/cancel')
  @HttpCode(200)
  async cancel(@Ctx() ctx: RequestContext, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    const actor = await this.staff.require(ctx, req, 'orders.view');
    const body = jsonBody(req);
    const idempotency = requireIdempotency(req, body, 'Cancellations');
    const input = parseBody(cancelInputSchema, body);
    return withEtag(res, await this.orders.write(actor, String(req.params.id), { action: 'cancel', input }, idempotency));
  }

  @Post(':id/refunds')
  @HttpCode(200)
  async refund(@Ctx() ctx: RequestContext, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    const actor = await this.staff.require(ctx, req, 'orders.view');
    const body = jsonBody(req);
    const idempotency = requireIdempotency(req, body, 'Refunds');
    const input = parseBody(refundInputSchema, body);
    return withEtag(res, await this.orders.write(actor, String(req.params.id), { action: 'refund', input }, idempotency));
  }

  /** A retried note (same Idempotency-Key, when the client sends one) is added once. */
  @Post(':id/notes')
  @HttpCode(200)
  async note(@Ctx() ctx: RequestContext, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    const actor = await this.staff.require(ctx, req, 'orders.view');
    const body = jsonBody(req);
    const input = parseBody(noteInputSchema, body);
    return withEtag(res, await this.orders.write(actor, String(req.params.id), { action: 'note', input }, idempotencyOf(req, body)));
  }
}

@Controller('api/reports')
@UseFilters(ProblemFilter)
export class ReportController {
  constructor(
    private staff: StaffService,
    private reports: ReportService,
  ) {}

  @Get('clock')
  async clock(@Ctx() ctx: RequestContext, @Req() req: Request) {
    await this.staff.require(ctx, req, 'reports.view');
    return { today: storeDate(clock()), timeZone: STORE_TIME_ZONE };
  }

  @Get('sales')
  async sales(@Ctx() ctx: RequestContext, @Req() req: Request) {
    await this.staff.require(ctx, req, 'reports.view');
    return this.reports.sales(parseQuery(salesReportQuerySchema, req));
  }

  @Get('breakdown')
  async breakdown(@Ctx() ctx: RequestContext, @Req() req: Request) {
    await this.staff.require(ctx, req, 'reports.view');
    return this.reports.breakdown(parseQuery(breakdownQuerySchema, req));
  }
}
