/**
 * Orders: the list (one indexed query, the contract's filters and sorts), one
 * order, and the writes. A write loads the order (locked on PostgreSQL) and
 * the levels it may move, lets the shared decision (src/domain/order-decisions)
 * accept or refuse, and saves the order (compare-and-set on its version),
 * the levels and ledger rows, and the audit entry in one transaction.
 */
import { Injectable } from '@nestjs/common';
import { StockLocation, TransactionalConnection } from '@vendure/core';
import { IsNull, Not, type EntityManager } from 'typeorm';
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
import type { Order, OrderList, OrderListQuery, OrderListTotals, OrderSummary } from '#shared/contract/order-schemas';
import { assertAllowed } from '#shared/contract/problems';
import { orderNumberIn } from '#shared/domain/order-rules';
import { codeKey } from '#shared/domain/discount-rules';
import { nextStoreDay, storeDayStartMs } from '#shared/domain/store-time';
import { recordAudit, type Actor } from '../audit/audit.service';
import type { Idempotency } from '#shared/contract/protocol';
import { idempotentWrite, RetryWrite } from '../idempotency';
import { OrderRecord } from './order.entities';
import { loadOrders, saveOrder } from './order-rows';
import { loadOrderLevels, saveOrderLevels, type LoadedLevel } from './order-stock';
import { nowDate } from '../clock';

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

type Action = keyof typeof ORDER_PERMISSIONS;
const AUDIT_ACTIONS: Record<Action, string> = {
  fulfil: 'order fulfilled',
  cancel: 'order cancelled',
  refund: 'order refunded',
  note: 'note added',
};

export type OrderWrite =
  | { action: 'fulfil'; input: FulfilRequest }
  | { action: 'cancel'; input: CancelRequest }
  | { action: 'refund'; input: RefundRequest }
  | { action: 'note'; input: NoteRequest };

@Injectable()
export class OrderService {
  constructor(private connection: TransactionalConnection) {}

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

  /** Loads, decides, saves; the answer is the order as saved (or the stored answer to a repeated Idempotency-Key). */
  async write(actor: Actor, id: string, request: OrderWrite, idempotency: Idempotency | null): Promise<Order> {
    const permission = ORDER_PERMISSIONS[request.action];
    assertAllowed(actor.role, permission);
    const { body } = await idempotentWrite(this.db, actor, idempotency, async (em) => {
      if (em.connection.options.type === 'postgres') {
        // The order row first, then its levels: every order write locks in that order, so two cannot deadlock.
        await em.getRepository(OrderRecord).createQueryBuilder('o').setLock('pessimistic_write').where('o.id = :id', { id }).getOne();
      }
      const order = await this.get(id, em);
      if (!order) throw orderNotFound(id);
      const now = nowDate();
      const context: OrderContext = {
        order,
        actor: { id: actor.id, name: actor.name, role: actor.role },
        now: now.toISOString(),
        locations: await this.locations(em),
        levels: [],
      };
      let loaded: LoadedLevel[] = [];
      const decide = async (locationIds: readonly (string | null)[] | null): Promise<OrderContext> => {
        if (locationIds === null) return context;
        loaded = await loadOrderLevels(em, levelKeys(order, locationIds));
        return { ...context, levels: loaded.map(({ levelId: _levelId, locationDbId: _locationDbId, ...level }) => level) };
      };
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
      }
      if (!(await saveOrder(em, order, decision.order))) throw new RetryWrite();
      await saveOrderLevels(em, loaded, decision.levels, decision.movements, now, actor);
      await recordAudit(em, actor, AUDIT_ACTIONS[request.action], now, decision.audit);
      return { status: 200, body: decision.order };
    });
    return body;
  }
}
