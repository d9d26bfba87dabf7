/**
 * Stock in Vendure's tables: a level is a StockLevel (stockOnHand = on hand,
 * stockAllocated = reserved, custom fields threshold, version, sold28), the
 * ledger is stockroom_stock_movement. The rules are the shared decisions of
 * src/domain/stock-decisions.ts; here only loading, locking and storing:
 *
 * 1. one transaction per write (queued on SQLite, see serial-writes.ts);
 * 2. the Idempotency-Key is looked up first; a stored answer is replayed;
 * 3. on PostgreSQL the levels the write names are locked (SELECT … FOR UPDATE,
 *    in id order, so two writes never wait on each other crosswise);
 * 4. the decision runs on the levels as loaded; each changed level is saved
 *    with a compare-and-set on its version (WHERE customFieldsVersion = the one
 *    loaded), so even without the lock no update is lost: a level that moved
 *    in between rolls the write back and it is decided again on the fresh level;
 * 5. ledger rows, audit entries and the key's answer go in the same transaction.
 */
import { Injectable } from '@nestjs/common';
import {
  Product as VendureProduct,
  ProductTranslation,
  ProductVariant,
  StockLevel,
  StockLocation,
  TransactionalConnection,
} from '@vendure/core';
import { IsNull, Not, type EntityManager } from 'typeorm';
import { LOW_COVER_DAYS } from '#shared/contract/constants';
import {
  decideAdjustment,
  decideReceipt,
  decideReorderPolicy,
  decideThreshold,
  decideTransfer,
  decideTransferReceipt,
  newTransferId,
  receiptKeyRequired,
  type AdjustmentCommand,
  type MovementDraft,
  type ReceiptCommand,
  type StockDecision,
  type StockSnapshot,
  type StockVariant,
  type ThresholdCommand,
  type TransferCommand,
} from '#shared/domain/stock-decisions';
import type {
  InventoryLevel,
  InventoryListQuery,
  LedgerQuery,
  Location,
  ReceiptResult,
  StockChangeResult,
  StockMovement,
  TransitTransfer,
  TransitTransferQuery,
} from '#shared/contract/stock-schemas';
import type { ReorderPolicyInput } from '#shared/contract/replenishment-schemas';
import { ProblemError } from '#shared/contract/problems';
import { recordAudit, type Actor } from '../audit/audit.service';
import type { Idempotency } from '#shared/contract/protocol';
import { ids } from '../http';
import { idempotentWrite, RetryWrite } from '../idempotency';
import { isPostgres } from '../serial-writes';
import { StockMovementRecord } from './stock-movement.entity';
import { nowDate } from '../clock';
import { variantNotFound } from '#shared/domain/product-rules';
import { AVAILABLE, COVER_TENTHS, coverTenths, levelQuery, levelsOf, STATE, THRESHOLD, toLevel, type LevelRow } from './level-query';
import { TransitTransferRecord } from '../replenishment/replenishment.entities';
import { watchLevels, type LevelWatch } from '../replenishment/level-alerts';

/** A loaded level with the StockLevel row behind it. */
export type LoadedLevel = { levelId: number; locationId: number; view: InventoryLevel };

export const movementId = (id: number | string) => `mov_${String(id).padStart(8, '0')}`;

function toMovement(r: StockMovementRecord, variantId: string, locationCode: string): StockMovement {
  return {
    id: movementId(r.id),
    at: r.at,
    variantId,
    sku: r.sku,
    locationId: locationCode,
    reason: r.reason as StockMovement['reason'],
    quantity: r.quantity,
    reservedChange: r.reservedChange,
    onHandAfter: r.onHandAfter,
    note: r.note,
    actor: { id: r.actorId, name: r.actorName },
    orderId: r.orderId,
    orderNumber: r.orderNumber,
    transferId: r.transferId,
    purchaseOrderId: r.purchaseOrderId ?? null,
    purchaseOrderNumber: r.purchaseOrderNumber ?? null,
  };
}

function likeEscape(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

@Injectable()
export class InventoryService {
  constructor(private connection: TransactionalConnection) {}

  private get db() {
    return this.connection.rawConnection;
  }

  /** Text compared by code unit, as the contract sorts it (PostgreSQL would use the locale's collation). */
  private text(expr: string): string {
    return isPostgres(this.db) ? `${expr} COLLATE "C"` : expr;
  }

  // ------------------------------------------------------------ reads

  async locations(em: EntityManager = this.db.manager): Promise<(Location & { dbId: number })[]> {
    const rows = await em.getRepository(StockLocation).find({ where: { customFields: { code: Not(IsNull()) } }, order: { id: 'ASC' } });
    return rows.map((l) => ({ id: l.customFields.code ?? '', name: l.name, dbId: Number(l.id) }));
  }

  async list(query: InventoryListQuery): Promise<{ items: InventoryLevel[]; total: number }> {
    const desc = query.sort.startsWith('-');
    const key = (desc ? query.sort.slice(1) : query.sort) as InventoryListQuery['sort'] & string;
    // On order and in transit (a join per level) only where the filter or the sort reads them; the page gets them after.
    const incoming = query.low === true || key === 'daysOfCover';
    const qb = levelQuery(this.db.manager, { incoming });
    if (query.locationId !== undefined) qb.andWhere('"loc"."customFieldsCode" = :code', { code: query.locationId });
    if (query.variantId !== undefined) qb.andWhere('"v"."id" = :variantId', { variantId: ids.parse('var', query.variantId) ?? -1 });
    if (query.categoryId !== undefined) qb.andWhere('"p"."customFieldsCategoryid" = :categoryId', { categoryId: query.categoryId });
    if (query.state) qb.andWhere(`${STATE} IN (:...states)`, { states: [...query.state] });
    if (query.low) {
      // Running low: available at or under the threshold, or under LOW_COVER_DAYS of cover (over available + on order +
      // in transit: level-query.ts COVER_TENTHS mirrors stock-rules.ts daysOfCover); archived products never are.
      // What is coming only lengthens the cover, so a level is a candidate by its available units alone (no join
      // needed: SQLite drops most levels before looking their incoming up), then held to its cover over the position.
      const low = (cover: string) => `(${AVAILABLE} <= ${THRESHOLD} OR (${cover} IS NOT NULL AND ${cover} < ${LOW_COVER_DAYS * 10}))`;
      qb.andWhere(`"p"."customFieldsStatus" != 'archived'`)
        .andWhere(low(coverTenths(AVAILABLE)))
        .andWhere(low(COVER_TENTHS));
    }
    if (query.q !== undefined) {
      const text = `%${likeEscape(query.q.toLowerCase())}%`;
      qb.andWhere(`(LOWER("v"."sku") LIKE :text ESCAPE '\\' OR "p"."customFieldsTitlekey" LIKE :text ESCAPE '\\')`, { text });
    }
    const total = await qb.getCount();

    // The mock's orders (mocks/inventory-index.ts): ties by SKU then location; a descending sort is the ascending one backwards.
    const terms: string[] = [];
    const sku = this.text('LOWER("v"."sku")');
    switch (key) {
      case 'title':
        terms.push(this.text('"p"."customFieldsTitlekey"'));
        break;
      case 'location':
        terms.push('"loc"."id"');
        break;
      case 'onHand':
        terms.push('"sl"."stockOnHand"');
        break;
      case 'reserved':
        terms.push('"sl"."stockAllocated"');
        break;
      case 'available':
        terms.push(AVAILABLE);
        break;
      case 'threshold':
        terms.push(THRESHOLD);
        break;
      case 'daysOfCover':
        // Nothing sold means no end to the cover: after every number.
        terms.push(`(CASE WHEN ${COVER_TENTHS} IS NULL THEN 1 ELSE 0 END)`, COVER_TENTHS);
        break;
    }
    terms.push(sku, '"loc"."id"');
    const dir = desc ? 'DESC' : 'ASC';
    terms.forEach((term, i) => (i === 0 ? qb.orderBy(term, dir) : qb.addOrderBy(term, dir)));
    const rows = await qb.offset(query.offset).limit(query.limit).getRawMany<LevelRow>();
    if (incoming || rows.length === 0) return { items: rows.map(toLevel), total };
    const levelIds = rows.map((r) => Number(r.levelId));
    const full = await levelQuery(this.db.manager).where('"sl"."id" IN (:...levelIds)', { levelIds }).getRawMany<LevelRow>();
    const byId = new Map(full.map((r) => [Number(r.levelId), r]));
    return { items: rows.map((r) => toLevel(byId.get(Number(r.levelId)) ?? r)), total };
  }

  async ledger(query: LedgerQuery): Promise<{ items: StockMovement[]; total: number }> {
    const variantId = ids.parse('var', query.variantId);
    const notFound = variantNotFound(query.variantId);
    if (variantId === null) throw notFound;
    const em = this.db.manager;
    const movements = em.getRepository(StockMovementRecord);
    const exists = await em.getRepository(ProductVariant).exists({ where: { id: variantId }, withDeleted: true });
    if (!exists && !(await movements.exists({ where: { variantId } }))) throw notFound;
    const locations = await this.locations(em);
    const qb = movements.createQueryBuilder('m').where('m.variantId = :variantId', { variantId });
    if (query.locationId !== undefined) {
      const location = locations.find((l) => l.id === query.locationId);
      qb.andWhere('m.locationId = :locationId', { locationId: location?.dbId ?? -1 });
    }
    const dir = query.sort === '-at' ? 'DESC' : 'ASC';
    qb.orderBy('m.at', dir).addOrderBy('m.id', dir).skip(query.offset).take(query.limit);
    const [rows, total] = await qb.getManyAndCount();
    const code = new Map(locations.map((l) => [l.dbId, l.id]));
    return { items: rows.map((r) => toMovement(r, query.variantId, code.get(r.locationId) ?? String(r.locationId))), total };
  }

  // ------------------------------------------------------------ loading for a write

  /** The variants (by Vendure id) that exist, as the decisions name them. */
  private async variants(em: EntityManager, where: { ids?: number[]; skus?: string[] }): Promise<(StockVariant & { dbId: number })[]> {
    const out: (StockVariant & { dbId: number })[] = [];
    const list = where.ids ?? where.skus ?? [];
    for (let i = 0; i < list.length; i += 500) {
      const chunk = list.slice(i, i + 500);
      const qb = em
        .getRepository(ProductVariant)
        .createQueryBuilder('v')
        .innerJoin(VendureProduct, 'p', '"p"."id" = "v"."productId" AND "p"."deletedAt" IS NULL')
        .innerJoin(ProductTranslation, 't', `"t"."baseId" = "p"."id" AND "t"."languageCode" = 'en'`)
        .select('"v"."id"', 'id')
        .addSelect('"p"."id"', 'productId')
        .addSelect('"v"."sku"', 'sku')
        .addSelect('"t"."name"', 'title')
        .addSelect('"v"."customFieldsOptionvalues"', 'optionValues')
        .where('"v"."deletedAt" IS NULL');
      if (where.ids) qb.andWhere('"v"."id" IN (:...chunk)', { chunk });
      else qb.andWhere('UPPER("v"."sku") IN (:...chunk)', { chunk });
      const rows = await qb.getRawMany<{ id: number; productId: number; sku: string; title: string; optionValues: string }>();
      for (const r of rows) {
        out.push({
          dbId: Number(r.id),
          id: ids.variant(r.id),
          productId: ids.product(r.productId),
          sku: r.sku,
          title: r.title,
          optionValues: JSON.parse(r.optionValues) as string[],
        });
      }
    }
    return out;
  }

  /** The levels of these variants at every location; for a write, locked on PostgreSQL until the transaction ends. */
  private async levels(em: EntityManager, variantIds: number[], lock: boolean): Promise<LoadedLevel[]> {
    if (variantIds.length === 0) return [];
    const out: LoadedLevel[] = [];
    for (let i = 0; i < variantIds.length; i += 500) {
      const chunk = variantIds.slice(i, i + 500);
      if (lock && isPostgres(this.db)) {
        await em
          .getRepository(StockLevel)
          .createQueryBuilder('sl')
          .select('"sl"."id"', 'id')
          .where('"sl"."productVariantId" IN (:...chunk)', { chunk })
          .orderBy('"sl"."id"', 'ASC')
          .setLock('pessimistic_write')
          .getRawMany();
      }
      const rows = await levelQuery(em).where('"v"."id" IN (:...chunk)', { chunk }).getRawMany<LevelRow>();
      for (const r of rows) out.push({ levelId: Number(r.levelId), locationId: Number(r.locationId), view: toLevel(r) });
    }
    return out;
  }

  /** What a decision needs; `use: 'read'` (a receipt's dry run, outside any transaction) locks nothing. */
  async snapshot(
    em: EntityManager,
    where: { ids?: number[]; skus?: string[] },
    use: 'write' | 'read' = 'write',
  ): Promise<{ snapshot: StockSnapshot; loaded: LoadedLevel[]; locations: (Location & { dbId: number })[] }> {
    const locations = await this.locations(em);
    const variants = await this.variants(em, where);
    const loaded = await this.levels(em, [...new Set(variants.map((v) => v.dbId))], use === 'write');
    return {
      snapshot: {
        locations: locations.map(({ id, name }) => ({ id, name })),
        variants: variants.map(({ dbId: _dbId, ...v }) => v),
        levels: loaded.map((l) => l.view),
      },
      loaded,
      locations,
    };
  }

  // ------------------------------------------------------------ storing a decision

  /**
   * Saves the decided levels (compare-and-set on the version loaded), appends the ledger rows, records the audit.
   * Alerts: `watch` taken before anything changed; without one, the levels are watched here and raised at the end.
   */
  async store(
    em: EntityManager,
    actor: Actor,
    action: string,
    loaded: LoadedLevel[],
    locations: (Location & { dbId: number })[],
    decision: Pick<StockDecision, 'levels' | 'movements'> & Partial<Pick<StockDecision, 'audit'>>,
    watch?: LevelWatch,
  ): Promise<StockMovement[]> {
    const now = nowDate();
    const at = now.toISOString();
    const own = watch ? null : await watchLevels(em, variantIdsOf(decision.levels.map((l) => l.variantId)));
    const byKey = new Map(loaded.map((l) => [`${l.view.variantId}@${l.view.locationId}`, l]));
    for (const level of decision.levels) {
      const before = byKey.get(`${level.variantId}@${level.locationId}`);
      if (!before) throw new Error(`No level ${level.variantId} at ${level.locationId} was loaded`);
      const cas = await em
        .createQueryBuilder()
        .update(StockLevel)
        .set({
          updatedAt: now,
          stockOnHand: level.onHand,
          stockAllocated: level.reserved,
          customFields: {
            threshold: level.threshold,
            version: level.version,
            reorderPoint: level.reorderPoint,
            reorderQuantity: level.reorderQuantity,
            safetyDays: level.safetyDays,
          },
        })
        .where('id = :id AND customFieldsVersion = :version', { id: before.levelId, version: before.view.version })
        .execute();
      if (cas.affected !== 1) throw new RetryWrite();
    }
    const movements = await appendMovements(em, locations, decision.movements, { id: actor.id, name: actor.name }, at);
    await recordAudit(em, actor, action, now, decision.audit ?? []);
    await own?.raise(at);
    return movements;
  }

  /** The levels a write changed, read again after it (with what is on order and in transit now), in the decision's order. */
  async fresh(em: EntityManager, levels: readonly Pick<InventoryLevel, 'variantId' | 'locationId'>[]): Promise<InventoryLevel[]> {
    const rows = await levelsOf(em, variantIdsOf(levels.map((l) => l.variantId)));
    const byKey = new Map(rows.map((r) => [`${r.view.variantId}@${r.view.locationId}`, r.view]));
    return levels.map((l) => byKey.get(`${l.variantId}@${l.locationId}`)).filter((l): l is InventoryLevel => l !== undefined);
  }

  // ------------------------------------------------------------ writes

  /** One write: the server's write path, decided again (up to a few times) when a level moved under it. */
  private async write<T>(actor: Actor, idempotency: Idempotency | null, work: (em: EntityManager) => Promise<T>): Promise<T> {
    const { body } = await idempotentWrite(this.db, actor, idempotency, async (em) => ({ status: 200, body: await work(em) }));
    return body;
  }

  adjust(actor: Actor, input: AdjustmentCommand, idempotency: Idempotency): Promise<StockChangeResult> {
    return this.write(actor, idempotency, async (em) => {
      const { snapshot, loaded, locations } = await this.snapshot(em, { ids: variantIdsOf([input.variantId]) });
      const decision = decideAdjustment(input, snapshot);
      const movements = await this.store(em, actor, 'stock adjusted', loaded, locations, decision);
      return { levels: await this.fresh(em, decision.levels), movements };
    });
  }

  /** In one step, or (inTransit) out of one level now and a transfer row until it is received at the other. */
  transfer(actor: Actor, input: TransferCommand, idempotency: Idempotency): Promise<StockChangeResult> {
    return this.write(actor, idempotency, async (em) => {
      const variantIds = variantIdsOf([input.variantId]);
      const { snapshot, loaded, locations } = await this.snapshot(em, { ids: variantIds });
      const transferId = newTransferId();
      const decision = decideTransfer(input, snapshot, transferId);
      // Every level of the variant: the destination's in transit moves too.
      const watch = await watchLevels(em, variantIds);
      const movements = await this.store(em, actor, 'stock transferred', loaded, locations, decision, watch);
      let transfer: TransitTransfer | undefined;
      if (decision.transfer) {
        const at = movements[0]?.at ?? nowDate().toISOString();
        transfer = { ...decision.transfer, sentAt: at, receivedAt: null };
        const dbId = (code: string) => locations.find((l) => l.id === code)!.dbId;
        await em.getRepository(TransitTransferRecord).insert({
          id: transfer.id,
          variantId: variantIds[0]!,
          fromLocationId: dbId(transfer.fromLocationId),
          toLocationId: dbId(transfer.toLocationId),
          quantity: transfer.quantity,
          status: transfer.status,
          sku: transfer.sku,
          title: transfer.title,
          note: transfer.note,
          sentAt: transfer.sentAt,
          receivedAt: null,
          version: transfer.version,
        });
      }
      await watch.raise(movements[0]?.at ?? nowDate().toISOString());
      return { levels: await this.fresh(em, decision.levels), movements, ...(transfer ? { transfer } : {}) };
    });
  }

  async threshold(
    actor: Actor,
    level: { variantId: string; locationId: string; version: number },
    input: ThresholdCommand,
  ): Promise<InventoryLevel> {
    return this.write(actor, null, async (em) => {
      const { snapshot, loaded, locations } = await this.snapshot(em, { ids: variantIdsOf([level.variantId]) });
      const decision = decideThreshold(level, input, snapshot);
      await this.store(em, actor, 'threshold changed', loaded, locations, decision);
      const [changed] = await this.fresh(em, decision.levels);
      if (!changed) throw new Error('A threshold decision changed no level');
      return changed;
    });
  }

  /** A level's reorder point, reorder quantity and safety days (If-Match its version); a new version, no ledger row. */
  async reorderPolicy(
    actor: Actor,
    level: { variantId: string; locationId: string; version: number },
    input: ReorderPolicyInput,
  ): Promise<InventoryLevel> {
    return this.write(actor, null, async (em) => {
      const { snapshot, loaded, locations } = await this.snapshot(em, { ids: variantIdsOf([level.variantId]) });
      const decision = decideReorderPolicy(level, input, snapshot);
      await this.store(em, actor, 'reorder settings changed', loaded, locations, decision);
      const [changed] = await this.fresh(em, decision.levels);
      if (!changed) throw new Error('A reorder policy decision changed no level');
      return changed;
    });
  }

  /** A dry run reports every row and changes nothing; otherwise the whole file applies in one transaction, or nothing does. */
  async receive(actor: Actor, input: ReceiptCommand, idempotency: Idempotency | null): Promise<ReceiptResult> {
    const skus = receiptSkus(input);
    if (input.dryRun) {
      // The levels too: rows are held to the limit on what is on the shelf now.
      const { snapshot } = await this.snapshot(this.db.manager, { skus }, 'read');
      return decideReceipt(input, snapshot).result;
    }
    if (!idempotency) throw receiptKeyRequired();
    return this.write(actor, idempotency, async (em) => {
      // Checked inside the write: a SKU renamed a moment ago must not slip through.
      const { snapshot, loaded, locations } = await this.snapshot(em, { skus });
      const decision = decideReceipt(input, snapshot);
      await this.store(em, actor, 'delivery received', loaded, locations, decision);
      return decision.result;
    });
  }

  // ------------------------------------------------------------ transfers in transit

  private async transferView(em: EntityManager, rows: TransitTransferRecord[]): Promise<TransitTransfer[]> {
    const code = new Map((await this.locations(em)).map((l) => [l.dbId, l.id]));
    return rows.map((r) => ({
      id: r.id,
      variantId: ids.variant(r.variantId),
      sku: r.sku,
      title: r.title,
      fromLocationId: code.get(r.fromLocationId) ?? String(r.fromLocationId),
      toLocationId: code.get(r.toLocationId) ?? String(r.toLocationId),
      quantity: r.quantity,
      status: r.status as TransitTransfer['status'],
      note: r.note,
      sentAt: r.sentAt,
      receivedAt: r.receivedAt,
      version: r.version,
    }));
  }

  async transfers(query: TransitTransferQuery): Promise<{ items: TransitTransfer[]; total: number }> {
    const em = this.db.manager;
    const qb = em.getRepository(TransitTransferRecord).createQueryBuilder('t');
    if (query.status !== undefined) qb.andWhere('t.status = :status', { status: query.status });
    if (query.variantId !== undefined) qb.andWhere('t.variantId = :variantId', { variantId: ids.parse('var', query.variantId) ?? -1 });
    if (query.locationId !== undefined) {
      const location = (await this.locations(em)).find((l) => l.id === query.locationId);
      qb.andWhere('(t.fromLocationId = :loc OR t.toLocationId = :loc)', { loc: location?.dbId ?? -1 });
    }
    qb.orderBy('t.sentAt', 'DESC').addOrderBy('t.id', 'DESC').skip(query.offset).take(query.limit);
    const [rows, total] = await qb.getManyAndCount();
    return { items: await this.transferView(em, rows), total };
  }

  /** One `transfer_in` row at the destination; the transfer row by compare-and-set on its version (If-Match). */
  receiveTransfer(actor: Actor, id: string, version: number, idempotency: Idempotency): Promise<StockChangeResult> {
    return this.write(actor, idempotency, async (em) => {
      const repo = em.getRepository(TransitTransferRecord);
      const qb = repo.createQueryBuilder('t').where('t.id = :id', { id });
      if (isPostgres(this.db)) qb.setLock('pessimistic_write');
      const row = await qb.getOne();
      if (!row) throw new ProblemError({ status: 404, title: 'Transfer not found', detail: `No transfer has the id ${id}.` });
      const [transfer] = await this.transferView(em, [row]);
      const { snapshot, loaded, locations } = await this.snapshot(em, { ids: [row.variantId] });
      const decision = decideTransferReceipt(transfer!, version, snapshot);
      const watch = await watchLevels(em, [row.variantId]);
      const movements = await this.store(em, actor, 'transfer received', loaded, locations, decision, watch);
      const at = movements[0]?.at ?? nowDate().toISOString();
      const cas = await repo
        .createQueryBuilder()
        .update()
        .set({ status: 'received', receivedAt: at, version: decision.transfer.version })
        .where('id = :id AND version = :version', { id, version: row.version })
        .execute();
      if (cas.affected !== 1) throw new RetryWrite();
      await watch.raise(at);
      return { levels: await this.fresh(em, decision.levels), movements, transfer: { ...decision.transfer, receivedAt: at } };
    });
  }
}

/** The SKUs a delivery's rows name, upper-cased, as the variants are looked up. */
export function receiptSkus(input: ReceiptCommand): string[] {
  return [...new Set(input.rows.map((r) => r.sku.trim().toUpperCase()).filter((s) => s !== ''))];
}

/** Contract variant ids → Vendure's; one that is not ours names no variant (the decision answers 404). */
export function variantIdsOf(contractIds: string[]): number[] {
  return contractIds.map((id) => ids.parse('var', id)).filter((n): n is number => n !== null);
}

/**
 * Appends ledger rows (in order, each its own id) and answers them as the
 * contract shows them. The level each row moves must be saved in the same
 * transaction. Orders use this too: reservations, sales, releases and restocks
 * are rows of the same ledger.
 */
export async function appendMovements(
  em: EntityManager,
  locations: readonly (Location & { dbId: number })[],
  drafts: readonly MovementDraft[],
  actor: { id: string; name: string },
  at: string,
): Promise<StockMovement[]> {
  const repo = em.getRepository(StockMovementRecord);
  const out: StockMovement[] = [];
  for (const d of drafts) {
    const variantId = ids.parse('var', d.variantId);
    const location = locations.find((l) => l.id === d.locationId);
    if (variantId === null || !location) throw new Error(`No level ${d.variantId} at ${d.locationId} for a ledger row`);
    const record = repo.create({
      at,
      variantId,
      locationId: location.dbId,
      sku: d.sku,
      reason: d.reason,
      quantity: d.quantity,
      reservedChange: d.reservedChange,
      onHandAfter: d.onHandAfter,
      note: d.note,
      actorId: actor.id,
      actorName: actor.name,
      orderId: d.orderId,
      orderNumber: d.orderNumber,
      transferId: d.transferId,
      purchaseOrderId: d.purchaseOrderId,
      purchaseOrderNumber: d.purchaseOrderNumber,
    });
    const inserted = await repo.insert(record);
    record.id = Number(inserted.identifiers[0]?.id);
    out.push(toMovement(record, d.variantId, d.locationId));
  }
  return out;
}
