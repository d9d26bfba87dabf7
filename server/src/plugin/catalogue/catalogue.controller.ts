/**
 * /api/products and the catalogue's reference lists (categories, tags, locations).
 */
import { Controller, Get, Post, Put, Req, Res, UseFilters } from '@nestjs/common';
import { Ctx, RequestContext } from '@vendure/core';
import type { Request, Response } from 'express';
import { bulkStatusInputSchema, productInputSchema, productListQuerySchema } from '#shared/contract/schemas';
import { CatalogueService, productNotFound } from './catalogue.service';
import { StaffService } from '../staff/staff.service';
import { idempotencyOf, ifMatchVersion, jsonBody, parseBody, parseQuery, requireIdempotency } from '../http';
import { ProblemFilter } from '../problem.filter';

function etag(res: Response, version: number): void {
  res.setHeader('ETag', `"${version}"`);
}

@Controller('api')
@UseFilters(ProblemFilter)
export class CatalogueController {
  constructor(
    private staff: StaffService,
    private catalogue: CatalogueService,
  ) {}

  @Get('products')
  async list(@Ctx() ctx: RequestContext, @Req() req: Request) {
    await this.staff.require(ctx, req, 'products.view');
    return this.catalogue.list(parseQuery(productListQuerySchema, req));
  }

  @Post('products/bulk-status')
  async bulkStatus(@Ctx() ctx: RequestContext, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    const actor = await this.staff.require(ctx, req, 'products.edit');
    const body = jsonBody(req);
    const idempotency = requireIdempotency(req, body, 'Bulk changes');
    const result = await this.catalogue.bulkStatus(actor, parseBody(bulkStatusInputSchema, body), idempotency);
    res.status(result.status);
    return result.body;
  }

  @Get('products/:id')
  async get(@Ctx() ctx: RequestContext, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    await this.staff.require(ctx, req, 'products.view');
    const id = String(req.params.id);
    const product = await this.catalogue.get(id);
    if (!product) throw productNotFound(id);
    etag(res, product.version);
    return product;
  }

  @Post('products')
  async create(@Ctx() ctx: RequestContext, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    const actor = await this.staff.require(ctx, req, 'products.edit');
    const body = jsonBody(req);
    const input = parseBody(productInputSchema, body);
    const result = await this.catalogue.create(actor, input, idempotencyOf(req, body));
    const product = result.body as { id: string; version: number };
    etag(res, product.version);
    res.setHeader('Location', `/api/products/${product.id}`);
    res.status(result.status);
    return result.body;
  }

  @Put('products/:id')
  async update(@Ctx() ctx: RequestContext, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    const actor = await this.staff.require(ctx, req, 'products.edit');
    const version = ifMatchVersion(req);
    const input = parseBody(productInputSchema, jsonBody(req));
    const product = await this.catalogue.update(actor, String(req.params.id), version, input);
    etag(res, product.version);
    return product;
  }

  @Get('categories')
  async categories(@Ctx() ctx: RequestContext, @Req() req: Request) {
    await this.staff.require(ctx, req, 'products.view');
    return { items: await this.catalogue.categories() };
  }

  @Get('tags')
  async tags(@Ctx() ctx: RequestContext, @Req() req: Request) {
    await this.staff.require(ctx, req, 'products.view');
    return { items: await this.catalogue.tags() };
  }

  @Get('locations')
  async locations(@Ctx() ctx: RequestContext, @Req() req: Request) {
    await this.staff.require(ctx, req, 'stock.view');
    return { items: await this.catalogue.locations() };
  }
}
