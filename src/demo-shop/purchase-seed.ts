/**
 * The demo shop's purchase-order history: a fresh shop opens with a draft, an
 * order on its way and one that is late, so the Purchase orders screen and the
 * alert bell have something in them before anyone acts. The mock and the
 * server's seed both make them here, through the decisions the API calls
 * (src/domain/purchase-decisions.ts), so they are what the API would have made.
 * Nothing is received: no ledger rows, on hand does not move, on order rises.
 */
import type { PurchaseOrder } from '../contract/replenishment-schemas';
import {
  decideCreatePurchaseOrder,
  decideSendPurchaseOrder,
  type PurchaseContext,
  type PurchaseVariant,
} from '../domain/purchase-decisions';
import { addStoreDays } from '../domain/reorder-rules';
import { storeDate, storeTimeToIso } from '../domain/store-time';
import { LOCATIONS } from './catalogue';
import { demoStaffOf } from './demo-staff';
import type { ProductRecord } from './shop-records';
import { SEEDED_SUPPLIERS, seededSupply } from './supplier-seed';

/** Who made the orders: the demo merchandiser (src/demo-shop/demo-staff.ts), under the backend's id for them. */
export type PurchaseSeedActor = { id: string; name: string };

const merchandiser = demoStaffOf('merchandiser');
/** The demo merchandiser under the seeded staff id (the mock's); the server's seed gives its own row's id with the name. */
export const PURCHASE_SEED_ACTOR: PurchaseSeedActor = { id: merchandiser.id, name: merchandiser.name };

type Plan = {
  number: number;
  supplierId: string;
  locationId: (typeof LOCATIONS)[number]['id'];
  note: string;
  quantities: readonly number[];
  /** Store days before the anchor's that it was made (and, when sent, sent); from the supplier's lead time when a function. */
  daysAgo: number | ((leadTimeDays: number) => number);
  sent: boolean;
};

const PLANS: readonly Plan[] = [
  {
    number: 1001,
    supplierId: 'sup_braidline',
    locationId: 'edison-nj',
    note: 'Cable restock for the East Coast warehouse',
    quantities: [60, 48, 24],
    daysAgo: 1,
    sent: false,
  },
  {
    number: 1002,
    supplierId: 'sup_shellguard',
    locationId: 'dallas-tx',
    note: '',
    quantities: [48, 48, 24],
    daysAgo: 4,
    sent: true,
  },
  {
    // Sent so long ago that its expected day was 3 days before the anchor's: overdue from the first visit.
    number: 1003,
    supplierId: 'sup_ampere',
    locationId: 'ontario-ca',
    note: '',
    quantities: [48, 24],
    daysAgo: (lead) => lead + 3,
    sent: true,
  },
];

export const seededPurchaseOrderId = (number: number): string => `po_seed_${number}`;

/** The first active seeded products of a category, one variant each (the first with a cost), in the records' order. */
function linesFor(records: readonly ProductRecord[], supplierId: string, count: number): PurchaseVariant[] {
  const out: PurchaseVariant[] = [];
  for (const { product } of records) {
    if (out.length === count) break;
    if (product.status !== 'active') continue;
    const variant = product.variants.find((v) => v.cost !== null && v.cost !== undefined);
    if (!variant) continue;
    const supply = seededSupply(product.categoryId, variant.sku);
    if (supply.supplierId !== supplierId) continue;
    out.push({
      id: variant.id,
      productId: product.id,
      sku: variant.sku,
      title: product.title,
      optionValues: variant.optionValues,
      cost: variant.cost ?? null,
      supplierId,
      supplierSku: supply.supplierSku,
    });
  }
  return out;
}

/**
 * The seeded purchase orders, PO-1001 to PO-1003, as of the shop's anchor (the seed's "now"). `records` are the
 * seeded catalogue as generated (src/demo-shop/seed.ts generateShop), the same on both backends.
 */
export function seededPurchaseOrders(records: readonly ProductRecord[], anchorMs: number, actor: PurchaseSeedActor): PurchaseOrder[] {
  const today = storeDate(anchorMs);
  const suppliers = SEEDED_SUPPLIERS.map((s) => ({ ...s, variantCount: 0 }));
  return PLANS.flatMap((plan) => {
    const supplier = suppliers.find((s) => s.id === plan.supplierId)!;
    const day = addStoreDays(today, -(typeof plan.daysAgo === 'number' ? plan.daysAgo : plan.daysAgo(supplier.leadTimeDays)));
    const variants = linesFor(records, supplier.id, plan.quantities.length);
    // A shop too small to have any of the category's products (a test's) has no such order.
    if (variants.length === 0) return [];
    const id = seededPurchaseOrderId(plan.number);
    let line = 0;
    const at = (time: string): PurchaseContext => ({
      actor,
      now: storeTimeToIso(day, time)!,
      today: day,
      suppliers,
      locations: LOCATIONS,
      variants,
      newLineId: () => `pol_seed_${plan.number}_${++line}`,
    });
    const { purchaseOrder: draft } = decideCreatePurchaseOrder(
      {
        supplierId: supplier.id,
        locationId: plan.locationId,
        note: plan.note,
        lines: variants.map((v, i) => ({ variantId: v.id, quantity: plan.quantities[i]! })),
      },
      at('09:30'),
      { id, number: plan.number },
    );
    return [plan.sent ? decideSendPurchaseOrder(draft, draft.version, at('10:15')).purchaseOrder : draft];
  });
}
