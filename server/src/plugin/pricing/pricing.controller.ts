/**
 * The pricing and import routes, as mocks/pricing-handlers.ts answers them;
 * and the middleware that runs due scheduled price changes before any /api
 * request (but sign-in), as the mock's catch-all handler does.
 */
import { Controller, Get, HttpCode, Injectable, Post, Req, Res, UseFilters, type NestMiddleware } from '@nestjs/common';
import { Ctx, Logger, RequestContext } from '@vendure/core';
import type { NextFunction, Request, Response } from 'express';
import {
  pageQuerySchema,
  priceBatchInputSchema,
  priceBatchListQuerySchema,
  priceHistoryQuerySchema,
  pricePreviewInputSchema,
  productImportInputSchema,
} from '#shared/contract/pricing-schemas';
import { databaseTrouble } from '../database-errors';
import { jsonBody, parseBody, parseQuery, requireIdempotency } from '../http';
import { ProblemFilter } from '../problem.filter';
import { StaffService } from '../staff/staff.service';
import { ImportService } from './import.service';
import { PricingService } from './pricing.service';

const KEY_NEEDED = 'Price changes and imports';

@Controller('api')
@UseFilters(ProblemFilter)
export class PricingController {
  constructor(
    private staff: StaffService,
    private pricing: PricingService,
    private imports: ImportService,
  ) {}

  @Post('pricing/preview')
  @HttpCode(200)
  async preview(@Ctx() ctx: RequestContext, @Req() req: Request) {
    await this.staff.require(ctx, req, 'products.edit');
    return this.pricing.preview(parseBody(pricePreviewInputSchema, jsonBody(req)));
  }

  @Post('pricing/batches')
  async create(@Ctx() ctx: RequestContext, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    const actor = await this.staff.require(ctx, req, 'products.edit');
    const input = parseBody(priceBatchInputSchema, jsonBody(req));
    const result = await this.pricing.create(actor, input, requireIdempotency(req, input, KEY_NEEDED));
    res.status(result.status);
    res.setHeader('Location', `/api/pricing/batches/${result.body.id}`);
    return result.body;
  }

  @Get('pricing/batches')
  async list(@Ctx() ctx: RequestContext, @Req() req: Request) {
    await this.staff.require(ctx, req, 'products.view');
    return this.pricing.list(parseQuery(priceBatchListQuerySchema, req));
  }

  @Get('pricing/batches/:id')
  async get(@Ctx() ctx: RequestContext, @Req() req: Request) {
    await this.staff.require(ctx, req, 'products.view');
    return this.pricing.get(String(req.params.id));
  }

  @Get('pricing/batches/:id/items')
  async items(@Ctx() ctx: RequestContext, @Req() req: Request) {
    await this.staff.require(ctx, req, 'products.view');
    return this.pricing.listItems(String(req.params.id), parseQuery(pageQuerySchema, req));
  }

  @Post('pricing/batches/:id/revert')
  @HttpCode(200)
  async revert(@Ctx() ctx: RequestContext, @Req() req: Request) {
    const actor = await this.staff.require(ctx, req, 'products.edit');
    const id = String(req.params.id);
    return this.pricing.revert(actor, id, requireIdempotency(req, { id }, KEY_NEEDED));
  }

  @Get('pricing/history')
  async history(@Ctx() ctx: RequestContext, @Req() req: Request) {
    await this.staff.require(ctx, req, 'products.view');
    return this.pricing.history(parseQuery(priceHistoryQuerySchema, req));
  }

  @Post('products/import')
  @HttpCode(200)
  async import(@Ctx() ctx: RequestContext, @Req() req: Request) {
    const actor = await this.staff.require(ctx, req, 'products.edit');
    const input = parseBody(productImportInputSchema, jsonBody(req));
    if (input.dryRun) return this.imports.dryRun(input.csv);
    return (await this.imports.apply(actor, input.csv, requireIdempotency(req, input, KEY_NEEDED))).body;
  }
}

/** Due scheduled starts and ends run before the request, so every answer reads prices as the schedule says. */
@Injectable()
export class ScheduleMiddleware implements NestMiddleware {
  constructor(private pricing: PricingService) {}

  async use(req: Request, _res: Response, next: NextFunction): Promise<void> {
    if (!/^\/api\/(session|health)(\/|\?|$)/.test(req.originalUrl)) {
      try {
        await this.pricing.settle();
      } catch (error) {
        // Without its database the request answers 503 itself; one line per request would only bury the log.
        if (!databaseTrouble(error))
          Logger.error(
            `A scheduled price change could not run: ${error instanceof Error ? error.message : String(error)}`,
            'StockroomPlugin',
          );
      }
    }
    next();
  }
}
