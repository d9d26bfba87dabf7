/**
 * The seeded demo shop as both backends make it from the one generator: the stock the shop opened with is
 * nobody's doing on the staff, and a seeded product's pictures are drawings of its kind in its colours.
 * Seeded records are found through the API (the oldest orders), not by id; the seeded purchase orders by their
 * numbers, PO-1001 to PO-1003, which no test's order takes.
 */
import { orderListSchema } from '../../src/contract/order-schemas';
import { alertListSchema, purchaseOrderSchema, type PurchaseOrder } from '../../src/contract/replenishment-schemas';
import { storeClockSchema } from '../../src/contract/report-schemas';
import { staffListSchema } from '../../src/contract/schemas';
import { FAMILIES, IMAGE_VIEWS } from '../../src/demo-shop/catalogue';
import { pictureFile } from '../../src/demo-shop/product-pictures';
import { seededPurchaseOrderId } from '../../src/demo-shop/purchase-seed';
import { IMAGE_HOST } from '../../src/demo-shop/seed';
import { SEEDED_SUPPLIERS, seededSupply } from '../../src/demo-shop/supplier-seed';
import { addStoreDays } from '../../src/domain/reorder-rules';
import { storeDate } from '../../src/domain/store-time';
import { signIn, type ApiClient } from './driver';
import { expectOk, getOrder, getProduct, levelAt, ledgerOf } from './fixtures';

let api: ApiClient;
/** The first seeded orders, oldest first: their lines name seeded products and variants. */
let oldest: Awaited<ReturnType<typeof getOrder>>[];
beforeAll(async () => {
  api = await signIn('admin');
  const page = orderListSchema.parse(expectOk(await api.get('/orders', { query: { sort: 'placedAt', limit: 5 } })));
  oldest = await Promise.all(page.items.map((o) => getOrder(api, o.id)));
});

describe('the seeded ledger', () => {
  it('opens each stocked level with a receipt by “Opening balance”, before the first order, by no one on the staff', async () => {
    const staffIds = new Set(staffListSchema.parse(expectOk(await api.get('/staff'))).items.map((s) => s.id));
    const firstOrderAt = oldest[0]!.placedAt;
    const variantIds = [...new Set(oldest.flatMap((o) => o.lines.map((l) => l.variantId)))];
    const openings = [];
    for (const variantId of variantIds) {
      const rows = await ledgerOf(api, variantId);
      // Every row dated before the shop's first order is an opening receipt, and each level has at most one.
      const before = rows.filter((r) => r.at < firstOrderAt);
      expect(new Set(before.map((r) => r.locationId)).size).toBe(before.length);
      for (const row of before) {
        expect(rows.find((r) => r.locationId === row.locationId)).toEqual(row);
        expect(row).toMatchObject({ reason: 'received', reservedChange: 0, note: 'Opening stock', orderId: null, orderNumber: null });
        expect(row.quantity).toBeGreaterThan(0);
        expect(row.onHandAfter).toBe(row.quantity);
        expect(row.actor.name).toBe('Opening balance');
        expect(staffIds.has(row.actor.id)).toBe(false);
      }
      openings.push(...before);
    }
    // The variant sold first had stock to sell; all the opening rows name one actor, the same on every backend.
    expect(openings.length).toBeGreaterThan(0);
    expect(new Set(openings.map((r) => JSON.stringify(r.actor)))).toEqual(
      new Set([JSON.stringify({ id: 'system_opening', name: 'Opening balance' })]),
    );
  });
});

describe('the seeded pictures', () => {
  it('draw the product’s kind, their views in turn in the colours it comes in', async () => {
    const productIds = [...new Set(oldest.flatMap((o) => o.lines.map((l) => l.productId)))];
    let pictures = 0;
    for (const id of productIds) {
      const product = await getProduct(api, id);
      // A seeded SKU is <brand>-<family>-<serial>[-<option codes>].
      const code = product.variants[0]!.sku.split('-')[1];
      expect(FAMILIES.map((f) => f.code)).toContain(code);
      const colours = product.options.find((o) => o.name === 'Color')?.values ?? [];
      product.images.forEach((image, k) => {
        const colour = colours.length ? colours[k % colours.length]! : null;
        const names = IMAGE_VIEWS.map((view) => `${IMAGE_HOST}/products/${pictureFile(code!, colour, view)}`);
        expect(names).toContain(image.url);
        pictures++;
      });
    }
    expect(pictures).toBeGreaterThan(0);
  });
});

describe('the seeded purchase orders', () => {
  const getPo = async (number: number) =>
    purchaseOrderSchema.parse(expectOk(await api.get(`/purchase-orders/${seededPurchaseOrderId(number)}`)));
  const day = (iso: string | null) => (iso === null ? null : storeDate(Date.parse(iso)));

  it('are a draft at Edison, one on its way to Dallas and one late to Ontario, by the merchandiser, nothing received', async () => {
    const today = storeClockSchema.parse(expectOk(await api.get('/reports/clock'))).today;
    const lead = (id: string) => SEEDED_SUPPLIERS.find((s) => s.id === id)!.leadTimeDays;
    const orders = await Promise.all([1001, 1002, 1003].map(getPo));
    const shape = (po: PurchaseOrder) => ({
      number: po.number,
      status: po.status,
      supplier: [po.supplierId, po.supplierName],
      locationId: po.locationId,
      quantities: po.lines.map((l) => [l.quantity, l.received]),
      createdOn: day(po.createdAt),
      sentOn: day(po.sentAt),
      expectedOn: po.expectedOn,
      by: po.events.map((e) => [e.type, e.actor.name]),
    });
    const named = (id: string) => [id, SEEDED_SUPPLIERS.find((s) => s.id === id)!.name];
    expect(orders.map(shape)).toEqual([
      {
        number: 1001,
        status: 'draft',
        supplier: named('sup_braidline'),
        locationId: 'edison-nj',
        quantities: [
          [60, 0],
          [48, 0],
          [24, 0],
        ],
        createdOn: addStoreDays(today, -1),
        sentOn: null,
        expectedOn: null,
        by: [['created', 'Mia Merchandiser']],
      },
      {
        number: 1002,
        status: 'sent',
        supplier: named('sup_shellguard'),
        locationId: 'dallas-tx',
        quantities: [
          [48, 0],
          [48, 0],
          [24, 0],
        ],
        createdOn: addStoreDays(today, -4),
        sentOn: addStoreDays(today, -4),
        expectedOn: addStoreDays(today, lead('sup_shellguard') - 4),
        by: [
          ['created', 'Mia Merchandiser'],
          ['sent', 'Mia Merchandiser'],
        ],
      },
      {
        number: 1003,
        status: 'sent',
        supplier: named('sup_ampere'),
        locationId: 'ontario-ca',
        quantities: [
          [48, 0],
          [24, 0],
        ],
        createdOn: addStoreDays(today, -(lead('sup_ampere') + 3)),
        sentOn: addStoreDays(today, -(lead('sup_ampere') + 3)),
        expectedOn: addStoreDays(today, -3),
        by: [
          ['created', 'Mia Merchandiser'],
          ['sent', 'Mia Merchandiser'],
        ],
      },
    ]);
    // Expected in the future, then late.
    expect(orders[1]!.expectedOn! > today).toBe(true);
  });

  it('order seeded variants of the supplier’s category at their cost, under the supplier’s SKU, and wait for them', async () => {
    for (const number of [1001, 1002, 1003]) {
      const po = await getPo(number);
      expect(po.lines.map((l) => l.id)).toEqual(po.lines.map((_, i) => `pol_seed_${number}_${i + 1}`));
      expect(po.total).toBe(po.lines.reduce((n, l) => n + l.total, 0));
      expect(new Set(po.lines.map((l) => l.productId)).size).toBe(po.lines.length);
      for (const line of po.lines) {
        const product = await getProduct(api, line.productId);
        const variant = product.variants.find((v) => v.id === line.variantId)!;
        expect({ number, sku: line.sku, title: line.title, unitCost: line.unitCost, total: line.total }).toEqual({
          number,
          sku: variant.sku,
          title: product.title,
          unitCost: variant.cost,
          total: line.quantity * variant.cost!,
        });
        expect(seededSupply(product.categoryId, variant.sku)).toEqual({ supplierId: po.supplierId, supplierSku: line.supplierSku });
        // Nothing arrived, so no ledger row names the order.
        expect((await ledgerOf(api, line.variantId, po.locationId)).some((r) => r.purchaseOrderId === po.id)).toBe(false);
      }
      // A sent order's units are on order at its location (a draft's are not yet).
      for (const line of po.status === 'sent' ? po.lines : []) {
        expect((await levelAt(api, line.variantId, po.locationId)).onOrder).toBeGreaterThanOrEqual(line.quantity);
      }
    }
  });

  it('ring the bell: the late one is an open alert from the start', async () => {
    const late = await getPo(1003);
    const alerts = alertListSchema.parse(expectOk(await api.get('/alerts', { query: { limit: 200 } }))).items;
    expect(alerts.filter((a) => a.purchaseOrderId === late.id)).toEqual([
      expect.objectContaining({ kind: 'po_overdue', purchaseOrderId: late.id, variantId: null, locationId: late.locationId }),
    ]);
    expect(alerts.some((a) => a.purchaseOrderId === seededPurchaseOrderId(1002))).toBe(false);
  });
});
