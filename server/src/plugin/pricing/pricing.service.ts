/**
 * Bulk pricing on Vendure: the selection is a query over products (the product
 * list's filters), the decisions are src/domain/price-decisions.ts (which calls
 * src/domain/price-rules.ts), and this service adds storage and transactions:
 * a batch and its price writes, items, history and audit commit together or
 * not at all, under its Idempotency-Key.
 */
import { Injectable } from '@nestjs/common';
import { Logger, Product as VendureProduct, TransactionalConnection } from '@vendure/core';
import type { EntityManager } from 'typeorm';
import {
  batchAudit,
  checkBatchEnd,
  decideBatch,
  decideMoves,
  dueSteps,
  moveBack,
  moveForward,
  newPriceBatchId,
  planPrices,
  previewPageOf,
  priceBatchNotFound,
  revertedBatch,
  revertRefusal,
  SCHEDULER,
  selectedProductIds,
  STEP_ACTIONS,
  stepApplies,
  steppedBatch,
  type HistoryContext,
  type PriceBatchRequest,
  type PriceMove,
  type PricePlan,
  type SelectedVariant,
} from '#shared/domain/price-decisions';
import type {
  PriceBatch,
  PriceBatchItem,
  PriceBatchListQuery,
  PriceChangeInput,
  PriceConflict,
  PriceHistoryQuery,
  PriceSelection,
} from '#shared/contract/pricing-schemas';
import { ProblemError } from '#shared/contract/problems';
import { serialTransaction } from '../serial-writes';
import type { PricePoint } from '#shared/domain/price-rules';
import { recordAudit, type Actor } from '../audit/audit.service';
import { CatalogueService } from '../catalogue/catalogue.service';
import type { Idempotency } from '#shared/contract/protocol';
import { ids } from '../http';
import {
  chunks,
  historyEntryOf,
  insertHistory,
  insertRows,
  isPostgres,
  lockProducts,
  pointOf,
  readVariants,
  writePrices,
  type VariantState,
} from './price-store';
import { PriceBatchItemRecord, PriceBatchRecord, PriceHistoryRecord } from './pricing.entities';
import { nowDate } from '../clock';

/** The schedule acts as the shop itself; the audit needs the role too. */
const SCHEDULE_ACTOR: Actor = { ...SCHEDULER, userId: 0, administratorId: 0 };

function toBatch(r: PriceBatchRecord): PriceBatch {
  return {
    id: r.id,
    label: r.label,
    status: r.status as PriceBatch['status'],
    change: JSON.parse(r.change) as PriceChangeInput,
    createdAt: r.createdAt,
    createdBy: { id: r.createdById, name: r.createdByName },
    startsAt: r.startsAt,
    endsAt: r.endsAt,
    revertedAt: r.revertedAt,
    variantCount: r.variantCount,
    skipped: r.skipped,
    reports: JSON.parse(r.reports) as PriceBatch['reports'],
    version: r.version,
  };
}

function toRecord(b: PriceBatch): PriceBatchRecord {
  return {
    id: b.id,
    label: b.label,
    status: b.status,
    change: JSON.stringify(b.change),
    createdAt: b.createdAt,
    createdById: b.createdBy.id,
    createdByName: b.createdBy.name,
    startsAt: b.startsAt,
    endsAt: b.endsAt,
    revertedAt: b.revertedAt,
    variantCount: b.variantCount,
    skipped: b.skipped,
    reports: JSON.stringify(b.reports),
    version: b.version,
  };
}

function toItem(r: PriceBatchItemRecord): PriceBatchItem {
  return {
    productId: ids.product(r.productId),
    variantId: ids.variant(r.variantId),
    sku: r.sku,
    title: r.title,
    from: { price: r.fromPrice, compareAtPrice: r.fromCompareAt },
    to: { price: r.toPrice, compareAtPrice: r.toCompareAt },
  };
}

function selected(v: VariantState): SelectedVariant {
  return {
    productId: ids.product(v.productId),
    variantId: ids.variant(v.variantId),
    sku: v.sku,
    title: v.title,
    price: v.price,
    compareAtPrice: v.compareAtPrice,
    cost: v.cost,
  };
}

@Injectable()
export class PricingService {
  constructor(
    private connection: TransactionalConnection,
    private catalogue: CatalogueService,
  ) {}

  private get db() {
    return this.connection.rawConnection;
  }

  // ------------------------------------------------------------ selection and plan

  /** The products of a selection, in the contract's order: as chosen, or the filter's matches by title then id. */
  private async selectedProducts(em: EntityManager, selection: PriceSelection): Promise<number[]> {
    if (selection.kind === 'products') {
      const wanted = [...new Set(selection.ids.map((id) => ids.parse('prod', id)).filter((n): n is number => n !== null))];
      const live = new Set<number>();
      for (const part of chunks(wanted)) {
        const rows = await em
          .getRepository(VendureProduct)
          .createQueryBuilder('p')
          .select('p.id', 'id')
          .where('p.id IN (:...part) AND p.deletedAt IS NULL', { part })
          .getRawMany<{ id: number | string }>();
        for (const r of rows) live.add(Number(r.id));
      }
      return selectedProductIds(selection, (id) => live.has(ids.parse('prod', id) ?? -1)).map((id) => ids.parse('prod', id) ?? -1);
    }
    const { kind: _kind, ...filter } = selection;
    const qb = em.getRepository(VendureProduct).createQueryBuilder('p').where('p.deletedAt IS NULL');
    this.catalogue.filter(qb, filter);
    const rows = await qb
      .select('p.id', 'id')
      .orderBy('p.customFields.titleKey', 'ASC')
      .addOrderBy('p.id', 'ASC')
      .getRawMany<{ id: number | string }>();
    return rows.map((r) => Number(r.id));
  }

  /** Every variant of the products, in their order; each product's variants in position order. */
  private async variantsOf(em: EntityManager, productIds: readonly number[]): Promise<VariantState[]> {
    const byProduct = new Map<number, VariantState[]>();
    for (const v of await readVariants(em, { productIds })) {
      const list = byProduct.get(v.productId) ?? [];
      list.push(v);
      byProduct.set(v.productId, list);
    }
    return productIds.flatMap((id) => byProduct.get(id) ?? []);
  }

  private async plan(em: EntityManager, selection: PriceSelection, change: PriceChangeInput, lock: boolean): Promise<PricePlan> {
    const productIds = await this.selectedProducts(em, selection);
    if (lock) await lockProducts(em, productIds);
    return planPrices((await this.variantsOf(em, productIds)).map(selected), change);
  }

  async preview(input: { selection: PriceSelection; change: PriceChangeInput; offset: number; limit: number; flaggedOnly: boolean }) {
    return previewPageOf(await this.plan(this.db.manager, input.selection, input.change, false), input);
  }

  // ------------------------------------------------------------ writes

  /** Moves items whose variants still have the expected price; the rest are conflicts. Writes prices and history. */
  private async move(
    em: EntityManager,
    items: readonly PriceBatchItem[],
    pick: (item: PriceBatchItem) => { expected: PricePoint; target: PricePoint },
    history: HistoryContext,
    now: Date,
  ): Promise<{ changed: number; conflicts: PriceConflict[] }> {
    const variantIds = items.map((i) => ids.parse('var', i.variantId) ?? -1);
    await lockProducts(
      em,
      items.map((i) => ids.parse('prod', i.productId) ?? -1),
    );
    const current = new Map((await readVariants(em, { variantIds })).map((v) => [ids.variant(v.variantId), v]));
    const now_ = (item: PriceBatchItem): PricePoint | undefined => {
      const v = current.get(item.variantId);
      return v && ids.product(v.productId) === item.productId ? pointOf(v) : undefined;
    };
    const { moves, conflicts } = decideMoves(items, now_, pick);
    await this.write(em, moves, current, history, now);
    return { changed: moves.length, conflicts };
  }

  private async write(
    em: EntityManager,
    moves: readonly PriceMove[],
    current: ReadonlyMap<string, VariantState>,
    history: HistoryContext,
    now: Date,
  ) {
    await writePrices(
      em,
      moves.map(({ item, target }) => ({
        productId: ids.parse('prod', item.productId) ?? -1,
        variantId: ids.parse('var', item.variantId) ?? -1,
        to: target,
      })),
      now,
    );
    await insertHistory(
      em,
      moves.map(({ item, target }) => {
        const v = current.get(item.variantId);
        return {
          at: history.at,
          productId: item.productId,
          variantId: item.variantId,
          sku: v?.sku ?? item.sku,
          title: v?.title ?? item.title,
          batchId: history.batch?.id ?? null,
          batchLabel: history.batch?.label ?? null,
          actor: history.actor,
          action: history.action,
          from: v ? pointOf(v) : null,
          to: target,
        };
      }),
    );
  }

  private async insertItems(em: EntityManager, batchId: string, items: readonly PriceBatchItem[]): Promise<void> {
    let position = 0;
    for (const part of chunks(items, 300)) {
      await insertRows(
        em,
        PriceBatchItemRecord,
        part.map((i) => ({
          batchId,
          position: position++,
          productId: ids.parse('prod', i.productId) ?? 0,
          variantId: ids.parse('var', i.variantId) ?? 0,
          sku: i.sku,
          title: i.title,
          fromPrice: i.from.price,
          fromCompareAt: i.from.compareAtPrice,
          toPrice: i.to.price,
          toCompareAt: i.to.compareAtPrice,
        })),
      );
    }
  }

  private async items(em: EntityManager, batchId: string): Promise<PriceBatchItem[]> {
    const rows = await em.getRepository(PriceBatchItemRecord).find({ where: { batchId }, order: { position: 'ASC' } });
    return rows.map(toItem);
  }

  /** Saves the next state of a batch if nobody took the step first (compare-and-set on its version). */
  private async saveBatch(em: EntityManager, next: PriceBatch): Promise<boolean> {
    const { id, version, ...rest } = toRecord(next);
    const result = await em
      .createQueryBuilder()
      .update(PriceBatchRecord)
      .set({ ...rest, version })
      .where('id = :id AND version = :was', { id, was: version - 1 })
      .execute();
    return result.affected === 1;
  }

  private async lockedBatch(em: EntityManager, id: string): Promise<PriceBatchRecord | null> {
    const qb = em.getRepository(PriceBatchRecord).createQueryBuilder('b').where('b.id = :id', { id });
    if (isPostgres(em)) qb.setLock('pessimistic_write');
    return qb.getOne();
  }

  async create(actor: Actor, input: PriceBatchRequest, idempotency: Idempotency): Promise<{ status: number; body: PriceBatch }> {
    return this.catalogue.idempotent<PriceBatch>(actor, idempotency, async (em) => {
      const at = nowDate();
      const now = at.toISOString();
      checkBatchEnd(input, now);
      const { rows } = await this.plan(em, input.selection, input.change, true);
      const { batch, items, scheduled } = decideBatch(rows, input, { id: newPriceBatchId(), now, actor });
      if (!scheduled) {
        // Nothing can have moved since the plan: the same transaction read it (and, on PostgreSQL, locked the products).
        const { changed } = await this.move(em, items, moveForward, { at: now, actor, action: 'bulk price change', batch }, at);
        batch.reports = [{ step: 'start', at: now, changed, conflicts: [] }];
      }
      await em.getRepository(PriceBatchRecord).insert(toRecord(batch));
      await this.insertItems(em, batch.id, items);
      await recordAudit(em, actor, 'bulk price change', at, [batchAudit(batch, scheduled ? 'scheduled' : 'applied', items.length, 0)]);
      return { status: 201, body: batch };
    });
  }

  async revert(actor: Actor, batchId: string, idempotency: Idempotency): Promise<PriceBatch> {
    const result = await this.catalogue.idempotent<PriceBatch>(actor, idempotency, async (em) => {
      const found = await this.lockedBatch(em, batchId);
      if (!found) throw priceBatchNotFound(batchId);
      const batch = toBatch(found);
      const refused = revertRefusal(batch);
      if (refused) throw refused;
      const at = nowDate();
      const now = at.toISOString();
      let changed = 0;
      let conflicts: PriceConflict[] = [];
      if (batch.status === 'applied') {
        const history = { at: now, actor, action: 'price batch reverted', batch: { id: batch.id, label: batch.label } };
        ({ changed, conflicts } = await this.move(em, await this.items(em, batchId), moveBack, history, at));
      }
      const next = revertedBatch(batch, now, changed, conflicts);
      if (!(await this.saveBatch(em, next))) {
        const current = await this.lockedBatch(em, batchId);
        throw (
          (current && revertRefusal(toBatch(current))) ??
          new ProblemError({ status: 409, title: 'This batch changed', detail: 'Try again.' })
        );
      }
      await recordAudit(em, actor, 'price batch reverted', at, [batchAudit(next, 'reverted', changed, conflicts.length)]);
      return { status: 200, body: next };
    });
    return result.body;
  }

  // ------------------------------------------------------------ the schedule

  private settling: Promise<void> | null = null;

  /**
   * Runs the scheduled starts and ends that are due, before a request reads or writes
   * anything (the mock too): one indexed query when nothing is due. Requests
   * arriving meanwhile wait for the same run; another instance taking a step first is
   * seen by the batch's status and version, and the step is skipped here.
   */
  settle(): Promise<void> {
    this.settling ??= this.runDue().finally(() => (this.settling = null));
    return this.settling;
  }

  private async runDue(): Promise<void> {
    const now = nowDate().toISOString();
    const due = await this.db
      .getRepository(PriceBatchRecord)
      .createQueryBuilder('b')
      .where("(b.status = 'scheduled' AND b.startsAt <= :now) OR (b.status = 'applied' AND b.endsAt IS NOT NULL AND b.endsAt <= :now)", {
        now,
      })
      .getMany();
    if (due.length === 0) return;
    for (const step of dueSteps(due.map(toBatch), Date.parse(now))) {
      try {
        await this.runStep(step.batchId, step.step, step.at);
      } catch (error) {
        Logger.error(
          `A scheduled price change could not run: ${error instanceof Error ? error.message : String(error)}`,
          'StockroomPlugin',
        );
      }
    }
  }

  private async runStep(batchId: string, step: 'start' | 'end', at: string): Promise<void> {
    await serialTransaction(this.db, async (em) => {
      const found = await this.lockedBatch(em, batchId);
      if (!found) return;
      const batch = toBatch(found);
      if (!stepApplies(batch, step)) return;
      const written = nowDate();
      const history = {
        at,
        actor: { id: SCHEDULER.id, name: SCHEDULER.name },
        action: STEP_ACTIONS[step],
        batch: { id: batch.id, label: batch.label },
      };
      const { changed, conflicts } = await this.move(
        em,
        await this.items(em, batchId),
        step === 'start' ? moveForward : moveBack,
        history,
        written,
      );
      const next = steppedBatch(batch, step, at, changed, conflicts);
      // Another instance took this step first: roll back what this one did.
      if (!(await this.saveBatch(em, next))) throw new Error(`Batch ${batchId} moved on while its ${step} ran`);
      await recordAudit(em, SCHEDULE_ACTOR, STEP_ACTIONS[step], written, [
        batchAudit(next, step === 'start' ? 'started' : 'ended', changed, conflicts.length),
      ]);
    });
  }

  // ------------------------------------------------------------ reads

  async list(query: PriceBatchListQuery): Promise<{ items: PriceBatch[]; total: number }> {
    const qb = this.db.getRepository(PriceBatchRecord).createQueryBuilder('b');
    if (query.status) qb.where('b.status = :status', { status: query.status });
    // The mock's order: newest first (ties by id, descending); by start, ties newest first.
    if (query.sort === 'createdAt') qb.orderBy('b.createdAt', 'ASC').addOrderBy('b.id', 'ASC');
    else if (query.sort === '-createdAt') qb.orderBy('b.createdAt', 'DESC').addOrderBy('b.id', 'DESC');
    else
      qb.orderBy('b.startsAt', query.sort === 'startsAt' ? 'ASC' : 'DESC')
        .addOrderBy('b.createdAt', 'DESC')
        .addOrderBy('b.id', 'DESC');
    const [rows, total] = await qb.skip(query.offset).take(query.limit).getManyAndCount();
    return { items: rows.map(toBatch), total };
  }

  async get(id: string): Promise<PriceBatch> {
    const row = await this.db.getRepository(PriceBatchRecord).findOneBy({ id });
    if (!row) throw priceBatchNotFound(id);
    return toBatch(row);
  }

  async listItems(id: string, page: { offset: number; limit: number }): Promise<{ items: PriceBatchItem[]; total: number }> {
    await this.get(id);
    const [rows, total] = await this.db
      .getRepository(PriceBatchItemRecord)
      .findAndCount({ where: { batchId: id }, order: { position: 'ASC' }, skip: page.offset, take: page.limit });
    return { items: rows.map(toItem), total };
  }

  /** One variant's history, newest first, by variant id or by the SKU's current owner. */
  async history(query: PriceHistoryQuery) {
    let variantId: number | null = null;
    if (query.variantId !== undefined) variantId = ids.parse('var', query.variantId);
    else if (query.sku !== undefined) variantId = await this.catalogue.variantIdOfSku(query.sku);
    if (variantId === null) return { items: [], total: 0 };
    const [rows, total] = await this.db
      .getRepository(PriceHistoryRecord)
      .findAndCount({ where: { variantId }, order: { id: 'DESC' }, skip: query.offset, take: query.limit });
    return { items: rows.map(historyEntryOf), total };
  }
}
