/**
 * Purchase orders (issue 22): the shared decisions of src/domain/purchase-decisions.ts, stored in
 * stockroom_purchase_order (the document as JSON, the columns the list filters on) and its lines
 * (stockroom_purchase_order_line, carrying the order's status: what is on order is their SQL sum). Every write goes
 * through `idempotentWrite`; on PostgreSQL it locks the order's row (FOR UPDATE) before its levels, and saves it by
 * compare-and-set on its version. Numbers are shop-wide from 1001, taken under an advisory lock on PostgreSQL (the
 * unique index on `number` refuses a duplicate whatever happens; the write then runs again). A receipt moves levels
 * through inventory's own locked, compare-and-set path, with `received` ledger rows naming the order.
 */
import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Product as VendureProduct, ProductTranslation, ProductVariant, TransactionalConnection } from '@vendure/core';
import type { EntityManager } from 'typeorm';
import type { Idempotency } from '#shared/contract/protocol';
import type { PurchaseOrder, PurchaseOrderListQuery, PurchaseOrderSummary } from '#shared/contract/replenishment-schemas';
import type { ReceiptResult } from '#shared/contract/stock-schemas';
import { ROUTES } from '#shared/contract/routes';
import {
  decideClosePurchaseOrder,
  decideCreatePurchaseOrder,
  decidePurchaseReceipt,
  decideReceiptAgainstPurchase,
  decideReorderDrafts,
  decideSendPurchaseOrder,
  decideUpdatePurchaseOrder,
  OPEN_STATUSES,
  parsePoNumber,
  poLabel,
  purchaseOrderNotFound,
  purchaseSummary,
  type PurchaseCloseCommand,
  type PurchaseContext,
  type PurchaseDecision,
  type PurchaseOrderCommand,
  type PurchaseOrderUpdateCommand,
  type PurchaseReceiptCommand,
  type PurchaseVariant,
  type ReorderDraftCommand,
} from '#shared/domain/purchase-decisions';
import { receiptKeyRequired, type ReceiptCommand, type StockDecision } from '#shared/domain/stock-decisions';
import { storeDate } from '#shared/domain/store-time';
import { recordAudit, type Actor } from '../audit/audit.service';
import { clock, nowDate } from '../clock';
import { ids } from '../http';
import { idempotentWrite, RetryWrite, type Answer } from '../idempotency';
import { isPostgres } from '../serial-writes';
import { InventoryService, receiptSkus, variantIdsOf } from '../inventory/inventory.service';
import { watchLevels } from './level-alerts';
import { PurchaseOrderLineRecord, PurchaseOrderRecord, VariantSupplyRecord } from './replenishment.entities';
import { allSuppliers } from './supplier.service';

/** The key of the PostgreSQL advisory lock that purchase order numbers are taken under, one at a time shop-wide. */
const PO_NUMBER_LOCK = 'stockroom:purchase-order-number';
const FIRST_NUMBER = 1001;

const newId = (prefix: string, length = 12) => `${prefix}_${randomUUID().replaceAll('-', '').slice(0, length)}`;

export const storeToday = (): string => storeDate(clock());

@Injectable()
export class PurchaseOrderService {
  constructor(
    private connection: TransactionalConnection,
    private inventory: InventoryService,
  ) {}

  private get db() {
    return this.connection.rawConnection;
  }

  // ------------------------------------------------------------ reads

  async list(query: PurchaseOrderListQuery): Promise<{ items: PurchaseOrderSummary[]; total: number }> {
    const today = storeToday();
    const qb = this.db.getRepository(PurchaseOrderRecord).createQueryBuilder('po');
    if (query.status) qb.andWhere('po.status IN (:...status)', { status: [...query.status] });
    if (query.supplierId !== undefined) qb.andWhere('po.supplierId = :supplierId', { supplierId: query.supplierId });
    if (query.locationId !== undefined) qb.andWhere('po.locationId = :locationId', { locationId: query.locationId });
    const overdue = `(po.status IN (:...open) AND po.expectedOn IS NOT NULL AND po.expectedOn < :today)`;
    if (query.overdue === true) qb.andWhere(overdue, { open: [...OPEN_STATUSES], today });
    if (query.overdue === false) qb.andWhere(`NOT ${overdue}`, { open: [...OPEN_STATUSES], today });
    if (query.variantId !== undefined) {
      qb.andWhere(
        `EXISTS (SELECT 1 FROM "stockroom_purchase_order_line" "l" WHERE "l"."purchaseOrderId" = "po"."id" AND "l"."variantId" = :variantNum)`,
        { variantNum: ids.parse('var', query.variantId) ?? -1 },
      );
    }
    // Newest first: numbers are taken in the order orders are made.
    qb.orderBy('po.number', 'DESC').skip(query.offset).take(query.limit);
    const [rows, total] = await qb.getManyAndCount();
    return { items: rows.map((r) => purchaseSummary(documentOf(r), today)), total };
  }

  async get(id: string): Promise<PurchaseOrder> {
    const row = await this.db.getRepository(PurchaseOrderRecord).findOneBy({ id });
    if (!row) throw purchaseOrderNotFound(id);
    return documentOf(row);
  }

  // ------------------------------------------------------------ loading for a write

  /** The order, locked FOR UPDATE on PostgreSQL until the transaction ends; 404 when there is none. */
  private async load(
    em: EntityManager,
    where: { id: string } | { number: number },
    lock = true,
  ): Promise<{ po: PurchaseOrder; row: PurchaseOrderRecord } | null> {
    const qb = em.getRepository(PurchaseOrderRecord).createQueryBuilder('po');
    if ('id' in where) qb.where('po.id = :id', { id: where.id });
    else qb.where('po.number = :number', { number: where.number });
    if (lock && isPostgres(em.connection)) qb.setLock('pessimistic_write');
    const row = await qb.getOne();
    return row ? { po: documentOf(row), row } : null;
  }

  private async loadOr404(em: EntityManager, id: string): Promise<PurchaseOrder> {
    const found = await this.load(em, { id });
    if (!found) throw purchaseOrderNotFound(id);
    return found.po;
  }

  /** The variants named, as a purchase order needs them: cost, supplier and supplier SKU. */
  private async variants(em: EntityManager, contractIds: readonly string[]): Promise<PurchaseVariant[]> {
    const nums = variantIdsOf([...new Set(contractIds)]);
    const out: PurchaseVariant[] = [];
    for (let i = 0; i < nums.length; i += 500) {
      const chunk = nums.slice(i, i + 500);
      const rows = await em
        .getRepository(ProductVariant)
        .createQueryBuilder('v')
        .innerJoin(VendureProduct, 'p', '"p"."id" = "v"."productId" AND "p"."deletedAt" IS NULL')
        .innerJoin(ProductTranslation, 't', `"t"."baseId" = "p"."id" AND "t"."languageCode" = 'en'`)
        .leftJoin(VariantSupplyRecord, 'vs', '"vs"."variantId" = "v"."id"')
        .select('"v"."id"', 'id')
        .addSelect('"p"."id"', 'productId')
        .addSelect('"v"."sku"', 'sku')
        .addSelect('"t"."name"', 'title')
        .addSelect('"v"."customFieldsOptionvalues"', 'optionValues')
        .addSelect('"v"."customFieldsCost"', 'cost')
        .addSelect('"vs"."supplierId"', 'supplierId')
        .addSelect('"vs"."supplierSku"', 'supplierSku')
        .where('"v"."id" IN (:...chunk) AND "v"."deletedAt" IS NULL', { chunk })
        .getRawMany<Record<string, string | number | null>>();
      for (const r of rows) {
        out.push({
          id: ids.variant(r.id!),
          productId: ids.product(r.productId!),
          sku: String(r.sku),
          title: String(r.title),
          optionValues: JSON.parse(String(r.optionValues)) as string[],
          cost: r.cost === null || r.cost === undefined ? null : Number(r.cost),
          supplierId: r.supplierId === null || r.supplierId === undefined ? null : String(r.supplierId),
          supplierSku: r.supplierSku === null || r.supplierSku === undefined ? '' : String(r.supplierSku),
        });
      }
    }
    return out;
  }

  private async context(em: EntityManager, actor: Actor, variantIds: readonly string[]): Promise<PurchaseContext> {
    const locations = await this.inventory.locations(em);
    return {
      actor: { id: actor.id, name: actor.name },
      now: nowDate().toISOString(),
      today: storeToday(),
      suppliers: await allSuppliers(em),
      locations: locations.map(({ id, name }) => ({ id, name })),
      variants: await this.variants(em, variantIds),
      newLineId: () => newId('pol'),
    };
  }

  /** One more than the shop's highest number (1001 for the first); on PostgreSQL one instance at a time. */
  private async nextNumber(em: EntityManager): Promise<number> {
    if (isPostgres(em.connection)) await em.query('SELECT pg_advisory_xact_lock(hashtext($1))', [PO_NUMBER_LOCK]);
    const row = await em
      .getRepository(PurchaseOrderRecord)
      .createQueryBuilder('po')
      .select('MAX(po.number)', 'highest')
      .getRawOne<{ highest: unknown }>();
    return Math.max(FIRST_NUMBER - 1, Number(row?.highest ?? 0)) + 1;
  }

  // ------------------------------------------------------------ storing

  /** The order's lines as rows: replaced whole, each with the order's status and location. */
  private async saveLines(em: EntityManager, po: PurchaseOrder): Promise<void> {
    const locations = await this.inventory.locations(em);
    const locationDbId = locations.find((l) => l.id === po.locationId)?.dbId;
    if (locationDbId === undefined) throw new Error(`No location ${po.locationId} for ${poLabel(po.number)}`);
    const repo = em.getRepository(PurchaseOrderLineRecord);
    await repo.delete({ purchaseOrderId: po.id });
    if (po.lines.length === 0) return;
    const rows = lineRows(po, locationDbId);
    for (let i = 0; i < rows.length; i += 200) await repo.insert(rows.slice(i, i + 200));
  }

  private async insert(em: EntityManager, po: PurchaseOrder): Promise<void> {
    await em.getRepository(PurchaseOrderRecord).insert(recordOf(po));
    await this.saveLines(em, po);
  }

  /** Compare-and-set on the version loaded: an order that moved since runs the whole write again. */
  private async save(em: EntityManager, before: PurchaseOrder, after: PurchaseOrder): Promise<void> {
    const { id: _id, ...columns } = recordOf(after);
    const cas = await em
      .createQueryBuilder()
      .update(PurchaseOrderRecord)
      .set(columns)
      .where('id = :id AND version = :version', { id: before.id, version: before.version })
      .execute();
    if (cas.affected !== 1) throw new RetryWrite();
    await this.saveLines(em, after);
  }

  private async audit(em: EntityManager, actor: Actor, route: keyof typeof ROUTES, decision: PurchaseDecision): Promise<void> {
    const spec = ROUTES[route] as { audit?: { action: string } };
    await recordAudit(em, actor, spec.audit?.action ?? route, nowDate(), decision.audit);
  }

  // ------------------------------------------------------------ writes

  create(actor: Actor, input: PurchaseOrderCommand, idempotency: Idempotency): Promise<Answer<PurchaseOrder>> {
    return idempotentWrite(this.db, actor, idempotency, async (em) => {
      const ctx = await this.context(
        em,
        actor,
        input.lines.map((l) => l.variantId),
      );
      const decision = decideCreatePurchaseOrder(input, ctx, { id: newId('po'), number: await this.nextNumber(em) });
      await this.insert(em, decision.purchaseOrder);
      await this.audit(em, actor, 'purchaseOrders.create', decision);
      return { status: 201, body: decision.purchaseOrder };
    });
  }

  fromReorder(actor: Actor, input: ReorderDraftCommand, idempotency: Idempotency): Promise<Answer<{ purchaseOrders: PurchaseOrder[] }>> {
    return idempotentWrite(this.db, actor, idempotency, async (em) => {
      const ctx = await this.context(
        em,
        actor,
        input.items.map((i) => i.variantId),
      );
      let next = await this.nextNumber(em);
      const decisions = decideReorderDrafts(input, ctx, () => ({ id: newId('po'), number: next++ }));
      for (const d of decisions) {
        await this.insert(em, d.purchaseOrder);
        await this.audit(em, actor, 'purchaseOrders.fromReorder', d);
      }
      return { status: 201, body: { purchaseOrders: decisions.map((d) => d.purchaseOrder) } };
    });
  }

  async update(
    actor: Actor,
    id: string,
    version: number,
    input: PurchaseOrderUpdateCommand,
    idempotency: Idempotency,
  ): Promise<PurchaseOrder> {
    const { body } = await idempotentWrite(this.db, actor, idempotency, async (em) => {
      const po = await this.loadOr404(em, id);
      const decision = decideUpdatePurchaseOrder(
        po,
        version,
        input,
        await this.context(
          em,
          actor,
          input.lines.map((l) => l.variantId),
        ),
      );
      await this.save(em, po, decision.purchaseOrder);
      await this.audit(em, actor, 'purchaseOrders.update', decision);
      return { status: 200, body: decision.purchaseOrder };
    });
    return body;
  }

  /** Sending and closing change what is on order at the order's levels: alerts are watched around them. */
  private async statusWrite(
    actor: Actor,
    id: string,
    idempotency: Idempotency,
    route: 'purchaseOrders.send' | 'purchaseOrders.close',
    decide: (po: PurchaseOrder, ctx: PurchaseContext) => PurchaseDecision,
  ): Promise<PurchaseOrder> {
    const { body } = await idempotentWrite(this.db, actor, idempotency, async (em) => {
      const po = await this.loadOr404(em, id);
      const decision = decide(po, await this.context(em, actor, []));
      const variantNums = variantIdsOf(po.lines.map((l) => l.variantId));
      // What is on order moves when the order opens (sent) or stops being open (closed, cancelled): its levels are locked
      // (PostgreSQL) as a level write locks them, so the alerts of one level are decided one write at a time.
      const moves = OPEN_STATUSES.includes(po.status) || OPEN_STATUSES.includes(decision.purchaseOrder.status);
      if (moves) await this.inventory.snapshot(em, { ids: variantNums });
      const watch = await watchLevels(em, moves ? variantNums : []);
      await this.save(em, po, decision.purchaseOrder);
      await this.audit(em, actor, route, decision);
      await watch.raise(nowDate().toISOString());
      return { status: 200, body: decision.purchaseOrder };
    });
    return body;
  }

  send(actor: Actor, id: string, version: number, idempotency: Idempotency): Promise<PurchaseOrder> {
    return this.statusWrite(actor, id, idempotency, 'purchaseOrders.send', (po, ctx) => decideSendPurchaseOrder(po, version, ctx));
  }

  close(actor: Actor, id: string, version: number, input: PurchaseCloseCommand, idempotency: Idempotency): Promise<PurchaseOrder> {
    return this.statusWrite(actor, id, idempotency, 'purchaseOrders.close', (po, ctx) => decideClosePurchaseOrder(po, version, input, ctx));
  }

  /** A receipt decided on a loaded (locked) order: the order saved, its levels moved through inventory's store, alerts raised. */
  private async storeReceipt(
    em: EntityManager,
    actor: Actor,
    po: PurchaseOrder,
    decision: PurchaseDecision & Pick<StockDecision, 'levels' | 'movements'>,
    stock: Awaited<ReturnType<InventoryService['snapshot']>>,
    action: string,
  ): Promise<void> {
    const watch = await watchLevels(em, variantIdsOf(po.lines.map((l) => l.variantId)));
    await this.save(em, po, decision.purchaseOrder);
    await this.inventory.store(
      em,
      actor,
      action,
      stock.loaded,
      stock.locations,
      { levels: decision.levels, movements: decision.movements },
      watch,
    );
    await recordAudit(em, actor, action, nowDate(), decision.audit);
    await watch.raise(nowDate().toISOString());
  }

  async receive(
    actor: Actor,
    id: string,
    version: number,
    input: PurchaseReceiptCommand,
    idempotency: Idempotency,
  ): Promise<PurchaseOrder> {
    const { body } = await idempotentWrite(this.db, actor, idempotency, async (em) => {
      const po = await this.loadOr404(em, id);
      const stock = await this.inventory.snapshot(em, { ids: variantIdsOf(po.lines.map((l) => l.variantId)) });
      const ctx = { ...(await this.context(em, actor, [])), receiptId: newId('rcp') };
      const decision = decidePurchaseReceipt(po, version, input, stock.snapshot, ctx);
      await this.storeReceipt(em, actor, po, decision, stock, ROUTES['purchaseOrders.receive'].audit.action);
      return { status: 200, body: decision.purchaseOrder };
    });
    return body;
  }

  /**
   * A CSV delivery naming a purchase order (POST /api/inventory/receipts with `purchaseOrder`), as that order's
   * receipt at its version (decideReceiptAgainstPurchase): a wrong row is 422 beside `rows.<i>.<column>`, a dry run
   * reports them all and changes nothing.
   */
  async receiveDelivery(
    actor: Actor,
    input: ReceiptCommand & { purchaseOrder: string },
    idempotency: Idempotency | null,
  ): Promise<ReceiptResult> {
    const number = parsePoNumber(input.purchaseOrder);
    if (input.dryRun) {
      const em = this.db.manager;
      const po = number === null ? undefined : (await this.load(em, { number }, false))?.po;
      const { snapshot } = await this.inventory.snapshot(em, { skus: receiptSkus(input) }, 'read');
      const ctx = { ...(await this.context(em, actor, [])), receiptId: '' };
      return decideReceiptAgainstPurchase(input, po, snapshot, ctx).result;
    }
    if (!idempotency) throw receiptKeyRequired();
    const { body } = await idempotentWrite(this.db, actor, idempotency, async (em) => {
      const po = number === null ? undefined : (await this.load(em, { number }))?.po;
      // The levels of every variant the rows name (those on the order among them), locked.
      const stock = await this.inventory.snapshot(em, { skus: receiptSkus(input) });
      const ctx = { ...(await this.context(em, actor, [])), receiptId: newId('rcp') };
      const { result, decision } = decideReceiptAgainstPurchase(input, po, stock.snapshot, ctx);
      if (decision && po) await this.storeReceipt(em, actor, po, decision, stock, ROUTES['inventory.receive'].audit.action);
      return { status: 200, body: result };
    });
    return body;
  }
}

/**
 * The seeded purchase orders (src/demo-shop/purchase-seed.ts) into a fresh database, as the mock holds them: each
 * order's row and its lines' rows. `locationDbId` is the StockLocation id of a contract location id.
 */
export async function insertSeededPurchaseOrders(
  em: EntityManager,
  orders: readonly PurchaseOrder[],
  locationDbId: (locationId: string) => number,
): Promise<void> {
  if (orders.length === 0) return;
  await em.getRepository(PurchaseOrderRecord).insert(orders.map(recordOf));
  const lines = orders.flatMap((po) => lineRows(po, locationDbId(po.locationId)));
  if (lines.length) await em.getRepository(PurchaseOrderLineRecord).insert(lines);
}

function lineRows(po: PurchaseOrder, locationDbId: number): PurchaseOrderLineRecord[] {
  return po.lines.map((l) => ({
    id: l.id,
    purchaseOrderId: po.id,
    variantId: ids.parse('var', l.variantId) ?? 0,
    locationId: locationDbId,
    quantity: l.quantity,
    received: l.received,
    status: po.status,
  }));
}

function documentOf(r: PurchaseOrderRecord): PurchaseOrder {
  return JSON.parse(r.document) as PurchaseOrder;
}

function recordOf(po: PurchaseOrder): PurchaseOrderRecord {
  return {
    id: po.id,
    number: po.number,
    status: po.status,
    supplierId: po.supplierId,
    locationId: po.locationId,
    createdAt: po.createdAt,
    expectedOn: po.expectedOn,
    version: po.version,
    document: JSON.stringify(po),
  };
}
