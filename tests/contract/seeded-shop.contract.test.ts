/**
 * The seeded demo shop as both backends make it from the one generator: the stock the shop opened with is
 * nobody's doing on the staff, and a seeded product's pictures are drawings of its kind in its colours.
 * Seeded records are found through the API (the oldest orders), not by id.
 */
import { orderListSchema } from '../../src/contract/order-schemas';
import { staffListSchema } from '../../src/contract/schemas';
import { FAMILIES, IMAGE_VIEWS } from '../../src/demo-shop/catalogue';
import { pictureFile } from '../../src/demo-shop/product-pictures';
import { IMAGE_HOST } from '../../src/demo-shop/seed';
import { signIn, type ApiClient } from './driver';
import { expectOk, getOrder, getProduct, ledgerOf } from './fixtures';

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
