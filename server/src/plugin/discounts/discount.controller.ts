/**
 * /api/discounts, as the route table (src/contract/routes.ts) says: codes and automatic offers, a preview on a
 * basket, a discount's performance and the uses claimed at checkout. See DiscountService.
 */
import { Controller, Param, Res, UseFilters } from '@nestjs/common';
import type { Response } from 'express';
import { ProblemFilter } from '../problem.filter';
import { Read, Route } from '../route';
import { DiscountService } from './discount.service';

@Controller()
@UseFilters(ProblemFilter)
export class DiscountController {
  constructor(private discounts: DiscountService) {}

  @Route('discounts.list')
  list(@Read() r: Read<'discounts.list'>) {
    return this.discounts.list(r.query);
  }

  /** A replayed Idempotency-Key answers the first request's status and body. */
  @Route('discounts.create')
  async create(@Read() r: Read<'discounts.create'>, @Res({ passthrough: true }) res: Response) {
    const result = await this.discounts.create(r.actor, r.body, r.idempotency);
    res.status(result.status);
    return result.body;
  }

  @Route('discounts.preview')
  preview(@Read() r: Read<'discounts.preview'>) {
    return this.discounts.preview(r.body);
  }

  @Route('discounts.get')
  get(@Param('id') id: string) {
    return this.discounts.get(id);
  }

  @Route('discounts.update')
  update(@Param('id') id: string, @Read() r: Read<'discounts.update'>) {
    return this.discounts.update(r.actor, id, r.version, r.body);
  }

  @Route('discounts.performance')
  performance(@Param('id') id: string, @Read() r: Read<'discounts.performance'>) {
    return this.discounts.performance(id, r.query);
  }

  @Route('discounts.use')
  async use(@Param('id') id: string, @Read() r: Read<'discounts.use'>, @Res({ passthrough: true }) res: Response) {
    const result = await this.discounts.use(r.actor, id, r.body, r.idempotency);
    res.status(result.status);
    return result.body;
  }
}
