/**
 * The contract as an OpenAPI 3.1 document: the paths generated from the route
 * table (./routes), the schemas from the zod schemas it names, so the readable
 * spec can never say something the code does not. What the table cannot say
 * (each operation's id, tag, prose and route-specific answers) is in
 * OPERATIONS below, one entry per route. `npm run openapi` writes it to
 * docs/openapi.json; a test fails when that file and this function disagree.
 */
import { z } from 'zod';
import { ACTION_REASONS, PERMISSIONS, ROLES, type Action } from './permissions';
import { pageQuerySchema, type PriceBatchListQuery, type PriceHistoryQuery } from './pricing-schemas';
import type { OrderListQuery, ReturnListQuery } from './order-schemas';
import type { CustomerListQuery } from './customer-schemas';
import type { DiscountListQuery, DiscountPerformanceQuery } from './discount-schemas';
import type {
  BreakdownQuery,
  ProfitQuery,
  RefundRecordQuery,
  SaleLineQuery,
  SalesReportQuery,
  SalesSummaryQuery,
  SellThroughQuery,
} from './report-schemas';
import { ROUTE_IDS, ROUTES, type Method, type RouteId, type RouteSpec } from './routes';
import { problemSchema, type AuditListQuery, type ProductListQuery } from './schemas';
import type { InventoryListQuery, LedgerQuery, TransitTransferQuery } from './stock-schemas';
import type { AlertQuery, PurchaseOrderListQuery, ReorderQuery } from './replenishment-schemas';

export type JsonSchema = { [keyword: string]: unknown };
type MediaType = { schema: JsonSchema };
type Header = { description: string; required?: boolean; schema: JsonSchema; example?: string };
type Response = { description: string; headers?: Record<string, Header>; content?: Record<string, MediaType> };
type Parameter = {
  name: string;
  in: 'query' | 'path' | 'header';
  required: boolean;
  description?: string;
  schema: JsonSchema;
  style?: 'form';
  explode?: boolean;
  example?: string;
};
export type Operation = {
  operationId: string;
  tags: string[];
  summary: string;
  description?: string;
  parameters?: Parameter[];
  requestBody?: { required: true; content: Record<string, MediaType> };
  responses: Record<string, Response>;
};
export type PathItem = Partial<Record<'get' | 'put' | 'post' | 'patch' | 'delete', Operation>>;
export type OpenApiDocument = {
  openapi: '3.1.0';
  jsonSchemaDialect: string;
  info: { title: string; version: string; description: string };
  servers: { url: string; description: string }[];
  tags: { name: string; description: string }[];
  paths: Record<string, PathItem>;
  components: { schemas: Record<string, JsonSchema> };
};

const SCHEMA_PREFIX = '#/components/schemas/';
const JSON_MEDIA = 'application/json';
const PROBLEM = 'application/problem+json';

const ref = (id: string): JsonSchema => ({ $ref: `${SCHEMA_PREFIX}${id}` });

// ---------------------------------------------------------------- schemas → JSON Schema

/**
 * Keyword order in the output, so a zod upgrade that builds its objects in
 * another order does not rewrite the committed file. Unlisted keywords follow,
 * alphabetically.
 */
const KEYWORD_ORDER = [
  '$ref',
  'title',
  'description',
  'type',
  'const',
  'enum',
  'format',
  'pattern',
  'minLength',
  'maxLength',
  'minimum',
  'exclusiveMinimum',
  'maximum',
  'exclusiveMaximum',
  'multipleOf',
  'items',
  'prefixItems',
  'minItems',
  'maxItems',
  'uniqueItems',
  'properties',
  'required',
  'propertyNames',
  'additionalProperties',
  'allOf',
  'anyOf',
  'oneOf',
  'not',
  'default',
  'examples',
];
const SUBSCHEMA = new Set(['items', 'additionalProperties', 'propertyNames', 'not', 'contains', 'if', 'then', 'else']);
const SUBSCHEMA_LIST = new Set(['allOf', 'anyOf', 'oneOf', 'prefixItems']);
const SUBSCHEMA_MAP = new Set(['properties', 'patternProperties', '$defs', 'dependentSchemas']);

function keywordRank(key: string): number {
  const i = KEYWORD_ORDER.indexOf(key);
  return i === -1 ? KEYWORD_ORDER.length : i;
}

/**
 * One JSON Schema as the document shows it: keywords in a fixed order,
 * references pointing into components, and zod's implementation details left out:
 * the ±(2^53 − 1) bounds that `.int()` adds (JSON integers are safe integers
 * here anyway) and the long regular expression behind `format: date-time`.
 */
function tidy(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const schema = value as JsonSchema;
  const out: JsonSchema = {};
  const keys = Object.keys(schema).sort((a, b) => keywordRank(a) - keywordRank(b) || (a < b ? -1 : a > b ? 1 : 0));
  for (const key of keys) {
    const v = schema[key];
    if (key === '$schema' || key === '$id') continue;
    if ((key === 'minimum' && v === Number.MIN_SAFE_INTEGER) || (key === 'maximum' && v === Number.MAX_SAFE_INTEGER)) continue;
    if (key === 'pattern' && schema.format === 'date-time') continue;
    if (key === '$ref' && typeof v === 'string') out[key] = componentRef(v);
    else if (SUBSCHEMA.has(key)) out[key] = tidy(v);
    else if (SUBSCHEMA_LIST.has(key) && Array.isArray(v)) out[key] = v.map(tidy);
    else if (SUBSCHEMA_MAP.has(key) && typeof v === 'object' && v !== null)
      out[key] = Object.fromEntries(Object.entries(v).map(([name, sub]) => [name, tidy(sub)]));
    else out[key] = v;
  }
  return out;
}

/** zod puts schemas that carry an id but are not in the registry under `__shared`; here every id is a component. */
function componentRef(target: string): string {
  const shared = /^#\/components\/schemas\/__shared#\/\$defs\/(.+)$/.exec(target) ?? /^#\/\$defs\/(.+)$/.exec(target);
  return shared ? `${SCHEMA_PREFIX}${shared[1]}` : target;
}

/**
 * Converts the given schemas, and every schema with an id they contain, to
 * JSON Schema 2020-12, each referenced as `#/components/schemas/<id>`.
 *
 * `io: 'input'` describes what the receiving side's parser accepts, which is
 * what may travel over the wire in both directions: the server parses request
 * bodies, the client parses responses (a defaulted field such as Problem.type
 * may be left out; unknown fields are ignored, not refused).
 */
function toComponents(schemas: z.ZodType[], io: 'input' | 'output'): Record<string, JsonSchema> {
  const registry = z.registry<{ id: string }>();
  for (const schema of schemas) {
    const id = z.globalRegistry.get(schema)?.id;
    if (!id) throw new Error('A schema in the OpenAPI document needs .meta({ id }) in schemas.ts');
    registry.add(schema, { id });
  }
  const { schemas: generated } = z.toJSONSchema(registry, {
    target: 'draft-2020-12',
    io,
    unrepresentable: 'throw',
    uri: (id) => `${SCHEMA_PREFIX}${id}`,
  });
  const { __shared, ...named } = generated as Record<string, JsonSchema>;
  const nested = (__shared?.$defs ?? {}) as Record<string, JsonSchema>;
  return Object.fromEntries(Object.entries({ ...nested, ...named }).map(([id, schema]) => [id, tidy(schema) as JsonSchema]));
}

function mergeComponents(into: Record<string, JsonSchema>, more: Record<string, JsonSchema>): void {
  for (const [id, schema] of Object.entries(more)) {
    const existing = into[id];
    if (existing && JSON.stringify(existing) !== JSON.stringify(schema)) {
      throw new Error(`Two different schemas are both called ${id}`);
    }
    into[id] = schema;
  }
}

// ---------------------------------------------------------------- query parameters

const PRODUCT_QUERY_DESCRIPTIONS: Record<keyof ProductListQuery, string> = {
  offset: 'How many rows to skip (page × limit).',
  limit: 'Rows per page.',
  sort: 'Sort key; a leading `-` sorts descending.',
  q: 'Free text, matched against titles and SKUs; digits also match the start of a barcode.',
  status: 'Comma-separated statuses, e.g. `active,draft`; a product matches any of them.',
  categoryId: 'Only products of this category.',
  tag: 'Only products carrying this tag.',
  priceMin: 'In cents: only products with a variant priced at least this (and at most priceMax).',
  priceMax: 'In cents: only products with a variant priced at most this (and at least priceMin).',
};

const AUDIT_QUERY_DESCRIPTIONS: Record<keyof AuditListQuery, string> = {
  offset: 'How many entries to skip (page × limit).',
  limit: 'Entries per page.',
  sort: '`-at` (newest first, the default) or `at`.',
  actorId: 'Only changes made by this staff member.',
  entityType: 'Only changes to this kind of record.',
  entityId: 'Only changes to this record (a product id, a staff id, …).',
  from: 'Only changes at or after this time.',
  to: 'Only changes before this time.',
};

const INVENTORY_QUERY_DESCRIPTIONS: Record<keyof InventoryListQuery, string> = {
  offset: 'How many rows to skip (page × limit).',
  limit: 'Rows per page.',
  sort: 'Sort key; a leading `-` sorts descending. Levels that sold nothing have no days of cover and sort after every number.',
  q: 'Free text, matched against SKUs and product titles.',
  locationId: 'Only this location.',
  categoryId: 'Only variants of products in this category.',
  state: 'Comma-separated stock states, e.g. `low,out`.',
  low: '`true`: only levels running low (available at or under the threshold, or under 14 days of cover), archived products left out.',
  variantId: 'Only this variant (its level at every location).',
};

const TRANSFER_QUERY_DESCRIPTIONS: Record<keyof TransitTransferQuery, string> = {
  offset: 'How many rows to skip (page × limit).',
  limit: 'Rows per page.',
  status: '`in_transit` or `received`.',
  locationId: 'Only transfers leaving or arriving here.',
  variantId: 'Only this variant.',
};

const REORDER_QUERY_DESCRIPTIONS: Record<keyof ReorderQuery, string> = {
  offset: 'How many rows to skip (page × limit).',
  limit: 'Rows per page.',
  sort: 'Sort key; a leading `-` sorts descending. Ties by SKU, then location.',
  q: 'Free text, matched against SKUs, supplier SKUs and product titles.',
  locationId: 'Only this location.',
  categoryId: 'Only variants of products in this category.',
  supplierId: 'Only this supplier’s variants; `none` for variants nobody supplies.',
  by: 'Only rows to order on or before this store day (YYYY-MM-DD).',
};

const PURCHASE_QUERY_DESCRIPTIONS: Record<keyof PurchaseOrderListQuery, string> = {
  offset: 'How many rows to skip (page × limit).',
  limit: 'Rows per page.',
  status: 'Comma-separated statuses, e.g. `sent,partially_received`.',
  supplierId: 'Only this supplier’s orders.',
  locationId: 'Only orders delivered here.',
  overdue: '`true`: only sent or partly received orders past their expected day.',
  variantId: 'Only orders with a line of this variant.',
};

const ALERT_QUERY_DESCRIPTIONS: Record<keyof AlertQuery, string> = {
  offset: 'How many alerts to skip.',
  limit: 'Alerts per page.',
};

const ORDER_QUERY_DESCRIPTIONS: Record<keyof OrderListQuery, string> = {
  offset: 'How many rows to skip (page × limit).',
  limit: 'Rows per page.',
  sort: 'Sort key; a leading `-` sorts descending (`-placedAt`, newest first, is the default).',
  q: 'An order number (`#1042` or `1042`) finds that order; other text is matched against customer names and emails.',
  status: 'Comma-separated order statuses.',
  paymentStatus: 'Comma-separated payment statuses.',
  fulfilmentStatus: 'Comma-separated fulfilment statuses.',
  from: 'First day placed, inclusive, in the store’s time zone (America/New_York).',
  to: 'Last day placed, inclusive, in the store’s time zone.',
  state: 'Two-letter code of the shipping address’s state.',
  totalMin: 'In cents: only orders totalling at least this.',
  totalMax: 'In cents: only orders totalling at most this.',
  sku: 'Only orders with a line of this SKU (case-insensitive).',
  discountCode: 'Only orders placed with this discount code (case-insensitive): a discount’s drill-down.',
  customerId: 'Only this customer’s orders.',
};

const RETURN_QUERY_DESCRIPTIONS: Record<keyof ReturnListQuery, string> = {
  offset: 'How many rows to skip (page × limit).',
  limit: 'Rows per page.',
  sort: '`-updatedAt` (the latest step first, the default), `updatedAt`, `requestedAt` or `-requestedAt`.',
  status: 'Comma-separated return statuses (requested, received, refunded, exchanged, closed).',
  reason: 'Comma-separated reasons (defective, wrong_item, not_as_described, changed_mind).',
  q: 'An order number (`#1042` or `1042`) finds that order’s returns; other text is matched against customer names and emails.',
};

const CUSTOMER_QUERY_DESCRIPTIONS: Record<keyof CustomerListQuery, string> = {
  offset: 'How many rows to skip (page × limit).',
  limit: 'Rows per page.',
  sort: 'Sort key; a leading `-` sorts descending (`-lastOrderAt`, the latest buyers first, is the default).',
  q: 'Part of the name or the email (any case), or 3 or more digits of the phone number.',
  state: 'Two-letter code of the state they last ordered to.',
  ordersMin: 'Only customers with at least this many orders.',
  ordersMax: 'Only customers with at most this many orders.',
  spentMin: 'In cents: only customers whose lifetime spend (charged less refunded) is at least this.',
  spentMax: 'In cents: only customers whose lifetime spend is at most this.',
  lastFrom: 'First day of their last order, inclusive, in the store’s time zone (America/New_York).',
  lastTo: 'Last day of their last order, inclusive.',
};

const DISCOUNT_QUERY_DESCRIPTIONS: Record<keyof DiscountListQuery, string> = {
  offset: 'How many rows to skip (page × limit).',
  limit: 'Rows per page.',
  sort: 'Sort key; a leading `-` sorts descending (`-startsAt`, newest first, is the default).',
  q: 'Part of the code or the title, any case.',
  status: 'Comma-separated statuses (scheduled, active, expired, disabled), as of the store’s clock now.',
  kind: 'Comma-separated kinds: code, automatic.',
  type: 'Comma-separated types: percent, amount, free_shipping.',
};

const DISCOUNT_PERFORMANCE_DESCRIPTIONS: Record<keyof DiscountPerformanceQuery, string> = {
  from: 'First day placed, inclusive, in the store’s time zone (America/New_York).',
  to: 'Last day placed, inclusive.',
};

const noDiscount = problem('No discount has this id.');

const REPORT_FILTER_DESCRIPTIONS = {
  from: 'First day of the range, inclusive, in the store’s time zone (America/New_York).',
  to: 'Last day of the range, inclusive.',
  categoryId: 'Only lines of products in this category (shipping, which belongs to no product, is then left out).',
  state: 'Only orders shipped to this state (two-letter code).',
};

const SALES_QUERY_DESCRIPTIONS: Record<keyof SalesReportQuery, string> = {
  ...REPORT_FILTER_DESCRIPTIONS,
  granularity: '`day`, `week` (from Monday) or `month`; left out, the API picks one from the range’s length.',
  compare: '`previous` (as many days just before), `last_year` (the same days a year earlier) or `none`.',
};

const BREAKDOWN_QUERY_DESCRIPTIONS: Record<keyof BreakdownQuery, string> = {
  ...REPORT_FILTER_DESCRIPTIONS,
  by: 'What a row is: a product, a variant, a category or a state.',
  sort: 'Sort key; a leading `-` sorts descending (`-revenue` is the default).',
  offset: 'How many rows to skip.',
  limit: 'Rows per page.',
};

const DRILL_QUERY_DESCRIPTIONS = {
  ...REPORT_FILTER_DESCRIPTIONS,
  productId: 'Only lines of this product (as a product breakdown row).',
  variantId: 'Only lines of this variant (as a variant breakdown row).',
  offset: 'How many rows to skip.',
  limit: 'Rows per page.',
};

const REFUND_RECORD_QUERY_DESCRIPTIONS: Record<keyof RefundRecordQuery, string> = {
  ...DRILL_QUERY_DESCRIPTIONS,
  sort: '`-at` (newest first, the default), `at`, `amount` or `-amount`.',
};

const SALE_LINE_QUERY_DESCRIPTIONS: Record<keyof SaleLineQuery, string> = {
  ...DRILL_QUERY_DESCRIPTIONS,
  sort: '`-placedAt` (newest first, the default), `placedAt`, `revenue`, `-revenue`, `quantity` or `-quantity`.',
};

const SUMMARY_QUERY_DESCRIPTIONS: Record<keyof SalesSummaryQuery, string> = {
  from: REPORT_FILTER_DESCRIPTIONS.from,
  to: REPORT_FILTER_DESCRIPTIONS.to,
  state: REPORT_FILTER_DESCRIPTIONS.state,
  granularity: SALES_QUERY_DESCRIPTIONS.granularity,
};

const PROFIT_QUERY_DESCRIPTIONS: Record<keyof ProfitQuery, string> = {
  ...BREAKDOWN_QUERY_DESCRIPTIONS,
  abc: 'By product only: the rows of this ABC class (A, B or C); `totals` are then those rows’ sums.',
  sort: 'Sort key; a leading `-` sorts descending (`-sales` is the default).',
};

const SELL_THROUGH_QUERY_DESCRIPTIONS: Record<keyof SellThroughQuery, string> = {
  from: REPORT_FILTER_DESCRIPTIONS.from,
  to: REPORT_FILTER_DESCRIPTIONS.to,
  categoryId: REPORT_FILTER_DESCRIPTIONS.categoryId,
  locationId: 'Only this warehouse.',
  sort: 'Sort key; a leading `-` sorts descending (`-rate` is the default; rows without a rate come last).',
  offset: 'How many rows to skip.',
  limit: 'Rows per page.',
};

const LEDGER_QUERY_DESCRIPTIONS: Record<keyof LedgerQuery, string> = {
  offset: 'How many rows to skip (page × limit).',
  limit: 'Rows per page.',
  sort: '`-at` (newest first, the default) or `at`.',
  variantId: 'The variant whose movements to list.',
  locationId: 'Only movements at this location.',
};

const PRICE_BATCH_QUERY_DESCRIPTIONS: Record<keyof PriceBatchListQuery, string> = {
  offset: 'How many batches to skip (page × limit).',
  limit: 'Batches per page.',
  sort: '`-createdAt` (newest first, the default), `createdAt`, `startsAt` or `-startsAt`.',
  status: 'Only batches in this state.',
};

const PAGE_QUERY_DESCRIPTIONS: Record<keyof z.infer<typeof pageQuerySchema>, string> = {
  offset: 'How many rows to skip (page × limit).',
  limit: 'Rows per page.',
};

const PRICE_HISTORY_QUERY_DESCRIPTIONS: Record<keyof PriceHistoryQuery, string> = {
  ...PAGE_QUERY_DESCRIPTIONS,
  sku: 'The variant, by SKU (case-insensitive). An unknown SKU, or neither parameter, answers an empty list.',
  variantId: 'The variant, by id; wins over `sku` when both are sent.',
};

/**
 * A route's query string, one parameter per field of its schema. Parameters are
 * described as parsed (`io: 'output'`): an OpenAPI parameter schema types the
 * value after the query string has been split, so `limit` is an integer and
 * `status` an array sent as a comma list.
 */
function queryParameters(
  querySchema: z.ZodObject,
  descriptions: Record<string, string>,
  components: Record<string, JsonSchema>,
): Parameter[] {
  const json = tidy(z.toJSONSchema(querySchema, { target: 'draft-2020-12', io: 'output', unrepresentable: 'throw' })) as JsonSchema;
  const defs = (json.$defs ?? {}) as Record<string, JsonSchema>;
  mergeComponents(components, defs);
  const properties = json.properties as Record<string, JsonSchema>;
  const shape = querySchema.shape as Record<string, z.ZodType>;
  return Object.entries(properties).map(([name, schema]) => ({
    name,
    in: 'query',
    required: !shape[name]?.safeParse(undefined).success,
    description: descriptions[name],
    schema,
    ...(schema.type === 'array' ? { style: 'form', explode: false } : {}),
  }));
}

// ---------------------------------------------------------------- parameters and headers the table implies

const idParameter = (name: string, description: string): Parameter => ({
  name,
  in: 'path',
  required: true,
  description,
  schema: { type: 'string', minLength: 1 },
});

const versionSchema: JsonSchema = { type: 'string', pattern: '^"[0-9]+"$' };

const ifMatchParameter = (resource: string): Parameter => ({
  name: 'If-Match',
  in: 'header',
  required: true,
  description: `The \`version\` of the ${resource} the edit started from, as a quoted entity tag. A stale version is refused with 409 and the current ${resource}; a missing header with 428.`,
  schema: versionSchema,
  example: '"3"',
});

const idempotencyKeyParameter = (required: boolean, note?: string): Parameter => ({
  name: 'Idempotency-Key',
  in: 'header',
  required,
  description: [
    'A fresh random key (a UUID) per intended change, reused for every retry of it. The same key with the same body returns the first answer without applying the change again; the same key with a different body is refused with 422.',
    ...(note ? [note] : []),
  ].join(' '),
  schema: { type: 'string', minLength: 1, maxLength: 200 },
  example: '0b5f3c9e-6f0a-4c3e-9a51-2f4d8e7b1c2a',
});

const etagHeader = (resource: string): Header => ({
  description: `The ${resource}’s \`version\`, quoted: send it back as If-Match.`,
  schema: versionSchema,
  example: '"4"',
});

// ---------------------------------------------------------------- responses

function jsonResponse(description: string, id: string, headers?: Record<string, Header>): Response {
  return { description, ...(headers ? { headers } : {}), content: { [JSON_MEDIA]: { schema: ref(id) } } };
}

/** A problem+json answer; `required` names fields this status always carries, `properties` narrows them. */
function problem(description: string, extra?: { required: string[]; properties?: Record<string, JsonSchema> }): Response {
  const schema = extra
    ? {
        allOf: [
          ref('Problem'),
          { type: 'object', ...(extra.properties ? { properties: extra.properties } : {}), required: extra.required },
        ],
      }
    : ref('Problem');
  return { description, content: { [PROBLEM]: { schema } } };
}

const validationProblem = (what: string) =>
  problem(`${what} \`errors\` maps each field path, as the form names it (\`variants.0.price\`), to a message for that field.`, {
    required: ['errors'],
  });
const otherProblem = problem('Any other failure, as problem details (for example 503 when the mock API simulates an outage).');
const unauthorized = problem('Not signed in, or the session expired: sign in again (POST /session) and retry.');
/** A 403 naming no permission: GET /inventory and GET /orders need one every role has, yet the document has always listed a 403 for them. */
const forbidden = problem('Signed in, but the role may not do this; `detail` says why in plain words.');

/** `a`, `a or b`, `a, b or c`. */
function orList(items: string[], word: 'or' | 'and'): string {
  return items.length < 2 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} ${word} ${items.at(-1)}`;
}

const rolesAllowed = (action: Action) => ROLES.filter((role) => PERMISSIONS[role].includes(action));

/** The 403 of a permission not every role has, naming the roles that have it (permissions.ts). */
function forbiddenFor(action: Action, also = ''): Response {
  const roles = orList(
    rolesAllowed(action).map((role) => `\`${role}\``),
    'and',
  );
  return problem(
    `Signed in, but the role may not ${ACTION_REASONS[action]} (only ${roles} may${also}); \`detail\` says why in plain words.`,
  );
}

const noOrder = problem('No order has this id.');
const noBatch = problem('No price batch has this id.');
const staleOrder = problem('Someone changed the order since the version sent. Nothing was done; `current` is the order as it is now.', {
  required: ['current'],
  properties: { current: ref('Order') },
});
const staleLevel = problem(
  'The level changed since the version sent (someone adjusted, moved or sold stock). Nothing was applied; `current.levels` are the fresh numbers to decide on.',
  {
    required: ['current'],
    properties: { current: { type: 'object', properties: { levels: { type: 'array', items: ref('InventoryLevel') } } } },
  },
);
const noCustomer = problem('No customer has this id.');
const noOrderOrReturn = problem('No order has this id, or it has no return with this id.');
const invalidForOrder = validationProblem('The request is not valid for this order, or a rule refuses it (`detail` says which).');

// ---------------------------------------------------------------- what the route table does not say

const TAGS = [
  { name: 'Products', description: 'Listings, their variants, prices and status.' },
  { name: 'Catalogue', description: 'Categories and tags, for filters and pickers.' },
  { name: 'Staff', description: 'Signing in, staff accounts and roles, and the audit log.' },
  { name: 'Inventory', description: 'Stock levels per variant and location, and the ledger of every movement.' },
  { name: 'Replenishment', description: 'Suppliers, reorder points, the reorder view, purchase orders and their receipts, and alerts.' },
  { name: 'Orders', description: 'Finding, fulfilling, cancelling and refunding orders; returns and exchanges; notes and timelines.' },
  { name: 'Customers', description: 'The people who order: contact, addresses, what their orders add up to, notes and history.' },
  { name: 'Reports', description: 'Sales figures computed by the server, in the store’s time zone.' },
  { name: 'Discounts', description: 'Codes and automatic offers: create, schedule, disable, preview on a basket, and measure.' },
  { name: 'Pricing', description: 'Bulk price changes: preview, apply or schedule, revert, and each variant’s price history.' },
  { name: 'Saved views', description: 'A list’s filters and order kept under a name, personal or shared with the team.' },
] as const;
type Tag = (typeof TAGS)[number]['name'];

/** The `:name` parameters of a path: `/api/x/:a/y/:b` → `'a' | 'b'`. */
type PathParams<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? Name | PathParams<Rest>
  : P extends `${string}:${infer Name}`
    ? Name
    : never;
type QueryKeys<R> = R extends { query: infer Q extends z.ZodType } ? keyof z.output<Q> : never;

type OperationDocsBase = {
  operationId: string;
  /** Where the operation is listed; the document lists the tags in TAGS' order, each tag's routes in the table's. */
  tag: Tag;
  description?: string;
  /** The success answer's description. */
  success: string;
  /** Headers of the success answer besides the ETag the table implies (a create's Location). */
  successHeaders?: Record<string, Header>;
  /** What an optional Idempotency-Key adds to the header's description: when it is needed after all. */
  idempotencyKey?: string;
  /** Answers the table does not imply, and route-specific words for those it does (these win). */
  responses?: Record<string, Response>;
};

/**
 * One route's documentation. A route with `:params` must describe each; one with a query, each of its
 * fields; one with a version (If-Match or ETag) must name what is versioned (`product`, `order`, …).
 */
type OperationDocs<R extends RouteSpec> = OperationDocsBase &
  ([PathParams<R['path']>] extends [never] ? unknown : { params: Record<PathParams<R['path']>, string> }) &
  ([QueryKeys<R>] extends [never] ? unknown : { query: Record<QueryKeys<R>, string> }) &
  (R extends { etag: true } | { ifMatch: true } ? { resource: string } : unknown);

type AnyOperationDocs = OperationDocsBase & { params?: Record<string, string>; query?: Record<string, string>; resource?: string };

/** Every route's documentation, by route id: a route added to the table without an entry here fails type-checking. */
const OPERATIONS: { [K in RouteId]: OperationDocs<(typeof ROUTES)[K]> } = {
  'session.signIn': {
    operationId: 'signIn',
    tag: 'Staff',
    description:
      'Sign in with email and password. Starts a session and sets it as an HttpOnly, Secure, SameSite=Strict cookie: the token is never in the body, so no script can read it. After three wrong passwords for an email, or twenty from one client address over any emails, further attempts wait (429 with Retry-After), doubling each time, the right password too; an unknown email is answered exactly as a known one.',
    success: 'The person and when the session expires.',
    responses: {
      '401': problem('The email or password is wrong (the answer does not say which).'),
      '422': validationProblem('The email or password is missing.'),
      '429': problem(
        'Too many wrong passwords for this email or from this address; `retryAfter` (and the Retry-After header) says how many seconds to wait. No password was checked.',
        { required: ['retryAfter'] },
      ),
    },
  },
  'session.get': {
    operationId: 'getSession',
    tag: 'Staff',
    description: 'Who is signed in, and until when.',
    success: 'The signed-in person and when the session expires.',
    responses: { '401': unauthorized },
  },
  'session.signOut': {
    operationId: 'signOut',
    tag: 'Staff',
    description: 'Sign out: the session ends on the server too.',
    success: 'Signed out (also when there was no session).',
  },

  'staff.list': {
    operationId: 'listStaff',
    tag: 'Staff',
    description: 'Every staff account (admins and managers).',
    success: 'All staff.',
  },
  'staff.create': {
    operationId: 'createStaff',
    tag: 'Staff',
    description: 'Create a staff account (admins).',
    resource: 'account',
    success: 'The new account, at version 1.',
    responses: { '422': validationProblem('The account is not valid, or the email is taken.') },
  },
  'staff.update': {
    operationId: 'updateStaff',
    tag: 'Staff',
    description:
      'Change a staff member’s role or deactivate them (admins). Nobody can deactivate themselves, and the last active admin can be neither deactivated nor demoted (422).',
    params: { id: 'The staff id.' },
    resource: 'account',
    success: 'The account as saved, with its new version.',
    responses: {
      '404': problem('No staff member has this id.'),
      '409': problem('Someone saved a newer version; `current` is the account as it is now.', {
        required: ['current'],
        properties: { current: ref('Staff') },
      }),
      '422': problem('Not valid, or a rule forbids it (deactivating yourself, losing the last admin).'),
    },
  },

  'audit.list': {
    operationId: 'listAuditEntries',
    tag: 'Staff',
    description:
      'The audit log: every change, who made it, when, before and after (managers and admins). Append-only: no route changes or removes an entry.',
    query: AUDIT_QUERY_DESCRIPTIONS,
    success: 'One page of entries and how many match.',
  },

  'products.list': {
    operationId: 'listProducts',
    tag: 'Products',
    description: 'List products, one page at a time.',
    query: PRODUCT_QUERY_DESCRIPTIONS,
    success: 'One page of products and the number of all that match.',
  },
  'products.get': {
    operationId: 'getProduct',
    tag: 'Products',
    description: 'Read one product with its variants.',
    params: { id: 'The product id.' },
    resource: 'product',
    success: 'The product.',
    responses: { '404': problem('No product has this id.') },
  },
  'products.create': {
    operationId: 'createProduct',
    tag: 'Products',
    description: 'Create a product with its variants.',
    resource: 'product',
    success: 'The product as saved, at version 1.',
    successHeaders: {
      Location: { description: 'The new product’s address.', schema: { type: 'string' }, example: '/api/products/prod_8f2k' },
    },
    responses: { '422': validationProblem('The product is not valid.') },
  },
  'products.update': {
    operationId: 'updateProduct',
    tag: 'Products',
    description:
      'Replace a product’s editable fields and variants. Variants sent with an `id` are updated, variants without one are created, and variants left out are removed. Guarded by If-Match: see the conventions.',
    params: { id: 'The product id.' },
    resource: 'product',
    success: 'The product as saved, with its new version.',
    responses: {
      '404': problem('No product has this id.'),
      '409': problem('Someone saved a newer version. `current` is the product as it is now, so the client can show what changed.', {
        required: ['current'],
        properties: { current: ref('Product') },
      }),
      '412': problem('The If-Match version is stale (what a server that uses standard HTTP preconditions answers instead of 409).'),
      '422': validationProblem('The product is not valid.'),
    },
  },
  'products.bulkStatus': {
    operationId: 'bulkUpdateProductStatus',
    tag: 'Products',
    description: 'Set the status of many products at once. All or nothing: either every listed product gets the status or none does.',
    success: 'How many products were changed.',
  },
  'products.import': {
    operationId: 'importProducts',
    tag: 'Products',
    description:
      'Create and update products from a CSV file, as a dry run or for real. One row per variant, named by SKU (columns handle, sku, title, category, status, price, compare_at_price, cost, barcode, tags, option1_name, option1_value, option2_name, option2_value; amounts in dollars, as people write them). A known SKU updates that variant and its product, an empty cell leaving the field as it is; an unknown SKU creates a product with that one variant (title, category and price then required), or, when rows share a handle, one product with a variant per row: the first row names the product and its options, every row gives its option values (the same option names, each combination once). Every row is checked against the file and the shop as it is. With `dryRun: true` the answer says what each row would do, problems included, and nothing changes; Idempotency-Key is not needed. Otherwise (Idempotency-Key required) the file is checked again and applied whole in one step, or, when any row has a problem, not at all (422). In `rows[].changes`, amounts are integer cents. `row` numbers are lines of the file (the header is line 1).',
    idempotencyKey: 'Required unless dryRun.',
    success:
      'What each row does (or would do), the counts, and every problem found; `applied` says whether anything was written (a dry run with problems still answers 200).',
    responses: {
      '400': problem('Idempotency-Key is missing (an apply) or the body is not JSON.'),
      '422': problem(
        'Nothing was imported. The body is not valid (`errors` on `csv` or `dryRun`); or the file has problems (`errors` keyed `rows.<line>.<column>`, the first 50 of them; a dry run lists them all); or every row already matches the shop, or the Idempotency-Key was used for a different request (then there is no `errors`).',
      ),
    },
  },
  'categories.list': {
    operationId: 'listCategories',
    tag: 'Catalogue',
    description: 'Every category, with how many products each has.',
    success: 'All categories.',
  },
  'tags.list': {
    operationId: 'listTags',
    tag: 'Catalogue',
    description: 'Every tag in use, with how many products carry it.',
    success: 'All tags, most used first.',
  },
  'locations.list': {
    operationId: 'listLocations',
    tag: 'Inventory',
    description: 'The warehouses stock is kept in.',
    success: 'Every location.',
  },

  'inventory.list': {
    operationId: 'listInventoryLevels',
    tag: 'Inventory',
    description:
      'Stock levels, one row per variant and location, one page at a time. available = onHand − reserved. daysOfCover = available ÷ (units sold over the 28 days up to the latest order ÷ 28), to one decimal; null when nothing sold.',
    query: INVENTORY_QUERY_DESCRIPTIONS,
    success: 'One page of levels and how many match.',
    responses: { '403': forbidden },
  },
  'inventory.ledger': {
    operationId: 'listStockMovements',
    tag: 'Inventory',
    description:
      'A variant’s stock ledger: every movement, in time order. Append-only. Each level’s onHand and reserved are the sums of its rows’ quantity and reservedChange.',
    query: LEDGER_QUERY_DESCRIPTIONS,
    success: 'One page of movements and how many match.',
    responses: { '404': problem('No variant has this id.') },
  },
  'inventory.adjust': {
    operationId: 'adjustStock',
    tag: 'Inventory',
    description:
      'Record units received, damaged, lost, or a count. quantity is the units received, damaged or lost; for a count correction, the number counted (the ledger records the difference). On hand never goes below zero (422 on `quantity`).',
    success: 'The level as it is now, and the ledger row written.',
    responses: {
      '404': problem('No variant has this id.'),
      '409': staleLevel,
      '422': validationProblem('The adjustment is not valid.'),
    },
  },
  'inventory.transfer': {
    operationId: 'transferStock',
    tag: 'Inventory',
    description:
      'Move units from one location to another in one step; both levels change together or neither does. With `inTransit: true`, the units leave now and arrive when the transfer is received (POST /inventory/transfers/{id}/receive), counted meanwhile as in transit at the destination. No more than is available at the source can leave (422 on `quantity`).',
    success:
      'The levels as they are now (both, or for a transfer in transit the one it left), the ledger rows, and the transfer in transit.',
    responses: { '409': staleLevel, '422': validationProblem('The transfer is not valid.') },
  },
  'inventory.receive': {
    operationId: 'receiveDelivery',
    tag: 'Inventory',
    description:
      'Receive a delivery (rows of SKU, location, quantity, as read from a CSV). With `dryRun: true`, checks every row and changes nothing. Otherwise (Idempotency-Key required) the whole delivery applies in one step, or, when any row is wrong, nothing does (422 with `errors` keyed `rows.<index>.<column>`).',
    idempotencyKey: 'Required unless dryRun.',
    success: 'Every row with what is wrong with it, and whether the delivery was applied.',
    responses: {
      '400': problem('Idempotency-Key is missing or the body is not JSON.'),
      '422': validationProblem('A row is wrong; nothing was received.'),
    },
  },
  'inventory.threshold': {
    operationId: 'setLowStockThreshold',
    tag: 'Inventory',
    description: 'Set the low-stock threshold of one level.',
    params: { variantId: 'The variant id.', locationId: 'The location id.' },
    resource: 'level',
    success: 'The level with its new threshold and version.',
    responses: {
      '404': problem('No such variant or location.'),
      '409': staleLevel,
      '422': validationProblem('The threshold is not valid.'),
    },
  },

  'inventory.reorderPolicy': {
    operationId: 'setReorderPolicy',
    tag: 'Replenishment',
    description:
      'Set a level’s reorder point and reorder quantity by hand, or null to use the suggestion from sales (point: units sold during the lead time plus the safety days at the 28-day rate; quantity: 28 days of sales), and its safety days.',
    params: { variantId: 'The variant id.', locationId: 'The location id.' },
    resource: 'level',
    success: 'The level with its new settings and version.',
    responses: {
      '404': problem('No such variant.'),
      '409': staleLevel,
      '422': validationProblem('A setting is not valid, or the location is not one of the shop’s (on `locationId`).'),
    },
  },
  'inventory.transfers': {
    operationId: 'listTransfersInTransit',
    tag: 'Inventory',
    description: 'Transfers sent in transit (POST /api/inventory/transfers with `inTransit: true`), newest first.',
    query: TRANSFER_QUERY_DESCRIPTIONS,
    success: 'One page of transfers and how many match.',
  },
  'inventory.receiveTransfer': {
    operationId: 'receiveTransfer',
    tag: 'Inventory',
    description:
      'Receive a transfer in transit: its units go on hand at the destination (one `transfer_in` ledger row). A transfer is received once.',
    params: { id: 'The transfer id.' },
    resource: 'transfer',
    success: 'The destination level, the ledger row and the transfer, now received.',
    responses: {
      '404': problem('No such transfer.'),
      '409': problem('The transfer changed or was received already; `current` is the transfer.'),
    },
  },
  'reorder.list': {
    operationId: 'listReorder',
    tag: 'Replenishment',
    description:
      'Levels at or under their reorder point (available + on order + in transit ≤ point), archived products left out, with the quantity to order (whole reorder quantities that lift the position above the point) and the store day to order by (when the cover runs out, less the supplier’s lead time).',
    query: REORDER_QUERY_DESCRIPTIONS,
    success: 'One page of rows and how many match.',
  },
  'suppliers.list': {
    operationId: 'listSuppliers',
    tag: 'Replenishment',
    description: 'Every supplier, by name.',
    success: 'The suppliers.',
  },
  'suppliers.create': {
    operationId: 'createSupplier',
    tag: 'Replenishment',
    description: 'Add a supplier. Prices are in US dollars.',
    resource: 'supplier',
    success: 'The supplier.',
    responses: { '422': validationProblem('A field is not valid, or another supplier has this name.') },
  },
  'suppliers.update': {
    operationId: 'updateSupplier',
    tag: 'Replenishment',
    description: 'Change a supplier’s details, lead time or minimum order. Purchase orders sent already keep their expected day.',
    params: { id: 'The supplier id.' },
    resource: 'supplier',
    success: 'The supplier with its new version.',
    responses: {
      '404': problem('No such supplier.'),
      '409': problem('The supplier changed since that version; `current` is the supplier.'),
      '422': validationProblem('A field is not valid, or another supplier has this name.'),
    },
  },
  'variants.supply': {
    operationId: 'getVariantSupply',
    tag: 'Replenishment',
    description: 'Who supplies a variant and under which of their SKUs (null: nobody yet).',
    params: { variantId: 'The variant id.' },
    resource: 'variant supply',
    success: 'The variant’s supplier and supplier SKU.',
    responses: { '404': problem('No such variant.') },
  },
  'variants.setSupply': {
    operationId: 'setVariantSupply',
    tag: 'Replenishment',
    description:
      'Set who supplies a variant (null: nobody) and their SKU for it. The unit cost a purchase order uses is the variant’s cost.',
    params: { variantId: 'The variant id.' },
    resource: 'variant supply',
    success: 'The variant’s supplier and supplier SKU, with the new version.',
    responses: {
      '404': problem('No such variant.'),
      '409': problem('Someone set it since that version; `current` is what is set now.'),
      '422': validationProblem('No such supplier, or the SKU is too long.'),
    },
  },
  'purchaseOrders.list': {
    operationId: 'listPurchaseOrders',
    tag: 'Replenishment',
    description: 'Purchase orders, newest first, with units ordered and received and whether each is overdue.',
    query: PURCHASE_QUERY_DESCRIPTIONS,
    success: 'One page of purchase orders and how many match.',
  },
  'purchaseOrders.get': {
    operationId: 'getPurchaseOrder',
    tag: 'Replenishment',
    description: 'One purchase order: lines with what was ordered and received, receipts, and its history.',
    params: { id: 'The purchase order id.' },
    resource: 'purchase order',
    success: 'The purchase order.',
    responses: { '404': problem('No such purchase order.') },
  },
  'purchaseOrders.create': {
    operationId: 'createPurchaseOrder',
    tag: 'Replenishment',
    description:
      'Draft a purchase order for one supplier and location. Each line’s unit cost is the variant’s cost unless given; a variant another supplier supplies is refused.',
    resource: 'purchase order',
    success: 'The draft.',
    responses: { '422': validationProblem('A field or line is not valid.') },
  },
  'purchaseOrders.fromReorder': {
    operationId: 'draftPurchaseOrdersFromReorder',
    tag: 'Replenishment',
    description:
      'Draft purchase orders from reorder rows: one per supplier and location. A variant nobody supplies is refused beside its row (`items.<i>.variantId`).',
    success: 'The drafts.',
    responses: { '422': validationProblem('A row is not valid; no draft was made.') },
  },
  'purchaseOrders.update': {
    operationId: 'updatePurchaseOrder',
    tag: 'Replenishment',
    description: 'Replace a draft’s lines and note. Only a draft changes.',
    params: { id: 'The purchase order id.' },
    resource: 'purchase order',
    success: 'The draft with its new version.',
    responses: {
      '404': problem('No such purchase order.'),
      '409': problem('Stale version, or the order is no longer a draft; `current` is the order.'),
      '422': validationProblem('A line is not valid.'),
    },
  },
  'purchaseOrders.send': {
    operationId: 'sendPurchaseOrder',
    tag: 'Replenishment',
    description: 'Send a draft: its units count as on order at its location, expected on the day sent plus the supplier’s lead time.',
    params: { id: 'The purchase order id.' },
    resource: 'purchase order',
    success: 'The order, sent.',
    responses: {
      '404': problem('No such purchase order.'),
      '409': problem('Stale version, or the order is not a draft; `current` is the order.'),
    },
  },
  'purchaseOrders.receive': {
    operationId: 'receivePurchaseOrder',
    tag: 'Replenishment',
    description:
      'Receive all or part of a sent order: each line’s units go on hand at the order’s location (ledger rows `received` naming the order). More than is still to come only with `overReason`. Every line complete makes the order received.',
    params: { id: 'The purchase order id.' },
    resource: 'purchase order',
    success: 'The order with its received quantities and the receipt.',
    responses: {
      '404': problem('No such purchase order.'),
      '409': problem('Stale version, or the order is not open; `current` is the order.'),
      '422': validationProblem('A line is not valid; nothing was received.'),
    },
  },
  'purchaseOrders.close': {
    operationId: 'closePurchaseOrder',
    tag: 'Replenishment',
    description:
      'Cancel what has not arrived, with a reason: a partly received order is closed short; one with nothing received (a draft, too) is cancelled.',
    params: { id: 'The purchase order id.' },
    resource: 'purchase order',
    success: 'The order, closed or cancelled.',
    responses: {
      '404': problem('No such purchase order.'),
      '409': problem('Stale version, or the order is finished already; `current` is the order.'),
      '422': validationProblem('The reason is missing.'),
    },
  },
  'alerts.list': {
    operationId: 'listAlerts',
    tag: 'Replenishment',
    description:
      'Open alerts, newest first: a level that crossed its reorder point, ran out or went oversold (raised by the change that did it, shown while it lasts), and purchase orders past their expected day.',
    query: ALERT_QUERY_DESCRIPTIONS,
    success: 'One page of open alerts and how many there are.',
  },
  'alerts.dismiss': {
    operationId: 'dismissAlert',
    tag: 'Replenishment',
    description: 'Dismiss an alert. It comes back only when its condition starts again (a new crossing, a new expected day).',
    params: { id: 'The alert id.' },
    success: 'Dismissed.',
    responses: { '404': problem('No open alert has this id.') },
  },

  'orders.list': {
    operationId: 'listOrders',
    tag: 'Orders',
    description: 'List orders, one page at a time.',
    query: ORDER_QUERY_DESCRIPTIONS,
    success: 'One page of orders and how many match.',
    responses: { '403': forbidden },
  },
  'orders.get': {
    operationId: 'getOrder',
    tag: 'Orders',
    description: 'Read one order: lines, money, customer, shipments, refunds, notes and its timeline.',
    params: { id: 'The order id.' },
    resource: 'order',
    success: 'The order.',
    responses: { '404': noOrder },
  },
  'orders.fulfil': {
    operationId: 'fulfilOrder',
    tag: 'Orders',
    description:
      'Ship some or all units from a warehouse, with carrier and tracking number. Each line ships at most what is left (ordered − cancelled − shipped); the warehouse must have the units on hand; the tracking number must match the carrier’s format. The ledger records a sale per line. A cancelled order ships nothing.',
    params: { id: 'The order id.' },
    resource: 'order',
    success: 'The order as it is now.',
    responses: { '403': forbiddenFor('orders.fulfil'), '404': noOrder, '409': staleOrder, '422': invalidForOrder },
  },
  'orders.cancel': {
    operationId: 'cancelOrder',
    tag: 'Orders',
    description:
      'Cancel units not shipped yet: every one (the default), or the `lines` given. Releases their reservations (ledger rows). With `refund: true` the cancelled units are refunded at what the customer paid for them in the same step, and the shipping too when nothing has shipped. An order with nothing shipped and everything cancelled is cancelled; one whose every remaining unit has shipped is closed.',
    params: { id: 'The order id.' },
    resource: 'order',
    success: 'The order as it is now.',
    responses: { '403': forbiddenFor('orders.fulfil'), '404': noOrder, '409': staleOrder, '422': invalidForOrder },
  },
  'orders.refund': {
    operationId: 'refundOrder',
    tag: 'Orders',
    description:
      'Refund units, the shipping and/or an amount, with or without restock. The refund is the sum of what the customer paid for the units (exact to the cent over all refunds), the shipping fee if asked, and `amount`. It never exceeds total − refunded (422). Support may refund up to $500 per order per store day, counting every refund support made on the order that day (403 above). Restocked units go back on hand at `locationId` (ledger rows).',
    params: { id: 'The order id.' },
    resource: 'order',
    success: 'The order as it is now.',
    responses: {
      '403': forbiddenFor('orders.refund', ', `support` up to $500 per order a day'),
      '404': noOrder,
      '409': staleOrder,
      '422': invalidForOrder,
    },
  },
  'orders.note': {
    operationId: 'addOrderNote',
    tag: 'Orders',
    description: 'Add an internal note (appends; needs no version).',
    params: { id: 'The order id.' },
    resource: 'order',
    success: 'The order with the note and its timeline event.',
    responses: { '403': forbiddenFor('orders.fulfil'), '404': noOrder, '422': validationProblem('The note is empty or too long.') },
  },

  'orders.openReturn': {
    operationId: 'openReturn',
    tag: 'Orders',
    description:
      'Open a return on shipped units, with a reason and a note. Units returned over all returns never exceed units shipped (a return closed before it arrived gives its units back). Moves no stock and no money.',
    params: { id: 'The order id.' },
    resource: 'order',
    success: 'The order with the return (status `requested`).',
    responses: { '403': forbiddenFor('orders.fulfil'), '404': noOrder, '409': staleOrder, '422': invalidForOrder },
  },
  'orders.receiveReturn': {
    operationId: 'receiveReturn',
    tag: 'Orders',
    description:
      'Mark a requested return received at a warehouse: per line, how many units go back on the shelf (ledger `returned`) and how many are written off (ledger `returned` then `damaged`); together, the line’s units.',
    params: { id: 'The order id.', returnId: 'The return id.' },
    resource: 'order',
    success: 'The order with the return received.',
    responses: { '403': forbiddenFor('orders.fulfil'), '404': noOrderOrReturn, '409': staleOrder, '422': invalidForOrder },
  },
  'orders.refundReturn': {
    operationId: 'refundReturn',
    tag: 'Orders',
    description:
      'Refund a received return: its units are refunded and `amount` goes back to the customer. `amount` is at most what the units were paid (unit price less their discount share plus their tax share, exact to the cent over all refunds) and what is left on the order (422). Support’s limit is per order per store day, as for refunds.',
    params: { id: 'The order id.', returnId: 'The return id.' },
    resource: 'order',
    success: 'The order with the refund and the return `refunded`.',
    responses: {
      '403': forbiddenFor('orders.refund', ', `support` up to $500 per order a day'),
      '404': noOrderOrReturn,
      '409': staleOrder,
      '422': invalidForOrder,
    },
  },
  'orders.exchangeReturn': {
    operationId: 'exchangeReturn',
    tag: 'Orders',
    description:
      'Exchange a received return: a new order ships another variant of the same product for each returned line (as many units), reserving stock at the order’s warehouse. The returned units are refunded as a credit that pays for the new order: at the same price no money moves; for a cheaper variant the difference goes back to the customer (a refund, under the same limits); for a dearer one the new order shows the difference as `balanceDue` (payment `pending`).',
    params: { id: 'The order id.', returnId: 'The return id.' },
    resource: 'order',
    success: 'The original order, its return `exchanged` and linked to the new order (`exchangeOrder`).',
    responses: { '403': forbiddenFor('orders.fulfil'), '404': noOrderOrReturn, '409': staleOrder, '422': invalidForOrder },
  },
  'orders.closeReturn': {
    operationId: 'closeReturn',
    tag: 'Orders',
    description:
      'Close a requested or received return with no money moving (it never arrived, or the return is refused), saying why. A return closed before it arrived gives its units back to be returned later.',
    params: { id: 'The order id.', returnId: 'The return id.' },
    resource: 'order',
    success: 'The order with the return `closed`.',
    responses: { '403': forbiddenFor('orders.fulfil'), '404': noOrderOrReturn, '409': staleOrder, '422': invalidForOrder },
  },
  'returns.list': {
    operationId: 'listReturns',
    tag: 'Orders',
    description: 'Returns over every order, one page at a time, with their order, customer and status.',
    query: RETURN_QUERY_DESCRIPTIONS,
    success: 'One page of returns and how many match.',
  },

  'customers.list': {
    operationId: 'listCustomers',
    tag: 'Customers',
    description: 'Customers, one page at a time, with their orders, lifetime spend, refunds, average order and first and last order.',
    query: CUSTOMER_QUERY_DESCRIPTIONS,
    success: 'One page of customers and how many match.',
  },
  'customers.get': {
    operationId: 'getCustomer',
    tag: 'Customers',
    description:
      'Read one customer: contact, every address they ordered to, what their orders add up to, internal notes and their history (newest first).',
    params: { id: 'The customer id.' },
    resource: 'customer',
    success: 'The customer.',
    responses: { '404': noCustomer },
  },
  'customers.note': {
    operationId: 'addCustomerNote',
    tag: 'Customers',
    description: 'Add an internal note on a customer (appends; needs no version).',
    params: { id: 'The customer id.' },
    resource: 'customer',
    success: 'The customer with the note.',
    responses: { '404': noCustomer, '422': validationProblem('The note is empty or too long.') },
  },

  'reports.clock': {
    operationId: 'getStoreClock',
    tag: 'Reports',
    description: 'The store’s today and time zone, so date presets mean the same days for everyone.',
    success: 'Today in the store’s time zone.',
  },
  'reports.sales': {
    operationId: 'getSalesReport',
    tag: 'Reports',
    description:
      'Revenue, orders, units, average order value, refunds and net over a range, per bucket, with a comparison period. Revenue is the total charged for orders placed in the range (cancelled ones included; their refunds offset them), so it equals the sum of the order list for the same days. Refunds count on the day they were made. Computed by the server from running daily sums.',
    query: SALES_QUERY_DESCRIPTIONS,
    success: 'The report.',
    responses: {
      '400': problem('A query parameter is not valid (for example a range that ends before it starts); `errors` names which.'),
    },
  },
  'reports.breakdown': {
    operationId: 'getSalesBreakdown',
    tag: 'Reports',
    description:
      'The same measures per product, variant, category or state, one page at a time. Product, variant and category rows count order lines (merchandise after discounts, with its tax), so shipping is in none of them; state rows count whole orders. `totals` are the report’s figures for the same filters (every row, not just the page; an order in several rows counts once in `orders`).',
    query: BREAKDOWN_QUERY_DESCRIPTIONS,
    success: 'One page of rows, how many there are, and their totals.',
  },
  'reports.summary': {
    operationId: 'getSalesSummary',
    tag: 'Reports',
    description:
      'Sales as accountants read them, per bucket and for the range: gross sales (units × price of orders placed) − discounts − returns (what refunds made in the period returned for merchandise after its discount and before tax, plus any extra amount) = net sales; + shipping (charged on orders placed, less shipping refunded) + taxes (charged, less tax refunded) = total sales, which equals the sales report’s net for the same days and state.',
    query: SUMMARY_QUERY_DESCRIPTIONS,
    success: 'The summary.',
  },
  'reports.refunds': {
    operationId: 'listRefundRecords',
    tag: 'Reports',
    description:
      'The refunds made in a range (by the day each was made, not the day its order was placed): the records behind the Refunds figure. With a category, product or variant filter, each amount is what the refund returned for those lines, so `totals.amount` equals the filtered figure. `totals` is over every match.',
    query: REFUND_RECORD_QUERY_DESCRIPTIONS,
    success: 'One page of refunds, how many match, and their totals.',
  },
  'reports.lines': {
    operationId: 'listSaleLines',
    tag: 'Reports',
    description:
      'The order lines of orders placed in a range: the records behind a Revenue, Orders or Units figure filtered by category, product or variant (unfiltered figures are the order list’s, whose `totals` match them). `totals` counts every match: revenue, distinct orders and units.',
    query: SALE_LINE_QUERY_DESCRIPTIONS,
    success: 'One page of lines, how many match, and their totals.',
  },
  'reports.profit': {
    operationId: 'getProfitReport',
    tag: 'Reports',
    description:
      'Cost of goods sold, gross profit and margin per product, variant, category or state, over the lines of orders placed in the range. Sales are units × price less the discount (no tax, no shipping); cost is units × the variant’s cost when the order was placed (a later cost change does not rewrite it); lines of variants without a cost are counted in `uncostedUnits` and left out of cost and profit; margin is in tenths of a percent. By product, each row has its ABC class (A: the products making the first 80 % of sales, B: the next 15 %, C: the rest).',
    query: PROFIT_QUERY_DESCRIPTIONS,
    success: 'One page of rows, how many there are, and their totals.',
  },
  'reports.sellThrough': {
    operationId: 'getSellThrough',
    tag: 'Reports',
    description:
      'Per product and warehouse, from the stock ledger: units on hand at the start of the range, units received in it, units sold (shipped) in it, and the sell-through rate = sold ÷ (on hand at the start + received), in tenths of a percent (null when there was nothing to sell).',
    query: SELL_THROUGH_QUERY_DESCRIPTIONS,
    success: 'One page of rows, how many there are, and their totals.',
  },

  'discounts.list': {
    operationId: 'listDiscounts',
    tag: 'Discounts',
    description:
      'Discounts, one page at a time, each with its status as of the store’s clock (disabled; scheduled before `startsAt`; expired from `endsAt`; active between) and its usage: orders placed with its code, their revenue (order totals) and the discount they were given, plus uses claimed at checkout.',
    query: DISCOUNT_QUERY_DESCRIPTIONS,
    success: 'One page of discounts and how many match.',
  },
  'discounts.create': {
    operationId: 'createDiscount',
    tag: 'Discounts',
    description:
      'Create a code (unique without regard to case) or an automatic offer: percent off (basis points), amount off (cents) or free shipping; on the whole order or on the lines of some categories, products or variants; with an optional minimum subtotal or quantity, a usage limit, once per customer, start and end, and whether it combines with other discounts.',
    resource: 'discount',
    success: 'The new discount, at version 1.',
    responses: { '422': validationProblem('The discount is not valid, or its code is taken (`errors.code`).') },
  },
  'discounts.preview': {
    operationId: 'previewDiscount',
    tag: 'Discounts',
    description:
      'Price a sample basket with a discount as it stands in the form (saved or not), by the same rule as the orders: the discount is split over the lines it applies to in proportion to their subtotals (largest remainder, so no cent is lost or invented), tax is the state’s rate on each line after its discount, shipping is standard ($5.99, free from $50 after discounts) unless the discount makes it free. Writes nothing.',
    success: 'The basket priced line by line, and whether the discount applied (and why not).',
    responses: {
      '422': validationProblem('The discount or the basket is not valid, or a variant does not exist (`basket.<index>.variantId`).'),
    },
  },
  'discounts.get': {
    operationId: 'getDiscount',
    tag: 'Discounts',
    description: 'Read one discount, with its status and usage.',
    params: { id: 'The discount id.' },
    resource: 'discount',
    success: 'The discount.',
    responses: { '404': noDiscount },
  },
  'discounts.update': {
    operationId: 'updateDiscount',
    tag: 'Discounts',
    description:
      'Replace a discount’s fields: change it, schedule it (its dates), disable it at once (`enabled: false`) or enable it again. Guarded by If-Match.',
    params: { id: 'The discount id.' },
    resource: 'discount',
    success: 'The discount as saved, with its new version.',
    responses: {
      '404': noDiscount,
      '409': problem('Someone saved a newer version. `current` is the discount as it is now.', {
        required: ['current'],
        properties: { current: ref('Discount') },
      }),
      '422': validationProblem('The discount is not valid, or its code is taken (`errors.code`).'),
    },
  },
  'discounts.performance': {
    operationId: 'getDiscountPerformance',
    tag: 'Discounts',
    description:
      'Orders placed with the discount’s code per store day, their revenue and the discount given, with the average order with the code and without it over the same days. The orders themselves are the order list filtered by `discountCode`. An automatic offer has no code, so no orders are recorded for it.',
    params: { id: 'The discount id.' },
    query: DISCOUNT_PERFORMANCE_DESCRIPTIONS,
    success: 'The discount’s performance.',
    responses: { '404': noDiscount },
  },
  'discounts.use': {
    operationId: 'useDiscount',
    tag: 'Discounts',
    description:
      'Claim one use of a discount for a customer at checkout (the storefront, or support taking an order by phone). Refused with 422 when the discount is not active, when its usage limit is reached, or when it is once per customer and this customer has used it: a use is claimed atomically, so concurrent claims never pass the limit.',
    params: { id: 'The discount id.' },

    success: 'The discount with the use counted.',
    responses: {
      '404': noDiscount,
      '422': validationProblem(
        'The discount is not active, used up, or already used by this customer (`errors.customerEmail` or `errors.discount`).',
      ),
    },
  },

  'pricing.preview': {
    operationId: 'previewPriceChange',
    tag: 'Pricing',
    description:
      'What a bulk price change would do to every variant of a selection, one page at a time (changes nothing). Computed by the same rules the batch applies, so the preview is what a batch made from the same selection and change does. Per variant: the change (set, or raise/lower by an amount in cents or a percent in basis points, the percent rounded half away from zero to the cent), then the ending (.99, .95, whole dollars: the nearest such price, ties up), then the margin floor (never under cost ÷ (1 − minMarginBp), rounded up to the ending; `floored` says it lifted the price), then the compare-at rule. `flags` name what the rules refuse: not positive, below cost, compare-at not above the price, over $1,000,000. Margins (`marginBefore`, `marginAfter`) are gross margins in tenths of a percent (683 = 68.3 %); `totals` counts every row, not just the page, and averages the margins over the variants that have a cost. Needs the right to edit prices, though it writes nothing.',
    success: 'One page of rows, how many there are (only flagged ones with `flaggedOnly`), and the totals.',
    responses: {
      '422': validationProblem('The selection or the change is not valid, or a selected product does not exist (`selection.ids.<index>`).'),
    },
  },
  'pricing.createBatch': {
    operationId: 'createPriceBatch',
    tag: 'Pricing',
    description:
      'Apply a bulk price change now, or schedule it (with an optional end). All or nothing: every variant the change moves gets its new price in one step, or none does. A variant with a flag (see the preview) refuses the whole batch (422) unless `skipFlagged`, which leaves flagged variants as they are and counts them in `skipped`. Variants the change leaves as they are are not part of the batch. With `startsAt` in the future the batch is `scheduled`: its items (each variant’s from → to) are fixed now, exactly as previewed, and prices change when the time comes, computed at the first request after it (no one needs the app open). `endsAt` returns the prices to what they were, the same way. A start, end or revert only moves a variant that still has the price the step expects; one changed since in any other way is left alone and reported in that step’s `conflicts`.',
    success: 'The batch: `applied` (with its start report) or `scheduled`.',
    successHeaders: {
      Location: { description: 'The batch’s address.', schema: { type: 'string' }, example: '/api/pricing/batches/pb_3f9a1c0d2e4b' },
    },
    responses: {
      '422': problem(
        'Nothing was changed. The body is not valid, or `endsAt` is not in the future (then `errors` maps each field path to its message); or some variants would break a price rule and `skipFlagged` is off (`errors` keyed `variants.<sku>`, the first 20, naming the flags); or the change moves no price (`errors.change`); or the Idempotency-Key was used for a different request (then there is no `errors`).',
      ),
    },
  },
  'pricing.listBatches': {
    operationId: 'listPriceBatches',
    tag: 'Pricing',
    description:
      'Bulk price changes made so far, scheduled ones included, one page at a time. A scheduled start or end that is due has run before the list is read.',
    query: PRICE_BATCH_QUERY_DESCRIPTIONS,
    success: 'One page of batches and how many match.',
  },
  'pricing.getBatch': {
    operationId: 'getPriceBatch',
    tag: 'Pricing',
    description: 'Read one batch, with a report of each step taken (start, end, revert) and its conflicts.',
    params: { id: 'The price batch id.' },
    success: 'The batch.',
    responses: { '404': noBatch },
  },
  'pricing.batchItems': {
    operationId: 'listPriceBatchItems',
    tag: 'Pricing',
    description: 'The variants a batch changes, each with its price before and after, one page at a time.',
    params: { id: 'The price batch id.' },
    query: PAGE_QUERY_DESCRIPTIONS,
    success: 'One page of items and how many there are.',
    responses: { '404': noBatch },
  },
  'pricing.revert': {
    operationId: 'revertPriceBatch',
    tag: 'Pricing',
    description:
      'Put back the prices a batch replaced; a scheduled batch that has not started is cancelled. Each variant that still has the batch’s price gets its earlier price back, all in one step. A variant changed since (an edit, an import, another batch) is not overwritten: it is listed in the `revert` report’s `conflicts` with the price the batch left and the price it has now. No body.',
    params: { id: 'The price batch id.' },
    success: 'The batch, now `reverted`, with the revert report.',
    responses: {
      '404': noBatch,
      '409': problem(
        'The batch was already reverted, or it ended (its prices already returned). Nothing was done; `current` is the batch.',
        { required: ['current'], properties: { current: ref('PriceBatch') } },
      ),
    },
  },
  'pricing.history': {
    operationId: 'listPriceHistory',
    tag: 'Pricing',
    description:
      'One variant’s price history, newest first: every change of price or compare-at, by whom, and which batch. Edits, imports, batches, their scheduled starts and ends (by “Schedule”, at the scheduled time) and reverts all write a row. `from` is null where the variant was created.',
    query: PRICE_HISTORY_QUERY_DESCRIPTIONS,
    success: 'One page of entries and how many there are.',
  },
  'views.list': {
    operationId: 'listSavedViews',
    tag: 'Saved views',
    description:
      'A list’s saved views: the caller’s own and every view shared with the team, sorted by name. Needs the list’s own view permission (`audit` needs audit.view, `inventory` stock.view, `orders` orders.view, `products` products.view): 403 otherwise.',
    query: { list: 'Which list’s views: products, inventory, orders or audit.' },
    success: 'The views and how many there are.',
    responses: { '403': problem('The role may not view this list, so it may not read its views either.') },
  },
  'views.create': {
    operationId: 'createSavedView',
    tag: 'Saved views',
    description:
      'Save a list’s query string (as `location.search` reads, up to 2,000 characters, stored as sent) under a name (1–60 characters, trimmed), for the caller or shared with the team. The caller owns it. Needs the list’s view permission.',
    resource: 'view',
    success: 'The new view, at version 1.',
    responses: {
      '403': problem('The role may not view this list.'),
      '422': validationProblem('The view is not valid, or the caller already has a view of this name on this list (`errors.name`).'),
    },
  },
  'views.update': {
    operationId: 'updateSavedView',
    tag: 'Saved views',
    description:
      'Rename a view, change its query string, share or unshare it. Only its owner may (403 for a shared view of someone else’s). Guarded by If-Match.',
    params: { id: 'The saved view id.' },
    resource: 'view',
    success: 'The view as saved, with its new version.',
    responses: {
      '403': problem('Not the view’s owner, or the role may not view its list.'),
      '404': problem('No view has this id that the caller can see (another person’s views are visible only when shared).'),
      '409': problem('Someone saved a newer version; `current` is the view as it is now.', {
        required: ['current'],
        properties: { current: ref('SavedView') },
      }),
      '422': validationProblem('Not valid, or the owner already has a view of this name on this list (`errors.name`).'),
    },
  },
  'views.delete': {
    operationId: 'deleteSavedView',
    tag: 'Saved views',
    description: 'Delete a view. Only its owner may (403 for a shared view of someone else’s). Guarded by If-Match.',
    params: { id: 'The saved view id.' },
    resource: 'view',
    success: 'Deleted.',
    responses: {
      '403': problem('Not the view’s owner, or the role may not view its list.'),
      '404': problem('No view has this id that the caller can see.'),
      '409': problem('Someone saved a newer version; `current` is the view as it is now.', {
        required: ['current'],
        properties: { current: ref('SavedView') },
      }),
    },
  },
};

// ---------------------------------------------------------------- the paths, from the table

function schemaId(schema: z.ZodType): string {
  const id = z.globalRegistry.get(schema)?.id;
  if (!id) throw new Error('A schema in the route table needs .meta({ id }) to be a component of the OpenAPI document');
  return id;
}

/** `/api/products/:id` → `/products/{id}`: the document's server url is `/api`. */
function documentPath(path: string): string {
  if (!path.startsWith('/api/')) throw new Error(`${path} is not under /api`);
  return path.slice('/api'.length).replace(/:(\w+)/g, '{$1}');
}

const pathParamNames = (path: string): string[] => [...path.matchAll(/:(\w+)/g)].map((match) => match[1]!);

/**
 * The answers a route has by its entry in the table: the success (with ETag when `etag`), 400 when something
 * can be unreadable or a required Idempotency-Key missing, 401 and 403 by its permission, 422 for a body or a
 * reused key, 428 when it reads If-Match, and the default. The route's own `responses` win.
 */
function responsesOf(route: RouteSpec, docs: AnyOperationDocs): Record<string, Response> {
  const status = route.status ?? 200;
  const headers = { ...(route.etag ? { ETag: etagHeader(docs.resource ?? 'resource') } : {}), ...docs.successHeaders };
  const success: Response =
    route.answer === undefined
      ? { description: docs.success }
      : jsonResponse(docs.success, schemaId(route.answer), Object.keys(headers).length ? headers : undefined);

  const responses: Record<string, Response> = { [status]: success };
  const unreadable = [
    route.query && 'a query parameter is not valid',
    route.idempotency?.key === 'required' && 'Idempotency-Key is missing',
    route.body && 'the body is not JSON',
    route.ifMatch && 'If-Match is malformed',
  ].filter((reason) => typeof reason === 'string');
  if (unreadable.length) {
    const sentence = orList(unreadable, 'or');
    responses['400'] = problem(`${sentence[0]!.toUpperCase()}${sentence.slice(1)}${route.query ? '; `errors` names which' : ''}.`);
  }
  if (route.permission) {
    responses['401'] = unauthorized;
    if (rolesAllowed(route.permission).length < ROLES.length) responses['403'] = forbiddenFor(route.permission);
  }
  if (route.idempotency) {
    responses['422'] = problem(
      route.body
        ? 'The body is not valid (then `errors` maps each field path to its message), or the Idempotency-Key was already used for a different body (then there is no `errors`).'
        : 'The Idempotency-Key was used for a different request.',
    );
  } else if (route.body) {
    responses['422'] = validationProblem('The body is not valid.');
  }
  if (route.ifMatch) responses['428'] = problem('If-Match is missing.');
  responses.default = otherProblem;

  // Integer keys keep numeric order in a JavaScript object, and `default` stays last.
  return { ...responses, ...docs.responses };
}

function operationOf(id: RouteId, components: Record<string, JsonSchema>): Operation {
  const route: RouteSpec = ROUTES[id];
  const docs: AnyOperationDocs = OPERATIONS[id];
  const parameters: Parameter[] = pathParamNames(route.path).map((name) => {
    const description = docs.params?.[name];
    if (!description) throw new Error(`${id}: OPERATIONS does not describe :${name}`);
    return idParameter(name, description);
  });
  if (route.query) {
    if (!(route.query instanceof z.ZodObject)) throw new Error(`${id}: a query schema must be an object`);
    parameters.push(...queryParameters(route.query, docs.query ?? {}, components));
  }
  if (route.ifMatch) parameters.push(ifMatchParameter(docs.resource ?? 'resource'));
  if (route.idempotency) {
    const required = route.idempotency.key === 'required';
    parameters.push(
      idempotencyKeyParameter(
        required,
        required ? undefined : (docs.idempotencyKey ?? 'Optional; without one, each request is a new change.'),
      ),
    );
  }

  return {
    operationId: docs.operationId,
    tags: [docs.tag],
    summary: route.summary,
    ...(docs.description ? { description: docs.description } : {}),
    ...(parameters.length ? { parameters } : {}),
    ...(route.body ? { requestBody: body(schemaId(route.body)) } : {}),
    responses: responsesOf(route, docs),
  };
}

const METHODS: Record<Method, keyof PathItem> = { GET: 'get', PUT: 'put', POST: 'post', DELETE: 'delete', PATCH: 'patch' };
const METHOD_ORDER = Object.values(METHODS);

/** Every route of the table, by tag (in TAGS' order), then in the table's order; each path's methods get, put, post, delete, patch. */
function pathsOf(components: Record<string, JsonSchema>): Record<string, PathItem> {
  const tagRank = (id: RouteId) => TAGS.findIndex((tag) => tag.name === OPERATIONS[id].tag);
  const ids = [...ROUTE_IDS].sort((a, b) => tagRank(a) - tagRank(b));
  const paths: Record<string, PathItem> = {};
  for (const id of ids) {
    const route: RouteSpec = ROUTES[id];
    const item = (paths[documentPath(route.path)] ??= {});
    const method = METHODS[route.method];
    if (item[method]) throw new Error(`${id}: two routes are ${route.method} ${route.path}`);
    item[method] = operationOf(id, components);
  }
  return Object.fromEntries(
    Object.entries(paths).map(([path, item]) => [path, Object.fromEntries(METHOD_ORDER.flatMap((m) => (item[m] ? [[m, item[m]]] : [])))]),
  );
}

function body(id: string): Operation['requestBody'] {
  return { required: true, content: { [JSON_MEDIA]: { schema: ref(id) } } };
}

// ---------------------------------------------------------------- the document

const DESCRIPTION = `The commerce API behind Stockroom, the back office of a US shop for consumer-electronics accessories. The browser app runs against a mock of it (MSW) by default; a real backend implements the same contract. This document is generated from \`src/contract/\`: its paths from the route table (\`routes.ts\`), its schemas from the zod schemas the table names (\`schemas.ts\` and the \`*-schemas.ts\` beside it). Change those, then run \`npm run openapi\`.

## Conventions

- **Money** is an integer number of US cents everywhere (\`1299\` is $12.99). There are no decimal amounts in requests or responses.
- **Percents** (a price change, a margin floor) are integer basis points (\`2000\` is 20 %); a preview's margins are tenths of a percent (\`683\` is 68.3 %).
- **Times** are ISO 8601 in UTC.
- **Lists** answer \`{ "items": [...], "total": n }\`, where \`total\` counts every match, not just this page. They page with \`offset\` and \`limit\` and sort with \`sort\` (a field name, \`-\` in front for descending, e.g. \`-updatedAt\`); paging, sorting and filtering happen on the server.
- **Versions**: every editable resource carries a \`version\`, an integer that grows with each save. An update sends the version it started from in \`If-Match\` (\`"3"\`). If someone saved in between, the answer is 409 with the product as it is now in \`current\` (a server may use 412 instead; clients treat both as a conflict). Without If-Match the answer is 428. Nothing is ever overwritten silently.
- **Idempotency**: a POST that changes many things at once carries an \`Idempotency-Key\`. Sending the same key again (a retry after a timeout, a double click) returns the first answer and changes nothing more.
- **Errors** are \`application/problem+json\` (RFC 9457) with \`status\`, \`title\` and \`detail\`. A 400 for a bad query and a 422 for an invalid body add \`errors\`, a map from field path (\`variants.0.compareAtPrice\`) to a message to show beside that field.
- **Validation** beyond what JSON Schema says is done by the server and reported as 422: a UPC-A barcode has 12 digits and a valid check digit; a compare-at price is above the price; SKUs are unique within a product; each variant's option values are one of each option's values, and no two variants share them.
- **Sessions and roles**: every route but POST /session needs a signed-in session (an HttpOnly cookie set by POST /session) and answers 401 without one or when it expired. What each role may do is one table (\`src/contract/permissions.ts\`); anything else is refused with 403 and a plain \`detail\`, whoever calls. Every write is recorded in the audit log.
- **Wire shapes**: the schemas describe what the receiving side accepts. Fields with a default may be left out, and unknown fields are ignored.`;

export function buildOpenApiDocument(): OpenApiDocument {
  const routes: RouteSpec[] = Object.values(ROUTES);
  const schemas = toComponents(
    [...new Set([problemSchema, ...routes.flatMap((route) => [route.body, route.answer].filter((schema) => schema !== undefined))])],
    'input',
  );
  const paths = pathsOf(schemas);

  return {
    openapi: '3.1.0',
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    info: { title: 'Stockroom commerce API', version: '0.1.0', description: DESCRIPTION },
    servers: [{ url: '/api', description: 'The mock API in the browser, or VITE_API_URL + /api' }],
    tags: TAGS.map((tag) => ({ ...tag })),
    paths,
    components: {
      schemas: Object.fromEntries(Object.entries(schemas).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
    },
  };
}
