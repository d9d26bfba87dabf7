/** /api/customers, as the route table (src/contract/routes.ts) says: reading needs orders.view, a note orders.fulfil. */
import { Controller, Param, UseFilters } from '@nestjs/common';
import { ProblemFilter } from '../problem.filter';
import { Read, Route } from '../route';
import { CustomerService } from './customer.service';

@Controller()
@UseFilters(ProblemFilter)
export class CustomerController {
  constructor(private customers: CustomerService) {}

  @Route('customers.list')
  list(@Read() r: Read<'customers.list'>) {
    return this.customers.list(r.query);
  }

  @Route('customers.get')
  get(@Param('id') id: string) {
    return this.customers.get(id);
  }

  /** A retried note (same Idempotency-Key, when the client sends one) is added once. */
  @Route('customers.note')
  note(@Param('id') id: string, @Read() r: Read<'customers.note'>) {
    return this.customers.note(r.actor, id, r.body, r.idempotency);
  }
}
