/**
 * An audit entry's before and after in the screens' words: the one formatter
 * the audit log and a record's History tab share. The API keeps field names
 * and raw values (`variants.SKU.price: 8999 → 8499`, see src/domain/audit-rules.ts);
 * a person reads "WLK-100 · Black / M — Price: $89.99 → $84.99".
 *
 * Plain data out, no React: the components draw it (chips for lists, wrapped
 * text for long values), and the unit tests read it.
 */
import {
  CATEGORIES,
  FULFILMENT_STATUSES,
  ORDER_STATUSES,
  PAYMENT_STATUSES,
  PRODUCT_STATUSES,
  type AuditEntityType,
} from '@/contract/constants';
import { ROLE_LABELS, ROLES } from '@/contract/permissions';
import type { AuditEntry } from '@/contract/schemas';
import { formatCents } from '@/contract/values/money';
import { FULFILMENT_STATUS_LABELS, ORDER_STATUS_LABELS, PAYMENT_STATUS_LABELS, PRODUCT_STATUS_LABELS } from '@/lib/status-labels';

/** A value as shown: empty ("—"), text (long text wraps), or a list drawn as chips. */
export type ShownValue = { kind: 'none' } | { kind: 'text'; text: string } | { kind: 'chips'; items: string[] };

export type ShownChange = {
  /** The entry's own key, stable for React. */
  key: string;
  label: string;
  /** null: a fact of the action or of an added record (the refund's amount, a new variant's price), not a value that changed. */
  before: ShownValue | null;
  after: ShownValue;
};

/** The changes of the record itself (variant null), or of one of its variants. */
export type ShownGroup = {
  variant: { sku: string; options: readonly string[] } | null;
  /** added: the entry created it, and its values read as facts (no "— →"); removed: a variant that is gone. */
  state: 'changed' | 'added' | 'removed';
  changes: ShownChange[];
};

/** What the entry does not say but the screen can know: a variant's option values by SKU, a location's name. */
export type AuditLookups = {
  optionsOf?: (sku: string) => readonly string[] | undefined;
  locationName?: (id: string) => string | undefined;
};

type Entry = Pick<AuditEntry, 'entityType' | 'before' | 'after'>;
type Show = (value: unknown) => ShownValue;
type Field = { label: string; show: Show };

const NONE: ShownValue = { kind: 'none' };
const count = new Intl.NumberFormat('en-US');

function isEmpty(value: unknown): boolean {
  return value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
}

/** Anything, as a person would write it: the fallback for a field this module has no words for. */
const plain: Show = (value) => {
  if (isEmpty(value)) return NONE;
  if (typeof value === 'string') return { kind: 'text', text: value };
  if (typeof value === 'number') return { kind: 'text', text: count.format(value) };
  if (typeof value === 'boolean') return { kind: 'text', text: value ? 'Yes' : 'No' };
  if (Array.isArray(value)) return { kind: 'chips', items: value.map((v) => (typeof v === 'string' ? v : describeObject(v))) };
  return { kind: 'text', text: describeObject(value) };
};

function describeObject(value: unknown): string {
  if (typeof value !== 'object' || value === null) return String(value);
  return Object.entries(value)
    .filter(([, v]) => !isEmpty(v))
    .map(([k, v]) => `${humanize(k)}: ${typeof v === 'object' ? JSON.stringify(v) : String(v)}`)
    .join(', ');
}

/** "trackingNumber" → "Tracking number": only for keys nobody has named yet. */
function humanize(key: string): string {
  const words = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replaceAll('_', ' ');
  return words.charAt(0).toUpperCase() + words.slice(1).toLowerCase();
}

const sentence = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** Integer cents through the app's money module; anything else falls back to plain. */
const money: Show = (value) =>
  typeof value === 'number' && Number.isSafeInteger(value) ? { kind: 'text', text: formatCents(value) } : plain(value);

const units =
  (one: string, many: string): Show =>
  (value) =>
    typeof value === 'number' ? { kind: 'text', text: `${count.format(value)} ${value === 1 ? one : many}` } : plain(value);

const grams: Show = (value) => (typeof value === 'number' ? { kind: 'text', text: `${count.format(value)} g` } : plain(value));

const words: Show = (value) => (typeof value === 'string' && value ? { kind: 'text', text: sentence(value) } : plain(value));

function vocabulary<T extends string>(values: readonly T[], labels: Record<T, string>): Show {
  return (value) =>
    typeof value === 'string' && (values as readonly string[]).includes(value) ? { kind: 'text', text: labels[value as T] } : plain(value);
}

const chips: Show = (value) =>
  Array.isArray(value) && value.length > 0 ? { kind: 'chips', items: value.map((v) => String(v)) } : plain(value);

const categoryName: Show = (value) =>
  typeof value === 'string' ? { kind: 'text', text: CATEGORIES.find((c) => c.id === value)?.name ?? value } : plain(value);

const images: Show = (value) =>
  Array.isArray(value) && value.length > 0
    ? {
        kind: 'chips',
        items: value.map((image: { url?: unknown; alt?: unknown }) =>
          typeof image?.alt === 'string' && image.alt ? image.alt : String(image?.url ?? ''),
        ),
      }
    : plain(value);

const productOptions: Show = (value) =>
  Array.isArray(value) && value.length > 0
    ? {
        kind: 'chips',
        items: value.map((o: { name?: unknown; values?: unknown }) =>
          Array.isArray(o?.values) ? `${String(o.name)}: ${o.values.join(', ')}` : describeObject(o),
        ),
      }
    : plain(value);

const optionValues: Show = (value) => (Array.isArray(value) && value.length > 0 ? { kind: 'text', text: value.join(' / ') } : plain(value));

const activeOrNot: Show = (value) => (typeof value === 'boolean' ? { kind: 'text', text: value ? 'Active' : 'Deactivated' } : plain(value));

/** The product editor's labels; a CSV import of many products is one entry with its counts. */
const PRODUCT_FIELDS: Record<string, Field> = {
  title: { label: 'Title', show: plain },
  handle: { label: 'Handle', show: plain },
  description: { label: 'Description', show: plain },
  categoryId: { label: 'Category', show: categoryName },
  tags: { label: 'Tags', show: chips },
  status: { label: 'Status', show: vocabulary(PRODUCT_STATUSES, PRODUCT_STATUS_LABELS) },
  images: { label: 'Images', show: images },
  options: { label: 'Options', show: productOptions },
  created: { label: 'Products created', show: plain },
  updated: { label: 'Products updated', show: plain },
};

/** The variants table's labels. */
const VARIANT_FIELDS: Record<string, Field> = {
  sku: { label: 'SKU', show: plain },
  barcode: { label: 'Barcode', show: plain },
  optionValues: { label: 'Options', show: optionValues },
  weightGrams: { label: 'Weight', show: grams },
  price: { label: 'Price', show: money },
  compareAtPrice: { label: 'Compare-at price', show: money },
  cost: { label: 'Cost', show: money },
};

/** A bulk price change is one entry per step (scheduled, applied, started, ended, reverted). */
const PRICE_BATCH_FIELDS: Record<string, Field> = {
  step: { label: 'Step', show: words },
  change: { label: 'Change', show: words },
  variants: { label: 'Prices changed', show: units('variant', 'variants') },
  conflicts: { label: 'Changed since, kept', show: units('variant', 'variants') },
};

const STOCK_FIELDS: Record<string, Field> = {
  onHand: { label: 'On hand', show: plain },
  threshold: { label: 'Threshold', show: plain },
  reason: { label: 'Reason', show: words },
  note: { label: 'Note', show: plain },
  // A delivery from CSV: one entry for the whole file.
  units: { label: 'Units received', show: plain },
  rows: { label: 'Rows', show: plain },
};

const ORDER_FIELDS: Record<string, Field> = {
  status: { label: 'Status', show: vocabulary(ORDER_STATUSES, ORDER_STATUS_LABELS) },
  paymentStatus: { label: 'Payment', show: vocabulary(PAYMENT_STATUSES, PAYMENT_STATUS_LABELS) },
  fulfilmentStatus: { label: 'Fulfilment', show: vocabulary(FULFILMENT_STATUSES, FULFILMENT_STATUS_LABELS) },
  refunded: { label: 'Refunded in total', show: money },
  refund: { label: 'Refund', show: money },
  reason: { label: 'Reason', show: plain },
  shipped: { label: 'Shipped', show: units('unit', 'units') },
  carrier: { label: 'Carrier', show: plain },
  trackingNumber: { label: 'Tracking number', show: plain },
  released: { label: 'Released', show: units('unit', 'units') },
  note: { label: 'Note', show: plain },
};

const STAFF_FIELDS: Record<string, Field> = {
  name: { label: 'Name', show: plain },
  email: { label: 'Email', show: plain },
  role: { label: 'Role', show: vocabulary(ROLES, ROLE_LABELS) },
  active: { label: 'Status', show: activeOrNot },
};

const sharedOrNot: Show = (value) =>
  typeof value === 'boolean' ? { kind: 'text', text: value ? 'Shared with the team' : 'Only its owner' } : plain(value);

const VIEW_FIELDS: Record<string, Field> = {
  list: { label: 'List', show: words },
  name: { label: 'Name', show: plain },
  search: { label: 'Filters', show: plain },
  shared: { label: 'Who sees it', show: sharedOrNot },
};

const yesOrNo: Show = (value) => (typeof value === 'boolean' ? { kind: 'text', text: value ? 'Yes' : 'No' } : plain(value));
const enabledOrNot: Show = (value) => (typeof value === 'boolean' ? { kind: 'text', text: value ? 'Enabled' : 'Disabled' } : plain(value));

/** The discount form's labels; `value` is basis points or cents by its type, so it shows as sent. */
const DISCOUNT_FIELDS: Record<string, Field> = {
  code: { label: 'Code', show: plain },
  title: { label: 'Title', show: plain },
  kind: { label: 'Kind', show: words },
  type: { label: 'Type', show: words },
  value: { label: 'Value (basis points or cents)', show: plain },
  scope: { label: 'Applies to', show: words },
  targetIds: { label: 'Items', show: chips },
  minimumSubtotal: { label: 'Minimum subtotal', show: money },
  minimumQuantity: { label: 'Minimum quantity', show: units('unit', 'units') },
  usageLimit: { label: 'Usage limit', show: plain },
  oncePerCustomer: { label: 'Once per customer', show: yesOrNo },
  startsAt: { label: 'Starts', show: plain },
  endsAt: { label: 'Ends', show: plain },
  combines: { label: 'Combines with other discounts', show: yesOrNo },
  enabled: { label: 'Status', show: enabledOrNot },
};

const VARIANTS = 'variants.';

/** A field every record of the kind has, so an entry where it was empty before is the record's creation. */
const IDENTITY_FIELD: Partial<Record<AuditEntityType, string>> = { product: 'title', staff: 'email', view: 'name', discount: 'title' };

/** A field's words, own keys only: a key such as `constructor` is a field nobody named, not Object's. */
function fieldOf(fields: Record<string, Field>, key: string): Field | undefined {
  return Object.hasOwn(fields, key) ? fields[key] : undefined;
}

/** `variants.SKU.field` → SKU and field; `variants.SKU` (a removed variant) → field null. A SKU may itself hold dots. */
function variantKey(key: string): { sku: string; field: string | null } | null {
  if (!key.startsWith(VARIANTS)) return null;
  const rest = key.slice(VARIANTS.length);
  const dot = rest.lastIndexOf('.');
  const field = dot > 0 ? rest.slice(dot + 1) : '';
  if (fieldOf(VARIANT_FIELDS, field)) return { sku: rest.slice(0, dot), field };
  return { sku: rest, field: null };
}

function recordField(entityType: AuditEntityType, key: string, value: unknown, lookups: AuditLookups): Field {
  switch (entityType) {
    case 'product':
      return fieldOf(PRODUCT_FIELDS, key) ?? { label: humanize(key), show: plain };
    case 'price':
      return fieldOf(PRICE_BATCH_FIELDS, key) ?? { label: humanize(key), show: plain };
    case 'stock': {
      const known = fieldOf(STOCK_FIELDS, key);
      if (known) return known;
      // A transfer keys on hand by location: "On hand at Edison, NJ".
      if (typeof value === 'number') return { label: `On hand at ${lookups.locationName?.(key) ?? key}`, show: plain };
      return { label: humanize(key), show: plain };
    }
    case 'order':
      return fieldOf(ORDER_FIELDS, key) ?? { label: humanize(key), show: plain };
    case 'staff':
      return fieldOf(STAFF_FIELDS, key) ?? { label: humanize(key), show: plain };
    case 'view':
      return fieldOf(VIEW_FIELDS, key) ?? { label: humanize(key), show: plain };
    case 'discount':
      return fieldOf(DISCOUNT_FIELDS, key) ?? { label: humanize(key), show: plain };
    case 'customer':
    case 'supplier':
    case 'purchase_order':
      return { label: humanize(key), show: plain };
  }
}

/** A value the entry holds itself: `before.constructor` is Object's, not a field's. */
function own(values: Record<string, unknown>, key: string): unknown {
  return Object.hasOwn(values, key) ? values[key] : undefined;
}

function same(a: unknown, b: unknown): boolean {
  return (isEmpty(a) && isEmpty(b)) || a === b || JSON.stringify(a) === JSON.stringify(b);
}

/** The changes of an entry, the record's own first and then one group per variant, each in the entry's order; nothing that did not change. */
export function describeAuditChanges(entry: Entry, lookups: AuditLookups = {}): ShownGroup[] {
  const before = (key: string) => own(entry.before, key);
  const after = (key: string) => own(entry.after, key);
  const keys = [...new Set([...Object.keys(entry.after), ...Object.keys(entry.before)])];
  const record: { key: string; field: Field; facts: boolean }[] = [];
  const variants = new Map<string, { key: string; name: string; field: Field }[]>();
  const removed: { sku: string; key: string }[] = [];

  for (const key of keys) {
    if (same(before(key), after(key))) continue; // "— → —" says nothing
    const variant = entry.entityType === 'product' || entry.entityType === 'price' ? variantKey(key) : null;
    if (variant?.field === null) {
      if (isEmpty(after(key))) removed.push({ sku: variant.sku, key });
      continue;
    }
    if (variant) {
      const list = variants.get(variant.sku) ?? [];
      list.push({ key, name: variant.field, field: fieldOf(VARIANT_FIELDS, variant.field)! });
      variants.set(variant.sku, list);
      continue;
    }
    // A key the before does not hold is what the action did (the refund's amount), not a field that changed.
    record.push({ key, field: recordField(entry.entityType, key, after(key), lookups), facts: !Object.hasOwn(entry.before, key) });
  }

  const show = (key: string, field: Field, fact: boolean): ShownChange => ({
    key,
    label: field.label,
    before: fact ? null : field.show(before(key)),
    after: field.show(after(key)),
  });
  const groups: ShownGroup[] = [];
  if (record.length) {
    // A record was created when a field every record has (a product's title, a person's email) was empty before.
    const identity = IDENTITY_FIELD[entry.entityType];
    const added = identity !== undefined && Object.hasOwn(entry.before, identity) && isEmpty(before(identity));
    // What changed first, then what the action did (an order's new payment status before the refund's amount and reason).
    const ordered = [...record.filter((c) => !c.facts), ...record.filter((c) => c.facts)];
    groups.push({
      variant: null,
      state: added ? 'added' : 'changed',
      changes: ordered.map((c) => show(c.key, c.field, c.facts || added)),
    });
  }
  for (const [sku, fields] of variants) {
    // Likewise a variant: every variant has a SKU and a price.
    const added = fields.some((c) => (c.name === 'sku' || c.name === 'price') && isEmpty(before(c.key)));
    const named = after(`${VARIANTS}${sku}.optionValues`);
    const options = Array.isArray(named) ? named.map(String) : (lookups.optionsOf?.(sku) ?? []);
    groups.push({
      variant: { sku, options },
      state: added ? 'added' : 'changed',
      changes: fields.map((c) => show(c.key, c.field, added)),
    });
  }
  for (const { sku, key } of removed) {
    const was = before(key);
    groups.push({
      variant: { sku, options: lookups.optionsOf?.(sku) ?? [] },
      state: 'removed',
      changes:
        typeof was === 'object' && was !== null && 'price' in was ? [{ key, label: 'Price', before: null, after: money(was.price) }] : [],
    });
  }
  return groups;
}

/** "WLK-100 · Black / M": how a variant is named wherever a change names one. */
export function variantName(variant: { sku: string; options: readonly string[] }): string {
  return variant.options.length ? `${variant.sku} · ${variant.options.join(' / ')}` : variant.sku;
}

/**
 * The products whose variants an entry names without their option values: the
 * screen looks them up (a product's current variants, by SKU) to name them.
 */
export function productsToName(entries: readonly Pick<AuditEntry, 'entityType' | 'entityId' | 'after'>[]): string[] {
  const ids = new Set<string>();
  for (const entry of entries) {
    if (entry.entityType !== 'product' && entry.entityType !== 'price') continue;
    if (!isProductId(entry.entityId)) continue;
    const keys = Object.keys(entry.after);
    const unnamed = keys.some((key) => {
      const variant = variantKey(key);
      return variant && !keys.includes(`${VARIANTS}${variant.sku}.optionValues`);
    });
    if (unnamed) ids.add(entry.entityId);
  }
  return [...ids];
}

/** Ids are the contract's: products `prod_…`, price batches `pb_…` (both backends make them so). */
const isProductId = (id: string) => id.startsWith('prod_');
const isPriceBatchId = (id: string) => id.startsWith('pb_');

/** Where an entry's record lives in the app, or null when it has no page (a CSV import, a delivery). */
export type RecordPage =
  | { page: 'product'; productId: string }
  | { page: 'price batch'; batchId: string }
  | { page: 'stock ledger'; variantId: string }
  | { page: 'order'; orderId: string }
  | { page: 'discount'; discountId: string }
  | { page: 'customer'; customerId: string }
  | { page: 'staff' }
  | { page: 'purchase order'; purchaseOrderId: string }
  | { page: 'suppliers' };

export function recordPage(entry: Pick<AuditEntry, 'entityType' | 'entityId'>): RecordPage | null {
  const id = entry.entityId;
  switch (entry.entityType) {
    case 'product':
      return isProductId(id) ? { page: 'product', productId: id } : null;
    case 'price':
      if (isPriceBatchId(id)) return { page: 'price batch', batchId: id };
      return isProductId(id) ? { page: 'product', productId: id } : null;
    case 'stock':
      return id === 'delivery' ? null : { page: 'stock ledger', variantId: id };
    case 'order':
      return { page: 'order', orderId: id };
    case 'staff':
      return { page: 'staff' };
    case 'view':
      // A saved view has no page of its own (and a deleted one is gone).
      return null;
    case 'discount':
      return { page: 'discount', discountId: id };
    case 'customer':
      return { page: 'customer', customerId: id };
    case 'purchase_order':
      return { page: 'purchase order', purchaseOrderId: id };
    case 'supplier':
      // Suppliers are one list, edited in place: the entry opens it.
      return { page: 'suppliers' };
  }
}
