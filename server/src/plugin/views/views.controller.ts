/**
 * /api/views: a list's saved views (issue 23). Who may read or change which view is
 * src/domain/view-rules.ts, applied by ViewsService.
 */
import { Controller, Param, UseFilters } from '@nestjs/common';
import { ProblemFilter } from '../problem.filter';
import { Read, Route } from '../route';
import { ViewsService } from './views.service';

@Controller()
@UseFilters(ProblemFilter)
export class ViewsController {
  constructor(private views: ViewsService) {}

  @Route('views.list')
  list(@Read() r: Read<'views.list'>) {
    return this.views.list(r.actor, r.query.list);
  }

  @Route('views.create')
  create(@Read() r: Read<'views.create'>) {
    return this.views.create(r.actor, r.body);
  }

  @Route('views.update')
  update(@Param('id') id: string, @Read() r: Read<'views.update'>) {
    return this.views.update(r.actor, id, r.version, r.body);
  }

  @Route('views.delete')
  async delete(@Param('id') id: string, @Read() r: Read<'views.delete'>): Promise<void> {
    await this.views.delete(r.actor, id, r.version);
  }
}
