/**
 * The pricing and import routes, as the route table (src/contract/routes.ts) says; and the middleware that runs
 * due scheduled price changes before any /api request (but sign-in and health).
 */
import { Controller, Injectable, Param, Res, UseFilters, type NestMiddleware } from '@nestjs/common';
import { Logger } from '@vendure/core';
import type { NextFunction, Request, Response } from 'express';
import { idempotencyKeyRequired } from '#shared/contract/protocol';
import { ROUTES } from '#shared/contract/routes';
import { databaseTrouble } from '../database-errors';
import { ProblemFilter } from '../problem.filter';
import { Read, Route } from '../route';
import { ImportService } from './import.service';
import { PricingService } from './pricing.service';

@Controller()
@UseFilters(ProblemFilter)
export class PricingController {
  constructor(
    private pricing: PricingService,
    private imports: ImportService,
  ) {}

  @Route('pricing.preview')
  preview(@Read() r: Read<'pricing.preview'>) {
    return this.pricing.preview(r.body);
  }

  @Route('pricing.createBatch')
  async create(@Read() r: Read<'pricing.createBatch'>, @Res({ passthrough: true }) res: Response) {
    const result = await this.pricing.create(r.actor, r.body, r.idempotency);
    res.status(result.status);
    res.setHeader('Location', `/api/pricing/batches/${result.body.id}`);
    return result.body;
  }

  @Route('pricing.listBatches')
  list(@Read() r: Read<'pricing.listBatches'>) {
    return this.pricing.list(r.query);
  }

  @Route('pricing.getBatch')
  get(@Param('id') id: string) {
    return this.pricing.get(id);
  }

  @Route('pricing.batchItems')
  items(@Param('id') id: string, @Read() r: Read<'pricing.batchItems'>) {
    return this.pricing.listItems(id, r.query);
  }

  @Route('pricing.revert')
  revert(@Param('id') id: string, @Read() r: Read<'pricing.revert'>) {
    return this.pricing.revert(r.actor, id, r.idempotency);
  }

  @Route('pricing.history')
  history(@Read() r: Read<'pricing.history'>) {
    return this.pricing.history(r.query);
  }

  /** A dry run changes nothing and needs no Idempotency-Key; applying the CSV does. */
  @Route('products.import')
  async import(@Read() r: Read<'products.import'>) {
    if (r.body.dryRun) return this.imports.dryRun(r.body.csv);
    if (!r.idempotency) throw idempotencyKeyRequired(ROUTES['products.import'].idempotency.what);
    return (await this.imports.apply(r.actor, r.body.csv, r.idempotency)).body;
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
