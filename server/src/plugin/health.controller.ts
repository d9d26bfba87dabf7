/**
 * `GET /api/health` for load balancers and orchestrators: 200 `{ status: 'ok', database: 'up' }` when the
 * database answers within two seconds, else 503 problem+json with Retry-After, so an instance that lost its
 * database is taken out of rotation rather than answering 503 to people. No session needed and none read.
 * An operations route, not part of the app's contract (the mock has no database to ask).
 */
import { Controller, Get, UseFilters } from '@nestjs/common';
import { TransactionalConnection } from '@vendure/core';
import { ProblemError } from '#shared/contract/problems';
import { databaseProblem } from './database-errors';
import { ProblemFilter } from './problem.filter';

const HEALTH_TIMEOUT_MS = 2_000;

@Controller('api/health')
@UseFilters(ProblemFilter)
export class HealthController {
  constructor(private connection: TransactionalConnection) {}

  @Get()
  async health(): Promise<{ status: 'ok'; database: 'up' }> {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<'late'>((done) => (timer = setTimeout(() => done('late'), HEALTH_TIMEOUT_MS)));
    try {
      const answer = await Promise.race([this.connection.rawConnection.query('SELECT 1'), late]);
      if (answer === 'late') throw databaseProblem('away');
    } catch (error) {
      throw error instanceof ProblemError ? error : databaseProblem('away');
    } finally {
      clearTimeout(timer);
    }
    return { status: 'ok', database: 'up' };
  }
}
