/**
 * Every error of a Stockroom route becomes application/problem+json, as the
 * mock answers it. Vendure's global filter would answer its own JSON shape,
 * so each controller opts into this one with @UseFilters(ProblemFilter).
 */
import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException } from '@nestjs/common';
import { Logger } from '@vendure/core';
import type { Response } from 'express';
import { ProblemError } from '#shared/contract/problems';
import { unreadableBody } from '#shared/contract/protocol';
import type { Problem } from '#shared/contract/schemas';
import { databaseProblem, databaseTrouble } from './database-errors';

const TITLES: Record<number, string> = {
  400: 'Bad request',
  401: 'Not signed in',
  403: 'Not allowed',
  404: 'Not found',
  405: 'Method not allowed',
  413: 'Request too large',
  415: 'Unsupported media type',
};

export function problemOf(error: unknown): Problem {
  if (error instanceof ProblemError) return error.problem;
  if (error instanceof HttpException) {
    const status = error.getStatus();
    // Body parser failures arrive as 400s: say it in the protocol's words (src/contract/protocol.ts).
    if (status === 400 && /JSON/i.test(error.message)) {
      return unreadableBody().problem;
    }
    return { type: 'about:blank', status, title: TITLES[status] ?? 'Request failed', detail: error.message };
  }
  const trouble = databaseTrouble(error);
  if (trouble) {
    Logger.warn(`Answered 503 (database ${trouble}): ${error instanceof Error ? error.message : String(error)}`, 'StockroomPlugin');
    return databaseProblem(trouble).problem;
  }
  Logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error), 'StockroomPlugin');
  return { type: 'about:blank', status: 500, title: 'Server error', detail: 'Something went wrong on the server. Try again.' };
}

export function sendProblem(res: Response, problem: Problem): void {
  if (problem.retryAfter !== undefined) res.setHeader('Retry-After', String(problem.retryAfter));
  res.status(problem.status).type('application/problem+json').send(JSON.stringify(problem));
}

@Catch()
export class ProblemFilter implements ExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost): void {
    sendProblem(host.switchToHttp().getResponse<Response>(), problemOf(exception));
  }
}
