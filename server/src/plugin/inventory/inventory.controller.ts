/**
 * /api/inventory, as the route table (src/contract/routes.ts) says: the role first (403), then the request
 * (400 unreadable, the key, 422, 428: src/contract/protocol.ts), then the write.
 */
import { Controller, Param, UseFilters } from '@nestjs/common';
import { ProblemFilter } from '../problem.filter';
import { Read, Route } from '../route';
import { InventoryService } from './inventory.service';
import { PurchaseOrderService } from '../replenishment/purchase-order.service';

@Controller()
@UseFilters(ProblemFilter)
export class InventoryController {
  constructor(
    private inventory: InventoryService,
    private purchaseOrders: PurchaseOrderService,
  ) {}

  @Route('inventory.list')
  list(@Read() r: Read<'inventory.list'>) {
    return this.inventory.list(r.query);
  }

  @Route('inventory.ledger')
  ledger(@Read() r: Read<'inventory.ledger'>) {
    return this.inventory.ledger(r.query);
  }

  @Route('inventory.adjust')
  adjust(@Read() r: Read<'inventory.adjust'>) {
    return this.inventory.adjust(r.actor, r.body, r.idempotency);
  }

  @Route('inventory.transfer')
  transfer(@Read() r: Read<'inventory.transfer'>) {
    return this.inventory.transfer(r.actor, r.body, r.idempotency);
  }

  /** A delivery naming a purchase order is that order's receipt (replenishment/purchase-order.service.ts). */
  @Route('inventory.receive')
  receive(@Read() r: Read<'inventory.receive'>) {
    const { purchaseOrder } = r.body;
    if (purchaseOrder !== undefined && purchaseOrder !== '')
      return this.purchaseOrders.receiveDelivery(r.actor, { ...r.body, purchaseOrder }, r.idempotency);
    return this.inventory.receive(r.actor, r.body, r.idempotency);
  }

  @Route('inventory.threshold')
  threshold(@Param('variantId') variantId: string, @Param('locationId') locationId: string, @Read() r: Read<'inventory.threshold'>) {
    return this.inventory.threshold(r.actor, { variantId, locationId, version: r.version }, r.body);
  }

  @Route('inventory.reorderPolicy')
  reorderPolicy(
    @Param('variantId') variantId: string,
    @Param('locationId') locationId: string,
    @Read() r: Read<'inventory.reorderPolicy'>,
  ) {
    return this.inventory.reorderPolicy(r.actor, { variantId, locationId, version: r.version }, r.body);
  }

  @Route('inventory.transfers')
  transfers(@Read() r: Read<'inventory.transfers'>) {
    return this.inventory.transfers(r.query);
  }

  @Route('inventory.receiveTransfer')
  receiveTransfer(@Param('id') id: string, @Read() r: Read<'inventory.receiveTransfer'>) {
    return this.inventory.receiveTransfer(r.actor, id, r.version, r.idempotency);
  }
}
