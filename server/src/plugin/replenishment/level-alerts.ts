/**
 * Level alerts (src/domain/alert-rules.ts), raised by the write that starts their condition and dropped by the write
 * that ends it. Every write that moves levels or what is coming to them calls this one helper, inside its
 * transaction: `watchLevels` before it changes anything (its levels already locked on PostgreSQL), `raise` once
 * everything is saved. Each level's facts (available, on order, in transit, sold28, reorder settings, the supplier's
 * lead time, archived) are read from the database both times, so whatever the write changed (a level, a purchase
 * order line, a transfer) is counted, and `levelAlertChanges` says which conditions started and which stored alerts
 * of the level (dismissed or not) no longer hold: those are deleted, so the alerts kept are bounded by the conditions
 * that hold, and a condition that starts again is a new alert. An undismissed alert of a raised kind on the level
 * has its raisedAt moved instead of a second one being made.
 */
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { levelAlertChanges, type LevelAlertFacts, type LevelAlertKind } from '#shared/domain/alert-rules';
import { DEFAULT_LEAD_TIME_DAYS } from '#shared/domain/reorder-rules';
import { levelQuery, toLevel, type LevelRow } from '../inventory/level-query';
import { AlertRecord, SupplierRecord, VariantSupplyRecord } from './replenishment.entities';
import { In } from 'typeorm';

export type LevelFacts = LevelAlertFacts & { onHand: number; sku: string; variantId: string; locationId: string };

type FactsRow = LevelRow & { leadTimeDays: number | string | null; productStatus: string };

/** The alert facts of every level of these Vendure variant ids, by `variantId@locationId` (the contract's ids). */
export async function levelFacts(em: EntityManager, variantIds: readonly number[]): Promise<Map<string, LevelFacts>> {
  const out = new Map<string, LevelFacts>();
  const unique = [...new Set(variantIds)];
  for (let i = 0; i < unique.length; i += 500) {
    const chunk = unique.slice(i, i + 500);
    const rows = await levelQuery(em)
      .leftJoin(VariantSupplyRecord, 'vs', '"vs"."variantId" = "v"."id"')
      .leftJoin(SupplierRecord, 'sup', '"sup"."id" = "vs"."supplierId"')
      .addSelect('"sup"."leadTimeDays"', 'leadTimeDays')
      .addSelect('"p"."customFieldsStatus"', 'productStatus')
      .where('"v"."id" IN (:...chunk)', { chunk })
      .getRawMany<FactsRow>();
    for (const r of rows) {
      const level = toLevel(r);
      out.set(`${level.variantId}@${level.locationId}`, {
        variantId: level.variantId,
        locationId: level.locationId,
        sku: level.sku,
        onHand: level.onHand,
        available: level.available,
        onOrder: level.onOrder,
        inTransit: level.inTransit,
        sold28: level.sold28,
        reorderPoint: level.reorderPoint,
        reorderQuantity: level.reorderQuantity,
        safetyDays: level.safetyDays,
        leadTimeDays: r.leadTimeDays === null ? DEFAULT_LEAD_TIME_DAYS : Number(r.leadTimeDays),
        archived: r.productStatus === 'archived',
      });
    }
  }
  return out;
}

type KeptAlert = { id: string; kind: LevelAlertKind; dismissedAt: string | null };

/** The stored alerts of these contract variant ids (dismissed or not), by `variantId@locationId`. */
async function storedAlerts(em: EntityManager, variantIds: readonly string[]): Promise<Map<string, KeptAlert[]>> {
  const out = new Map<string, KeptAlert[]>();
  const unique = [...new Set(variantIds)];
  for (let i = 0; i < unique.length; i += 500) {
    const rows = await em.getRepository(AlertRecord).find({
      where: { variantId: In(unique.slice(i, i + 500)) },
      select: { id: true, kind: true, variantId: true, locationId: true, dismissedAt: true },
    });
    for (const r of rows) {
      const key = `${r.variantId}@${r.locationId}`;
      const list = out.get(key) ?? [];
      list.push({ id: r.id, kind: r.kind as LevelAlertKind, dismissedAt: r.dismissedAt });
      out.set(key, list);
    }
  }
  return out;
}

export type LevelWatch = {
  /**
   * Stores an alert for each condition the write started on a watched level (or refreshes the undismissed one), and
   * deletes the level's stored alerts whose condition no longer holds.
   */
  raise(at: string): Promise<void>;
};

/** Reads the facts of every level of these variants now; `raise` compares them with the facts after the write. */
export async function watchLevels(em: EntityManager, variantIds: readonly number[]): Promise<LevelWatch> {
  const before = variantIds.length ? await levelFacts(em, variantIds) : new Map<string, LevelFacts>();
  return {
    async raise(at) {
      if (before.size === 0) return;
      const after = await levelFacts(em, variantIds);
      const stored = await storedAlerts(
        em,
        [...after.values()].map((f) => f.variantId),
      );
      const repo = em.getRepository(AlertRecord);
      for (const [key, now] of after) {
        const was = before.get(key);
        if (!was) continue;
        const atLevel = stored.get(key) ?? [];
        const { raised, ended } = levelAlertChanges(was, now, atLevel);
        if (ended.length) await repo.delete({ id: In(ended) });
        for (const kind of raised) {
          const open = atLevel.find((a) => a.kind === kind && a.dismissedAt === null && !ended.includes(a.id));
          if (open) await repo.update({ id: open.id }, { raisedAt: at });
          else
            await repo.insert({
              id: `alr_${randomUUID().replaceAll('-', '').slice(0, 12)}`,
              kind,
              variantId: now.variantId,
              locationId: now.locationId,
              sku: now.sku,
              raisedAt: at,
              dismissedAt: null,
            });
        }
      }
    },
  };
}
