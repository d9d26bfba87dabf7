/**
 * THE SEAM between orders and stock. An order write loads the levels its
 * decision may move (`levelKeys`) and saves the levels and ledger rows the
 * decision returns, inside the order's transaction. Stock levels and the
 * ledger belong to the inventory area (server/src/plugin/inventory/): when its
 * level + ledger write path lands on main, `OrderStock` below becomes a thin
 * call into it, and nothing else in orders changes.
 *
 * INTERIM (until then): levels are Vendure's StockLevel rows (stockOnHand =
 * on hand, stockAllocated = reserved), locked with SELECT … FOR UPDATE on
 * PostgreSQL; level versions are not stored (1) and ledger rows are NOT
 * written.
 */
import { ProductVariant, StockLevel } from '@vendure/core';
import type { EntityManager } from 'typeorm';
import type { LevelSnapshot, OrderMovement } from '../../../../src/api/order-decisions';
import type { Actor } from '../audit.service';
import { ids } from '../http';

export type LevelKey = { variantId: string; locationId: string };

/** Loads the levels (for update) of variants that still exist at the shop's warehouses; the rest are left out (the decision says 404). */
export async function loadOrderLevels(em: EntityManager, keys: readonly LevelKey[]): Promise<LevelSnapshot[]> {
  const variantNums = [...new Set(keys.map((k) => ids.parse('var', k.variantId)).filter((n): n is number => n !== null))];
  if (variantNums.length === 0) return [];
  const qb = em
    .getRepository(StockLevel)
    .createQueryBuilder('sl')
    .innerJoin(ProductVariant, 'v', 'v.id = sl.productVariantId AND v.deletedAt IS NULL')
    .innerJoin('sl.stockLocation', 'loc')
    .select([
      'sl.id AS "levelId"',
      'sl.stockOnHand AS "onHand"',
      'sl.stockAllocated AS "reserved"',
      'v.id AS "variantNum"',
      'v.sku AS "sku"',
    ])
    .addSelect('loc.customFieldsCode', 'locationId')
    .where('sl.productVariantId IN (:...variantNums)', { variantNums });
  if (em.connection.options.type === 'postgres') qb.setLock('pessimistic_write');
  const rows = await qb.getRawMany<{
    levelId: number;
    onHand: number;
    reserved: number;
    variantNum: number;
    sku: string;
    locationId: string | null;
  }>();
  const wanted = new Set(keys.map((k) => `${k.variantId}@${k.locationId}`));
  return rows
    .map((r) => ({
      variantId: ids.variant(r.variantNum),
      locationId: r.locationId ?? '',
      sku: r.sku,
      onHand: Number(r.onHand),
      reserved: Number(r.reserved),
      version: 1,
    }))
    .filter((l) => wanted.has(`${l.variantId}@${l.locationId}`));
}

/** Saves the decided levels and appends the ledger rows (interim: levels only). */
export async function saveOrderLevels(
  em: EntityManager,
  levels: readonly LevelSnapshot[],
  _movements: readonly OrderMovement[],
  _at: Date,
  _actor: Actor,
): Promise<void> {
  for (const level of levels) {
    const variantNum = ids.parse('var', level.variantId);
    if (variantNum === null) continue;
    const row = await em
      .getRepository(StockLevel)
      .createQueryBuilder('sl')
      .innerJoin('sl.stockLocation', 'loc')
      .where('sl.productVariantId = :variantNum AND loc.customFieldsCode = :code', { variantNum, code: level.locationId })
      .getOne();
    if (row) await em.getRepository(StockLevel).update({ id: row.id }, { stockOnHand: level.onHand, stockAllocated: level.reserved });
  }
}
