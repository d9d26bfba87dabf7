/** Replenishment: suppliers and who supplies each variant, the reorder view, purchase orders, alerts. */
import type { HttpHandler } from 'msw';
import {
  closePurchaseOrder,
  createPurchaseOrder,
  createSupplier,
  dismissAlert,
  draftFromReorder,
  getPurchaseOrder,
  receivePurchaseOrder,
  sendPurchaseOrder,
  setVariantSupply,
  updatePurchaseOrder,
  updateSupplier,
  variantSupply,
} from '../replenishment-writes';
import type { RouteKit } from './route';

export function replenishmentRoutes({ db, route }: RouteKit): HttpHandler[] {
  return [
    route('reorder.list', ({ query }) => db.replenishment.reorder(query)),
    route('suppliers.list', () => ({ items: db.replenishment.suppliers() })),
    route('suppliers.create', ({ actor, body, idempotency }) => createSupplier(db, actor, body, idempotency)),
    route('suppliers.update', ({ actor, params, version, body }) => updateSupplier(db, actor, params.id, version, body)),
    route('variants.supply', ({ params }) => variantSupply(db, params.variantId)),
    route('variants.setSupply', ({ actor, params, version, body }) => setVariantSupply(db, actor, params.variantId, version, body)),
    route('purchaseOrders.list', ({ query }) => db.replenishment.purchaseOrders(query)),
    route('purchaseOrders.get', ({ params }) => getPurchaseOrder(db, params.id)),
    route('purchaseOrders.create', ({ actor, body, idempotency }) => createPurchaseOrder(db, actor, body, idempotency)),
    route('purchaseOrders.fromReorder', ({ actor, body, idempotency }) => draftFromReorder(db, actor, body, idempotency)),
    route('purchaseOrders.update', ({ actor, params, version, body, idempotency }) =>
      updatePurchaseOrder(db, actor, params.id, version, body, idempotency),
    ),
    route('purchaseOrders.send', ({ actor, params, version, idempotency }) =>
      sendPurchaseOrder(db, actor, params.id, version, idempotency),
    ),
    route('purchaseOrders.receive', ({ actor, params, version, body, idempotency }) =>
      receivePurchaseOrder(db, actor, params.id, version, body, idempotency),
    ),
    route('purchaseOrders.close', ({ actor, params, version, body, idempotency }) =>
      closePurchaseOrder(db, actor, params.id, version, body, idempotency),
    ),
    route('alerts.list', ({ query }) => db.alerts(query)),
    route('alerts.dismiss', ({ actor, params }) => dismissAlert(db, actor, params.id)),
  ];
}
