/**
 * The seeded stock, as the mock seeds it (src/demo-shop/stock-seed.ts): the levels
 * left by the seeded orders (reserved, thresholds, units sold over the sales
 * window) and a ledger that explains every one of them: an opening receipt
 * per level, then every reservation, sale, release and restock the seeded
 * orders imply. The mock works those rows out when a ledger is read; here
 * they are stored, each with its on-hand balance.
 */
import { Administrator, StockLevel } from '@vendure/core';
import type { EntityManager } from 'typeorm';
import { DEMO_STAFF } from '#shared/demo-shop/demo-staff';
import { LOCATIONS } from '#shared/demo-shop/catalogue';
import type { MovementRecord, ProductRecord } from '#shared/demo-shop/shop-records';
import { seededMovements, type StockSeed } from '#shared/demo-shop/stock-seed';
import { ids } from '../http';
import { StockMovementRecord } from './stock-movement.entity';

/** Levels and ledger for the products already inserted (their on hand is in StockLevel). */
export async function seedStock(
  em: EntityManager,
  records: readonly ProductRecord[],
  stock: StockSeed,
): Promise<{ levels: number; movements: number }> {
  // The mock's staff ids (staff_merch) → this server's (staff_4), by email; the actors who are not staff (Storefront,
  // Opening balance) keep their ids, as the mock answers them.
  const admins = await em.getRepository(Administrator).find();
  const staffId = new Map<string, string>();
  for (const person of DEMO_STAFF) {
    const admin = admins.find((a) => a.emailAddress === person.email);
    if (admin) staffId.set(person.id, ids.staff(admin.id));
  }
  const locationDbId = new Map<string, number>();
  const rows = await em
    .getRepository(StockLevel)
    .createQueryBuilder('sl')
    .innerJoin('sl.stockLocation', 'loc')
    .select('"sl"."id"', 'id')
    .addSelect('"sl"."productVariantId"', 'variantId')
    .addSelect('"loc"."id"', 'locationId')
    .addSelect('"loc"."customFieldsCode"', 'code')
    .getRawMany<{ id: number; variantId: number; locationId: number; code: string | null }>();
  const levelId = new Map<string, number>();
  for (const r of rows) {
    if (r.code) locationDbId.set(r.code, Number(r.locationId));
    levelId.set(`${Number(r.variantId)}@${r.code}`, Number(r.id));
  }

  let levels = 0;
  let slot = 0;
  const pending: Partial<StockMovementRecord>[] = [];
  let movements = 0;
  /** Inserts full chunks of 300 rows; `all` also the rest. */
  const flush = async (all: boolean) => {
    const keep = all ? 0 : pending.length % 300;
    while (pending.length > keep) {
      const chunk = pending.splice(0, Math.min(300, pending.length - keep));
      await em.getRepository(StockMovementRecord).insert(chunk);
      movements += chunk.length;
    }
  };
  for (const { product, levels: variantLevels } of records) {
    for (const [index, variant] of product.variants.entries()) {
      const variantId = ids.parse('var', variant.id);
      if (variantId === null) throw new Error(`Seeded variant ${variant.id} has no numeric id`);
      for (const [loc, level] of (variantLevels[index] ?? []).entries()) {
        const location = LOCATIONS[loc]!;
        const id = levelId.get(`${variantId}@${location.id}`);
        if (id === undefined) throw new Error(`No stock level for ${variant.id} at ${location.id}`);
        await em.getRepository(StockLevel).update(id, {
          stockOnHand: level.onHand,
          stockAllocated: level.reserved,
          customFields: { threshold: level.threshold, version: level.version, sold28: stock.sold[slot * LOCATIONS.length + loc] ?? 0 },
        });
        levels++;
      }
      // The mock's ledger read: seeded rows in time order (stable), each with the balance it leaves at its location.
      const balance = new Map<string, number>();
      const history = seededMovements(stock, variant.id, variant.sku).sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
      for (const m of history) {
        const onHandAfter = (balance.get(m.locationId) ?? 0) + m.quantity;
        balance.set(m.locationId, onHandAfter);
        pending.push(row(m, variantId, locationDbId, staffId, onHandAfter));
      }
      await flush(false);
      slot++;
    }
  }
  await flush(true);
  return { levels, movements };
}

function row(
  m: MovementRecord,
  variantId: number,
  locationDbId: ReadonlyMap<string, number>,
  staffId: ReadonlyMap<string, string>,
  onHandAfter: number,
): Partial<StockMovementRecord> {
  const locationId = locationDbId.get(m.locationId);
  if (locationId === undefined) throw new Error(`Unknown location ${m.locationId} in the seeded ledger`);
  return {
    at: m.at,
    variantId,
    locationId,
    sku: m.sku,
    reason: m.reason,
    quantity: m.quantity,
    reservedChange: m.reservedChange,
    onHandAfter,
    note: m.note,
    actorId: staffId.get(m.actor.id) ?? m.actor.id,
    actorName: m.actor.name,
    orderId: m.orderId,
    orderNumber: m.orderNumber,
    transferId: m.transferId,
  };
}
