/**
 * Anything else under /api: a 404 in the contract's shape.
 */
import { All, Controller, Req, UseFilters } from '@nestjs/common';
import type { Request } from 'express';
import { notPartOfApi } from '#shared/contract/problems';
import { ProblemFilter } from './problem.filter';

/** Anything else under /api is a 404 in the contract's shape. Registered last, so every real route wins. */
@Controller('api')
@UseFilters(ProblemFilter)
export class NotFoundController {
  @All('*path')
  notFound(@Req() req: Request): never {
    throw notPartOfApi(req.method, req.path);
  }
}
