/**
 * Builds a fresh database with the mock's shop: the same generator
 * (src/demo-shop/seed.ts, deterministic), the three warehouses, one person per role
 * with the demo passwords. Rows go in through repositories in one
 * transaction: Vendure's services cost ~24 ms a product, this is far less.
 *
 *   node dist/server/src/seed.js            300 products (SEED_PRODUCTS, SEED to change)
 */
import fs from 'node:fs';
import path from 'node:path';
import { bootstrap, Channel, Role as VendureRole, StockLocation, TransactionalConnection } from '@vendure/core';
import { DEMO_STAFF } from '#shared/demo-shop/demo-staff';
import { LOCATIONS } from '#shared/demo-shop/catalogue';
import { DEFAULT_ORDERS, DEFAULT_PRODUCTS, DEFAULT_SEED, anchorAt, generateShop } from '#shared/demo-shop/seed';
import { clock } from './plugin/clock';
import { generateOrders } from '#shared/demo-shop/order-seed';
import { withTimeline } from '#shared/demo-shop/order-timeline';
import { applyOrdersToSeed } from '#shared/demo-shop/stock-seed';
import { insertAll, insertOrders } from './plugin/orders/order-rows';
import { customerRows } from './plugin/customers/customer-rows';
import { CustomerRecord } from './plugin/customers/customer.entities';
import { seededDiscounts } from '#shared/demo-shop/discount-seed';
import { DiscountRecord } from './plugin/discounts/discount.entities';
import { rowOf } from './plugin/discounts/discount-rows';
import { seedStock } from './plugin/inventory/seed-stock';
import { SEEDED_SUPPLIERS, seededSupply } from '#shared/demo-shop/supplier-seed';
import { SupplierRecord, VariantSupplyRecord } from './plugin/replenishment/replenishment.entities';
import { PURCHASE_SEED_ACTOR, seededPurchaseOrders } from '#shared/demo-shop/purchase-seed';
import { insertSeededPurchaseOrders } from './plugin/replenishment/purchase-order.service';
import { ROLES, ROLE_LABELS } from '#shared/contract/permissions';
import { CatalogueService } from './plugin/catalogue/catalogue.service';
import { ids } from './plugin/http';
import { roleCode, vendurePermissions } from './plugin/staff/roles';
import { StaffService } from './plugin/staff/staff.service';
import { SQLITE_FILE, stockroomConfig } from './vendure-config';

async function main(): Promise<void> {
  const started = Date.now();
  const products = Number(process.env.SEED_PRODUCTS ?? DEFAULT_PRODUCTS);
  const seed = Number(process.env.SEED ?? DEFAULT_SEED);
  const postgres = /^postgres/.test(process.env.DATABASE_URL ?? '');
  if (!postgres) {
    // A fresh file every time: the seed is the whole shop, not an addition to one.
    for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(SQLITE_FILE + suffix, { force: true });
    fs.mkdirSync(path.dirname(SQLITE_FILE), { recursive: true });
  }
  // The seed is one long transaction of large inserts, not a request: the request timeouts do not apply to it.
  process.env.DB_STATEMENT_TIMEOUT_MS ??= '0';
  process.env.DB_IDLE_IN_TRANSACTION_TIMEOUT_MS ??= '0';
  process.env.DB_QUERY_TIMEOUT_MS ??= '0';
  // Port 0: the seed needs Vendure's schema and initial data, not a listening server in anyone's way.
  const app = await bootstrap(stockroomConfig(0));
  const booted = Date.now();
  const db = app.get(TransactionalConnection).rawConnection;
  const catalogue = app.get(CatalogueService);
  const staff = app.get(StaffService);
  // The shop is made now (the server's clock, STOCKROOM_NOW in tests): its orders end today, as the mock's do.
  const anchorMs = anchorAt(clock());
  const records = generateShop({ seed, products, anchorMs });
  // The mock's seeded orders, as the mock's seed applies them to stock (src/demo-shop/seeded-shop.ts): levels, sold28 and
  // ledger follow from them. The database keeps each one's timeline, as the mock tells it when the order is read.
  const orders = generateOrders({
    seed,
    count: Number(process.env.SEED_ORDERS ?? DEFAULT_ORDERS),
    products: records,
    anchorMs,
  }).map(withTimeline);
  const stock = applyOrdersToSeed(records, orders, anchorMs);
  const generated = Date.now();
  let ordersMs = 0;
  let orderRows = 0;

  await db.transaction(async (em) => {
    const channel = await em.getRepository(Channel).findOneOrFail({ where: {}, order: { id: 'ASC' } });
    for (const role of ROLES) {
      await em.getRepository(VendureRole).save(
        new VendureRole({
          code: roleCode(role),
          description: `Stockroom ${ROLE_LABELS[role]}`,
          permissions: vendurePermissions(role),
          channels: [channel],
        }),
      );
    }
    // Vendure starts with one default location; it becomes the first warehouse, so ids follow LOCATIONS' order.
    const locations = em.getRepository(StockLocation);
    const existing = await locations.find({ order: { id: 'ASC' } });
    const locationIds: number[] = [];
    for (const [i, loc] of LOCATIONS.entries()) {
      const row = existing[i] ?? new StockLocation({ channels: [channel] });
      Object.assign(row, { name: loc.name, description: '', customFields: { code: loc.id } });
      locationIds.push(Number((await locations.save(row)).id));
    }
    const staffIds = new Map<string, string>();
    for (const person of DEMO_STAFF) staffIds.set(person.id, ids.staff((await staff.insertStaff(em, person, new Date(anchorMs))).id));
    for (const { product, levels } of records) {
      await catalogue.insertProduct(
        em,
        {
          ...product,
          id: ids.parse('prod', product.id) ?? undefined,
          createdAt: new Date(product.createdAt),
          updatedAt: new Date(product.updatedAt),
          variants: product.variants.map((v, i) => ({
            ...v,
            id: ids.parse('var', v.id) ?? undefined,
            onHand: (levels[i] ?? []).map((l) => l.onHand),
          })),
        },
        channel,
        locationIds,
      );
    }
    const stockStarted = Date.now();
    const seededStock = await seedStock(em, records, stock);
    console.info(
      `Seeded stock: ${seededStock.levels} levels, ${seededStock.movements} ledger rows from ${orders.length} orders in ${Date.now() - stockStarted} ms`,
    );
    const ordersStarted = Date.now();
    orderRows = await insertOrders(em, orders, staffIds);
    // Each customer's list row from their orders (the same summary every order write recomputes).
    const customers = customerRows(orders);
    await insertAll(em, CustomerRecord, customers);
    orderRows += customers.length;
    ordersMs = Date.now() - ordersStarted;
    // The mock's suppliers, and each seeded variant's (one per category, their SKU made from ours: supplier-seed.ts).
    await em
      .getRepository(SupplierRecord)
      .insert(SEEDED_SUPPLIERS.map(({ currency: _currency, ...s }) => ({ ...s, nameKey: s.name.toLowerCase() })));
    const supply = records.flatMap(({ product }) =>
      product.variants.flatMap((v) => {
        const { supplierId, supplierSku } = seededSupply(product.categoryId, v.sku);
        const variantId = ids.parse('var', v.id);
        return supplierId && variantId !== null ? [{ variantId, supplierId, supplierSku, version: 1 }] : [];
      }),
    );
    await insertAll(em, VariantSupplyRecord, supply);
    // The mock's purchase-order history at the shop's anchor (a draft, one on its way, one late), by the merchandiser's row here.
    const buyer = { id: staffIds.get(PURCHASE_SEED_ACTOR.id) ?? PURCHASE_SEED_ACTOR.id, name: PURCHASE_SEED_ACTOR.name };
    await insertSeededPurchaseOrders(em, seededPurchaseOrders(records, anchorMs, buyer), (locationId) => {
      const i = LOCATIONS.findIndex((l) => l.id === locationId);
      if (i < 0) throw new Error(`No location ${locationId}`);
      return locationIds[i]!;
    });
    // The mock's discounts at the shop's anchor: the codes the seeded orders carry, so usage is the same on both.
    await em.getRepository(DiscountRecord).insert(seededDiscounts(anchorMs).map(rowOf));
  });
  const done = Date.now();
  await app.close();
  console.info(
    `Seeded ${records.length} products, ${orders.length} orders (${orderRows} rows in ${ordersMs} ms), ${LOCATIONS.length} locations, ${DEMO_STAFF.length} staff into ${postgres ? 'PostgreSQL' : SQLITE_FILE} ` +
      `in ${done - started} ms (Vendure bootstrap ${booted - started} ms, generator ${generated - booted} ms, inserts ${done - generated} ms)`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
