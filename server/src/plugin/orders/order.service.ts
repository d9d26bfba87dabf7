/**
 * Orders: the list (one indexed query, the contract's filters and sorts), one
 * order, and the writes. A write loads the order (locked on PostgreSQL) and
 * the levels it may move, lets the shared decision (src/domain/order-decisions)
 * accept or refuse, and saves the order (compare-and-set on its version),
 * the levels and ledger rows, and the audit entry in one transaction.
 */
import { Injectable } from '@nestjs/common';
import { ProductVariant, StockLocation, TransactionalConnection } from '@vendure/core';
import { In, IsNull, Not, type EntityManager } from 'typeorm';
import {
  decideCancel,
  decideFulfilment,
  decideNote,
  decideRefund,
  levelKeys,
  ORDER_PERMISSIONS,
  orderNotFound,
  type CancelRequest,
  type FulfilRequest,
  type NoteRequest,
  type OrderContext,
  type OrderDecision,
  type RefundRequest,
} from '#shared/domain/order-decisions';
import {
  decideCloseReturn,
  decideExchange,
  decideOpenReturn,
  decideReceiveReturn,
  decideRefundReturn,
  exchangeLinks,
  RETURN_PERMISSIONS,
  type ExchangeRequest,
  type ReturnCloseRequest,
  type ReturnReceiptRequest,
  type ReturnRefundRequest,
  type ReturnRequest,
  variantSnapshot,
  type VariantSnapshot,
} from '#shared/domain/return-decisions';
import type {
  Order,
  OrderList,
  OrderListQuery,
  OrderListTotals,
  OrderSummary,
  ReturnList,
  ReturnListQuery,
} from '#shared/contract/order-schemas';
import { assertAllowed } from '#shared/contract/problems';
import { ROUTES, type RouteId } from '#shared/contract/routes';
import { orderNumberIn } from '#shared/domain/order-rules';
import { codeKey } from '#shared/domain/discount-rules';
import { nextStoreDay, storeDayStartMs } from '#shared/domain/store-time';
import { recordAudit, type Actor } from '../audit/audit.service';
import type { Idempotency } from '#shared/contract/protocol';
import { idempotentWrite, RetryWrite } from '../idempotency';
import { OrderRecord } from './order.entities';
import { insertOrder, loadOrders, saveOrder } from './order-rows';
import { loadOrderLevels, saveOrderLevels, type LevelKey, type LoadedLevel } from './order-stock';
import { listReturns } from './return-list';
import { nowDate } from '../clock';
import { ids } from '../http';
import { isPostgres } from '../serial-writes';
import { CatalogueService } from '../catalogue/catalogue.service';
import { StaffService } from '../staff/staff.service';
import { recomputeCustomers } from '../customers/customer-rows';

const SEP = '\u0001';
const SORT_COLUMNS = { placedAt: 'o.placedAt', total: 'o.total', customer: 'o.customerKey' } as const;

function summaryOf(r: OrderRecord): OrderSummary {
  return {
    id: r.id,
    number: r.number,
    placedAt: r.placedAt,
    customerName: r.customerName,
    customerEmail: r.customerEmail,
    state: r.state,
    units: r.units,
    total: r.total,
    refunded: r.refunded,
    net: r.net,
    status: r.status as OrderSummary['status'],
    paymentStatus: r.paymentStatus as OrderSummary['paymentStatus'],
    fulfilmentStatus: r.fulfilmentStatus as OrderSummary['fulfilmentStatus'],
    locationId: r.locationId,
    version: r.version,
  };
}

/** SQL sums (strings from PostgreSQL's bigint, null over no rows) as the list's totals; net worked out. */
function totalsOf(sums: Record<string, unknown>): OrderListTotals {
  const n = (v: unknown) => Number(v ?? 0);
  const total = n(sums.total);
  const refunded = n(sums.refunded);
  return {
    orders: n(sums.orders),
    units: n(sums.units),
    subtotal: n(sums.subtotal),
    discount: n(sums.discount),
    shipping: n(sums.shipping),
    tax: n(sums.tax),
    total,
    refunded,
    net: total - refunded,
  };
}

/** What each write needs the actor to be allowed to do (the decision checks it again) and the route whose audit verb it records. */
const ACTIONS = {
  fulfil: { permission: ORDER_PERMISSIONS.fulfil, route: 'orders.fulfil' },
  cancel: { permission: ORDER_PERMISSIONS.cancel, route: 'orders.cancel' },
  refund: { permission: ORDER_PERMISSIONS.refund, route: 'orders.refund' },
  note: { permission: ORDER_PERMISSIONS.note, route: 'orders.note' },
  openReturn: { permission: RETURN_PERMISSIONS.open, route: 'orders.openReturn' },
  receiveReturn: { permission: RETURN_PERMISSIONS.receive, route: 'orders.receiveReturn' },
  refundReturn: { permission: RETURN_PERMISSIONS.refund, route: 'orders.refundReturn' },
  exchangeReturn: { permission: RETURN_PERMISSIONS.exchange, route: 'orders.exchangeReturn' },
  closeReturn: { permission: RETURN_PERMISSIONS.close, route: 'orders.closeReturn' },
} as const satisfies Record<string, { permission: string; route: RouteId }>;

function auditAction(route: (typeof ACTIONS)[keyof typeof ACTIONS]['route']): string {
  return ROUTES[route].audit.action;
}

export type OrderWrite =
  | { action: 'fulfil'; input: FulfilRequest }
  | { action: 'cancel'; input: CancelRequest }
  | { action: 'refund'; input: RefundRequest }
  | { action: 'note'; input: NoteRequest }
  | { action: 'openReturn'; input: ReturnRequest }
  | { action: 'receiveReturn'; returnId: string; input: ReturnReceiptRequest }
  | { action: 'refundReturn'; returnId: string; input: ReturnRefundRequest }
  | { action: 'exchangeReturn'; returnId: string; input: ExchangeRequest }
  | { action: 'closeReturn'; returnId: string; input: ReturnCloseRequest };

/** The key of the PostgreSQL advisory lock that new order numbers are taken under, one at a time shop-wide. */
const ORDER_NUMBER_LOCK = 'stockroom:order-number';

@Injectable()
export class OrderService {
  constructor(
    private connection: TransactionalConnection,
    private catalogue: CatalogueService,
    private staff: StaffService,
  ) {}

  private get db() {
    return this.connection.rawConnection;
  }

  async list(query: OrderListQuery): Promise<OrderList> {
    const qb = this.db.getRepository(OrderRecord).createQueryBuilder('o');
    const instr = this.db.options.type === 'postgres' ? 'strpos' : 'instr';
    const number = query.q === undefined ? null : orderNumberIn(query.q);
    if (number !== null) qb.andWhere('o.number = :number', { number });
    else if (query.q !== undefined) qb.andWhere(`${instr}(o.searchText, :q) > 0`, { q: query.q.toLowerCase() });
    if (query.status) qb.andWhere('o.status IN (:...status)', { status: query.status });
    if (query.paymentStatus) qb.andWhere('o.paymentStatus IN (:...paymentStatus)', { paymentStatus: query.paymentStatus });
    if (query.fulfilmentStatus) qb.andWhere('o.fulfilmentStatus IN (:...fulfilmentStatus)', { fulfilmentStatus: query.fulfilmentStatus });
    // Store days become instants once; ISO strings of one format compare like the times they name.
    if (query.from !== undefined) qb.andWhere('o.placedAt >= :fromIso', { fromIso: new Date(storeDayStartMs(query.from)).toISOString() });
    if (query.to !== undefined)
      qb.andWhere('o.placedAt < :toIso', { toIso: new Date(storeDayStartMs(nextStoreDay(query.to))).toISOString() });
    if (query.state !== undefined) qb.andWhere('o.state = :state', { state: query.state });
    if (query.totalMin !== undefined) qb.andWhere('o.total >= :totalMin', { totalMin: query.totalMin });
    if (query.totalMax !== undefined) qb.andWhere('o.total <= :totalMax', { totalMax: query.totalMax });
    if (query.sku !== undefined) qb.andWhere(`${instr}(o.skuKeys, :sku) > 0`, { sku: SEP + query.sku.toUpperCase() + SEP });
    if (query.discountCode !== undefined) qb.andWhere('o.discountKey = :discountKey', { discountKey: codeKey(query.discountCode) });
    if (query.customerId !== undefined) qb.andWhere('o.customerId = :customerId', { customerId: query.customerId });
    if (number !== null) {
      // An order number finds that order alone, on the first page only (the contract's rule); its totals are its own.
      const hit = await qb.getOne();
      return {
        items: hit && query.offset === 0 ? [summaryOf(hit)] : [],
        total: hit ? 1 : 0,
        totals: hit ? totalsOf({ ...hit, orders: 1 }) : totalsOf({}),
      };
    }
    // Every match's sums in one aggregate over the same WHERE (its COUNT is the list's total), then the page.
    const sums = await qb
      .clone()
      .select('COUNT(*)', 'orders')
      .addSelect('SUM(o.units)', 'units')
      .addSelect('SUM(o.subtotal)', 'subtotal')
      .addSelect('SUM(o.discount)', 'discount')
      .addSelect('SUM(o.shipping)', 'shipping')
      .addSelect('SUM(o.tax)', 'tax')
      .addSelect('SUM(o.total)', 'total')
      .addSelect('SUM(o.refunded)', 'refunded')
      .getRawOne<Record<string, unknown>>();
    const totals = totalsOf(sums ?? {});
    const descending = query.sort.startsWith('-');
    const key = (descending ? query.sort.slice(1) : query.sort) as keyof typeof SORT_COLUMNS;
    const dir = descending ? 'DESC' : 'ASC';
    qb.orderBy(SORT_COLUMNS[key], dir).addOrderBy('o.number', dir).offset(query.offset).limit(query.limit);
    const rows = totals.orders === 0 ? [] : await qb.getMany();
    return { items: rows.map(summaryOf), total: totals.orders, totals };
  }

  async get(id: string, em: EntityManager = this.db.manager): Promise<Order | null> {
    return (await loadOrders(em, [id]))[0] ?? null;
  }

  private async locations(em: EntityManager): Promise<{ id: string; name: string }[]> {
    const rows = await em.getRepository(StockLocation).find({ where: { customFields: { code: Not(IsNull()) } }, order: { id: 'ASC' } });
    return rows.map((l) => ({ id: l.customFields.code ?? '', name: l.name }));
  }

  listReturns(query: ReturnListQuery): Promise<ReturnList> {
    return listReturns(this.db, query);
  }

  /** Everyone in support now (their refunds on an order today count toward support's daily limit); only a support actor needs them. */
  private async supportStaffIds(em: EntityManager, actor: Actor): Promise<Set<string>> {
    if (actor.role !== 'support') return new Set();
    return new Set((await this.staff.list(em)).filter((s) => s.role === 'support').map((s) => s.id));
  }

  /**
   * The order an exchange family started from (the sale first placed): `exchangeFor` is set once, when an
   * exchange places the order, so it is read without a lock.
   */
  private async exchangeRoot(em: EntityManager, id: string): Promise<string> {
    const repo = em.getRepository(OrderRecord);
    for (let at = id, hops = 0; hops < 1_000; hops++) {
      const row = await repo.findOne({ where: { id: at }, select: { id: true, exchangeForOrderId: true } });
      if (!row?.exchangeForOrderId) return at;
      at = row.exchangeForOrderId;
    }
    return id;
  }

  /** The other orders of the order's exchange family (exchangeLinks, walked), whose refunds count toward support's daily limit. */
  private async exchangeFamily(em: EntityManager, order: Order): Promise<Order[]> {
    const seen = new Map<string, Order | null>([[order.id, order]]);
    for (let queue = exchangeLinks(order); queue.length;) {
      const id = queue.shift()!;
      if (seen.has(id)) continue;
      const next = await this.get(id, em);
      seen.set(id, next);
      if (next) queue = [...queue, ...exchangeLinks(next)];
    }
    seen.delete(order.id);
    return [...seen.values()].filter((o): o is Order => o !== null);
  }

  /** The variants an exchange names that exist now, as the decision needs them (the mock's `exchangeReturn` makes the same). */
  private async variants(em: EntityManager, variantIds: readonly string[]): Promise<VariantSnapshot[]> {
    const nums = [...new Set(variantIds.map((v) => ids.parse('var', v)).filter((n): n is number => n !== null))];
    if (nums.length === 0) return [];
    const rows = await em
      .getRepository(ProductVariant)
      .find({ where: { id: In(nums), deletedAt: IsNull() }, select: { id: true, productId: true } });
    const products = await this.catalogue.load(em, [...new Set(rows.map((v) => Number(v.productId)))]);
    return products.flatMap((product) => product.variants.filter((v) => variantIds.includes(v.id)).map((v) => variantSnapshot(product, v)));
  }

  /**
   * The number a new order takes: one more than the shop's highest. On PostgreSQL under an advisory lock held to
   * the end of the transaction, so two instances placing orders at once take turns and the second reads the
   * first's committed number; the unique index on `number` refuses a duplicate whatever happens (the write runs again).
   */
  private async nextNumber(em: EntityManager): Promise<number> {
    if (isPostgres(em.connection)) await em.query('SELECT pg_advisory_xact_lock(hashtext($1))', [ORDER_NUMBER_LOCK]);
    const row = await em
      .getRepository(OrderRecord)
      .createQueryBuilder('o')
      .select('MAX(o.number)', 'highest')
      .getRawOne<{ highest: unknown }>();
    return Math.max(1000, Number(row?.highest ?? 0)) + 1;
  }

  /** Loads, decides, saves; the answer is the order as saved (or the stored answer to a repeated Idempotency-Key). */
  async write(actor: Actor, id: string, request: OrderWrite, idempotency: Idempotency | null): Promise<Order> {
    const { permission, route } = ACTIONS[request.action];
    assertAllowed(actor.role, permission);
    const { body } = await idempotentWrite(this.db, actor, idempotency, async (em) => {
      if (isPostgres(em.connection)) {
        // Its exchange family's first order, then the order row, then its levels, then (an exchange) the order number,
        // then the customer: every order write locks in that order, so two cannot deadlock, and writes to one family
        // (which share support's daily refund limit) take turns across instances.
        const lock = (orderId: string) =>
          em.getRepository(OrderRecord).createQueryBuilder('o').setLock('pessimistic_write').where('o.id = :id', { id: orderId }).getOne();
        const root = await this.exchangeRoot(em, id);
        if (root !== id) await lock(root);
        await lock(id);
      }
      const order = await this.get(id, em);
      if (!order) throw orderNotFound(id);
      const now = nowDate();
      const context: OrderContext = {
        order,
        actor: { id: actor.id, name: actor.name, role: actor.role },
        now: now.toISOString(),
        locations: await this.locations(em),
        supportStaffIds: await this.supportStaffIds(em, actor),
        // Only support's refunds are limited, so only a support actor needs the family's.
        familyRefunds: actor.role === 'support' ? (await this.exchangeFamily(em, order)).flatMap((o) => o.refunds) : [],
        levels: [],
      };
      let loaded: LoadedLevel[] = [];
      const withLevels = async (keys: readonly LevelKey[]): Promise<OrderContext> => {
        loaded = await loadOrderLevels(em, keys);
        return { ...context, levels: loaded.map(({ levelId: _levelId, locationDbId: _locationDbId, ...level }) => level) };
      };
      const decide = (locationIds: readonly (string | null)[] | null): Promise<OrderContext> | OrderContext =>
        locationIds === null ? context : withLevels(levelKeys(order, locationIds));
      let decision: OrderDecision;
      switch (request.action) {
        case 'fulfil':
          decision = decideFulfilment(await decide([request.input.locationId]), request.input);
          break;
        case 'cancel':
          decision = decideCancel(await decide([]), request.input);
          break;
        case 'refund':
          decision = decideRefund(await decide(request.input.restock ? [request.input.locationId] : null), request.input);
          break;
        case 'note':
          decision = decideNote(context, request.input);
          break;
        case 'openReturn':
          decision = decideOpenReturn(context, request.input);
          break;
        case 'receiveReturn':
          decision = decideReceiveReturn(await decide([request.input.locationId]), request.returnId, request.input);
          break;
        case 'refundReturn':
          decision = decideRefundReturn(context, request.returnId, request.input);
          break;
        case 'exchangeReturn': {
          const variants = await this.variants(
            em,
            request.input.lines.map((l) => l.variantId),
          );
          const levelled = await withLevels(variants.map((v) => ({ variantId: v.variantId, locationId: order.locationId })));
          decision = decideExchange({ ...levelled, variants, nextNumber: await this.nextNumber(em) }, request.returnId, request.input);
          break;
        }
        case 'closeReturn':
          decision = decideCloseReturn(context, request.returnId, request.input);
          break;
      }
      if (!(await saveOrder(em, order, decision.order))) throw new RetryWrite();
      if (decision.created) await insertOrder(em, decision.created);
      await saveOrderLevels(em, loaded, decision.levels, decision.movements, now, actor);
      await recordAudit(em, actor, auditAction(route), now, decision.audit);
      // What the customer's orders add up to moved (money back, or an order placed): their row follows, from their orders.
      if (decision.created || decision.order.refunded !== order.refunded || decision.order.total !== order.total)
        await recomputeCustomers(em, [order.customer.id, ...(decision.created ? [decision.created.customer.id] : [])]);
      return { status: 200, body: decision.order };
    });
    return body;
  }
}
