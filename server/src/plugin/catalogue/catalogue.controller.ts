/**
 * /api/products and the catalogue's reference lists (categories, tags, locations).
 */
import { Controller, Param, Res, UseFilters } from '@nestjs/common';
import type { Response } from 'express';
import { productNotFound } from '#shared/domain/product-rules';
import { CatalogueService } from './catalogue.service';
import { ProblemFilter } from '../problem.filter';
import { Read, Route } from '../route';

@Controller()
@UseFilters(ProblemFilter)
export class CatalogueController {
  constructor(private catalogue: CatalogueService) {}

  @Route('products.list')
  list(@Read() r: Read<'products.list'>) {
    return this.catalogue.list(r.query);
  }

  @Route('products.bulkStatus')
  async bulkStatus(@Read() r: Read<'products.bulkStatus'>, @Res({ passthrough: true }) res: Response) {
    const result = await this.catalogue.bulkStatus(r.actor, r.body, r.idempotency);
    res.status(result.status);
    return result.body;
  }

  @Route('products.get')
  async get(@Param('id') id: string) {
    const product = await this.catalogue.get(id);
    if (!product) throw productNotFound(id);
    return product;
  }

  @Route('products.create')
  async create(@Read() r: Read<'products.create'>, @Res({ passthrough: true }) res: Response) {
    const result = await this.catalogue.create(r.actor, r.body, r.idempotency);
    res.setHeader('Location', `/api/products/${(result.body as { id: string }).id}`);
    res.status(result.status);
    return result.body;
  }

  @Route('products.update')
  update(@Param('id') id: string, @Read() r: Read<'products.update'>) {
    return this.catalogue.update(r.actor, id, r.version, r.body);
  }

  @Route('categories.list')
  async categories() {
    return { items: await this.catalogue.categories() };
  }

  @Route('tags.list')
  async tags() {
    return { items: await this.catalogue.tags() };
  }

  @Route('locations.list')
  async locations() {
    return { items: await this.catalogue.locations() };
  }
}
