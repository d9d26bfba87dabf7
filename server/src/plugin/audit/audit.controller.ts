/**
 * /api/audit: the log, read-only.
 */
import { All, Controller, Get, Req, UseFilters } from '@nestjs/common';
import { Ctx, RequestContext } from '@vendure/core';
import type { Request } from 'express';
import { ProblemError } from '#shared/contract/problems';
import { auditListQuerySchema } from '#shared/contract/schemas';
import { AuditService } from './audit.service';
import { StaffService } from '../staff/staff.service';
import { parseQuery } from '../http';
import { ProblemFilter } from '../problem.filter';

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
