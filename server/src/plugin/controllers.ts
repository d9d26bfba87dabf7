/**
 * The REST contract under /api (docs/API.md), route for route as
 * mocks/handlers.ts answers it. Each controller uses ProblemFilter so errors
 * are problem+json rather than Vendure's default JSON.
 */
import { All, Controller, Delete, Get, HttpCode, Patch, Post, Put, Req, Res, UseFilters } from '@nestjs/common';
import { Ctx, RequestContext } from '@vendure/core';
import type { Request, Response } from 'express';
import { ProblemError } from '#shared/contract/problems';
import {
  auditListQuerySchema,
  bulkStatusInputSchema,
  productInputSchema,
  productListQuerySchema,
  signInInputSchema,
  staffCreateInputSchema,
  staffUpdateInputSchema,
} from '#shared/contract/schemas';
import { AuditService } from './audit.service';
import { CatalogueService, productNotFound } from './catalogue.service';
import { idempotencyOf, ifMatchVersion, jsonBody, parseBody, parseQuery, requireIdempotency } from './http';
import { ProblemFilter } from './problem.filter';
import { StaffService } from './staff.service';

function etag(res: Response, version: number): void {
  res.setHeader('ETag', `"${version}"`);
}

@Controller('api/session')
@UseFilters(ProblemFilter)
export class SessionController {
  constructor(private staff: StaffService) {}

  @Post()
  @HttpCode(200)
  signIn(@Ctx() ctx: RequestContext, @Req() req: Request) {
    const input = parseBody(signInInputSchema, jsonBody(req), 'Enter an email and a password.');
    return this.staff.signIn(ctx, req, input);
  }

  @Get()
  session(@Ctx() ctx: RequestContext, @Req() req: Request) {
    return this.staff.session(ctx, req);
  }

  @Delete()
  @HttpCode(204)
  async signOut(@Ctx() ctx: RequestContext, @Req() req: Request): Promise<void> {
    await this.staff.signOut(ctx, req);
  }
}

@Controller('api/staff')
@UseFilters(ProblemFilter)
export class StaffController {
  constructor(private staff: StaffService) {}

  // Managers read the names too: the audit log filters by person.
  @Get()
  async list(@Ctx() ctx: RequestContext, @Req() req: Request) {
    await this.staff.require(ctx, req, 'audit.view');
    const items = await this.staff.list();
    return { items, total: items.length };
  }

  @Post()
  async create(@Ctx() ctx: RequestContext, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    const actor = await this.staff.require(ctx, req, 'staff.manage');
    const staff = await this.staff.create(actor, parseBody(staffCreateInputSchema, jsonBody(req)));
    etag(res, staff.version);
    return staff;
  }

  @Patch(':id')
  async update(@Ctx() ctx: RequestContext, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    const actor = await this.staff.require(ctx, req, 'staff.manage');
    const version = ifMatchVersion(req);
    const staff = await this.staff.update(actor, String(req.params.id), version, parseBody(staffUpdateInputSchema, jsonBody(req)));
    etag(res, staff.version);
    return staff;
  }
}

@Controller('api/audit')
@UseFilters(ProblemFilter)
export class AuditController {
  constructor(
    private staff: StaffService,
    private audit: AuditService,
  ) {}

  @Get()
  async list(@Ctx() ctx: RequestContext, @Req() req: Request) {
    await this.staff.require(ctx, req, 'audit.view');
    return this.audit.list(parseQuery(auditListQuerySchema, req));
  }

  // The log is append-only: no route changes or removes an entry, and saying so beats a bare 404.
  @All(['', '*path'])
  readOnly(): never {
    throw new ProblemError({ status: 405, title: 'The audit log is read-only', detail: 'Audit entries cannot be changed or deleted.' });
  }
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

/** Anything else under /api is a 404 in the contract's shape. Registered last, so every real route wins. */
@Controller('api')
@UseFilters(ProblemFilter)
export class NotFoundController {
  @All('*path')
  notFound(@Req() req: Request): never {
    throw new ProblemError({ status: 404, title: 'Not found', detail: `${req.method} ${req.path} is not part of the API.` });
  }
}
