/**
 * /api/session (sign in, who is signed in, sign out) and /api/staff.
 */
import { Controller, Delete, Get, HttpCode, Patch, Post, Req, Res, UseFilters } from '@nestjs/common';
import { Ctx, RequestContext } from '@vendure/core';
import type { Request, Response } from 'express';
import { signInInputSchema, staffCreateInputSchema, staffUpdateInputSchema } from '#shared/contract/schemas';
import { StaffService } from './staff.service';
import { ifMatchVersion, jsonBody, parseBody } from '../http';
import { ProblemFilter } from '../problem.filter';

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
