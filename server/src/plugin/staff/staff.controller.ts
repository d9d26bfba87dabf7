/**
 * /api/session (sign in, who is signed in, sign out) and /api/staff.
 */
import { Controller, Param, Req, UseFilters } from '@nestjs/common';
import { Ctx, RequestContext } from '@vendure/core';
import type { Request } from 'express';
import { StaffService } from './staff.service';
import { ProblemFilter } from '../problem.filter';
import { Read, Route } from '../route';

@Controller()
@UseFilters(ProblemFilter)
export class SessionController {
  constructor(private staff: StaffService) {}

  @Route('session.signIn')
  signIn(@Ctx() ctx: RequestContext, @Req() req: Request, @Read() r: Read<'session.signIn'>) {
    return this.staff.signIn(ctx, req, r.body);
  }

  @Route('session.get')
  session(@Ctx() ctx: RequestContext, @Req() req: Request) {
    return this.staff.session(ctx, req);
  }

  @Route('session.signOut')
  async signOut(@Ctx() ctx: RequestContext, @Req() req: Request): Promise<void> {
    await this.staff.signOut(ctx, req);
  }
}

@Controller()
@UseFilters(ProblemFilter)
export class StaffController {
  constructor(private staff: StaffService) {}

  // Managers read the names too: the audit log filters by person.
  @Route('staff.list')
  async list() {
    const items = await this.staff.list();
    return { items, total: items.length };
  }

  @Route('staff.create')
  create(@Read() r: Read<'staff.create'>) {
    return this.staff.create(r.actor, r.body);
  }

  @Route('staff.update')
  update(@Param('id') id: string, @Read() r: Read<'staff.update'>) {
    return this.staff.update(r.actor, id, r.version, r.body);
  }
}
