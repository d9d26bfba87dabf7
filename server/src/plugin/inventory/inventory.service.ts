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
import { IsNull, Not, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import { LOW_COVER_DAYS, SALES_WINDOW_DAYS } from '#shared/contract/constants';
import {
  decideAdjustment,
  decideReceipt,
  decideThreshold,
  decideTransfer,
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
import { available, daysOfCover, stockState } from '#shared/domain/stock-rules';
import type {
  InventoryLevel,
  InventoryListQuery,
  LedgerQuery,
  Location,
  ReceiptResult,
  StockChangeResult,
  StockMovement,
} from '#shared/contract/stock-schemas';
import { recordAudit, type Actor } from '../audit/audit.service';
import type { Idempotency } from '#shared/contract/protocol';
import { ids } from '../http';
import { idempotentWrite, RetryWrite } from '../idempotency';
import { isPostgres } from '../serial-writes';
import { StockMovementRecord } from './stock-movement.entity';
import { nowDate } from '../clock';
import { variantNotFound } from '#shared/domain/product-rules';

type LevelRow = {
  levelId: number | string;
  variantId: number | string;
  productId: number | string;
  locationId: number | string;
  locationCode: string;
  sku: string;
  title: string;
  optionValues: string;
  categoryId: string;
  onHand: number | string;
  reserved: number | string;
  threshold: number | string;
  sold28: number | string;
  version: number | string;
};

/** A loaded level with the StockLevel row behind it. */
type LoadedLevel = { levelId: number; locationId: number; view: InventoryLevel };

export const movementId = (id: number | string) => `mov_${String(id).padStart(8, '0')}`;

function toLevel(r: LevelRow): InventoryLevel {
  const onHand = Number(r.onHand);
  const reserved = Number(r.reserved);
  const threshold = Number(r.threshold);
  const sold28 = Number(r.sold28);
  const free = available({ onHand, reserved });
  return {
    variantId: ids.variant(r.variantId),
    productId: ids.product(r.productId),
    locationId: r.locationCode,
    sku: r.sku,
    title: r.title,
    variantTitle: (JSON.parse(r.optionValues) as string[]).join(' / '),
    categoryId: r.categoryId,
    onHand,
    reserved,
    available: free,
    threshold,
    state: stockState(free, threshold),
    sold28,
    daysOfCover: daysOfCover(free, sold28),
    version: Number(r.version),
  };
}

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
  };
}

function likeEscape(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

const AVAILABLE = '("sl"."stockOnHand" - "sl"."stockAllocated")';
const THRESHOLD = '"sl"."customFieldsThreshold"';
const SOLD = '"sl"."customFieldsSold28"';
const STATE = `(CASE WHEN ${AVAILABLE} < 0 THEN 'oversold' WHEN ${AVAILABLE} = 0 THEN 'out' WHEN ${AVAILABLE} <= ${THRESHOLD} THEN 'low' ELSE 'in_stock' END)`;
/**
 * Days of cover in tenths, rounded as stock-rules.ts daysOfCover rounds
 * (Math.round(available × 280 / sold)), in integer arithmetic that SQLite and
 * PostgreSQL do alike: floor((560a + s) / 2s). 0 when nothing is available,
 * null when nothing sold.
 */
const COVER_TENTHS = `(CASE WHEN ${AVAILABLE} <= 0 THEN 0 WHEN ${SOLD} <= 0 THEN NULL ELSE (${AVAILABLE} * ${SALES_WINDOW_DAYS * 20} + ${SOLD}) / (2 * ${SOLD}) END)`;

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

  /** Every level of live variants of live products, with what the list shows, sorts and filters by. */
  private levelQuery(em: EntityManager): SelectQueryBuilder<StockLevel> {
    return em
      .getRepository(StockLevel)
      .createQueryBuilder('sl')
      .innerJoin(ProductVariant, 'v', '"v"."id" = "sl"."productVariantId" AND "v"."deletedAt" IS NULL')
      .innerJoin(VendureProduct, 'p', '"p"."id" = "v"."productId" AND "p"."deletedAt" IS NULL')
      .innerJoin(ProductTranslation, 't', `"t"."baseId" = "p"."id" AND "t"."languageCode" = 'en'`)
      .innerJoin(StockLocation, 'loc', '"loc"."id" = "sl"."stockLocationId" AND "loc"."customFieldsCode" IS NOT NULL')
      .select('"sl"."id"', 'levelId')
      .addSelect('"v"."id"', 'variantId')
      .addSelect('"p"."id"', 'productId')
      .addSelect('"loc"."id"', 'locationId')
      .addSelect('"loc"."customFieldsCode"', 'locationCode')
      .addSelect('"v"."sku"', 'sku')
      .addSelect('"t"."name"', 'title')
      .addSelect('"v"."customFieldsOptionvalues"', 'optionValues')
      .addSelect('"p"."customFieldsCategoryid"', 'categoryId')
      .addSelect('"sl"."stockOnHand"', 'onHand')
      .addSelect('"sl"."stockAllocated"', 'reserved')
      .addSelect(THRESHOLD, 'threshold')
      .addSelect(SOLD, 'sold28')
      .addSelect('"sl"."customFieldsVersion"', 'version');
  }

  async list(query: InventoryListQuery): Promise<{ items: InventoryLevel[]; total: number }> {
    const qb = this.levelQuery(this.db.manager);
    if (query.locationId !== undefined) qb.andWhere('"loc"."customFieldsCode" = :code', { code: query.locationId });
    if (query.variantId !== undefined) qb.andWhere('"v"."id" = :variantId', { variantId: ids.parse('var', query.variantId) ?? -1 });
    if (query.categoryId !== undefined) qb.andWhere('"p"."customFieldsCategoryid" = :categoryId', { categoryId: query.categoryId });
    if (query.state) qb.andWhere(`${STATE} IN (:...states)`, { states: [...query.state] });
    if (query.low) {
      // Running low: available at or under the threshold, or under LOW_COVER_DAYS of cover; archived products never are.
      qb.andWhere(`"p"."customFieldsStatus" != 'archived'`).andWhere(
        `(${AVAILABLE} <= ${THRESHOLD} OR (${COVER_TENTHS} IS NOT NULL AND ${COVER_TENTHS} < ${LOW_COVER_DAYS * 10}))`,
      );
    }
    if (query.q !== undefined) {
      const text = `%${likeEscape(query.q.toLowerCase())}%`;
      qb.andWhere(`(LOWER("v"."sku") LIKE :text ESCAPE '\\' OR "p"."customFieldsTitlekey" LIKE :text ESCAPE '\\')`, { text });
    }
    const total = await qb.getCount();

    // The mock's orders (mocks/inventory-index.ts): ties by SKU then location; a descending sort is the ascending one backwards.
    const desc = query.sort.startsWith('-');
    const key = (desc ? query.sort.slice(1) : query.sort) as InventoryListQuery['sort'] & string;
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
    return { items: rows.map(toLevel), total };
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
      const rows = await this.levelQuery(em).where('"v"."id" IN (:...chunk)', { chunk }).getRawMany<LevelRow>();
      for (const r of rows) out.push({ levelId: Number(r.levelId), locationId: Number(r.locationId), view: toLevel(r) });
    }
    return out;
  }

  /** What a decision needs; `use: 'read'` (a receipt's dry run, outside any transaction) locks nothing. */
  private async snapshot(
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

  /** Saves the decided levels (compare-and-set on the version loaded), appends the ledger rows, records the audit. */
  private async store(
    em: EntityManager,
    actor: Actor,
    action: string,
    loaded: LoadedLevel[],
    locations: (Location & { dbId: number })[],
    decision: StockDecision,
  ): Promise<StockMovement[]> {
    const now = nowDate();
    const at = now.toISOString();
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
          customFields: { threshold: level.threshold, version: level.version },
        })
        .where('id = :id AND customFieldsVersion = :version', { id: before.levelId, version: before.view.version })
        .execute();
      if (cas.affected !== 1) throw new RetryWrite();
    }
    const movements = await appendMovements(em, locations, decision.movements, { id: actor.id, name: actor.name }, at);
    await recordAudit(em, actor, action, now, decision.audit);
    return movements;
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
      return { levels: decision.levels, movements: await this.store(em, actor, 'stock adjusted', loaded, locations, decision) };
    });
  }

  transfer(actor: Actor, input: TransferCommand, idempotency: Idempotency): Promise<StockChangeResult> {
    return this.write(actor, idempotency, async (em) => {
      const { snapshot, loaded, locations } = await this.snapshot(em, { ids: variantIdsOf([input.variantId]) });
      const transferId = newTransferId();
      const decision = decideTransfer(input, snapshot, transferId);
      return { levels: decision.levels, movements: await this.store(em, actor, 'stock transferred', loaded, locations, decision) };
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
      const changed = decision.levels[0];
      if (!changed) throw new Error('A threshold decision changed no level');
      return changed;
    });
  }

  /** A dry run reports every row and changes nothing; otherwise the whole file applies in one transaction, or nothing does. */
  async receive(actor: Actor, input: ReceiptCommand, idempotency: Idempotency | null): Promise<ReceiptResult> {
    const skus = [...new Set(input.rows.map((r) => r.sku.trim().toUpperCase()).filter((s) => s !== ''))];
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
}

/** Contract variant ids → Vendure's; one that is not ours names no variant (the decision answers 404). */
function variantIdsOf(contractIds: string[]): number[] {
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
    });
    const inserted = await repo.insert(record);
    record.id = Number(inserted.identifiers[0]?.id);
    out.push(toMovement(record, d.variantId, d.locationId));
  }
  return out;
}
