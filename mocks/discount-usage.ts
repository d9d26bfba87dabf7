/**
 * What each discount code did, read from the orders: per code (any case) and
 * store day, the orders placed with it, their revenue (order totals) and the
 * discount they were given; and every order per day, for the average order
 * without a code. Orders never change their code or totals after they are
 * placed (refunds are apart), so one pass over the orders serves the shop's life.
 */
import type { OrderRecord } from '../src/demo-shop/shop-records';
import type { DiscountUsage } from '../src/contract/discount-schemas';
import { codeKey } from '../src/domain/discount-rules';
import { storeDate } from '../src/domain/store-time';
import { compareText } from '../src/domain/compare';

type Sums = DiscountUsage;
const zero = (): Sums => ({ uses: 0, revenue: 0, discountGiven: 0 });

export class DiscountUsageIndex {
  /** Code key → store day → sums. */
  private byCode = new Map<string, Map<string, Sums>>();
  /** Code key → the customers (lower-case emails) who placed an order with it. */
  private customers = new Map<string, Set<string>>();
  /** Store day → every order's count and revenue. */
  private allByDay = new Map<string, { orders: number; revenue: number }>();

  constructor(orders: Iterable<OrderRecord>) {
    for (const order of orders) {
      const day = storeDate(Date.parse(order.placedAt));
      const all = this.allByDay.get(day) ?? { orders: 0, revenue: 0 };
      all.orders += 1;
      all.revenue += order.total;
      this.allByDay.set(day, all);
      if (order.discountCode === null) continue;
      const key = codeKey(order.discountCode);
      let days = this.byCode.get(key);
      if (!days) this.byCode.set(key, (days = new Map()));
      const sums = days.get(day) ?? zero();
      sums.uses += 1;
      sums.revenue += order.total;
      sums.discountGiven += order.discount;
      days.set(day, sums);
      let who = this.customers.get(key);
      if (!who) this.customers.set(key, (who = new Set()));
      who.add(order.customer.email.toLowerCase());
    }
  }

  /** Whether this customer placed an order with the code. */
  usedBy(code: string | null, email: string): boolean {
    return code !== null && (this.customers.get(codeKey(code))?.has(email.toLowerCase()) ?? false);
  }

  /** A code's sums over the shop's life; zero for an automatic offer (no code). */
  total(code: string | null): Sums {
    const sums = zero();
    if (code === null) return sums;
    for (const s of this.byCode.get(codeKey(code))?.values() ?? []) add(sums, s);
    return sums;
  }

  /** A code's days in [from, to] with orders, in order, and what every order did over those days. */
  days(code: string | null, from: string, to: string): { days: (Sums & { date: string })[]; all: { orders: number; revenue: number } } {
    const days = [...((code !== null && this.byCode.get(codeKey(code))) || new Map<string, Sums>())]
      .filter(([date]) => date >= from && date <= to)
      .sort(([a], [b]) => compareText(a, b))
      .map(([date, s]) => ({ date, ...s }));
    const all = { orders: 0, revenue: 0 };
    for (const [date, s] of this.allByDay) {
      if (date < from || date > to) continue;
      all.orders += s.orders;
      all.revenue += s.revenue;
    }
    return { days, all };
  }
}

function add(into: Sums, s: Sums): void {
  into.uses += s.uses;
  into.revenue += s.revenue;
  into.discountGiven += s.discountGiven;
}
