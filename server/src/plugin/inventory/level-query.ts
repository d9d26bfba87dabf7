/**
 * A level as SQL: Vendure's StockLevel (stockOnHand = on hand, stockAllocated = reserved, custom fields threshold,
 * version, sold28 and the reorder settings) of a live variant of a live product at one of the shop's locations,
 * with what is on its way to it (issue 22): on order (open purchase order lines) and in transit (transfers sent
 * and not received), each a grouped sum LEFT JOINed by (variant, location). The inventory list, every level the
 * server answers, the reorder view and the alerts all read levels through `levelQuery`, so they count alike.
 */
import { Product as VendureProduct, ProductTranslation, ProductVariant, StockLevel, StockLocation } from '@vendure/core';
import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import { SALES_WINDOW_DAYS } from '#shared/contract/constants';
import type { InventoryLevel } from '#shared/contract/stock-schemas';
import { available, daysOfCover, stockState } from '#shared/domain/stock-rules';
import { ids } from '../http';

/**
 * Units still to come per level: Σ max(0, quantity − received) over the lines of purchase orders sent or partly
 * received (src/domain/purchase-decisions.ts openUnits / onOrderByLevel). The lines carry their order's status.
 */
const ON_ORDER = `(SELECT "variantId", "locationId", SUM(CASE WHEN "quantity" > "received" THEN "quantity" - "received" ELSE 0 END) AS "units"
  FROM "stockroom_purchase_order_line" WHERE "status" IN ('sent', 'partially_received') GROUP BY "variantId", "locationId")`;
/** Units sent to a level and not yet received. */
const IN_TRANSIT = `(SELECT "variantId", "toLocationId" AS "locationId", SUM("quantity") AS "units"
  FROM "stockroom_transit_transfer" WHERE "status" = 'in_transit' GROUP BY "variantId", "toLocationId")`;

export const AVAILABLE = '("sl"."stockOnHand" - "sl"."stockAllocated")';
export const THRESHOLD = '"sl"."customFieldsThreshold"';
export const SOLD = '"sl"."customFieldsSold28"';
export const ON_ORDER_UNITS = 'COALESCE("oo"."units", 0)';
export const IN_TRANSIT_UNITS = 'COALESCE("it"."units", 0)';
/** available + on order + in transit (src/domain/reorder-rules.ts position). */
export const POSITION = `(${AVAILABLE} + ${ON_ORDER_UNITS} + ${IN_TRANSIT_UNITS})`;
export const STATE = `(CASE WHEN ${AVAILABLE} < 0 THEN 'oversold' WHEN ${AVAILABLE} = 0 THEN 'out' WHEN ${AVAILABLE} <= ${THRESHOLD} THEN 'low' ELSE 'in_stock' END)`;
/**
 * Days of cover in tenths, as src/domain/stock-rules.ts daysOfCover works them out over the position
 * (src/domain/stock-decisions.ts levelWith: available + on order + in transit): Math.round(position × 280 / sold),
 * in integer arithmetic that SQLite and PostgreSQL do alike: floor((560p + s) / 2s). 0 when the position is
 * nothing, null when nothing sold. Keep it in step with daysOfCover.
 */
export const COVER_TENTHS = coverTenths(POSITION);

/** The same over any number of units (a position, or available alone). */
export function coverTenths(units: string): string {
  return `(CASE WHEN ${units} <= 0 THEN 0 WHEN ${SOLD} <= 0 THEN NULL ELSE (${units} * ${SALES_WINDOW_DAYS * 20} + ${SOLD}) / (2 * ${SOLD}) END)`;
}

export type LevelRow = {
  levelId: number | string;
  variantId: number | string;
  productId: number | string;
  locationId: number | string;
  locationCode: string;
  sku: string;
  title: string;
  optionValues: string;
  categoryId: string;
  onHand: number | string;
  reserved: number | string;
  threshold: number | string;
  sold28: number | string;
  version: number | string;
  onOrder: number | string | null;
  inTransit: number | string | null;
  reorderPoint: number | string | null;
  reorderQuantity: number | string | null;
  safetyDays: number | string;
};

const intOrNull = (v: number | string | null | undefined): number | null => (v === null || v === undefined ? null : Number(v));

export function toLevel(r: LevelRow): InventoryLevel {
  const onHand = Number(r.onHand);
  const reserved = Number(r.reserved);
  const threshold = Number(r.threshold);
  const sold28 = Number(r.sold28);
  const onOrder = Number(r.onOrder ?? 0);
  const inTransit = Number(r.inTransit ?? 0);
  const free = available({ onHand, reserved });
  return {
    variantId: ids.variant(r.variantId),
    productId: ids.product(r.productId),
    locationId: r.locationCode,
    sku: r.sku,
    title: r.title,
    variantTitle: (JSON.parse(r.optionValues) as string[]).join(' / '),
    categoryId: r.categoryId,
    onHand,
    reserved,
    available: free,
    threshold,
    state: stockState(free, threshold),
    onOrder,
    inTransit,
    reorderPoint: intOrNull(r.reorderPoint),
    reorderQuantity: intOrNull(r.reorderQuantity),
    safetyDays: Number(r.safetyDays),
    sold28,
    daysOfCover: daysOfCover(free + onOrder + inTransit, sold28),
    version: Number(r.version),
  };
}

/**
 * Every level of live variants of live products at the shop's locations, with what the list shows, sorts and filters
 * by. `incoming: false` leaves out on order and in transit (answered as 0): for counting and paging a list whose
 * filters and sort do not need them, whose page is then read again with them (a join per level costs at 150,000).
 */
export function levelQuery(em: EntityManager, { incoming = true }: { incoming?: boolean } = {}): SelectQueryBuilder<StockLevel> {
  const qb = em
    .getRepository(StockLevel)
    .createQueryBuilder('sl')
    .innerJoin(ProductVariant, 'v', '"v"."id" = "sl"."productVariantId" AND "v"."deletedAt" IS NULL')
    .innerJoin(VendureProduct, 'p', '"p"."id" = "v"."productId" AND "p"."deletedAt" IS NULL')
    .innerJoin(ProductTranslation, 't', `"t"."baseId" = "p"."id" AND "t"."languageCode" = 'en'`)
    .innerJoin(StockLocation, 'loc', '"loc"."id" = "sl"."stockLocationId" AND "loc"."customFieldsCode" IS NOT NULL');
  if (incoming) {
    qb.leftJoin(ON_ORDER, 'oo', '"oo"."variantId" = "v"."id" AND "oo"."locationId" = "loc"."id"').leftJoin(
      IN_TRANSIT,
      'it',
      '"it"."variantId" = "v"."id" AND "it"."locationId" = "loc"."id"',
    );
  }
  return qb
    .select('"sl"."id"', 'levelId')
    .addSelect('"v"."id"', 'variantId')
    .addSelect('"p"."id"', 'productId')
    .addSelect('"loc"."id"', 'locationId')
    .addSelect('"loc"."customFieldsCode"', 'locationCode')
    .addSelect('"v"."sku"', 'sku')
    .addSelect('"t"."name"', 'title')
    .addSelect('"v"."customFieldsOptionvalues"', 'optionValues')
    .addSelect('"p"."customFieldsCategoryid"', 'categoryId')
    .addSelect('"sl"."stockOnHand"', 'onHand')
    .addSelect('"sl"."stockAllocated"', 'reserved')
    .addSelect(THRESHOLD, 'threshold')
    .addSelect(SOLD, 'sold28')
    .addSelect('"sl"."customFieldsVersion"', 'version')
    .addSelect(incoming ? ON_ORDER_UNITS : '0', 'onOrder')
    .addSelect(incoming ? IN_TRANSIT_UNITS : '0', 'inTransit')
    .addSelect('"sl"."customFieldsReorderpoint"', 'reorderPoint')
    .addSelect('"sl"."customFieldsReorderquantity"', 'reorderQuantity')
    .addSelect('"sl"."customFieldsSafetydays"', 'safetyDays');
}

/** The levels of these Vendure variant ids (every location), as the API shows them, in chunks of 500. */
export async function levelsOf(em: EntityManager, variantIds: readonly number[]): Promise<(LevelRow & { view: InventoryLevel })[]> {
  const out: (LevelRow & { view: InventoryLevel })[] = [];
  const unique = [...new Set(variantIds)];
  for (let i = 0; i < unique.length; i += 500) {
    const chunk = unique.slice(i, i + 500);
    const rows = await levelQuery(em).where('"v"."id" IN (:...chunk)', { chunk }).getRawMany<LevelRow>();
    for (const r of rows) out.push({ ...r, view: toLevel(r) });
  }
  return out;
}
