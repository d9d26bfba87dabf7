/**
 * The contract as an OpenAPI 3.1 document, generated from the zod schemas in
 * ./schemas so the readable spec can never say something the code does not.
 * `npm run openapi` writes it to docs/openapi.json; a test fails when that
 * file and this function disagree.
 */
import { z } from 'zod';
import {
  auditListQuerySchema,
  auditListSchema,
  bulkStatusInputSchema,
  bulkStatusResultSchema,
  categoryListSchema,
  problemSchema,
  productInputSchema,
  productListQuerySchema,
  productListResponseSchema,
  productSchema,
  sessionSchema,
  signInInputSchema,
  staffCreateInputSchema,
  staffListSchema,
  staffSchema,
  staffUpdateInputSchema,
  tagListSchema,
  type AuditListQuery,
  type ProductListQuery,
} from './schemas';
import {
  adjustmentInputSchema,
  inventoryLevelSchema,
  inventoryListQuerySchema,
  inventoryListSchema,
  ledgerQuerySchema,
  locationListSchema,
  receiptInputSchema,
  receiptResultSchema,
  stockChangeResultSchema,
  stockMovementListSchema,
  thresholdInputSchema,
  transferInputSchema,
  type InventoryListQuery,
  type LedgerQuery,
} from './stock-schemas';
import {
  cancelInputSchema,
  fulfilInputSchema,
  noteInputSchema,
  orderListQuerySchema,
  orderListSchema,
  orderSchema,
  refundInputSchema,
  type OrderListQuery,
} from './order-schemas';
import {
  breakdownQuerySchema,
  breakdownSchema,
  salesReportQuerySchema,
  salesReportSchema,
  storeClockSchema,
  type BreakdownQuery,
  type SalesReportQuery,
} from './report-schemas';
import {
  pageQuerySchema,
  priceBatchInputSchema,
  priceBatchItemListSchema,
  priceBatchListQuerySchema,
  priceBatchListSchema,
  priceBatchSchema,
  priceHistoryListSchema,
  priceHistoryQuerySchema,
  pricePreviewInputSchema,
  pricePreviewSchema,
  productImportInputSchema,
  productImportResultSchema,
  type PriceBatchListQuery,
  type PriceHistoryQuery,
} from './pricing-schemas';

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

// ---------------------------------------------------------------- parameters

const QUERY_DESCRIPTIONS: Record<keyof ProductListQuery, string> = {
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

/**
 * The query string of GET /products, one parameter per field of
 * productListQuerySchema. Parameters are described as parsed (`io: 'output'`):
 * an OpenAPI parameter schema types the value after the query string has been
 * split, so `limit` is an integer and `status` an array sent as a comma list.
 */
function productListParameters(components: Record<string, JsonSchema>): Parameter[] {
  return queryParameters(productListQuerySchema, QUERY_DESCRIPTIONS, components);
}

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
};

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

const productIdParameter: Parameter = {
  name: 'id',
  in: 'path',
  required: true,
  description: 'The product id.',
  schema: { type: 'string', minLength: 1 },
};

const ifMatchParameter: Parameter = {
  name: 'If-Match',
  in: 'header',
  required: true,
  description:
    'The `version` of the product the edit started from, as a quoted entity tag. A stale version is refused with 409 and the current product; a missing header with 428.',
  schema: { type: 'string', pattern: '^"[0-9]+"$' },
  example: '"3"',
};

const idempotencyKeyParameter: Parameter = {
  name: 'Idempotency-Key',
  in: 'header',
  required: true,
  description:
    'A fresh random key (a UUID) per intended change, reused for every retry of it. The same key with the same body returns the first answer without applying the change again; the same key with a different body is refused with 422.',
  schema: { type: 'string', minLength: 1, maxLength: 200 },
  example: '0b5f3c9e-6f0a-4c3e-9a51-2f4d8e7b1c2a',
};

// ---------------------------------------------------------------- responses

const etagHeader: Header = {
  description: 'The product’s `version`, quoted: send it back as If-Match.',
  schema: { type: 'string', pattern: '^"[0-9]+"$' },
  example: '"4"',
};

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

function body(id: string): Operation['requestBody'] {
  return { required: true, content: { [JSON_MEDIA]: { schema: ref(id) } } };
}

// ---------------------------------------------------------------- the document

const DESCRIPTION = `The commerce API behind Stockroom, the back office of a US shop for consumer-electronics accessories. The browser app runs against a mock of it (MSW) by default; a real backend implements the same contract. This document is generated from the zod schemas in \`src/contract/\` (\`schemas.ts\` and the \`*-schemas.ts\` beside it): change those, then run \`npm run openapi\`.

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
  const schemas = toComponents(
    [
      problemSchema,
      productSchema,
      productInputSchema,
      productListResponseSchema,
      bulkStatusInputSchema,
      bulkStatusResultSchema,
      categoryListSchema,
      tagListSchema,
      signInInputSchema,
      sessionSchema,
      staffSchema,
      staffListSchema,
      staffCreateInputSchema,
      staffUpdateInputSchema,
      auditListSchema,
      locationListSchema,
      inventoryLevelSchema,
      inventoryListSchema,
      stockMovementListSchema,
      adjustmentInputSchema,
      transferInputSchema,
      stockChangeResultSchema,
      thresholdInputSchema,
      receiptInputSchema,
      receiptResultSchema,
      orderSchema,
      orderListSchema,
      fulfilInputSchema,
      cancelInputSchema,
      refundInputSchema,
      noteInputSchema,
      salesReportSchema,
      breakdownSchema,
      storeClockSchema,
      pricePreviewInputSchema,
      pricePreviewSchema,
      priceBatchInputSchema,
      priceBatchSchema,
      priceBatchListSchema,
      priceBatchItemListSchema,
      priceHistoryListSchema,
      productImportInputSchema,
      productImportResultSchema,
    ],
    'input',
  );
  const listParameters = productListParameters(schemas);
  const auditParameters = queryParameters(auditListQuerySchema, AUDIT_QUERY_DESCRIPTIONS, schemas);
  const inventoryParameters = queryParameters(inventoryListQuerySchema, INVENTORY_QUERY_DESCRIPTIONS, schemas);
  const ledgerParameters = queryParameters(ledgerQuerySchema, LEDGER_QUERY_DESCRIPTIONS, schemas);
  const salesParameters = queryParameters(salesReportQuerySchema, SALES_QUERY_DESCRIPTIONS, schemas);
  const breakdownParameters = queryParameters(breakdownQuerySchema, BREAKDOWN_QUERY_DESCRIPTIONS, schemas);
  const orderParameters = queryParameters(orderListQuerySchema, ORDER_QUERY_DESCRIPTIONS, schemas);
  const orderIdParameter: Parameter = { ...productIdParameter, description: 'The order id.' };
  const priceBatchParameters = queryParameters(priceBatchListQuerySchema, PRICE_BATCH_QUERY_DESCRIPTIONS, schemas);
  const pageParameters = queryParameters(pageQuerySchema, PAGE_QUERY_DESCRIPTIONS, schemas);
  const priceHistoryParameters = queryParameters(priceHistoryQuerySchema, PRICE_HISTORY_QUERY_DESCRIPTIONS, schemas);
  const batchIdParameter: Parameter = { ...productIdParameter, description: 'The price batch id.' };
  const noBatch = problem('No price batch has this id.');
  const staleOrder = problem('Someone changed the order since the version sent. Nothing was done; `current` is the order as it is now.', {
    required: ['current'],
    properties: { current: ref('Order') },
  });
  const orderAction = (operationId: string, summary: string, description: string, input: string): Operation => ({
    operationId,
    tags: ['Orders'],
    summary,
    description,
    parameters: [orderIdParameter, idempotencyKeyParameter],
    requestBody: body(input),
    responses: {
      '200': jsonResponse('The order as it is now.', 'Order', { ETag: etagHeader }),
      '400': problem('Idempotency-Key is missing or the body is not JSON.'),
      '403': forbidden,
      '404': problem('No order has this id.'),
      '409': staleOrder,
      '422': validationProblem('The request is not valid for this order, or a rule refuses it (`detail` says which).'),
      default: otherProblem,
    },
  });
  const staleLevel = problem(
    'The level changed since the version sent (someone adjusted, moved or sold stock). Nothing was applied; `current.levels` are the fresh numbers to decide on.',
    {
      required: ['current'],
      properties: { current: { type: 'object', properties: { levels: { type: 'array', items: ref('InventoryLevel') } } } },
    },
  );
  const unauthorized = problem('Not signed in, or the session expired: sign in again (POST /session) and retry.');
  const forbidden = problem('Signed in, but the role may not do this; `detail` says why in plain words.');

  const paths: Record<string, PathItem> = {
    '/products': {
      get: {
        operationId: 'listProducts',
        tags: ['Products'],
        summary: 'List products, one page at a time',
        parameters: listParameters,
        responses: {
          '200': jsonResponse('One page of products and the number of all that match.', 'ProductList'),
          '400': problem('A query parameter is not valid; `errors` names which.'),
          default: otherProblem,
        },
      },
      post: {
        operationId: 'createProduct',
        tags: ['Products'],
        summary: 'Create a product with its variants',
        requestBody: body('ProductInput'),
        responses: {
          '201': jsonResponse('The product as saved, at version 1.', 'Product', {
            ETag: etagHeader,
            Location: { description: 'The new product’s address.', schema: { type: 'string' }, example: '/api/products/prod_8f2k' },
          }),
          '400': problem('The body is not JSON.'),
          '422': validationProblem('The product is not valid.'),
          default: otherProblem,
        },
      },
    },
    '/products/{id}': {
      get: {
        operationId: 'getProduct',
        tags: ['Products'],
        summary: 'Read one product with its variants',
        parameters: [productIdParameter],
        responses: {
          '200': jsonResponse('The product.', 'Product', { ETag: etagHeader }),
          '404': problem('No product has this id.'),
          default: otherProblem,
        },
      },
      put: {
        operationId: 'updateProduct',
        tags: ['Products'],
        summary: 'Replace a product’s editable fields and variants',
        description:
          'Variants sent with an `id` are updated, variants without one are created, and variants left out are removed. Guarded by If-Match: see the conventions.',
        parameters: [productIdParameter, ifMatchParameter],
        requestBody: body('ProductInput'),
        responses: {
          '200': jsonResponse('The product as saved, with its new version.', 'Product', { ETag: etagHeader }),
          '400': problem('The body is not JSON or If-Match is malformed.'),
          '404': problem('No product has this id.'),
          '409': problem('Someone saved a newer version. `current` is the product as it is now, so the client can show what changed.', {
            required: ['current'],
            properties: { current: ref('Product') },
          }),
          '412': problem('The If-Match version is stale (what a server that uses standard HTTP preconditions answers instead of 409).'),
          '428': problem('If-Match is missing.'),
          '422': validationProblem('The product is not valid.'),
          default: otherProblem,
        },
      },
    },
    '/products/bulk-status': {
      post: {
        operationId: 'bulkUpdateProductStatus',
        tags: ['Products'],
        summary: 'Set the status of many products at once',
        description: 'All or nothing: either every listed product gets the status or none does.',
        parameters: [idempotencyKeyParameter],
        requestBody: body('BulkStatusInput'),
        responses: {
          '200': jsonResponse('How many products were changed.', 'BulkStatusResult'),
          '400': problem('Idempotency-Key is missing or the body is not JSON.'),
          '422': problem(
            'The body is not valid (then `errors` maps each field path to its message), or the Idempotency-Key was already used for a different body (then there is no `errors`).',
          ),
          default: otherProblem,
        },
      },
    },
    '/products/import': {
      post: {
        operationId: 'importProducts',
        tags: ['Products'],
        summary: 'Create and update products from a CSV file, as a dry run or for real',
        description:
          'One row per variant, named by SKU (columns sku, title, category, status, price, compare_at_price, cost, barcode, tags; amounts in dollars, as people write them). A known SKU updates that variant and its product, an empty cell leaving the field as it is; an unknown SKU creates a product with that one variant (title, category and price then required). Every row is checked against the file and the shop as it is. With `dryRun: true` the answer says what each row would do, problems included, and nothing changes; Idempotency-Key is not needed. Otherwise (Idempotency-Key required) the file is checked again and applied whole in one step, or, when any row has a problem, not at all (422). In `rows[].changes`, amounts are integer cents. `row` numbers are lines of the file (the header is line 1).',
        parameters: [
          { ...idempotencyKeyParameter, required: false, description: `${idempotencyKeyParameter.description} Required unless dryRun.` },
        ],
        requestBody: body('ProductImportInput'),
        responses: {
          '200': jsonResponse(
            'What each row does (or would do), the counts, and every problem found; `applied` says whether anything was written (a dry run with problems still answers 200).',
            'ProductImportResult',
          ),
          '400': problem('Idempotency-Key is missing (an apply) or the body is not JSON.'),
          '401': unauthorized,
          '403': forbidden,
          '422': problem(
            'Nothing was imported. The body is not valid (`errors` on `csv` or `dryRun`); or the file has problems (`errors` keyed `rows.<line>.<column>`, the first 50 of them; a dry run lists them all); or every row already matches the shop, or the Idempotency-Key was used for a different request (then there is no `errors`).',
          ),
          default: otherProblem,
        },
      },
    },
    '/categories': {
      get: {
        operationId: 'listCategories',
        tags: ['Catalogue'],
        summary: 'Every category, with how many products each has',
        responses: { '200': jsonResponse('All categories.', 'CategoryList'), default: otherProblem },
      },
    },
    '/tags': {
      get: {
        operationId: 'listTags',
        tags: ['Catalogue'],
        summary: 'Every tag in use, with how many products carry it',
        responses: { '200': jsonResponse('All tags, most used first.', 'TagList'), default: otherProblem },
      },
    },
    '/session': {
      get: {
        operationId: 'getSession',
        tags: ['Staff'],
        summary: 'Who is signed in, and until when',
        responses: {
          '200': jsonResponse('The signed-in person and when the session expires.', 'Session'),
          '401': unauthorized,
          default: otherProblem,
        },
      },
      post: {
        operationId: 'signIn',
        tags: ['Staff'],
        summary: 'Sign in with email and password',
        description:
          'Starts a session and sets it as an HttpOnly, Secure, SameSite=Strict cookie: the token is never in the body, so no script can read it. After three wrong passwords for an email, or twenty from one client address over any emails, further attempts wait (429 with Retry-After), doubling each time, the right password too; an unknown email is answered exactly as a known one.',
        requestBody: body('SignInInput'),
        responses: {
          '200': jsonResponse('The person and when the session expires.', 'Session'),
          '401': problem('The email or password is wrong (the answer does not say which).'),
          '422': validationProblem('The email or password is missing.'),
          '429': problem(
            'Too many wrong passwords for this email or from this address; `retryAfter` (and the Retry-After header) says how many seconds to wait. No password was checked.',
            {
              required: ['retryAfter'],
            },
          ),
          default: otherProblem,
        },
      },
      delete: {
        operationId: 'signOut',
        tags: ['Staff'],
        summary: 'Sign out: the session ends on the server too',
        responses: { '204': { description: 'Signed out (also when there was no session).' }, default: otherProblem },
      },
    },
    '/staff': {
      get: {
        operationId: 'listStaff',
        tags: ['Staff'],
        summary: 'Every staff account (admins and managers)',
        responses: { '200': jsonResponse('All staff.', 'StaffList'), '401': unauthorized, '403': forbidden, default: otherProblem },
      },
      post: {
        operationId: 'createStaff',
        tags: ['Staff'],
        summary: 'Create a staff account (admins)',
        requestBody: body('StaffCreateInput'),
        responses: {
          '201': jsonResponse('The new account, at version 1.', 'Staff', { ETag: etagHeader }),
          '401': unauthorized,
          '403': forbidden,
          '422': validationProblem('The account is not valid, or the email is taken.'),
          default: otherProblem,
        },
      },
    },
    '/staff/{id}': {
      patch: {
        operationId: 'updateStaff',
        tags: ['Staff'],
        summary: 'Change a staff member’s role or deactivate them (admins)',
        description: 'Nobody can deactivate themselves, and the last active admin can be neither deactivated nor demoted (422).',
        parameters: [{ ...productIdParameter, description: 'The staff id.' }, ifMatchParameter],
        requestBody: body('StaffUpdateInput'),
        responses: {
          '200': jsonResponse('The account as saved, with its new version.', 'Staff', { ETag: etagHeader }),
          '401': unauthorized,
          '403': forbidden,
          '404': problem('No staff member has this id.'),
          '409': problem('Someone saved a newer version; `current` is the account as it is now.', {
            required: ['current'],
            properties: { current: ref('Staff') },
          }),
          '422': problem('Not valid, or a rule forbids it (deactivating yourself, losing the last admin).'),
          '428': problem('If-Match is missing.'),
          default: otherProblem,
        },
      },
    },
    '/audit': {
      get: {
        operationId: 'listAuditEntries',
        tags: ['Staff'],
        summary: 'The audit log: every change, who made it, when, before and after (managers and admins)',
        description: 'Append-only: no route changes or removes an entry.',
        parameters: auditParameters,
        responses: {
          '200': jsonResponse('One page of entries and how many match.', 'AuditList'),
          '400': problem('A query parameter is not valid; `errors` names which.'),
          '401': unauthorized,
          '403': forbidden,
          default: otherProblem,
        },
      },
    },
    '/locations': {
      get: {
        operationId: 'listLocations',
        tags: ['Inventory'],
        summary: 'The warehouses stock is kept in',
        responses: { '200': jsonResponse('Every location.', 'LocationList'), '401': unauthorized, default: otherProblem },
      },
    },
    '/inventory': {
      get: {
        operationId: 'listInventoryLevels',
        tags: ['Inventory'],
        summary: 'Stock levels, one row per variant and location, one page at a time',
        description:
          'available = onHand − reserved. daysOfCover = available ÷ (units sold over the 28 days up to the latest order ÷ 28), to one decimal; null when nothing sold.',
        parameters: inventoryParameters,
        responses: {
          '200': jsonResponse('One page of levels and how many match.', 'InventoryList'),
          '400': problem('A query parameter is not valid; `errors` names which.'),
          '401': unauthorized,
          '403': forbidden,
          default: otherProblem,
        },
      },
    },
    '/inventory/ledger': {
      get: {
        operationId: 'listStockMovements',
        tags: ['Inventory'],
        summary: 'A variant’s stock ledger: every movement, in time order',
        description: 'Append-only. Each level’s onHand and reserved are the sums of its rows’ quantity and reservedChange.',
        parameters: ledgerParameters,
        responses: {
          '200': jsonResponse('One page of movements and how many match.', 'StockMovementList'),
          '400': problem('A query parameter is not valid; `errors` names which.'),
          '404': problem('No variant has this id.'),
          default: otherProblem,
        },
      },
    },
    '/inventory/adjustments': {
      post: {
        operationId: 'adjustStock',
        tags: ['Inventory'],
        summary: 'Record units received, damaged, lost, or a count',
        description:
          'quantity is the units received, damaged or lost; for a count correction, the number counted (the ledger records the difference). On hand never goes below zero (422 on `quantity`).',
        parameters: [idempotencyKeyParameter],
        requestBody: body('AdjustmentInput'),
        responses: {
          '200': jsonResponse('The level as it is now, and the ledger row written.', 'StockChangeResult'),
          '400': problem('Idempotency-Key is missing or the body is not JSON.'),
          '403': forbidden,
          '404': problem('No variant has this id.'),
          '409': staleLevel,
          '422': validationProblem('The adjustment is not valid.'),
          default: otherProblem,
        },
      },
    },
    '/inventory/transfers': {
      post: {
        operationId: 'transferStock',
        tags: ['Inventory'],
        summary: 'Move units from one location to another in one step',
        description: 'Both levels change together or neither does; no more than is available at the source can leave (422 on `quantity`).',
        parameters: [idempotencyKeyParameter],
        requestBody: body('TransferInput'),
        responses: {
          '200': jsonResponse('Both levels as they are now, and the two ledger rows.', 'StockChangeResult'),
          '400': problem('Idempotency-Key is missing or the body is not JSON.'),
          '403': forbidden,
          '409': staleLevel,
          '422': validationProblem('The transfer is not valid.'),
          default: otherProblem,
        },
      },
    },
    '/inventory/receipts': {
      post: {
        operationId: 'receiveDelivery',
        tags: ['Inventory'],
        summary: 'Receive a delivery (rows of SKU, location, quantity, as read from a CSV)',
        description:
          'With `dryRun: true`, checks every row and changes nothing. Otherwise (Idempotency-Key required) the whole delivery applies in one step, or, when any row is wrong, nothing does (422 with `errors` keyed `rows.<index>.<column>`).',
        parameters: [
          { ...idempotencyKeyParameter, required: false, description: `${idempotencyKeyParameter.description} Required unless dryRun.` },
        ],
        requestBody: body('ReceiptInput'),
        responses: {
          '200': jsonResponse('Every row with what is wrong with it, and whether the delivery was applied.', 'ReceiptResult'),
          '400': problem('Idempotency-Key is missing or the body is not JSON.'),
          '403': forbidden,
          '422': validationProblem('A row is wrong; nothing was received.'),
          default: otherProblem,
        },
      },
    },
    '/inventory/levels/{variantId}/{locationId}/threshold': {
      put: {
        operationId: 'setLowStockThreshold',
        tags: ['Inventory'],
        summary: 'Set the low-stock threshold of one level',
        parameters: [
          { ...productIdParameter, name: 'variantId', description: 'The variant id.' },
          { ...productIdParameter, name: 'locationId', description: 'The location id.' },
          { ...ifMatchParameter, description: 'The level’s `version`, quoted.' },
        ],
        requestBody: body('ThresholdInput'),
        responses: {
          '200': jsonResponse('The level with its new threshold and version.', 'InventoryLevel', { ETag: etagHeader }),
          '403': forbidden,
          '404': problem('No such variant or location.'),
          '409': staleLevel,
          '422': validationProblem('The threshold is not valid.'),
          '428': problem('If-Match is missing.'),
          default: otherProblem,
        },
      },
    },
    '/orders': {
      get: {
        operationId: 'listOrders',
        tags: ['Orders'],
        summary: 'List orders, one page at a time',
        parameters: orderParameters,
        responses: {
          '200': jsonResponse('One page of orders and how many match.', 'OrderList'),
          '400': problem('A query parameter is not valid; `errors` names which.'),
          '401': unauthorized,
          '403': forbidden,
          default: otherProblem,
        },
      },
    },
    '/orders/{id}': {
      get: {
        operationId: 'getOrder',
        tags: ['Orders'],
        summary: 'Read one order: lines, money, customer, shipments, refunds, notes and its timeline',
        parameters: [orderIdParameter],
        responses: {
          '200': jsonResponse('The order.', 'Order', { ETag: etagHeader }),
          '404': problem('No order has this id.'),
          default: otherProblem,
        },
      },
    },
    '/orders/{id}/fulfilments': {
      post: orderAction(
        'fulfilOrder',
        'Ship some or all units from a warehouse, with carrier and tracking number',
        'Each line ships at most what is left (ordered − cancelled − shipped); the warehouse must have the units on hand; the tracking number must match the carrier’s format. The ledger records a sale per line. A cancelled order ships nothing.',
        'FulfilInput',
      ),
    },
    '/orders/{id}/cancel': {
      post: orderAction(
        'cancelOrder',
        'Cancel an order that has nothing shipped, optionally refunding it',
        'Releases every reservation (ledger rows). With `refund: true`, what is still refundable is refunded in the same step.',
        'CancelInput',
      ),
    },
    '/orders/{id}/refunds': {
      post: orderAction(
        'refundOrder',
        'Refund units, the shipping and/or an amount, with or without restock',
        'The refund is the sum of what the customer paid for the units (exact to the cent over all refunds), the shipping fee if asked, and `amount`. It never exceeds total − refunded (422). Support may refund up to $500 at once (403 above). Restocked units go back on hand at `locationId` (ledger rows).',
        'RefundInput',
      ),
    },
    '/orders/{id}/notes': {
      post: {
        operationId: 'addOrderNote',
        tags: ['Orders'],
        summary: 'Add an internal note (appends; needs no version)',
        parameters: [orderIdParameter],
        requestBody: body('NoteInput'),
        responses: {
          '200': jsonResponse('The order with the note and its timeline event.', 'Order', { ETag: etagHeader }),
          '403': forbidden,
          '404': problem('No order has this id.'),
          '422': validationProblem('The note is empty or too long.'),
          default: otherProblem,
        },
      },
    },
    '/reports/clock': {
      get: {
        operationId: 'getStoreClock',
        tags: ['Reports'],
        summary: 'The store’s today and time zone, so date presets mean the same days for everyone',
        responses: { '200': jsonResponse('Today in the store’s time zone.', 'StoreClock'), '403': forbidden, default: otherProblem },
      },
    },
    '/reports/sales': {
      get: {
        operationId: 'getSalesReport',
        tags: ['Reports'],
        summary: 'Revenue, orders, units, average order value, refunds and net over a range, per bucket, with a comparison period',
        description:
          'Revenue is the total charged for orders placed in the range (cancelled ones included; their refunds offset them), so it equals the sum of the order list for the same days. Refunds count on the day they were made. Computed by the server from running daily sums.',
        parameters: salesParameters,
        responses: {
          '200': jsonResponse('The report.', 'SalesReport'),
          '400': problem('A query parameter is not valid (for example a range that ends before it starts); `errors` names which.'),
          '403': forbidden,
          default: otherProblem,
        },
      },
    },
    '/reports/breakdown': {
      get: {
        operationId: 'getSalesBreakdown',
        tags: ['Reports'],
        summary: 'The same measures per product, variant, category or state, one page at a time',
        description:
          'Product, variant and category rows count order lines (merchandise after discounts, with its tax), so shipping is in none of them; state rows count whole orders. `totals` sums every row, not just the page.',
        parameters: breakdownParameters,
        responses: {
          '200': jsonResponse('One page of rows, how many there are, and their totals.', 'SalesBreakdown'),
          '400': problem('A query parameter is not valid; `errors` names which.'),
          '403': forbidden,
          default: otherProblem,
        },
      },
    },
    '/pricing/preview': {
      post: {
        operationId: 'previewPriceChange',
        tags: ['Pricing'],
        summary: 'What a bulk price change would do to every variant of a selection, one page at a time (changes nothing)',
        description:
          'Computed by the same rules the batch applies, so the preview is what a batch made from the same selection and change does. Per variant: the change (set, or raise/lower by an amount in cents or a percent in basis points, the percent rounded half away from zero to the cent), then the ending (.99, .95, whole dollars: the nearest such price, ties up), then the margin floor (never under cost ÷ (1 − minMarginBp), rounded up to the ending; `floored` says it lifted the price), then the compare-at rule. `flags` name what the rules refuse: not positive, below cost, compare-at not above the price, over $1,000,000. Margins (`marginBefore`, `marginAfter`) are gross margins in tenths of a percent (683 = 68.3 %); `totals` counts every row, not just the page, and averages the margins over the variants that have a cost. Needs the right to edit prices, though it writes nothing.',
        requestBody: body('PricePreviewInput'),
        responses: {
          '200': jsonResponse(
            'One page of rows, how many there are (only flagged ones with `flaggedOnly`), and the totals.',
            'PricePreview',
          ),
          '400': problem('The body is not JSON.'),
          '401': unauthorized,
          '403': forbidden,
          '422': validationProblem(
            'The selection or the change is not valid, or a selected product does not exist (`selection.ids.<index>`).',
          ),
          default: otherProblem,
        },
      },
    },
    '/pricing/batches': {
      get: {
        operationId: 'listPriceBatches',
        tags: ['Pricing'],
        summary: 'Bulk price changes made so far, scheduled ones included, one page at a time',
        description: 'A scheduled start or end that is due has run before the list is read.',
        parameters: priceBatchParameters,
        responses: {
          '200': jsonResponse('One page of batches and how many match.', 'PriceBatchList'),
          '400': problem('A query parameter is not valid; `errors` names which.'),
          '401': unauthorized,
          default: otherProblem,
        },
      },
      post: {
        operationId: 'createPriceBatch',
        tags: ['Pricing'],
        summary: 'Apply a bulk price change now, or schedule it (with an optional end)',
        description:
          'All or nothing: every variant the change moves gets its new price in one step, or none does. A variant with a flag (see the preview) refuses the whole batch (422) unless `skipFlagged`, which leaves flagged variants as they are and counts them in `skipped`. Variants the change leaves as they are are not part of the batch. With `startsAt` in the future the batch is `scheduled`: its items (each variant’s from → to) are fixed now, exactly as previewed, and prices change when the time comes, computed at the first request after it (no one needs the app open). `endsAt` returns the prices to what they were, the same way. A start, end or revert only moves a variant that still has the price the step expects; one changed since in any other way is left alone and reported in that step’s `conflicts`.',
        parameters: [idempotencyKeyParameter],
        requestBody: body('PriceBatchInput'),
        responses: {
          '201': jsonResponse('The batch: `applied` (with its start report) or `scheduled`.', 'PriceBatch', {
            Location: { description: 'The batch’s address.', schema: { type: 'string' }, example: '/api/pricing/batches/pb_3f9a1c0d2e4b' },
          }),
          '400': problem('Idempotency-Key is missing or the body is not JSON.'),
          '401': unauthorized,
          '403': forbidden,
          '422': problem(
            'Nothing was changed. The body is not valid, or `endsAt` is not in the future (then `errors` maps each field path to its message); or some variants would break a price rule and `skipFlagged` is off (`errors` keyed `variants.<sku>`, the first 20, naming the flags); or the change moves no price (`errors.change`); or the Idempotency-Key was used for a different request (then there is no `errors`).',
          ),
          default: otherProblem,
        },
      },
    },
    '/pricing/batches/{id}': {
      get: {
        operationId: 'getPriceBatch',
        tags: ['Pricing'],
        summary: 'Read one batch, with a report of each step taken (start, end, revert) and its conflicts',
        parameters: [batchIdParameter],
        responses: {
          '200': jsonResponse('The batch.', 'PriceBatch'),
          '401': unauthorized,
          '404': noBatch,
          default: otherProblem,
        },
      },
    },
    '/pricing/batches/{id}/items': {
      get: {
        operationId: 'listPriceBatchItems',
        tags: ['Pricing'],
        summary: 'The variants a batch changes, each with its price before and after, one page at a time',
        parameters: [batchIdParameter, ...pageParameters],
        responses: {
          '200': jsonResponse('One page of items and how many there are.', 'PriceBatchItemList'),
          '400': problem('A query parameter is not valid; `errors` names which.'),
          '401': unauthorized,
          '404': noBatch,
          default: otherProblem,
        },
      },
    },
    '/pricing/batches/{id}/revert': {
      post: {
        operationId: 'revertPriceBatch',
        tags: ['Pricing'],
        summary: 'Put back the prices a batch replaced; a scheduled batch that has not started is cancelled',
        description:
          'Each variant that still has the batch’s price gets its earlier price back, all in one step. A variant changed since (an edit, an import, another batch) is not overwritten: it is listed in the `revert` report’s `conflicts` with the price the batch left and the price it has now. No body.',
        parameters: [batchIdParameter, idempotencyKeyParameter],
        responses: {
          '200': jsonResponse('The batch, now `reverted`, with the revert report.', 'PriceBatch'),
          '400': problem('Idempotency-Key is missing.'),
          '401': unauthorized,
          '403': forbidden,
          '404': noBatch,
          '409': problem(
            'The batch was already reverted, or it ended (its prices already returned). Nothing was done; `current` is the batch.',
            {
              required: ['current'],
              properties: { current: ref('PriceBatch') },
            },
          ),
          '422': problem('The Idempotency-Key was used for a different request.'),
          default: otherProblem,
        },
      },
    },
    '/pricing/history': {
      get: {
        operationId: 'listPriceHistory',
        tags: ['Pricing'],
        summary: 'One variant’s price history, newest first: every change of price or compare-at, by whom, and which batch',
        description:
          'Edits, imports, batches, their scheduled starts and ends (by “Schedule”, at the scheduled time) and reverts all write a row. `from` is null where the variant was created.',
        parameters: priceHistoryParameters,
        responses: {
          '200': jsonResponse('One page of entries and how many there are.', 'PriceHistoryList'),
          '400': problem('A query parameter is not valid; `errors` names which.'),
          '401': unauthorized,
          default: otherProblem,
        },
      },
    },
  };

  return {
    openapi: '3.1.0',
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    info: { title: 'Stockroom commerce API', version: '0.1.0', description: DESCRIPTION },
    servers: [{ url: '/api', description: 'The mock API in the browser, or VITE_API_URL + /api' }],
    tags: [
      { name: 'Products', description: 'Listings, their variants, prices and status.' },
      { name: 'Catalogue', description: 'Categories and tags, for filters and pickers.' },
      { name: 'Staff', description: 'Signing in, staff accounts and roles, and the audit log.' },
      { name: 'Inventory', description: 'Stock levels per variant and location, and the ledger of every movement.' },
      { name: 'Orders', description: 'Finding, fulfilling, cancelling and refunding orders; notes and timelines.' },
      { name: 'Reports', description: 'Sales figures computed by the server, in the store’s time zone.' },
      { name: 'Pricing', description: 'Bulk price changes: preview, apply or schedule, revert, and each variant’s price history.' },
    ],
    paths,
    components: {
      schemas: Object.fromEntries(Object.entries(schemas).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
    },
  };
}
