/**
 * What discounts did, read from the orders as the mock reads them (mocks/discount-usage.ts): per code (any
 * case: the order's `discountKey`) the orders placed with it, their revenue (order totals) and the discount they
 * were given; per store day for a range; every order of a range for the average order without it; and whether a
 * customer placed an order with a code. Each is one query on the index (discountKey, storeDay, total, discount)
 * or (storeDay, …). Uses claimed at checkout are counted from `stockroom_discount_use`.
 */
import type { DataSource, EntityManager } from 'typeorm';
import type { DiscountUsage } from '#shared/contract/discount-schemas';
import { OrderRecord } from '../orders/order.entities';
import { DiscountUseRecord } from './discount.entities';

export type Sums = DiscountUsage;
export const zeroSums = (): Sums => ({ uses: 0, revenue: 0, discountGiven: 0 });

/** SQL counts and sums (strings from PostgreSQL's bigint, null over no rows) as numbers. */
const n = (v: unknown): number => Number(v ?? 0);

/** Each code key's sums over the shop's life; keys without orders are absent. */
export async function codeTotals(em: EntityManager, keys: readonly string[]): Promise<Map<string, Sums>> {
  const totals = new Map<string, Sums>();
  if (keys.length === 0) return totals;
  const rows = await em
    .getRepository(OrderRecord)
    .createQueryBuilder('o')
    .select('o.discountKey', 'key')
    .addSelect('COUNT(*)', 'uses')
    .addSelect('SUM(o.total)', 'revenue')
    .addSelect('SUM(o.discount)', 'discountGiven')
    .where('o.discountKey IN (:...keys)', { keys: [...new Set(keys)] })
    .groupBy('o.discountKey')
    .getRawMany<Record<string, unknown>>();
  for (const r of rows) totals.set(String(r.key), { uses: n(r.uses), revenue: n(r.revenue), discountGiven: n(r.discountGiven) });
  return totals;
}

/** Uses claimed at checkout per discount id. */
export async function claimedUses(em: EntityManager, discountIds: readonly string[]): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  if (discountIds.length === 0) return counts;
  const rows = await em
    .getRepository(DiscountUseRecord)
    .createQueryBuilder('u')
    .select('u.discountId', 'discountId')
    .addSelect('COUNT(*)', 'uses')
    .where('u.discountId IN (:...ids)', { ids: [...new Set(discountIds)] })
    .groupBy('u.discountId')
    .getRawMany<Record<string, unknown>>();
  for (const r of rows) counts.set(String(r.discountId), n(r.uses));
  return counts;
}

/** Whether this customer (lower-case email) claimed a use of the discount or placed an order with its code. */
export async function usedByCustomer(em: EntityManager, discountId: string, key: string | null, customerKey: string): Promise<boolean> {
  const claimed = await em.getRepository(DiscountUseRecord).exists({ where: { discountId, customerKey } });
  if (claimed || key === null) return claimed;
  const ordered = await em
    .getRepository(OrderRecord)
    .createQueryBuilder('o')
    .select('1', 'one')
    .where('o.discountKey = :key AND LOWER(o.customerEmail) = :customerKey', { key, customerKey })
    .limit(1)
    .getRawOne();
  return ordered !== undefined;
}

/** A code's store days in [from, to] with orders, in order; nothing for an automatic offer (no code). */
export async function codeDays(em: EntityManager, key: string | null, from: string, to: string): Promise<(Sums & { date: string })[]> {
  if (key === null) return [];
  const rows = await em
    .getRepository(OrderRecord)
    .createQueryBuilder('o')
    .select('o.storeDay', 'date')
    .addSelect('COUNT(*)', 'uses')
    .addSelect('SUM(o.total)', 'revenue')
    .addSelect('SUM(o.discount)', 'discountGiven')
    .where('o.discountKey = :key AND o.storeDay >= :from AND o.storeDay <= :to', { key, from, to })
    .groupBy('o.storeDay')
    .orderBy('o.storeDay', 'ASC')
    .getRawMany<Record<string, unknown>>();
  return rows.map((r) => ({ date: String(r.date), uses: n(r.uses), revenue: n(r.revenue), discountGiven: n(r.discountGiven) }));
}

/** Every order placed in [from, to] (store days): how many, and their revenue. */
export async function allOrders(em: EntityManager, from: string, to: string): Promise<{ orders: number; revenue: number }> {
  const r = await em
    .getRepository(OrderRecord)
    .createQueryBuilder('o')
    .select('COUNT(*)', 'orders')
    .addSelect('SUM(o.total)', 'revenue')
    .where('o.storeDay >= :from AND o.storeDay <= :to', { from, to })
    .getRawOne<Record<string, unknown>>();
  return { orders: n(r?.orders), revenue: n(r?.revenue) };
}

/**
 * Orders stored before `discountKey` existed (the column is added empty by synchronize) get it from their code,
 * once, at start. Codes are letters, digits, - and _, so SQL's UPPER and TRIM agree with `codeKey`. Two instances
 * starting together both run it harmlessly: the second finds nothing left to fill.
 */
export async function fillOrderDiscountKeys(db: DataSource): Promise<void> {
  await db
    .createQueryBuilder()
    .update(OrderRecord)
    .set({ discountKey: () => 'UPPER(TRIM("discountCode"))' })
    .where('"discountCode" IS NOT NULL AND "discountKey" IS NULL')
    .execute();
}
