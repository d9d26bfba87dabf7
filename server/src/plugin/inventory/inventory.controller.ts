/**
 * /api/inventory, route for route as mocks/handlers.ts answers it: the role
 * first (403), then the body (400 unreadable, the key, 422), then the write.
 */
import { Controller, Get, HttpCode, Post, Put, Req, Res, UseFilters } from '@nestjs/common';
import { Ctx, RequestContext } from '@vendure/core';
import type { Request, Response } from 'express';
import {
  adjustmentInputSchema,
  inventoryListQuerySchema,
  ledgerQuerySchema,
  receiptInputSchema,
  thresholdInputSchema,
  transferInputSchema,
} from '#shared/contract/stock-schemas';
import { idempotencyOf, ifMatchVersion, jsonBody, parseBody, parseQuery, requireIdempotency } from '../http';
import { ProblemFilter } from '../problem.filter';
import { StaffService } from '../staff/staff.service';
import { InventoryService } from './inventory.service';

@Controller('api/inventory')
@UseFilters(ProblemFilter)
export class InventoryController {
  constructor(
    private staff: StaffService,
    private inventory: InventoryService,
  ) {}

  @Get()
  async list(@Ctx() ctx: RequestContext, @Req() req: Request) {
    await this.staff.require(ctx, req, 'stock.view');
    return this.inventory.list(parseQuery(inventoryListQuerySchema, req));
  }

  @Get('ledger')
  async ledger(@Ctx() ctx: RequestContext, @Req() req: Request) {
    await this.staff.require(ctx, req, 'stock.view');
    return this.inventory.ledger(parseQuery(ledgerQuerySchema, req));
  }

  @Post('adjustments')
  @HttpCode(200)
  async adjust(@Ctx() ctx: RequestContext, @Req() req: Request) {
    const actor = await this.staff.require(ctx, req, 'stock.edit');
    const body = jsonBody(req);
    const idempotency = requireIdempotency(req, body, 'Stock adjustments');
    return this.inventory.adjust(actor, parseBody(adjustmentInputSchema, body), idempotency);
  }

  @Post('transfers')
  @HttpCode(200)
  async transfer(@Ctx() ctx: RequestContext, @Req() req: Request) {
    const actor = await this.staff.require(ctx, req, 'stock.edit');
    const body = jsonBody(req);
    const idempotency = requireIdempotency(req, body, 'Transfers');
    return this.inventory.transfer(actor, parseBody(transferInputSchema, body), idempotency);
  }

  @Post('receipts')
  @HttpCode(200)
  async receive(@Ctx() ctx: RequestContext, @Req() req: Request) {
    const actor = await this.staff.require(ctx, req, 'stock.edit');
    const body = jsonBody(req);
    return this.inventory.receive(actor, parseBody(receiptInputSchema, body), idempotencyOf(req, body));
  }

  @Put('levels/:variantId/:locationId/threshold')
  async threshold(@Ctx() ctx: RequestContext, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    const actor = await this.staff.require(ctx, req, 'stock.edit');
    const version = ifMatchVersion(req);
    const input = parseBody(thresholdInputSchema, jsonBody(req));
    const level = await this.inventory.threshold(
      actor,
      { variantId: String(req.params.variantId), locationId: String(req.params.locationId), version },
      input,
    );
    res.setHeader('ETag', `"${level.version}"`);
    return level;
  }
}
