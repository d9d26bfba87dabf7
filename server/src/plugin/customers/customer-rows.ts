/**
 * A customer's list row, made from their orders by the shared `customerSummary` (src/domain/customer-rules.ts):
 * for every customer at the seed, and again for one customer inside every order write that changes what their
 * orders add up to (a refund, a cancellation that refunds, an exchange that places an order). Recomputed from
 * their orders, never incremented, so a row is right whatever wrote before it.
 */
import type { EntityManager } from 'typeorm';
import type { CustomerSummary } from '#shared/contract/customer-schemas';
import type { Order } from '#shared/contract/order-schemas';
import { customerSummary, phoneDigits } from '#shared/domain/customer-rules';
import { isPostgres } from '../serial-writes';
import { OrderRecord } from '../orders/order.entities';
import { loadOrders } from '../orders/order-rows';
import { CustomerRecord } from './customer.entities';

const SEP = '\u0001';

/** The row of a summary; `version` counts the customer's notes (1 with none). */
export function customerRow(summary: CustomerSummary, version: number): CustomerRecord {
  return Object.assign(new CustomerRecord(), {
    id: summary.id,
    name: summary.name,
    email: summary.email,
    phone: summary.phone,
    state: summary.state,
    nameKey: summary.name.toLowerCase(),
    searchText: `${summary.name.toLowerCase()}${SEP}${summary.email.toLowerCase()}`,
    phoneDigits: phoneDigits(summary.phone),
    orders: summary.orders,
    spent: summary.spent,
    refunded: summary.refunded,
    firstOrderAt: summary.firstOrderAt,
    lastOrderAt: summary.lastOrderAt,
    version,
  });
}

/** The seed: every customer of `orders`, in the order of their ids. */
export function customerRows(orders: readonly Order[]): CustomerRecord[] {
  const grouped = new Map<string, Order[]>();
  for (const order of orders) {
    const list = grouped.get(order.customer.id);
    if (list) list.push(order);
    else grouped.set(order.customer.id, [order]);
  }
  return [...grouped.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .flatMap(([id, list]) => {
      const summary = customerSummary(id, list);
      return summary ? [customerRow(summary, 1)] : [];
    });
}

/** The ids of a customer's orders (from the customerId index), the oldest first. */
export async function customerOrderIds(em: EntityManager, customerId: string): Promise<string[]> {
  const rows = await em
    .getRepository(OrderRecord)
    .createQueryBuilder('o')
    .select('o.id', 'id')
    .where('o.customerId = :customerId', { customerId })
    .orderBy('o.number', 'ASC')
    .getRawMany<{ id: string }>();
  return rows.map((r) => r.id);
}

/** A customer's row, locked to the end of the transaction on PostgreSQL (notes and recomputes take turns); null when there is none. */
export async function lockCustomerRow(em: EntityManager, id: string): Promise<CustomerRecord | null> {
  const query = em.getRepository(CustomerRecord).createQueryBuilder('c').where('c.id = :id', { id });
  return (isPostgres(em.connection) ? query.setLock('pessimistic_write') : query).getOne();
}

/**
 * Makes each customer's row again from their orders as this transaction sees them. On PostgreSQL the row is
 * locked first: two writes on two orders of one customer then recompute one after the other, the second reading
 * the first's committed order (READ COMMITTED reads afresh per statement). Every order write locks its order row
 * (and levels) before this, and nothing locks an order after a customer, so the order of locks is always the same.
 */
export async function recomputeCustomers(em: EntityManager, customerIds: readonly string[]): Promise<void> {
  for (const id of [...new Set(customerIds)].filter(Boolean).sort()) {
    const repo = em.getRepository(CustomerRecord);
    const stored = await lockCustomerRow(em, id);
    const summary = customerSummary(id, await loadOrders(em, await customerOrderIds(em, id)));
    if (!summary) continue;
    const row = customerRow(summary, stored?.version ?? 1);
    if (stored) {
      const { id: _id, version: _version, ...fields } = row;
      await repo.update({ id }, fields);
    } else await repo.insert(row);
  }
}
