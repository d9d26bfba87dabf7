import { purchaseOrderSchema } from '../contract/replenishment-schemas';
import { isOverdue, onOrderByLevel } from '../domain/purchase-decisions';
import { addStoreDays } from '../domain/reorder-rules';
import { storeDate } from '../domain/store-time';
import { TEST_START_MS } from '../../tests/clock';
import { PURCHASE_SEED_ACTOR, seededPurchaseOrders } from './purchase-seed';
import { anchorAt, generateShop } from './seed';
import { seededSupply } from './supplier-seed';

const anchorMs = anchorAt(TEST_START_MS);
const today = storeDate(anchorMs);
const records = generateShop({ seed: 20261101, products: 300, anchorMs });
const orders = seededPurchaseOrders(records, anchorMs, PURCHASE_SEED_ACTOR);

describe('seeded purchase orders', () => {
  it('are the same for the same shop and anchor, and valid contract documents', () => {
    expect(seededPurchaseOrders(records, anchorMs, PURCHASE_SEED_ACTOR)).toEqual(orders);
    for (const po of orders) expect(purchaseOrderSchema.parse(po)).toEqual(po);
    expect(orders.map((po) => [po.id, po.number, po.status, po.locationId])).toEqual([
      ['po_seed_1001', 1001, 'draft', 'edison-nj'],
      ['po_seed_1002', 1002, 'sent', 'dallas-tx'],
      ['po_seed_1003', 1003, 'sent', 'ontario-ca'],
    ]);
  });

  it('a draft made yesterday, one expected after the lead time, one three days late, all before the anchor', () => {
    const [draft, onItsWay, late] = orders;
    expect(storeDate(Date.parse(draft!.createdAt))).toBe(addStoreDays(today, -1));
    expect(draft!.sentAt).toBeNull();
    expect(storeDate(Date.parse(onItsWay!.sentAt!))).toBe(addStoreDays(today, -4));
    expect(onItsWay!.expectedOn! > today).toBe(true);
    expect(isOverdue(onItsWay!, today)).toBe(false);
    expect(late!.expectedOn).toBe(addStoreDays(today, -3));
    expect(isOverdue(late!, today)).toBe(true);
    for (const po of orders) {
      expect(Date.parse(po.createdAt)).toBeLessThan(anchorMs);
      expect(po.events.every((e) => e.actor.name === 'Mia Merchandiser' && Date.parse(e.at) < anchorMs)).toBe(true);
    }
  });

  it('order active seeded variants of the supplier’s category at their cost, nothing received; only sent ones are on order', () => {
    const byVariant = new Map(records.flatMap((r) => r.product.variants.map((v) => [v.id, { product: r.product, variant: v }] as const)));
    for (const po of orders) {
      for (const line of po.lines) {
        const { product, variant } = byVariant.get(line.variantId)!;
        expect(product.status).toBe('active');
        expect(seededSupply(product.categoryId, variant.sku)).toEqual({ supplierId: po.supplierId, supplierSku: line.supplierSku });
        expect(line).toMatchObject({ unitCost: variant.cost, received: 0, total: line.quantity * variant.cost! });
      }
    }
    const onOrder = onOrderByLevel(orders);
    expect([...onOrder.values()].reduce((n, u) => n + u, 0)).toBe(
      orders.filter((po) => po.status === 'sent').reduce((n, po) => n + po.lines.reduce((m, l) => m + l.quantity, 0), 0),
    );
    expect([...onOrder.keys()].some((k) => k.endsWith('@edison-nj'))).toBe(false);
  });
});
