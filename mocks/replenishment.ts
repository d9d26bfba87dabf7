/**
 * Replenishment in the mock: suppliers, who supplies each variant, purchase
 * orders, transfers in transit and alerts. Small next to the shop (hundreds of
 * orders, not hundreds of thousands), so they live in one document persisted
 * with the people document (mocks/people.ts), reset with the shop, and a write
 * stages a copy of it. The rules are the shared ones in src/domain
 * (reorder-rules, purchase-decisions, alert-rules); here the reads over the
 * store: what is coming to each level, the reorder view, the lists.
 */
import { DEFAULT_SAFETY_DAYS, type ReorderSortKey } from '../src/contract/constants';
import type {
  Alert,
  AlertQuery,
  PurchaseOrder,
  PurchaseOrderListQuery,
  PurchaseOrderSummary,
  ReorderQuery,
  ReorderRow,
  Supplier,
  VariantSupply,
} from '../src/contract/replenishment-schemas';
import type { TransitTransfer, TransitTransferQuery } from '../src/contract/stock-schemas';
import { levelAlertView, overdueAlert, sortAlerts, type LevelAlertFacts, type StoredAlert } from '../src/domain/alert-rules';
import { isOverdue, onOrderByLevel, purchaseSummary } from '../src/domain/purchase-decisions';
import { DEFAULT_LEAD_TIME_DAYS, reorderBy, reorderPlan } from '../src/domain/reorder-rules';
import { available, daysOfCover } from '../src/domain/stock-rules';
import { LOCATIONS } from '../src/demo-shop/catalogue';
import type { LevelState, ProductRecord } from '../src/demo-shop/shop-records';
import { SEEDED_SUPPLIERS, seededSupplierId, seededSupply, type SeededSupplier } from '../src/demo-shop/supplier-seed';
import { NOTHING_INCOMING, type Incoming } from './inventory-index';
import { compareText } from './sorted-index';

export type SupplyRecord = { supplierId: string | null; supplierSku: string; version: number };

export type ReplenishmentDoc = {
  suppliers: SeededSupplier[];
  /** Supply set by hand, by variant id; a seeded variant without one has its seeded supplier. */
  supply: Record<string, SupplyRecord>;
  purchaseOrders: PurchaseOrder[];
  transfers: TransitTransfer[];
  alerts: StoredAlert[];
  /** Overdue alerts dismissed, by id (src/domain/alert-rules.ts overdueAlertId). */
  dismissedOverdue: string[];
};

/** The seeded suppliers and purchase orders (src/demo-shop/purchase-seed.ts, made by the store from its seeded records). */
export function seededReplenishment(purchaseOrders: readonly PurchaseOrder[] = []): ReplenishmentDoc {
  return {
    suppliers: SEEDED_SUPPLIERS.map((s) => ({ ...s })),
    supply: {},
    purchaseOrders: [...purchaseOrders],
    transfers: [],
    alerts: [],
    dismissedOverdue: [],
  };
}

/** What the reads need of the store, without importing it. */
export type ReplenishmentHost = {
  doc(): ReplenishmentDoc;
  records(): Iterable<ProductRecord>;
  /** Whether the variant was made by the seed (it then has the seeded supplier of its category). */
  isSeeded(variantId: string): boolean;
  soldAt(variantId: string, locationIndex: number): number;
  /** The store's today, YYYY-MM-DD. */
  today(): string;
  /** Changes whenever a product record may have changed (a write here or in another tab, a new seed). */
  stamp(): string;
};

const key = (variantId: string, locationId: string) => `${variantId}@${locationId}`;

export class ReplenishmentReads {
  private incomingOf: { doc: ReplenishmentDoc; map: Map<string, Incoming> } | null = null;
  private due: { doc: ReplenishmentDoc; stamp: string; rows: ReorderRow[] } | null = null;

  constructor(private readonly host: ReplenishmentHost) {}

  /** Units coming to each level, from purchase orders sent and transfers in transit; worked out again when the document changes. */
  incoming(doc = this.host.doc()): Map<string, Incoming> {
    if (this.incomingOf?.doc === doc) return this.incomingOf.map;
    const map = new Map<string, Incoming>();
    for (const [k, units] of onOrderByLevel(doc.purchaseOrders)) map.set(k, { onOrder: units, inTransit: 0 });
    for (const t of doc.transfers) {
      if (t.status !== 'in_transit') continue;
      const k = key(t.variantId, t.toLocationId);
      const current = map.get(k) ?? { onOrder: 0, inTransit: 0 };
      map.set(k, { onOrder: current.onOrder, inTransit: current.inTransit + t.quantity });
    }
    this.incomingOf = { doc, map };
    return map;
  }

  incomingAt(variantId: string, locationId: string, doc = this.host.doc()): Incoming {
    return this.incoming(doc).get(key(variantId, locationId)) ?? NOTHING_INCOMING;
  }

  supplyOf(record: ProductRecord, variantIndex: number, doc = this.host.doc()): SupplyRecord {
    const variant = record.product.variants[variantIndex]!;
    const set = doc.supply[variant.id];
    if (set) return set;
    const supplierId = this.supplierIdOf(variant.id, record.product.categoryId, doc);
    return supplierId === null
      ? { supplierId, supplierSku: '', version: 1 }
      : { ...seededSupply(record.product.categoryId, variant.sku), version: 1 };
  }

  /** Who supplies a variant, without its SKU: set by hand, or for a seeded one its category's supplier (per level of the reorder view, so cheap). */
  supplierIdOf(variantId: string, categoryId: string, doc = this.host.doc()): string | null {
    const set = doc.supply[variantId];
    if (set) return set.supplierId;
    return this.host.isSeeded(variantId) ? seededSupplierId(categoryId) : null;
  }

  leadTime(supplierId: string | null, doc = this.host.doc()): number {
    return doc.suppliers.find((s) => s.id === supplierId)?.leadTimeDays ?? DEFAULT_LEAD_TIME_DAYS;
  }

  /** A level's facts for the reorder and alert rules, with what is coming as `doc` says. */
  facts(
    record: ProductRecord,
    variantIndex: number,
    locationIndex: number,
    state: LevelState,
    doc = this.host.doc(),
  ): LevelAlertFacts & { onHand: number } {
    const variant = record.product.variants[variantIndex]!;
    const incoming = this.incomingAt(variant.id, LOCATIONS[locationIndex]!.id, doc);
    return {
      onHand: state.onHand,
      available: available(state),
      onOrder: incoming.onOrder,
      inTransit: incoming.inTransit,
      sold28: this.host.soldAt(variant.id, locationIndex),
      reorderPoint: state.reorderPoint ?? null,
      reorderQuantity: state.reorderQuantity ?? null,
      safetyDays: state.safetyDays ?? DEFAULT_SAFETY_DAYS,
      leadTimeDays: this.leadTime(this.supplyOf(record, variantIndex, doc).supplierId, doc),
      archived: record.product.status === 'archived',
    };
  }

  suppliers(): Supplier[] {
    const doc = this.host.doc();
    const counts = new Map<string, number>();
    for (const record of this.host.records()) {
      record.product.variants.forEach((_, i) => {
        const { supplierId } = this.supplyOf(record, i, doc);
        if (supplierId) counts.set(supplierId, (counts.get(supplierId) ?? 0) + 1);
      });
    }
    return doc.suppliers
      .map((s) => ({ ...s, variantCount: counts.get(s.id) ?? 0 }))
      .sort((a, b) => compareText(a.name.toLowerCase(), b.name.toLowerCase()));
  }

  supply(record: ProductRecord, variantIndex: number): VariantSupply {
    return { variantId: record.product.variants[variantIndex]!.id, ...this.supplyOf(record, variantIndex) };
  }

  /** Every level at or under its reorder point, as the reorder view shows it; filtered, sorted and paged. */
  reorder(query: ReorderQuery): { items: ReorderRow[]; total: number } {
    const text = query.q?.toLowerCase();
    const rows = this.dueRows().filter(
      (r) =>
        (query.locationId === undefined || r.locationId === query.locationId) &&
        (query.categoryId === undefined || r.categoryId === query.categoryId) &&
        (query.supplierId === undefined || (r.supplierId ?? 'none') === query.supplierId) &&
        (query.by === undefined || r.reorderBy <= query.by) &&
        (text === undefined || `${r.sku}\u0001${r.title}\u0001${r.supplierSku}`.toLowerCase().includes(text)),
    );
    rows.sort(reorderCompare(query.sort));
    return { items: rows.slice(query.offset, query.offset + query.limit), total: rows.length };
  }

  /**
   * Every due level of the shop, worked out once per state of the shop (its
   * records, this document, the store day) and kept: a filter or a sort only
   * goes over what is due, not over every level (150,000 at 50,000 products).
   */
  private dueRows(): ReorderRow[] {
    const doc = this.host.doc();
    const today = this.host.today();
    const stamp = `${this.host.stamp()}|${today}`;
    if (this.due?.doc === doc && this.due.stamp === stamp) return this.due.rows;
    const suppliers = new Map(doc.suppliers.map((s) => [s.id, s]));
    const incoming = this.incoming(doc);
    const rows: ReorderRow[] = [];
    for (const record of this.host.records()) {
      const p = record.product;
      if (p.status === 'archived') continue;
      p.variants.forEach((variant, vi) => {
        const supplierId = this.supplierIdOf(variant.id, p.categoryId, doc);
        const supplier = supplierId ? suppliers.get(supplierId) : undefined;
        record.levels[vi]?.forEach((state, li) => {
          const sold28 = this.host.soldAt(variant.id, li);
          // Nothing sold and no quantity set by hand: never due (src/domain/reorder-rules.ts), and most levels of a big shop.
          if (sold28 === 0 && (state.reorderQuantity ?? null) === null) return;
          const locationId = LOCATIONS[li]!.id;
          const coming = incoming.get(key(variant.id, locationId));
          const f = {
            available: available(state),
            onOrder: coming?.onOrder ?? 0,
            inTransit: coming?.inTransit ?? 0,
            sold28,
            reorderPoint: state.reorderPoint ?? null,
            reorderQuantity: state.reorderQuantity ?? null,
            safetyDays: state.safetyDays ?? DEFAULT_SAFETY_DAYS,
            leadTimeDays: supplier?.leadTimeDays ?? DEFAULT_LEAD_TIME_DAYS,
          };
          const plan = reorderPlan(f);
          if (!plan.due) return;
          rows.push({
            variantId: variant.id,
            productId: p.id,
            locationId,
            sku: variant.sku,
            title: p.title,
            variantTitle: variant.optionValues.join(' / '),
            categoryId: p.categoryId,
            onHand: state.onHand,
            available: f.available,
            onOrder: f.onOrder,
            inTransit: f.inTransit,
            position: plan.position,
            sold28,
            daysOfCover: daysOfCover(plan.position, sold28),
            supplierId: supplier?.id ?? null,
            supplierName: supplier?.name ?? null,
            supplierSku: this.supplyOf(record, vi, doc).supplierSku,
            leadTimeDays: f.leadTimeDays,
            unitCost: variant.cost ?? null,
            reorderPoint: plan.reorderPoint,
            reorderQuantity: plan.reorderQuantity,
            reorderPointSet: f.reorderPoint,
            reorderQuantitySet: f.reorderQuantity,
            safetyDays: f.safetyDays,
            suggestedQuantity: plan.toOrder,
            reorderBy: reorderBy(today, plan.position, sold28, f.leadTimeDays),
            version: state.version,
          });
        });
      });
    }
    this.due = { doc, stamp, rows };
    return rows;
  }

  purchaseOrders(query: PurchaseOrderListQuery): { items: PurchaseOrderSummary[]; total: number } {
    const today = this.host.today();
    const matches = this.host
      .doc()
      .purchaseOrders.filter(
        (po) =>
          (!query.status || query.status.includes(po.status)) &&
          (query.supplierId === undefined || po.supplierId === query.supplierId) &&
          (query.locationId === undefined || po.locationId === query.locationId) &&
          (query.overdue === undefined || isOverdue(po, today) === query.overdue) &&
          (query.variantId === undefined || po.lines.some((l) => l.variantId === query.variantId)),
      )
      .sort((a, b) => b.number - a.number);
    return {
      items: matches.slice(query.offset, query.offset + query.limit).map((po) => purchaseSummary(po, today)),
      total: matches.length,
    };
  }

  transfers(query: TransitTransferQuery): { items: TransitTransfer[]; total: number } {
    const matches = this.host
      .doc()
      .transfers.filter(
        (t) =>
          (query.status === undefined || t.status === query.status) &&
          (query.variantId === undefined || t.variantId === query.variantId) &&
          (query.locationId === undefined || t.fromLocationId === query.locationId || t.toLocationId === query.locationId),
      )
      // Newest first, ties by id newest first too, as the server lists them.
      .sort((a, b) => compareText(b.sentAt, a.sentAt) || compareText(b.id, a.id));
    return { items: matches.slice(query.offset, query.offset + query.limit), total: matches.length };
  }

  /** Open alerts: level alerts whose condition lasts, and purchase orders overdue. */
  alerts(
    query: AlertQuery,
    level: (variantId: string, locationId: string) => { record: ProductRecord; vi: number; li: number } | undefined,
  ): {
    items: Alert[];
    total: number;
  } {
    const doc = this.host.doc();
    const today = this.host.today();
    const open: Alert[] = [];
    for (const stored of doc.alerts) {
      if (stored.dismissedAt !== null) continue;
      const where = level(stored.variantId, stored.locationId);
      const state = where?.record.levels[where.vi]?.[where.li];
      if (!where || !state) continue;
      const view = levelAlertView(stored, this.facts(where.record, where.vi, where.li, state, doc), LOCATIONS);
      if (view) open.push(view);
    }
    const dismissed = new Set(doc.dismissedOverdue);
    for (const po of doc.purchaseOrders) {
      const view = overdueAlert(po, today, dismissed);
      if (view) open.push(view);
    }
    sortAlerts(open);
    return { items: open.slice(query.offset, query.offset + query.limit), total: open.length };
  }
}

function reorderCompare(sort: ReorderQuery['sort']): (a: ReorderRow, b: ReorderRow) => number {
  const desc = sort.startsWith('-');
  const k = (desc ? sort.slice(1) : sort) as ReorderSortKey;
  const tie = (a: ReorderRow, b: ReorderRow) =>
    compareText(a.sku.toLowerCase(), b.sku.toLowerCase()) ||
    LOCATIONS.findIndex((l) => l.id === a.locationId) - LOCATIONS.findIndex((l) => l.id === b.locationId);
  // Nothing sold means no end to the cover: after every number, as in the inventory list.
  const cover = (r: ReorderRow) => r.daysOfCover ?? Number.POSITIVE_INFINITY;
  const primary: (a: ReorderRow, b: ReorderRow) => number = {
    reorderBy: (a: ReorderRow, b: ReorderRow) => compareText(a.reorderBy, b.reorderBy),
    sku: () => 0,
    supplier: (a: ReorderRow, b: ReorderRow) =>
      compareText((a.supplierName ?? '\uffff').toLowerCase(), (b.supplierName ?? '\uffff').toLowerCase()),
    suggestedQuantity: (a: ReorderRow, b: ReorderRow) => a.suggestedQuantity - b.suggestedQuantity,
    daysOfCover: (a: ReorderRow, b: ReorderRow) => {
      const [x, y] = [cover(a), cover(b)];
      return x < y ? -1 : x > y ? 1 : 0;
    },
  }[k];
  // A descending sort is the ascending one backwards, ties included (as the inventory list).
  return (a, b) => (desc ? -1 : 1) * (primary(a, b) || tie(a, b));
}
