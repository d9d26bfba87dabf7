/**
 * Alerts: what tells someone that stock needs them. Both backends keep the
 * same two things and call these functions:
 *
 * - a level alert (reorder, out, oversold) is raised by the write that makes
 *   its condition start (levelConditions before and after, for every level a
 *   write moves), so a shop full of slow sellers is not one alert each; it is
 *   shown while the condition lasts, and hidden (resolved) once it ends. While
 *   one of a kind is undismissed on a level, another write that starts the
 *   condition again raises it again, rather than making a second;
 * - a purchase order past its expected day is an alert while it stays open,
 *   worked out when read; dismissing it is kept under its id, which names the
 *   expected day, so a new expected day is a new alert.
 */
import type { AlertKind } from '../contract/constants';
import type { Alert } from '../contract/replenishment-schemas';
import type { Location } from '../contract/stock-schemas';
import { isOverdue, poLabel, storeDayWords } from './purchase-decisions';
import type { PurchaseOrder } from '../contract/replenishment-schemas';
import { addStoreDays, levelConditions, type ReorderFacts } from './reorder-rules';
import { storeDayStartMs } from './store-time';

export type LevelAlertKind = Exclude<AlertKind, 'po_overdue'>;

/** A level alert as stored. */
export type StoredAlert = {
  id: string;
  kind: LevelAlertKind;
  variantId: string;
  locationId: string;
  sku: string;
  raisedAt: string;
  dismissedAt: string | null;
};

export type LevelAlertFacts = ReorderFacts & { archived?: boolean };

/** The kinds a write starts on a level: true of it after, not before. */
export function raisedKinds(before: LevelAlertFacts, after: LevelAlertFacts): LevelAlertKind[] {
  const was = levelConditions(before);
  return [...levelConditions(after)].filter((k) => !was.has(k));
}

/**
 * What a write does to a level's alerts: the kinds it raises, and the stored
 * alerts of the level (`stored`, dismissed or not) whose condition it ended,
 * which are dropped: an alert is never shown again once its condition ends
 * (a new crossing raises a new one), so the alerts kept are bounded by the
 * conditions that hold, however long the shop runs.
 */
export function levelAlertChanges(
  before: LevelAlertFacts,
  after: LevelAlertFacts,
  stored: readonly Pick<StoredAlert, 'id' | 'kind'>[],
): { raised: LevelAlertKind[]; ended: string[] } {
  const now = levelConditions(after);
  return { raised: raisedKinds(before, after), ended: stored.filter((a) => !now.has(a.kind)).map((a) => a.id) };
}

const WORDS: Record<LevelAlertKind, string> = {
  reorder: 'is at or under its reorder point',
  out: 'is out of stock',
  oversold: 'is oversold',
};

/** How an open level alert reads now; null once its condition has ended (resolved) or it was dismissed. */
export function levelAlertView(
  alert: StoredAlert,
  now: LevelAlertFacts & { onHand: number },
  locations: readonly Location[],
): Alert | null {
  if (alert.dismissedAt !== null || !levelConditions(now).has(alert.kind)) return null;
  const where = locations.find((l) => l.id === alert.locationId)?.name ?? alert.locationId;
  const incoming = now.onOrder + now.inTransit;
  return {
    id: alert.id,
    kind: alert.kind,
    raisedAt: alert.raisedAt,
    title: `${alert.sku} at ${where} ${WORDS[alert.kind]}`,
    detail: `${now.available} available (${now.onHand} on hand)${incoming > 0 ? `, ${incoming} coming` : ', nothing on order'}.`,
    variantId: alert.variantId,
    locationId: alert.locationId,
    purchaseOrderId: null,
  };
}

/** The id of a purchase order's overdue alert: one per expected day. */
export function overdueAlertId(po: Pick<PurchaseOrder, 'id' | 'expectedOn'>): string {
  return `alr_${po.id}_${po.expectedOn ?? ''}`;
}

/** An overdue purchase order's alert, or null when it is not overdue or that alert was dismissed. */
export function overdueAlert(po: PurchaseOrder, today: string, dismissed: ReadonlySet<string>): Alert | null {
  if (!isOverdue(po, today) || dismissed.has(overdueAlertId(po))) return null;
  const left = po.lines.reduce((n, l) => n + Math.max(0, l.quantity - l.received), 0);
  return {
    id: overdueAlertId(po),
    kind: 'po_overdue',
    // Overdue from the start of the store day after the expected one.
    raisedAt: new Date(storeDayStartMs(addStoreDays(po.expectedOn!, 1))).toISOString(),
    title: `${poLabel(po.number)} from ${po.supplierName} is overdue`,
    detail: `Expected ${storeDayWords(po.expectedOn!)} (ET); ${left} ${left === 1 ? 'unit is' : 'units are'} still to come.`,
    variantId: null,
    locationId: po.locationId,
    purchaseOrderId: po.id,
  };
}

/** Open alerts, newest first (ties by id, so pages are stable). */
export function sortAlerts(alerts: Alert[]): Alert[] {
  return alerts.sort((a, b) => (a.raisedAt < b.raisedAt ? 1 : a.raisedAt > b.raisedAt ? -1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
