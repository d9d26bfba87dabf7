/**
 * /api/audit: the log, read-only.
 */
import { All, Controller, UseFilters } from '@nestjs/common';
import { auditReadOnly } from '#shared/contract/problems';
import { AuditService } from './audit.service';
import { ProblemFilter } from '../problem.filter';
import { Read, Route } from '../route';

@Controller()
@UseFilters(ProblemFilter)
export class AuditController {
  constructor(private audit: AuditService) {}

  @Route('audit.list')
  list(@Read() r: Read<'audit.list'>) {
    return this.audit.list(r.query);
  }

  // The log is append-only: no route changes or removes an entry, and saying so beats a bare 404.
  @All(['api/audit', 'api/audit/*path'])
  readOnly(): never {
    throw auditReadOnly();
  }
}
