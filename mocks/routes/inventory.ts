/** Stock: locations, levels, the ledger, adjustments, transfers, deliveries and low-stock thresholds. */
import type { HttpHandler } from 'msw';
import { LOCATIONS } from '../../src/demo-shop/catalogue';
import { adjustStock, receiveDelivery, receiveTransfer, setReorderPolicy, setThreshold, transferStock } from '../stock-writes';
import type { RouteKit } from './route';

export function inventoryRoutes({ db, route }: RouteKit): HttpHandler[] {
  return [
    route('locations.list', () => ({ items: LOCATIONS.map(({ id, name }) => ({ id, name })) })),
    route('inventory.list', ({ query }) => db.listInventory(query)),
    route('inventory.ledger', ({ query }) => db.ledger(query)),
    route('inventory.adjust', ({ actor, body, idempotency }) => adjustStock(db, actor, body, idempotency)),
    route('inventory.transfer', ({ actor, body, idempotency }) => transferStock(db, actor, body, idempotency)),
    route('inventory.receive', ({ actor, body, idempotency }) => receiveDelivery(db, actor, body, idempotency)),
    route('inventory.threshold', ({ actor, params, version, body }) =>
      setThreshold(db, actor, params.variantId, params.locationId, version, body),
    ),
    route('inventory.reorderPolicy', ({ actor, params, version, body }) =>
      setReorderPolicy(db, actor, { variantId: params.variantId, locationId: params.locationId, version }, body),
    ),
    route('inventory.transfers', ({ query }) => db.replenishment.transfers(query)),
    route('inventory.receiveTransfer', ({ actor, params, version, idempotency }) =>
      receiveTransfer(db, actor, params.id, version, idempotency),
    ),
  ];
}
