import { Injectable } from '@nestjs/common';
import { ProblemError } from '../../../../src/api/problems';
import type { ProductImportResult } from '../../../../src/api/pricing-schemas';
import type { Actor } from '../audit.service';
import type { Idempotency } from '../http';

@Injectable()
export class ImportService {
  dryRun(_csv: string): Promise<ProductImportResult> {
    return Promise.reject(new ProblemError({ status: 404, title: 'Not found', detail: 'Import is not served yet.' }));
  }

  apply(_actor: Actor, _csv: string, _idempotency: Idempotency): Promise<{ status: number; body: ProductImportResult }> {
    return Promise.reject(new ProblemError({ status: 404, title: 'Not found', detail: 'Import is not served yet.' }));
  }
}
