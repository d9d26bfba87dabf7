/**
 * Replenishment's routes (issue 22), as the route table (src/contract/routes.ts) says: suppliers, who supplies a
 * variant, the reorder view, purchase orders and alerts. The level's reorder settings and transfers in transit are
 * inventory's (inventory.controller.ts).
 */
import { Controller, Param, Res, UseFilters } from '@nestjs/common';
import type { Response } from 'express';
import { ProblemFilter } from '../problem.filter';
import { Read, Route } from '../route';
import type { Answer } from '../idempotency';
import { AlertService } from './alert.service';
import { PurchaseOrderService } from './purchase-order.service';
import { ReorderService } from './reorder.service';
import { SupplierService } from './supplier.service';

/** A replayed Idempotency-Key answers the first request's status (201 for a create) and body. */
function answer<T>(res: Response, result: Answer<T>): T {
  res.status(result.status);
  return result.body;
}

@Controller()
@UseFilters(ProblemFilter)
export class ReplenishmentController {
  constructor(
    private suppliers: SupplierService,
    private purchaseOrders: PurchaseOrderService,
    private reorder: ReorderService,
    private alerts: AlertService,
  ) {}

  @Route('reorder.list')
  reorderList(@Read() r: Read<'reorder.list'>) {
    return this.reorder.list(r.query);
  }

  @Route('suppliers.list')
  supplierList() {
    return this.suppliers.list();
  }

  @Route('suppliers.create')
  async supplierCreate(@Read() r: Read<'suppliers.create'>, @Res({ passthrough: true }) res: Response) {
    return answer(res, await this.suppliers.create(r.actor, r.body, r.idempotency));
  }

  @Route('suppliers.update')
  supplierUpdate(@Param('id') id: string, @Read() r: Read<'suppliers.update'>) {
    return this.suppliers.update(r.actor, id, r.version, r.body);
  }

  @Route('variants.supply')
  supply(@Param('variantId') variantId: string) {
    return this.suppliers.supply(variantId);
  }

  @Route('variants.setSupply')
  setSupply(@Param('variantId') variantId: string, @Read() r: Read<'variants.setSupply'>) {
    return this.suppliers.setSupply(r.actor, variantId, r.version, r.body);
  }

  @Route('purchaseOrders.list')
  purchaseOrderList(@Read() r: Read<'purchaseOrders.list'>) {
    return this.purchaseOrders.list(r.query);
  }

  /** Before `purchaseOrders.get`, whose `:id` would take `from-reorder` on a GET only; kept first all the same. */
  @Route('purchaseOrders.fromReorder')
  async fromReorder(@Read() r: Read<'purchaseOrders.fromReorder'>, @Res({ passthrough: true }) res: Response) {
    return answer(res, await this.purchaseOrders.fromReorder(r.actor, r.body, r.idempotency));
  }

  @Route('purchaseOrders.get')
  purchaseOrder(@Param('id') id: string) {
    return this.purchaseOrders.get(id);
  }

  @Route('purchaseOrders.create')
  async purchaseOrderCreate(@Read() r: Read<'purchaseOrders.create'>, @Res({ passthrough: true }) res: Response) {
    return answer(res, await this.purchaseOrders.create(r.actor, r.body, r.idempotency));
  }

  @Route('purchaseOrders.update')
  purchaseOrderUpdate(@Param('id') id: string, @Read() r: Read<'purchaseOrders.update'>) {
    return this.purchaseOrders.update(r.actor, id, r.version, r.body, r.idempotency);
  }

  @Route('purchaseOrders.send')
  send(@Param('id') id: string, @Read() r: Read<'purchaseOrders.send'>) {
    return this.purchaseOrders.send(r.actor, id, r.version, r.idempotency);
  }

  @Route('purchaseOrders.receive')
  receive(@Param('id') id: string, @Read() r: Read<'purchaseOrders.receive'>) {
    return this.purchaseOrders.receive(r.actor, id, r.version, r.body, r.idempotency);
  }

  @Route('purchaseOrders.close')
  close(@Param('id') id: string, @Read() r: Read<'purchaseOrders.close'>) {
    return this.purchaseOrders.close(r.actor, id, r.version, r.body, r.idempotency);
  }

  @Route('alerts.list')
  alertList(@Read() r: Read<'alerts.list'>) {
    return this.alerts.list(r.query);
  }

  @Route('alerts.dismiss')
  dismiss(@Param('id') id: string, @Read() r: Read<'alerts.dismiss'>) {
    return this.alerts.dismiss(r.actor, id);
  }
}
