/**
 * Customers: the list (one indexed query over stockroom_customer, the contract's search, filters and sorts), one
 * customer (the shared `customerOf` over their orders, from the order table's customerId index, with their notes),
 * and a note (the shared `decideCustomerNote`, the customer's row locked on PostgreSQL so notes take turns).
 */
import { Injectable } from '@nestjs/common';
import { TransactionalConnection } from '@vendure/core';
import type { EntityManager } from 'typeorm';
import type { Customer, CustomerList, CustomerListQuery, CustomerSummary } from '#shared/contract/customer-schemas';
import type { Idempotency } from '#shared/contract/protocol';
import { ROUTES } from '#shared/contract/routes';
import { assertAllowed } from '#shared/contract/problems';
import {
  averageCents,
  customerNotFound,
  customerOf,
  customerSearchOf,
  decideCustomerNote,
  type CustomerNoteRequest,
  type CustomerNotes,
} from '#shared/domain/customer-rules';
import { nextStoreDay, storeDayStartMs } from '#shared/domain/store-time';
import { recordAudit, type Actor } from '../audit/audit.service';
import { nowDate } from '../clock';
import { idempotentWrite, RetryWrite } from '../idempotency';
import { loadOrders } from '../orders/order-rows';
import { CustomerNoteRecord, CustomerRecord } from './customer.entities';
import { customerOrderIds, lockCustomerRow } from './customer-rows';

const SEP = '\u0001';
const SORT_COLUMNS = { name: 'c.nameKey', orders: 'c.orders', spent: 'c.spent', lastOrderAt: 'c.lastOrderAt' } as const;
/** The same orders as expressions no index serves (text stays text, numbers numbers). */
const SORTED_EXPRESSIONS = {
  name: "c.nameKey || ''",
  orders: 'c.orders + 0',
  spent: 'c.spent + 0',
  lastOrderAt: "c.lastOrderAt || ''",
} as const;
/** How many matches a list may have before its page is read along the sort's index rather than sorted. */
const SORT_BY_INDEX_OVER = 10_000;

function summaryOf(r: CustomerRecord): CustomerSummary {
  return {
    id: r.id,
    name: r.name,
    email: r.email,
    phone: r.phone,
    state: r.state,
    orders: r.orders,
    spent: r.spent,
    refunded: r.refunded,
    averageOrder: averageCents(r.spent, r.orders),
    firstOrderAt: r.firstOrderAt,
    lastOrderAt: r.lastOrderAt,
  };
}

@Injectable()
export class CustomerService {
  constructor(private connection: TransactionalConnection) {}

  private get db() {
    return this.connection.rawConnection;
  }

  async list(query: CustomerListQuery): Promise<CustomerList> {
    const qb = this.db.getRepository(CustomerRecord).createQueryBuilder('c');
    const instr = this.db.options.type === 'postgres' ? 'strpos' : 'instr';
    if (query.q !== undefined) {
      const search = customerSearchOf(query.q);
      if ('phone' in search) qb.andWhere(`${instr}(c.phoneDigits, :digits) > 0`, { digits: search.phone });
      // Within the name or within the email, never across the two.
      else if (!search.text.includes(SEP)) qb.andWhere(`${instr}(c.searchText, :text) > 0`, { text: search.text });
      else qb.andWhere('1 = 0');
    }
    if (query.state !== undefined) qb.andWhere('c.state = :state', { state: query.state });
    if (query.ordersMin !== undefined) qb.andWhere('c.orders >= :ordersMin', { ordersMin: query.ordersMin });
    if (query.ordersMax !== undefined) qb.andWhere('c.orders <= :ordersMax', { ordersMax: query.ordersMax });
    if (query.spentMin !== undefined) qb.andWhere('c.spent >= :spentMin', { spentMin: query.spentMin });
    if (query.spentMax !== undefined) qb.andWhere('c.spent <= :spentMax', { spentMax: query.spentMax });
    // Store days become instants once; ISO strings of one format compare like the times they name.
    if (query.lastFrom !== undefined)
      qb.andWhere('c.lastOrderAt >= :fromIso', { fromIso: new Date(storeDayStartMs(query.lastFrom)).toISOString() });
    if (query.lastTo !== undefined)
      qb.andWhere('c.lastOrderAt < :toIso', { toIso: new Date(storeDayStartMs(nextStoreDay(query.lastTo))).toISOString() });
    const total = await qb.getCount();
    if (total === 0 || query.offset >= total) return { items: [], total };
    const descending = query.sort.startsWith('-');
    const key = (descending ? query.sort.slice(1) : query.sort) as keyof typeof SORT_COLUMNS;
    const dir = descending ? 'DESC' : 'ASC';
    // Many matches: walk the sort's index, and a page is found within its first rows. Few: walking it would read
    // nearly every row to find them (a search for "gmail" answered nothing in 130 ms at 146,000 customers), so the
    // matches are read where they are and sorted instead (an expression no index serves: 17–32 ms).
    const column = total > SORT_BY_INDEX_OVER ? SORT_COLUMNS[key] : SORTED_EXPRESSIONS[key];
    const rows = await qb.orderBy(column, dir).addOrderBy('c.id', dir).offset(query.offset).limit(query.limit).getMany();
    return { items: rows.map(summaryOf), total };
  }

  async get(id: string, em: EntityManager = this.db.manager): Promise<Customer> {
    // One after another: inside a write they share its one connection.
    const orders = await loadOrders(em, await customerOrderIds(em, id));
    const customer = customerOf(id, orders, await this.notes(em, id));
    if (!customer) throw customerNotFound(id);
    return customer;
  }

  private async notes(em: EntityManager, id: string): Promise<CustomerNotes | undefined> {
    const row = await em.getRepository(CustomerRecord).findOne({ where: { id }, select: { id: true, version: true } });
    if (!row) return undefined;
    const notes = await em.getRepository(CustomerNoteRecord).find({ where: { customerId: id }, order: { position: 'ASC' } });
    return {
      version: row.version,
      notes: notes.map((n) => ({ id: n.id, at: n.at, author: { id: n.authorId, name: n.authorName }, text: n.text })),
    };
  }

  /** A retried note (same Idempotency-Key, when the client sends one) is added once. */
  async note(actor: Actor, id: string, input: CustomerNoteRequest, idempotency: Idempotency | null): Promise<Customer> {
    assertAllowed(actor.role, 'orders.fulfil');
    const { body } = await idempotentWrite(this.db, actor, idempotency, async (em) => {
      const row = await lockCustomerRow(em, id);
      if (!row) throw customerNotFound(id);
      const now = nowDate();
      const stored = await this.notes(em, id);
      const decision = decideCustomerNote(
        {
          customerId: id,
          customerName: row.name,
          stored,
          actor: { id: actor.id, name: actor.name, role: actor.role },
          now: now.toISOString(),
        },
        input,
      );
      const added = decision.stored.notes.slice(stored?.notes.length ?? 0);
      await em.getRepository(CustomerNoteRecord).insert(
        added.map((n, i) => ({
          id: n.id,
          customerId: id,
          position: (stored?.notes.length ?? 0) + i,
          at: n.at,
          authorId: n.author.id,
          authorName: n.author.name,
          text: n.text,
        })),
      );
      const cas = await em
        .createQueryBuilder()
        .update(CustomerRecord)
        .set({ version: decision.stored.version })
        .where('id = :id AND version = :version', { id, version: row.version })
        .execute();
      if (cas.affected !== 1) throw new RetryWrite();
      await recordAudit(em, actor, ROUTES['customers.note'].audit.action, now, [decision.audit]);
      return { status: 200, body: await this.get(id, em) };
    });
    return body;
  }
}
