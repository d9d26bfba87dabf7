/**
 * Orders and stock meet here. An order write loads the levels its decision
 * may move (`levelKeys`), and saves the levels and ledger rows the decision
 * returns, inside the order's transaction, the way inventory's own writes do
 * (server/src/plugin/inventory/inventory.service.ts): levels are Vendure's
 * StockLevel (stockOnHand = on hand, stockAllocated = reserved, custom field
 * version), locked in id order on PostgreSQL and saved by compare-and-set on
 * the version loaded; ledger rows go through inventory's `appendMovements`; the alerts a write starts are raised
 * by the helper inventory's writes call too (replenishment/level-alerts.ts).
 */
import { ProductVariant, StockLevel, StockLocation } from '@vendure/core';
import type { EntityManager } from 'typeorm';
import type { LevelSnapshot, OrderMovement } from '#shared/domain/order-decisions';
import type { Actor } from '../audit/audit.service';
import { ids } from '../http';
import { appendMovements } from '../inventory/inventory.service';
import { isPostgres } from '../serial-writes';
import { RetryWrite } from '../idempotency';
import { watchLevels } from '../replenishment/level-alerts';

export type LevelKey = { variantId: string; locationId: string };
/** A level as loaded, with its row and its location's row, for saving it back. */
export type LoadedLevel = LevelSnapshot & { levelId: number; locationDbId: number };

/**
 * The levels of `keys` whose variant still exists, at the shop's warehouses
 * (the rest are left out: the decision answers 404). On PostgreSQL every
 * level of those variants is locked, in id order as inventory locks them.
 */
export async function loadOrderLevels(em: EntityManager, keys: readonly LevelKey[]): Promise<LoadedLevel[]> {
  const variantNums = [...new Set(keys.map((k) => ids.parse('var', k.variantId)).filter((n): n is number => n !== null))];
  if (variantNums.length === 0) return [];
  if (isPostgres(em.connection)) {
    await em
      .getRepository(StockLevel)
      .createQueryBuilder('sl')
      .select('"sl"."id"', 'id')
      .where('"sl"."productVariantId" IN (:...variantNums)', { variantNums })
      .orderBy('"sl"."id"', 'ASC')
      .setLock('pessimistic_write')
      .getRawMany();
  }
  const rows = await em
    .getRepository(StockLevel)
    .createQueryBuilder('sl')
    .innerJoin(ProductVariant, 'v', '"v"."id" = "sl"."productVariantId" AND "v"."deletedAt" IS NULL')
    .innerJoin(StockLocation, 'loc', '"loc"."id" = "sl"."stockLocationId" AND "loc"."customFieldsCode" IS NOT NULL')
    .select('"sl"."id"', 'levelId')
    .addSelect('"v"."id"', 'variantNum')
    .addSelect('"v"."sku"', 'sku')
    .addSelect('"loc"."id"', 'locationDbId')
    .addSelect('"loc"."customFieldsCode"', 'locationId')
    .addSelect('"sl"."stockOnHand"', 'onHand')
    .addSelect('"sl"."stockAllocated"', 'reserved')
    .addSelect('"sl"."customFieldsVersion"', 'version')
    .where('"sl"."productVariantId" IN (:...variantNums)', { variantNums })
    .getRawMany<Record<string, string | number>>();
  const wanted = new Set(keys.map((k) => `${k.variantId}@${k.locationId}`));
  return rows
    .map((r) => ({
      levelId: Number(r.levelId),
      locationDbId: Number(r.locationDbId),
      variantId: ids.variant(r.variantNum!),
      locationId: String(r.locationId),
      sku: String(r.sku),
      onHand: Number(r.onHand),
      reserved: Number(r.reserved),
      version: Number(r.version),
    }))
    .filter((l) => wanted.has(`${l.variantId}@${l.locationId}`));
}

/**
 * Saves the decided levels (compare-and-set on the version loaded: a level
 * that moved since runs the whole write again) and appends the ledger rows,
 * each with the on-hand balance it leaves.
 */
export async function saveOrderLevels(
  em: EntityManager,
  loaded: readonly LoadedLevel[],
  levels: readonly LevelSnapshot[],
  movements: readonly OrderMovement[],
  at: Date,
  actor: Actor,
): Promise<void> {
  if (levels.length === 0 && movements.length === 0) return;
  // Alerts a sale, a cancellation or a restock starts (replenishment/level-alerts.ts), read before the levels move.
  const watch = await watchLevels(
    em,
    levels.map((l) => ids.parse('var', l.variantId)).filter((n): n is number => n !== null),
  );
  const byKey = new Map(loaded.map((l) => [`${l.variantId}@${l.locationId}`, l]));
  for (const level of levels) {
    const before = byKey.get(`${level.variantId}@${level.locationId}`);
    if (!before) throw new Error(`No level ${level.variantId} at ${level.locationId} was loaded`);
    const cas = await em
      .createQueryBuilder()
      .update(StockLevel)
      .set({ updatedAt: at, stockOnHand: level.onHand, stockAllocated: level.reserved, customFields: { version: level.version } })
      .where('id = :id AND customFieldsVersion = :version', { id: before.levelId, version: before.version })
      .execute();
    if (cas.affected !== 1) throw new RetryWrite();
  }
  // Each row's balance: the level as loaded plus the rows before it, in order.
  const balance = new Map(loaded.map((l) => [`${l.variantId}@${l.locationId}`, l.onHand]));
  const drafts = movements.map((m) => {
    const key = `${m.variantId}@${m.locationId}`;
    const onHandAfter = (balance.get(key) ?? 0) + m.quantity;
    balance.set(key, onHandAfter);
    return { ...m, onHandAfter };
  });
  const locations = [...new Map(loaded.map((l) => [l.locationId, { id: l.locationId, name: '', dbId: l.locationDbId }])).values()];
  await appendMovements(em, locations, drafts, { id: actor.id, name: actor.name }, at.toISOString());
  await watch.raise(at.toISOString());
}
