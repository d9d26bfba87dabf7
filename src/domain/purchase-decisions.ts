/**
 * Purchase orders' rules, as pure functions both backends call inside their
 * own write (transaction) with what they loaded; each throws the
 * ProblemError the contract promises or returns the order as it stands
 * afterwards, the stock it moves and the audit entries. Ids, numbers, times
 * and the store's today come from the caller (it has the clock and the
 * random source).
 *
 * The life of an order: draft (lines may change) → sent (its open units count
 * as on order at its location; expected on the day sent plus the supplier's
 * lead time) → partially_received → received, once every line has all its
 * units. "Close" cancels what has not come: closed when something arrived,
 * cancelled when nothing did. A line never takes more than ordered unless the
 * receipt says why (an over-delivery); short is what closing records.
 */
import type { AuditDraft } from './audit-rules';
import { changedMeanwhile, ProblemError, validationProblem } from '../contract/problems';
import type { Location } from '../contract/stock-schemas';
import type {
  PurchaseOrder,
  PurchaseOrderLine,
  PurchaseOrderStatus,
  PurchaseOrderSummary,
  Supplier,
  purchaseCloseInputSchema,
  purchaseOrderInputSchema,
  purchaseOrderUpdateSchema,
  purchaseReceiptInputSchema,
  reorderDraftInputSchema,
  supplierInputSchema,
  VariantSupply,
  variantSupplyInputSchema,
} from '../contract/replenishment-schemas';
import type { z } from 'zod';
import { addStoreDays } from './reorder-rules';
import {
  checkReceiptRows,
  receivedMoves,
  refuseWrongRows,
  summariseReceipt,
  type ReceiptCommand,
  type StockDecision,
  type StockSnapshot,
} from './stock-decisions';
import type { ReceiptResult, ReceiptRowResult } from '../contract/stock-schemas';
import { formatCents } from '../contract/values/money';

export type PurchaseOrderCommand = z.output<typeof purchaseOrderInputSchema>;
export type PurchaseOrderUpdateCommand = z.output<typeof purchaseOrderUpdateSchema>;
export type PurchaseReceiptCommand = z.output<typeof purchaseReceiptInputSchema>;
export type PurchaseCloseCommand = z.output<typeof purchaseCloseInputSchema>;
export type ReorderDraftCommand = z.output<typeof reorderDraftInputSchema>;

/** A variant as a purchase order needs it: who supplies it, under which SKU, and its cost. */
export type PurchaseVariant = {
  id: string;
  productId: string;
  sku: string;
  title: string;
  optionValues: readonly string[];
  /** Cents, or null when the variant has none. */
  cost: number | null;
  supplierId: string | null;
  supplierSku: string;
};

/** Who acts, when, and the store's today (YYYY-MM-DD); with fresh ids for what the write makes. */
export type PurchaseContext = {
  actor: { id: string; name: string };
  now: string;
  today: string;
  suppliers: readonly Supplier[];
  locations: readonly Location[];
  /** The variants the request names that exist. */
  variants: readonly PurchaseVariant[];
  newLineId: () => string;
};

/** Sent or partly received: its open units are on order. */
export const OPEN_STATUSES: readonly PurchaseOrderStatus[] = ['sent', 'partially_received'];

export const poLabel = (number: number): string => `PO-${number}`;

/** A store day in words for a history line or an alert: "Dec 30, 2026". */
export function storeDayWords(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, d!)).toLocaleDateString('en-US', {
    timeZone: 'UTC',
    month: 'short',
    day: 'numeric',
    year: 'numeric',
  });
}

/** Units of a line not yet received, whatever the order's status (0 once all or more arrived). */
export function unitsLeft(line: Pick<PurchaseOrderLine, 'quantity' | 'received'>): number {
  return Math.max(0, line.quantity - line.received);
}

/** What a receipt taking more than is still to come, without an over-delivery reason, is told (the receive dialog checks with it too). */
export function overDeliveryMessage(line: Pick<PurchaseOrderLine, 'quantity' | 'received' | 'sku'>, quantity: number): string {
  return `Only ${unitsLeft(line)} of ${line.quantity} ${line.sku} are still to come; to take ${quantity}, say why in the over-delivery reason`;
}

/** Units still to come on a line (0 once all or more arrived, or once the order is closed). */
export function openUnits(po: Pick<PurchaseOrder, 'status'>, line: Pick<PurchaseOrderLine, 'quantity' | 'received'>): number {
  return OPEN_STATUSES.includes(po.status) ? unitsLeft(line) : 0;
}

/** On order per level from these purchase orders: `variantId@locationId` → units. */
export function onOrderByLevel(orders: Iterable<Pick<PurchaseOrder, 'status' | 'locationId' | 'lines'>>): Map<string, number> {
  const out = new Map<string, number>();
  for (const po of orders) {
    for (const line of po.lines) {
      const units = openUnits(po, line);
      if (units > 0) out.set(`${line.variantId}@${po.locationId}`, (out.get(`${line.variantId}@${po.locationId}`) ?? 0) + units);
    }
  }
  return out;
}

export function isOverdue(po: Pick<PurchaseOrder, 'status' | 'expectedOn'>, today: string): boolean {
  return OPEN_STATUSES.includes(po.status) && po.expectedOn !== null && po.expectedOn < today;
}

export function purchaseSummary(po: PurchaseOrder, today: string): PurchaseOrderSummary {
  return {
    id: po.id,
    number: po.number,
    status: po.status,
    supplierId: po.supplierId,
    supplierName: po.supplierName,
    locationId: po.locationId,
    total: po.total,
    createdAt: po.createdAt,
    sentAt: po.sentAt,
    expectedOn: po.expectedOn,
    version: po.version,
    units: po.lines.reduce((n, l) => n + l.quantity, 0),
    received: po.lines.reduce((n, l) => n + l.received, 0),
    overdue: isOverdue(po, today),
  };
}

function notFound(what: string, id: string): ProblemError {
  return new ProblemError({ status: 404, title: `${what} not found`, detail: `No ${what.toLowerCase()} has the id ${id}.` });
}

export function purchaseOrderNotFound(id: string): ProblemError {
  return notFound('Purchase order', id);
}

export function supplierNotFound(id: string): ProblemError {
  return notFound('Supplier', id);
}

function stale(po: PurchaseOrder, seen: number): ProblemError {
  const last = po.events.at(-1);
  return new ProblemError({
    status: 409,
    title: 'Someone else changed this purchase order',
    detail: `You were looking at version ${seen}, but ${poLabel(po.number)} is now at version ${po.version}${last ? `: ${last.text}` : ''}. Check it again before you act.`,
    current: po,
  });
}

function wrongStatus(po: PurchaseOrder, doing: string): ProblemError {
  const words: Record<PurchaseOrderStatus, string> = {
    draft: 'is a draft',
    sent: 'was sent',
    partially_received: 'is partly received',
    received: 'was received in full',
    closed: 'was closed',
    cancelled: 'was cancelled',
  };
  return new ProblemError({
    status: 409,
    title: `This purchase order cannot be ${doing}`,
    detail: `${poLabel(po.number)} ${words[po.status]}.`,
    current: po,
  });
}

function totalOf(lines: readonly PurchaseOrderLine[]): number {
  return lines.reduce((n, l) => n + l.total, 0);
}

function checkedLines(
  supplier: Supplier,
  input: PurchaseOrderCommand['lines'],
  ctx: PurchaseContext,
  field: string,
  previous: readonly PurchaseOrderLine[] = [],
): PurchaseOrderLine[] {
  const errors: Record<string, string> = {};
  const byId = new Map(ctx.variants.map((v) => [v.id, v]));
  const lines: PurchaseOrderLine[] = [];
  input.forEach((line, i) => {
    const variant = byId.get(line.variantId);
    if (!variant) {
      errors[`${field}.${i}.variantId`] = `No variant has the id ${line.variantId}`;
      return;
    }
    if (variant.supplierId !== null && variant.supplierId !== supplier.id) {
      const other = ctx.suppliers.find((s) => s.id === variant.supplierId)?.name ?? variant.supplierId;
      errors[`${field}.${i}.variantId`] = `${variant.sku} is supplied by ${other}, not ${supplier.name}`;
      return;
    }
    const unitCost = line.unitCost ?? variant.cost;
    if (unitCost === null || unitCost === undefined) {
      errors[`${field}.${i}.unitCost`] = `${variant.sku} has no cost: enter what ${supplier.name} charges per unit`;
      return;
    }
    lines.push({
      id: previous.find((p) => p.variantId === variant.id)?.id ?? ctx.newLineId(),
      variantId: variant.id,
      productId: variant.productId,
      sku: variant.sku,
      title: variant.title,
      variantTitle: variant.optionValues.join(' / '),
      supplierSku: variant.supplierSku,
      quantity: line.quantity,
      received: 0,
      unitCost,
      total: line.quantity * unitCost,
    });
  });
  if (Object.keys(errors).length) throw validationProblem(errors);
  return lines;
}

function supplierOf(ctx: PurchaseContext, id: string, field: string): Supplier {
  const supplier = ctx.suppliers.find((s) => s.id === id);
  if (!supplier) throw validationProblem({ [field]: 'Choose one of the suppliers' });
  return supplier;
}

function locationOf(ctx: PurchaseContext, id: string, field: string): Location {
  const location = ctx.locations.find((l) => l.id === id);
  if (!location) throw validationProblem({ [field]: 'Choose one of the shop’s locations' });
  return location;
}

function event(ctx: PurchaseContext, type: string, text: string): PurchaseOrder['events'][number] {
  return { at: ctx.now, actor: ctx.actor, type, text };
}

function audit(po: PurchaseOrder, before: Record<string, unknown>, after: Record<string, unknown>): AuditDraft {
  return { entityType: 'purchase_order', entityId: po.id, entityLabel: `${poLabel(po.number)} (${po.supplierName})`, before, after };
}

/**
 * A supplier made or changed: names are unique whatever their case (two
 * "Ampere Power Co." would split one supplier's orders in two). `current` and
 * `version` for a change (If-Match); the caller gives a new one its id.
 */
export function decideSupplier(
  input: z.output<typeof supplierInputSchema>,
  suppliers: readonly Omit<Supplier, 'variantCount'>[],
  change: { id: string } | { current: Omit<Supplier, 'variantCount'>; version: number },
): { supplier: Omit<Supplier, 'variantCount'>; audit: AuditDraft[] } {
  const existing = 'current' in change ? change.current : null;
  if ('current' in change && change.current.version !== change.version) throw changedMeanwhile('supplier', change.version, change.current);
  const id = existing?.id ?? ('id' in change ? change.id : '');
  const name = input.name.trim();
  if (suppliers.some((s) => s.id !== id && s.name.trim().toLowerCase() === name.toLowerCase())) {
    throw validationProblem({ name: `Another supplier is called ${name}` });
  }
  const supplier = { id, ...input, name, currency: 'USD' as const, version: existing ? existing.version + 1 : 1 };
  const fields = (s: Omit<Supplier, 'variantCount'> | null) =>
    s
      ? {
          name: s.name,
          contactName: s.contactName,
          email: s.email,
          phone: s.phone,
          leadTimeDays: s.leadTimeDays,
          minimumOrder: formatCents(s.minimumOrder),
        }
      : {};
  const [before, after] = [fields(existing), fields(supplier)];
  const changed = (k: string) => (before as Record<string, unknown>)[k] !== (after as Record<string, unknown>)[k];
  return {
    supplier,
    audit: [
      {
        entityType: 'supplier',
        entityId: id,
        entityLabel: name,
        before: Object.fromEntries(Object.entries(before).filter(([k]) => changed(k))),
        after: Object.fromEntries(Object.entries(after).filter(([k]) => changed(k))),
      },
    ],
  };
}

/** Who supplies a variant: a supplier that exists, or nobody (null). */
export function decideSupply(
  variant: { id: string; productId: string; sku: string },
  before: VariantSupply,
  version: number,
  input: z.output<typeof variantSupplyInputSchema>,
  suppliers: readonly Pick<Supplier, 'id' | 'name'>[],
): { supply: VariantSupply; audit: AuditDraft[] } {
  if (before.version !== version) throw changedMeanwhile('supplier of this variant', version, before);
  const name = (id: string | null) => (id === null ? 'nobody' : (suppliers.find((s) => s.id === id)?.name ?? id));
  if (input.supplierId !== null && !suppliers.some((s) => s.id === input.supplierId)) {
    throw validationProblem({ supplierId: 'Choose one of the suppliers' });
  }
  return {
    supply: { variantId: variant.id, supplierId: input.supplierId, supplierSku: input.supplierSku, version: before.version + 1 },
    audit: [
      {
        entityType: 'product',
        entityId: variant.productId,
        entityLabel: variant.sku,
        before: { supplier: name(before.supplierId), supplierSku: before.supplierSku },
        after: { supplier: name(input.supplierId), supplierSku: input.supplierSku },
      },
    ],
  };
}

export type PurchaseDecision = { purchaseOrder: PurchaseOrder; audit: AuditDraft[] };

/** A draft by hand. `id` and `number` are the caller's (the next number of the shop). */
export function decideCreatePurchaseOrder(
  input: PurchaseOrderCommand,
  ctx: PurchaseContext,
  made: { id: string; number: number },
): PurchaseDecision {
  const supplier = supplierOf(ctx, input.supplierId, 'supplierId');
  const location = locationOf(ctx, input.locationId, 'locationId');
  const lines = checkedLines(supplier, input.lines, ctx, 'lines');
  const total = totalOf(lines);
  const purchaseOrder: PurchaseOrder = {
    id: made.id,
    number: made.number,
    status: 'draft',
    supplierId: supplier.id,
    supplierName: supplier.name,
    locationId: location.id,
    note: input.note,
    lines,
    total,
    belowMinimum: total < supplier.minimumOrder,
    createdAt: ctx.now,
    sentAt: null,
    expectedOn: null,
    closedAt: null,
    closeReason: null,
    receipts: [],
    events: [
      event(
        ctx,
        'created',
        `Drafted for ${location.name}: ${lines.length} ${lines.length === 1 ? 'line' : 'lines'}, ${formatCents(total)}`,
      ),
    ],
    version: 1,
  };
  return { purchaseOrder, audit: [audit(purchaseOrder, {}, { status: 'draft', lines: lines.length, total: formatCents(total) })] };
}

/**
 * Drafts from reorder rows: one per supplier and location, lines in the order
 * given. A variant nobody supplies is refused beside its row: there is nobody to order from.
 */
export function decideReorderDrafts(
  input: ReorderDraftCommand,
  ctx: PurchaseContext,
  made: () => { id: string; number: number },
): PurchaseDecision[] {
  const errors: Record<string, string> = {};
  const groups = new Map<string, { supplierId: string; locationId: string; lines: PurchaseOrderCommand['lines'] }>();
  const seen = new Set<string>();
  input.items.forEach((item, i) => {
    const variant = ctx.variants.find((v) => v.id === item.variantId);
    if (!variant) errors[`items.${i}.variantId`] = `No variant has the id ${item.variantId}`;
    else if (!variant.supplierId) errors[`items.${i}.variantId`] = `${variant.sku} has no supplier: choose one first`;
    if (!ctx.locations.some((l) => l.id === item.locationId)) errors[`items.${i}.locationId`] = 'Choose one of the shop’s locations';
    const key = `${item.variantId}@${item.locationId}`;
    if (seen.has(key)) errors[`items.${i}.variantId`] = 'This row is chosen twice';
    seen.add(key);
    if (!variant?.supplierId || errors[`items.${i}.variantId`] || errors[`items.${i}.locationId`]) return;
    const group = `${variant.supplierId}@${item.locationId}`;
    const entry = groups.get(group) ?? { supplierId: variant.supplierId, locationId: item.locationId, lines: [] };
    entry.lines.push({ variantId: item.variantId, quantity: item.quantity });
    groups.set(group, entry);
  });
  if (Object.keys(errors).length) throw validationProblem(errors);
  // Every group is decided before any refusal, so one answer names every row that needs attention.
  const rows: Record<string, string> = {};
  const decisions: PurchaseDecision[] = [];
  for (const g of groups.values()) {
    try {
      decisions.push(decideCreatePurchaseOrder({ ...g, note: 'Drafted from the reorder view' }, ctx, made()));
    } catch (e) {
      if (!(e instanceof ProblemError) || !e.problem.errors) throw e;
      // Name the rows, not a purchase order's lines the person never saw.
      for (const [field, message] of Object.entries(e.problem.errors)) {
        const [, index, column] = field.split('.');
        const line = g.lines[Number(index)];
        const row = input.items.findIndex((it) => it.variantId === line?.variantId && it.locationId === g.locationId);
        rows[`items.${row}.${column === 'unitCost' ? 'variantId' : column}`] = message;
      }
    }
  }
  if (Object.keys(rows).length) throw validationProblem(rows);
  return decisions;
}

/** A draft's lines and note, replaced whole. */
export function decideUpdatePurchaseOrder(
  po: PurchaseOrder,
  version: number,
  input: PurchaseOrderUpdateCommand,
  ctx: PurchaseContext,
): PurchaseDecision {
  if (po.version !== version) throw stale(po, version);
  if (po.status !== 'draft') throw wrongStatus(po, 'edited');
  const supplier = supplierOf(ctx, po.supplierId, 'supplierId');
  const lines = checkedLines(supplier, input.lines, ctx, 'lines', po.lines);
  const total = totalOf(lines);
  const next: PurchaseOrder = {
    ...po,
    lines,
    note: input.note,
    total,
    belowMinimum: total < supplier.minimumOrder,
    events: [
      ...po.events,
      event(ctx, 'edited', `Lines changed: ${lines.length} ${lines.length === 1 ? 'line' : 'lines'}, ${formatCents(total)}`),
    ],
    version: po.version + 1,
  };
  return {
    purchaseOrder: next,
    audit: [audit(next, { lines: po.lines.length, total: formatCents(po.total) }, { lines: lines.length, total: formatCents(total) })],
  };
}

/** Sends a draft: on order from now, expected on today + the supplier's lead time. */
export function decideSendPurchaseOrder(po: PurchaseOrder, version: number, ctx: PurchaseContext): PurchaseDecision {
  if (po.version !== version) throw stale(po, version);
  if (po.status !== 'draft') throw wrongStatus(po, 'sent');
  const supplier = ctx.suppliers.find((s) => s.id === po.supplierId);
  if (!supplier) throw supplierNotFound(po.supplierId);
  const expectedOn = addStoreDays(ctx.today, supplier.leadTimeDays);
  const next: PurchaseOrder = {
    ...po,
    status: 'sent',
    sentAt: ctx.now,
    expectedOn,
    events: [...po.events, event(ctx, 'sent', `Sent to ${supplier.name}; expected ${storeDayWords(expectedOn)}`)],
    version: po.version + 1,
  };
  return { purchaseOrder: next, audit: [audit(next, { status: 'draft' }, { status: 'sent', expectedOn })] };
}

/**
 * A delivery against a sent order: each line's units go on the shelf at the
 * order's location (ledger rows `received`, naming the order). Over what is
 * still to come only with `overReason`; every line complete makes it received.
 */
export function decidePurchaseReceipt(
  po: PurchaseOrder,
  version: number,
  input: PurchaseReceiptCommand,
  snapshot: StockSnapshot,
  ctx: PurchaseContext & { receiptId: string },
): PurchaseDecision & Pick<StockDecision, 'levels' | 'movements'> {
  if (po.version !== version) throw stale(po, version);
  if (!OPEN_STATUSES.includes(po.status)) throw wrongStatus(po, po.status === 'draft' ? 'received before it is sent' : 'received');
  const errors: Record<string, string> = {};
  const received = new Map<string, number>();
  input.lines.forEach((line, i) => {
    const target = po.lines.find((l) => l.id === line.lineId);
    if (!target) {
      errors[`lines.${i}.lineId`] = `${poLabel(po.number)} has no line ${line.lineId}`;
      return;
    }
    if (received.has(line.lineId)) {
      errors[`lines.${i}.lineId`] = 'This line is entered twice';
      return;
    }
    if (line.quantity > unitsLeft(target) && !input.overReason) errors[`lines.${i}.quantity`] = overDeliveryMessage(target, line.quantity);
    received.set(line.lineId, line.quantity);
  });
  if (Object.keys(errors).length)
    throw validationProblem(
      errors,
      `Nothing was received: ${Object.keys(errors).length === 1 ? 'a line needs' : 'some lines need'} attention.`,
    );
  const lines = po.lines.map((l) => ({ ...l, received: l.received + (received.get(l.id) ?? 0) }));
  const complete = lines.every((l) => l.received >= l.quantity);
  const units = [...received.values()].reduce((n, q) => n + q, 0);
  const over = lines.some((l, i) => l.received > l.quantity && (received.get(l.id) ?? 0) > 0 && l.received > po.lines[i]!.quantity);
  const moves = receivedMoves(
    snapshot,
    po,
    input.lines.map((l, i) => {
      const line = po.lines.find((pl) => pl.id === l.lineId)!;
      return { variantId: line.variantId, quantity: l.quantity, field: `lines.${i}.quantity`, stillToCome: unitsLeft(line) };
    }),
    input.note || poLabel(po.number),
  );
  const status: PurchaseOrderStatus = complete ? 'received' : 'partially_received';
  const next: PurchaseOrder = {
    ...po,
    lines,
    status,
    closedAt: complete ? ctx.now : po.closedAt,
    receipts: [
      ...po.receipts,
      {
        id: ctx.receiptId,
        at: ctx.now,
        actor: ctx.actor,
        note: input.note,
        overReason: over ? input.overReason : null,
        lines: input.lines
          .filter((l) => l.quantity > 0)
          .map((l) => {
            const line = po.lines.find((pl) => pl.id === l.lineId)!;
            return { lineId: l.lineId, variantId: line.variantId, sku: line.sku, quantity: l.quantity };
          }),
      },
    ],
    events: [
      ...po.events,
      event(
        ctx,
        'received',
        `${units} ${units === 1 ? 'unit' : 'units'} received${complete ? '; everything ordered has arrived' : ''}${over ? ` (over-delivery: ${input.overReason})` : ''}`,
      ),
    ],
    version: po.version + 1,
  };
  return {
    purchaseOrder: next,
    ...moves,
    audit: [
      audit(
        next,
        { status: po.status, received: po.lines.reduce((n, l) => n + l.received, 0) },
        { status, received: lines.reduce((n, l) => n + l.received, 0), units },
      ),
    ],
  };
}

/** Cancels what has not come: closed when something arrived, cancelled when nothing did (a draft, too). */
export function decideClosePurchaseOrder(
  po: PurchaseOrder,
  version: number,
  input: PurchaseCloseCommand,
  ctx: PurchaseContext,
): PurchaseDecision {
  if (po.version !== version) throw stale(po, version);
  if (po.status === 'received' || po.status === 'closed' || po.status === 'cancelled') throw wrongStatus(po, 'closed');
  const anyReceived = po.lines.some((l) => l.received > 0);
  const status: PurchaseOrderStatus = anyReceived ? 'closed' : 'cancelled';
  const short = po.lines.reduce((n, l) => n + Math.max(0, l.quantity - l.received), 0);
  const next: PurchaseOrder = {
    ...po,
    status,
    closedAt: ctx.now,
    closeReason: input.reason,
    events: [
      ...po.events,
      event(
        ctx,
        status,
        anyReceived ? `Closed ${short} ${short === 1 ? 'unit' : 'units'} short: ${input.reason}` : `Cancelled: ${input.reason}`,
      ),
    ],
    version: po.version + 1,
  };
  return {
    purchaseOrder: next,
    audit: [audit(next, { status: po.status }, { status, reason: input.reason, ...(anyReceived ? { short } : {}) })],
  };
}

/** "1001", "PO-1001" or "po 1001" → 1001; null for anything else. */
export function parsePoNumber(text: string): number | null {
  const m = /^(?:po[-\s]?)?(\d{1,9})$/i.exec(text.trim());
  return m ? Number(m[1]) : null;
}

/**
 * A CSV delivery naming a purchase order (`purchaseOrder`: "PO-1001" or
 * 1001), as that order's receipt: every row must be one of its lines at its
 * location, and rows of one line together no more than is still to come (an
 * over-delivery is recorded on the order's page, with its reason). A dry run
 * answers every row and changes nothing; otherwise a wrong row refuses the
 * whole file (rows.<i>.<column>), and a right one is decidePurchaseReceipt.
 * `po` is the order the text names, or undefined (422 on purchaseOrder).
 */
export function decideReceiptAgainstPurchase(
  input: ReceiptCommand & { purchaseOrder: string },
  po: PurchaseOrder | undefined,
  snapshot: StockSnapshot,
  ctx: PurchaseContext & { receiptId: string },
): { result: ReceiptResult; decision: (PurchaseDecision & Pick<StockDecision, 'levels' | 'movements'>) | null } {
  if (!po) throw validationProblem({ purchaseOrder: `No purchase order is numbered ${input.purchaseOrder}` });
  if (!OPEN_STATUSES.includes(po.status)) {
    throw validationProblem({
      purchaseOrder: `${poLabel(po.number)} is ${po.status === 'draft' ? 'a draft: send it first' : 'not open for deliveries'}`,
    });
  }
  const rows = checkReceiptRows(input.rows, snapshot);
  const where = snapshot.locations.find((l) => l.id === po.locationId)?.name ?? po.locationId;
  const sums = new Map<string, number>();
  const rowsOf = new Map<string, ReceiptRowResult[]>();
  for (const row of rows) {
    if (!row.ok || !row.variantId) continue;
    const line = po.lines.find((l) => l.variantId === row.variantId);
    if (!line) {
      row.errors.sku = `${row.sku.trim()} is not on ${poLabel(po.number)}`;
      row.ok = false;
    } else if (row.locationId !== po.locationId) {
      row.errors.location = `${poLabel(po.number)} is delivered to ${where}`;
      row.ok = false;
    } else {
      sums.set(line.id, (sums.get(line.id) ?? 0) + Number(row.quantity.trim()));
      rowsOf.set(line.id, [...(rowsOf.get(line.id) ?? []), row]);
    }
  }
  for (const [lineId, units] of sums) {
    const line = po.lines.find((l) => l.id === lineId)!;
    const left = unitsLeft(line);
    if (units <= left) continue;
    for (const row of rowsOf.get(lineId) ?? []) {
      row.errors.quantity = `Only ${left} of ${line.quantity} ${line.sku} are still to come on ${poLabel(po.number)}; record an over-delivery on its page`;
      row.ok = false;
    }
  }
  if (input.dryRun) return { result: summariseReceipt(rows, false), decision: null };
  refuseWrongRows(rows);
  const decision = decidePurchaseReceipt(
    po,
    po.version,
    { lines: [...sums].map(([lineId, quantity]) => ({ lineId, quantity })), note: input.note, overReason: '' },
    snapshot,
    ctx,
  );
  return { result: summariseReceipt(rows, true), decision };
}
