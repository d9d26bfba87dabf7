/**
 * GET /api/returns: every order's returns, one row each (stockroom_order_return, with its order's number and
 * customer joined), filtered and sorted as the mock's (mocks/customer-index.ts `returns`): an order number finds
 * that order's returns, other text the customer's name or email; ties by return id in the sort's direction.
 */
import type { DataSource } from 'typeorm';
import type { ReturnList, ReturnListQuery, ReturnSummary } from '#shared/contract/order-schemas';
import { orderNumberIn } from '#shared/domain/order-rules';
import { OrderRecord, OrderReturnRecord } from './order.entities';

const SEP = '\u0001';

type Row = OrderReturnRecord & { orderNumber: number; customerName: string };

function summaryOf(r: Row): ReturnSummary {
  return {
    id: r.id,
    orderId: r.orderId,
    orderNumber: Number(r.orderNumber),
    customerName: r.customerName,
    status: r.status as ReturnSummary['status'],
    reason: r.reason as ReturnSummary['reason'],
    units: Number(r.units),
    requestedAt: r.requestedAt,
    updatedAt: r.updatedAt,
    refunded: Number(r.refunded),
  };
}

export async function listReturns(db: DataSource, query: ReturnListQuery): Promise<ReturnList> {
  const qb = db.getRepository(OrderReturnRecord).createQueryBuilder('r').innerJoin(OrderRecord, 'o', 'o.id = r.orderId');
  const instr = db.options.type === 'postgres' ? 'strpos' : 'instr';
  const number = query.q === undefined ? null : orderNumberIn(query.q);
  if (number !== null) qb.andWhere('o.number = :number', { number });
  else if (query.q !== undefined) {
    const text = query.q.toLowerCase();
    // The order's searchText is its customer's name and email, lowercase, joined by U+0001.
    if (text.includes(SEP)) qb.andWhere('1 = 0');
    else qb.andWhere(`${instr}(o.searchText, :text) > 0`, { text });
  }
  if (query.status) qb.andWhere('r.status IN (:...status)', { status: query.status });
  if (query.reason) qb.andWhere('r.reason IN (:...reason)', { reason: query.reason });
  const total = await qb.getCount();
  if (total === 0 || query.offset >= total) return { items: [], total };
  const descending = query.sort.startsWith('-');
  const key = descending ? query.sort.slice(1) : query.sort;
  const dir = descending ? 'DESC' : 'ASC';
  const rows = await qb
    .select('r.id', 'id')
    .addSelect('r.orderId', 'orderId')
    .addSelect('o.number', 'orderNumber')
    .addSelect('o.customerName', 'customerName')
    .addSelect('r.status', 'status')
    .addSelect('r.reason', 'reason')
    .addSelect('r.units', 'units')
    .addSelect('r.requestedAt', 'requestedAt')
    .addSelect('r.updatedAt', 'updatedAt')
    .addSelect('r.refunded', 'refunded')
    .orderBy(key === 'requestedAt' ? 'r.requestedAt' : 'r.updatedAt', dir)
    .addOrderBy('r.id', dir)
    .offset(query.offset)
    .limit(query.limit)
    .getRawMany<Row>();
  return { items: rows.map(summaryOf), total };
}
