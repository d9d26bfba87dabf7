/**
 * Replenishment's arithmetic, as plain functions both backends call (the
 * server's SQL for the reorder view says the same in integers; its comments
 * point here). Units, not money: whole numbers throughout, and a suggested
 * quantity is rounded up, never down, so a suggestion never leaves a level short.
 *
 * - rate of sale: units sold at the level over the last SALES_WINDOW_DAYS (28), per day;
 * - position: available + on order + in transit, what will be on the shelf
 *   when everything already ordered has come in;
 * - suggested reorder point: the units sold during the supplier's lead time
 *   plus the safety days, ⌈sold28 × (lead + safety) ÷ 28⌉;
 * - suggested reorder quantity: REORDER_COVER_DAYS of sales, ⌈sold28 × 28 ÷ 28⌉;
 * - a level is due when its position is at or under its point and it has a
 *   quantity to order (a level that sells nothing and has no quantity set by
 *   hand is never due: there is no rate to order for);
 * - the quantity to order is the least whole number of reorder quantities
 *   that lifts the position above the point;
 * - reorder-by: the store day the cover runs out (today + ⌊position ÷ rate⌋),
 *   less the lead time; today when nothing sells (a point set by hand was reached).
 */
import { REORDER_COVER_DAYS, SALES_WINDOW_DAYS, type AlertKind } from '../contract/constants';

/** ⌈a ÷ b⌉ for a ≥ 0, b > 0, in integers. */
export const ceilDiv = (a: number, b: number): number => Math.floor((a + b - 1) / b);

export type ReorderFacts = {
  available: number;
  onOrder: number;
  inTransit: number;
  sold28: number;
  /** Set by hand, or null for the suggestion. */
  reorderPoint: number | null;
  reorderQuantity: number | null;
  safetyDays: number;
  /** The supplier's; a variant nobody supplies counts with DEFAULT_LEAD_TIME_DAYS. */
  leadTimeDays: number;
};

/** A variant nobody supplies yet: its point is worked out as if a two-week supplier delivered it. */
export const DEFAULT_LEAD_TIME_DAYS = 14;

export function position(f: Pick<ReorderFacts, 'available' | 'onOrder' | 'inTransit'>): number {
  return f.available + f.onOrder + f.inTransit;
}

export function suggestedPoint(sold28: number, leadTimeDays: number, safetyDays: number): number {
  return sold28 <= 0 ? 0 : ceilDiv(sold28 * (leadTimeDays + safetyDays), SALES_WINDOW_DAYS);
}

export function suggestedQuantity(sold28: number): number {
  return sold28 <= 0 ? 0 : ceilDiv(sold28 * REORDER_COVER_DAYS, SALES_WINDOW_DAYS);
}

export type ReorderPlan = {
  position: number;
  reorderPoint: number;
  reorderQuantity: number;
  /** 0 when the level is not due. */
  toOrder: number;
  due: boolean;
};

export function reorderPlan(f: ReorderFacts): ReorderPlan {
  const pos = position(f);
  const point = f.reorderPoint ?? suggestedPoint(f.sold28, f.leadTimeDays, f.safetyDays);
  const quantity = f.reorderQuantity ?? suggestedQuantity(f.sold28);
  const due = quantity > 0 && pos <= point;
  const toOrder = due ? quantity * ceilDiv(point - pos + 1, quantity) : 0;
  return { position: pos, reorderPoint: point, reorderQuantity: quantity, toOrder, due };
}

/** Whole days the position lasts at the rate of sale; null when nothing sells. */
export function coverDays(positionUnits: number, sold28: number): number | null {
  if (sold28 <= 0) return null;
  return Math.floor((Math.max(0, positionUnits) * SALES_WINDOW_DAYS) / sold28);
}

/** The store day (YYYY-MM-DD) `days` after `date`; negative goes back. */
export function addStoreDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, d! + days)).toISOString().slice(0, 10);
}

/** When to order by: the day the cover runs out less the lead time (before `today` when late). */
export function reorderBy(today: string, positionUnits: number, sold28: number, leadTimeDays: number): string {
  const days = coverDays(positionUnits, sold28);
  return days === null ? today : addStoreDays(today, days - leadTimeDays);
}

/**
 * The conditions of a level that alerts name: at or under its reorder
 * point (due), out (nothing available), oversold (less than nothing).
 * An alert is raised when a write makes one of them start, and shown while
 * it lasts (src/domain/alert-rules.ts).
 */
export function levelConditions(f: ReorderFacts & { archived?: boolean }): Set<Exclude<AlertKind, 'po_overdue'>> {
  const out = new Set<Exclude<AlertKind, 'po_overdue'>>();
  if (f.archived) return out;
  if (f.available < 0) out.add('oversold');
  else if (f.available === 0) out.add('out');
  if (reorderPlan(f).due) out.add('reorder');
  return out;
}
