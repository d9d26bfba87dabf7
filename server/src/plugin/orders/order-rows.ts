/**
 * An Order (the contract's shape) to its rows and back, and the three ways
 * rows are written: the seed's bulk insert, and a write's compare-and-set of
 * the order row plus the children a decision appended. Nothing here decides
 * anything: the money per line and per refund line comes from src/domain/order-rules.
 */
import type { EntityManager } from 'typeorm';
import { In } from 'typeorm';
import { lineTotal, orderMoney, refundedLineAmounts } from '#shared/domain/order-rules';
import { returnSummary } from '#shared/domain/return-decisions';
import { codeKey } from '#shared/domain/discount-rules';
import type { Order, Return } from '#shared/contract/order-schemas';
import { storeDate } from '#shared/domain/store-time';
import { ids } from '../http';
import {
  OrderEventRecord,
  OrderFulfilmentRecord,
  OrderLineRecord,
  OrderNoteRecord,
  OrderRecord,
  OrderRefundLineRecord,
  OrderRefundRecord,
  OrderReturnRecord,
} from './order.entities';

const SEP = '\u0001';

type Rows = {
  order: OrderRecord;
  lines: OrderLineRecord[];
  fulfilments: OrderFulfilmentRecord[];
  refunds: OrderRefundRecord[];
  refundLines: OrderRefundLineRecord[];
  notes: OrderNoteRecord[];
  events: OrderEventRecord[];
  returns: OrderReturnRecord[];
};

/** The order row: the contract's fields and the list's derived columns. */
function orderRow(order: Order): OrderRecord {
  let units = 0;
  let skuKeys = SEP;
  for (const line of order.lines) {
    units += line.quantity;
    skuKeys += line.sku.toUpperCase() + SEP;
  }
  const a = order.shippingAddress;
  return Object.assign(new OrderRecord(), {
    id: order.id,
    number: order.number,
    placedAt: order.placedAt,
    storeDay: storeDate(Date.parse(order.placedAt)),
    customerId: order.customer.id,
    customerName: order.customer.name,
    customerEmail: order.customer.email,
    customerPhone: order.customer.phone,
    customerKey: order.customer.name.toLowerCase(),
    searchText: `${order.customer.name.toLowerCase()}${SEP}${order.customer.email.toLowerCase()}`,
    shipName: a.name,
    shipLine1: a.line1,
    shipLine2: a.line2,
    shipCity: a.city,
    state: a.state,
    shipZip: a.zip,
    locationId: order.locationId,
    discountCode: order.discountCode,
    discountKey: order.discountCode === null ? null : codeKey(order.discountCode),
    ...orderMoney(order),
    units,
    skuKeys,
    status: order.status,
    paymentStatus: order.paymentStatus,
    fulfilmentStatus: order.fulfilmentStatus,
    exchangeForOrderId: order.exchangeFor?.orderId ?? null,
    exchangeForNumber: order.exchangeFor?.number ?? null,
    exchangeForReturnId: order.exchangeFor?.returnId ?? null,
    exchangeForCredit: order.exchangeFor?.credit ?? null,
    balanceDue: order.balanceDue,
    version: order.version,
  });
}

function lineRows(order: Order, storeDay: string): OrderLineRecord[] {
  return order.lines.map((l, position) =>
    Object.assign(new OrderLineRecord(), {
      id: l.id,
      orderId: order.id,
      position,
      variantId: l.variantId,
      productId: l.productId,
      productNum: ids.parse('prod', l.productId) ?? 0,
      variantNum: ids.parse('var', l.variantId) ?? 0,
      sku: l.sku,
      title: l.title,
      variantTitle: l.variantTitle,
      quantity: l.quantity,
      unitPrice: l.unitPrice,
      discount: l.discount,
      tax: l.tax,
      unitCost: l.unitCost,
      fulfilledQuantity: l.fulfilledQuantity,
      cancelledQuantity: l.cancelledQuantity,
      refundedQuantity: l.refundedQuantity,
      revenue: lineTotal(l),
      storeDay,
      state: order.shippingAddress.state,
    }),
  );
}

/** `staffId` maps the people named in the order (the seed's are the mock's `staff_support` …) to this server's ids. */
function rowsOf(order: Order, staffId: (id: string) => string = (id) => id): Rows {
  const row = orderRow(order);
  const state = row.state;
  const refundDays = new Map(order.refunds.map((r) => [r.id, storeDate(Date.parse(r.at))]));
  return {
    order: row,
    lines: lineRows(order, row.storeDay),
    fulfilments: order.fulfilments.map((f, position) =>
      Object.assign(new OrderFulfilmentRecord(), {
        id: f.id,
        orderId: order.id,
        position,
        at: f.at,
        locationId: f.locationId,
        carrier: f.carrier,
        trackingNumber: f.trackingNumber,
        lines: JSON.stringify(f.lines),
        byId: staffId(f.by.id),
        byName: f.by.name,
      }),
    ),
    refunds: order.refunds.map((r, position) =>
      Object.assign(new OrderRefundRecord(), {
        id: r.id,
        orderId: order.id,
        position,
        at: r.at,
        storeDay: refundDays.get(r.id)!,
        state,
        amount: r.amount,
        shipping: r.shipping,
        lines: JSON.stringify(r.lines),
        restock: r.restock,
        locationId: r.locationId,
        reason: r.reason,
        byId: staffId(r.by.id),
        byName: r.by.name,
        returnId: r.returnId,
        toExchange: r.toExchange,
      }),
    ),
    refundLines: refundedLineAmounts(order).map(({ refundId, line, quantity, amount, tax }, part) =>
      Object.assign(new OrderRefundLineRecord(), {
        refundId,
        part,
        orderId: order.id,
        lineId: line.id,
        variantId: line.variantId,
        productId: line.productId,
        productNum: ids.parse('prod', line.productId) ?? 0,
        variantNum: ids.parse('var', line.variantId) ?? 0,
        amount,
        quantity,
        tax,
        storeDay: refundDays.get(refundId)!,
        state,
      }),
    ),
    notes: order.notes.map((n, position) =>
      Object.assign(new OrderNoteRecord(), {
        id: n.id,
        orderId: order.id,
        position,
        at: n.at,
        authorId: staffId(n.author.id),
        authorName: n.author.name,
        text: n.text,
      }),
    ),
    events: order.timeline.map((e, position) =>
      Object.assign(new OrderEventRecord(), {
        id: e.id,
        orderId: order.id,
        position,
        at: e.at,
        type: e.type,
        actorId: e.actor ? staffId(e.actor.id) : null,
        actorName: e.actor?.name ?? null,
        message: e.message,
      }),
    ),
    returns: order.returns.map((r, position) => returnRow(order, r, position, staffId)),
  };
}

/** A return's row: the contract's fields, and the list's status, last step, units and what its refund paid back. */
function returnRow(order: Order, r: Return, position: number, staffId: (id: string) => string): OrderReturnRecord {
  const { units, updatedAt, refunded } = returnSummary(order, r);
  return Object.assign(new OrderReturnRecord(), {
    id: r.id,
    orderId: order.id,
    position,
    status: r.status,
    reason: r.reason,
    note: r.note,
    lines: JSON.stringify(r.lines),
    units,
    requestedAt: r.requestedAt,
    requestedById: staffId(r.requestedBy.id),
    requestedByName: r.requestedBy.name,
    locationId: r.locationId,
    receivedAt: r.receivedAt,
    receivedById: r.receivedBy ? staffId(r.receivedBy.id) : null,
    receivedByName: r.receivedBy?.name ?? null,
    settledAt: r.settledAt,
    settledById: r.settledBy ? staffId(r.settledBy.id) : null,
    settledByName: r.settledBy?.name ?? null,
    refundId: r.refundId,
    closeReason: r.closeReason,
    exchangeOrderId: r.exchangeOrder?.id ?? null,
    exchangeOrderNumber: r.exchangeOrder?.number ?? null,
    updatedAt,
    refunded,
  });
}

const person = (id: string | null, name: string | null) => (id === null ? null : { id, name: name ?? '' });

/** Rows per INSERT: well under SQLite's and PostgreSQL's limits on bound parameters (32,766 / 65,535). */
const CHUNK = 500;

/**
 * Multi-row INSERTs with the entity's column names: TypeORM's insert builder
 * spends most of its time on per-row metadata work (5,000 rows a second here).
 */
export async function insertAll<T extends object>(em: EntityManager, entity: new () => T, rows: readonly T[]): Promise<void> {
  if (rows.length === 0) return;
  const meta = em.connection.getMetadata(entity);
  const pg = em.connection.options.type === 'postgres';
  const columns = meta.columns.map((c) => ({ property: c.propertyName as keyof T, name: c.databaseName }));
  const names = columns.map((c) => `"${c.name}"`).join(', ');
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK);
    const params: unknown[] = [];
    const tuples = chunk.map((row) => {
      const marks = columns.map((c) => {
        const value = row[c.property] as unknown;
        // better-sqlite3 binds no booleans.
        params.push(typeof value === 'boolean' && !pg ? Number(value) : (value ?? null));
        return pg ? `$${params.length}` : '?';
      });
      return `(${marks.join(', ')})`;
    });
    await em.query(`INSERT INTO "${meta.tableName}" (${names}) VALUES ${tuples.join(', ')}`, params);
  }
}

/**
 * The seed: every order with all its rows, table by table, in the caller's
 * transaction. `staffIds` maps the generator's people (src/demo-shop/demo-staff.ts DEMO_STAFF ids) to this server's.
 */
export async function insertOrders(em: EntityManager, orders: readonly Order[], staffIds: ReadonlyMap<string, string>): Promise<number> {
  const all: Rows[] = orders.map((order) => rowsOf(order, (id) => staffIds.get(id) ?? id));
  const tables = [
    [OrderRecord, all.map((r) => r.order)],
    [OrderLineRecord, all.flatMap((r) => r.lines)],
    [OrderFulfilmentRecord, all.flatMap((r) => r.fulfilments)],
    [OrderRefundRecord, all.flatMap((r) => r.refunds)],
    [OrderRefundLineRecord, all.flatMap((r) => r.refundLines)],
    [OrderNoteRecord, all.flatMap((r) => r.notes)],
    [OrderEventRecord, all.flatMap((r) => r.events)],
    [OrderReturnRecord, all.flatMap((r) => r.returns)],
  ] as const;
  let count = 0;
  for (const [entity, rows] of tables) {
    await insertAll(em, entity as new () => object, rows as readonly object[]);
    count += rows.length;
  }
  return count;
}

/**
 * Saves what a decision made of `before`: the order row by compare-and-set on
 * its version (false when another write got there first: nothing is saved),
 * every line (quantities move), and the fulfilments, refunds, notes and events
 * it appended (decisions only ever append those).
 */
export async function saveOrder(em: EntityManager, before: Order, after: Order): Promise<boolean> {
  const next = rowsOf(after);
  const { id, ...fields } = next.order;
  const result = await em
    .createQueryBuilder()
    .update(OrderRecord)
    .set(fields)
    .where('id = :id AND version = :version', { id, version: before.version })
    .execute();
  if (result.affected !== 1) return false;
  for (const [i, line] of next.lines.entries()) {
    const old = before.lines[i];
    if (
      old &&
      old.fulfilledQuantity === line.fulfilledQuantity &&
      old.cancelledQuantity === line.cancelledQuantity &&
      old.refundedQuantity === line.refundedQuantity
    )
      continue;
    await em
      .getRepository(OrderLineRecord)
      .update(
        { id: line.id },
        { fulfilledQuantity: line.fulfilledQuantity, cancelledQuantity: line.cancelledQuantity, refundedQuantity: line.refundedQuantity },
      );
  }
  const beforeRefundLines = refundedLineAmounts(before).length;
  await insertAll(em, OrderFulfilmentRecord, next.fulfilments.slice(before.fulfilments.length));
  await insertAll(em, OrderRefundRecord, next.refunds.slice(before.refunds.length));
  await insertAll(em, OrderRefundLineRecord, next.refundLines.slice(beforeRefundLines));
  await insertAll(em, OrderNoteRecord, next.notes.slice(before.notes.length));
  await insertAll(em, OrderEventRecord, next.events.slice(before.timeline.length));
  // Returns move on in place (received, settled): the new ones are inserted, the changed ones updated.
  await insertAll(em, OrderReturnRecord, next.returns.slice(before.returns.length));
  for (const [i, ret] of before.returns.entries()) {
    const row = next.returns[i];
    if (!row || JSON.stringify(ret) === JSON.stringify(after.returns[i])) continue;
    const { id: returnId, ...changed } = row;
    await em.getRepository(OrderReturnRecord).update({ id: returnId }, changed);
  }
  return true;
}

/** A new order (an exchange's replacement) with all its rows, in the caller's transaction. */
export async function insertOrder(em: EntityManager, order: Order): Promise<void> {
  await insertOrders(em, [order], new Map());
}

/** Orders by id, assembled from their rows (missing ids are left out), in the order asked. */
export async function loadOrders(em: EntityManager, orderIds: readonly string[]): Promise<Order[]> {
  if (orderIds.length === 0) return [];
  const where = { orderId: In([...orderIds]) };
  const order = { orderId: 'ASC', position: 'ASC' } as const;
  // One after another, on purpose: in a write's transaction they share one connection (pg refuses overlapping
  // queries on it), and outside one, six at once would take six pool connections for one order.
  const rows = await em.getRepository(OrderRecord).find({ where: { id: In([...orderIds]) } });
  const lines = await em.getRepository(OrderLineRecord).find({ where, order });
  const fulfilments = await em.getRepository(OrderFulfilmentRecord).find({ where, order });
  const refunds = await em.getRepository(OrderRefundRecord).find({ where, order });
  const notes = await em.getRepository(OrderNoteRecord).find({ where, order });
  const events = await em.getRepository(OrderEventRecord).find({ where, order });
  const returns = await em.getRepository(OrderReturnRecord).find({ where, order });
  const group = <T extends { orderId: string }>(list: T[]) => {
    const by = new Map<string, T[]>();
    for (const item of list) {
      let bucket = by.get(item.orderId);
      if (!bucket) by.set(item.orderId, (bucket = []));
      bucket.push(item);
    }
    return by;
  };
  const [L, F, R, N, E, T] = [group(lines), group(fulfilments), group(refunds), group(notes), group(events), group(returns)];
  const byId = new Map(rows.map((r) => [r.id, r]));
  return orderIds.flatMap((orderId) => {
    const r = byId.get(orderId);
    if (!r) return [];
    const result: Order = {
      id: r.id,
      number: r.number,
      placedAt: r.placedAt,
      customer: { id: r.customerId, name: r.customerName, email: r.customerEmail, phone: r.customerPhone },
      shippingAddress: { name: r.shipName, line1: r.shipLine1, line2: r.shipLine2, city: r.shipCity, state: r.state, zip: r.shipZip },
      locationId: r.locationId,
      lines: (L.get(orderId) ?? []).map((l) => ({
        id: l.id,
        variantId: l.variantId,
        productId: l.productId,
        sku: l.sku,
        title: l.title,
        variantTitle: l.variantTitle,
        quantity: l.quantity,
        unitPrice: l.unitPrice,
        discount: l.discount,
        tax: l.tax,
        unitCost: l.unitCost,
        fulfilledQuantity: l.fulfilledQuantity,
        cancelledQuantity: l.cancelledQuantity,
        refundedQuantity: l.refundedQuantity,
      })),
      discountCode: r.discountCode,
      subtotal: r.subtotal,
      discount: r.discount,
      shipping: r.shipping,
      tax: r.tax,
      total: r.total,
      refunded: r.refunded,
      net: r.net,
      status: r.status as Order['status'],
      paymentStatus: r.paymentStatus as Order['paymentStatus'],
      fulfilmentStatus: r.fulfilmentStatus as Order['fulfilmentStatus'],
      fulfilments: (F.get(orderId) ?? []).map((f) => ({
        id: f.id,
        at: f.at,
        locationId: f.locationId,
        carrier: f.carrier as Order['fulfilments'][number]['carrier'],
        trackingNumber: f.trackingNumber,
        lines: JSON.parse(f.lines) as { lineId: string; quantity: number }[],
        by: { id: f.byId, name: f.byName },
      })),
      refunds: (R.get(orderId) ?? []).map((x) => ({
        id: x.id,
        at: x.at,
        amount: x.amount,
        shipping: x.shipping,
        lines: JSON.parse(x.lines) as { lineId: string; quantity: number }[],
        restock: Boolean(x.restock),
        locationId: x.locationId,
        reason: x.reason,
        by: { id: x.byId, name: x.byName },
        returnId: x.returnId,
        toExchange: x.toExchange,
      })),
      returns: (T.get(orderId) ?? []).map((t) => ({
        id: t.id,
        status: t.status as Return['status'],
        reason: t.reason as Return['reason'],
        note: t.note,
        lines: JSON.parse(t.lines) as Return['lines'],
        requestedAt: t.requestedAt,
        requestedBy: { id: t.requestedById, name: t.requestedByName },
        locationId: t.locationId,
        receivedAt: t.receivedAt,
        receivedBy: person(t.receivedById, t.receivedByName),
        settledAt: t.settledAt,
        settledBy: person(t.settledById, t.settledByName),
        refundId: t.refundId,
        closeReason: t.closeReason,
        exchangeOrder: t.exchangeOrderId === null ? null : { id: t.exchangeOrderId, number: t.exchangeOrderNumber ?? 0 },
      })),
      exchangeFor:
        r.exchangeForOrderId === null
          ? null
          : {
              orderId: r.exchangeForOrderId,
              number: r.exchangeForNumber ?? 0,
              returnId: r.exchangeForReturnId ?? '',
              credit: r.exchangeForCredit ?? 0,
            },
      balanceDue: r.balanceDue,
      notes: (N.get(orderId) ?? []).map((n) => ({ id: n.id, at: n.at, author: { id: n.authorId, name: n.authorName }, text: n.text })),
      timeline: (E.get(orderId) ?? []).map((e) => ({
        id: e.id,
        at: e.at,
        type: e.type as Order['timeline'][number]['type'],
        actor: e.actorId === null ? null : { id: e.actorId, name: e.actorName ?? '' },
        message: e.message,
      })),
      version: r.version,
    };
    return [result];
  });
}
