/**
 * The reorder view (GET /api/reorder) as one SQL query over the levels (inventory/level-query.ts, with what is on
 * order and in transit), who supplies each variant and their lead time. The arithmetic is src/domain/reorder-rules.ts
 * in integers, which SQLite and PostgreSQL divide alike (truncating; every dividend here is 0 or more):
 *
 * - position = available + on order + in transit                       (position)
 * - point    = set, or 0 when nothing sold, else ⌈sold28 × (lead + safety) ÷ 28⌉   (suggestedPoint)
 * - quantity = set, or 0 when nothing sold, else ⌈sold28 × 28 ÷ 28⌉       (suggestedQuantity)
 * - due      = quantity > 0 and position ≤ point                          (reorderPlan)
 * - to order = quantity × ⌈(point − position + 1) ÷ quantity⌉             (reorderPlan.toOrder)
 * - reorder-by, as days from today: 0 when nothing sold, else ⌊max(0, position) × 28 ÷ sold28⌋ − lead
 *   (coverDays, reorderBy), so the `by` filter and the sort are a comparison of integers.
 *
 * A variant nobody supplies counts with DEFAULT_LEAD_TIME_DAYS; archived products are left out. Keep it in step
 * with reorder-rules.ts: the contract suite compares both backends' rows.
 */
import { Injectable } from '@nestjs/common';
import { TransactionalConnection } from '@vendure/core';
import { REORDER_COVER_DAYS, SALES_WINDOW_DAYS } from '#shared/contract/constants';
import type { ReorderQuery, ReorderRow } from '#shared/contract/replenishment-schemas';
import { addStoreDays, DEFAULT_LEAD_TIME_DAYS } from '#shared/domain/reorder-rules';
import { COVER_TENTHS, levelQuery, POSITION, SOLD, toLevel, type LevelRow } from '../inventory/level-query';
import { isPostgres } from '../serial-writes';
import { SupplierRecord, VariantSupplyRecord } from './replenishment.entities';
import { storeToday } from './purchase-order.service';

const W = SALES_WINDOW_DAYS;
const LEAD = `COALESCE("sup"."leadTimeDays", ${DEFAULT_LEAD_TIME_DAYS})`;
const SAFETY = '"sl"."customFieldsSafetydays"';
const POINT = `COALESCE("sl"."customFieldsReorderpoint", CASE WHEN ${SOLD} <= 0 THEN 0 ELSE (${SOLD} * (${LEAD} + ${SAFETY}) + ${W - 1}) / ${W} END)`;
const QUANTITY = `COALESCE("sl"."customFieldsReorderquantity", CASE WHEN ${SOLD} <= 0 THEN 0 ELSE (${SOLD} * ${REORDER_COVER_DAYS} + ${W - 1}) / ${W} END)`;
const DUE = `(${QUANTITY} > 0 AND ${POSITION} <= ${POINT})`;
const TO_ORDER = `(${QUANTITY} * ((${POINT} - ${POSITION} + ${QUANTITY}) / ${QUANTITY}))`;
const BY_DAYS = `(CASE WHEN ${SOLD} <= 0 THEN 0 ELSE (CASE WHEN ${POSITION} > 0 THEN ${POSITION} ELSE 0 END) * ${W} / ${SOLD} - ${LEAD} END)`;

type Row = LevelRow & {
  supplierId: string | null;
  supplierName: string | null;
  supplierSku: string | null;
  leadTimeDays: number | string;
  unitCost: number | string | null;
  point: number | string;
  quantity: number | string;
  toOrder: number | string;
  byDays: number | string;
  total: number | string;
};

function likeEscape(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / 86_400_000;

@Injectable()
export class ReorderService {
  constructor(private connection: TransactionalConnection) {}

  private get db() {
    return this.connection.rawConnection;
  }

  async list(query: ReorderQuery): Promise<{ items: ReorderRow[]; total: number }> {
    const today = storeToday();
    const pg = isPostgres(this.db);
    const text = (expr: string) => (pg ? `${expr} COLLATE "C"` : expr);
    const qb = levelQuery(this.db.manager)
      .leftJoin(VariantSupplyRecord, 'vs', '"vs"."variantId" = "v"."id"')
      .leftJoin(SupplierRecord, 'sup', '"sup"."id" = "vs"."supplierId"')
      .addSelect('"sup"."id"', 'supplierId')
      .addSelect('"sup"."name"', 'supplierName')
      .addSelect('"vs"."supplierSku"', 'supplierSku')
      .addSelect(LEAD, 'leadTimeDays')
      .addSelect('"v"."customFieldsCost"', 'unitCost')
      .addSelect(POINT, 'point')
      .addSelect(QUANTITY, 'quantity')
      .addSelect(TO_ORDER, 'toOrder')
      .addSelect(BY_DAYS, 'byDays')
      // What the sorts read, worked out once per row of the inner query.
      .addSelect(COVER_TENTHS, 'coverTenths')
      .addSelect('LOWER("v"."sku")', 'skuKey')
      .addSelect('LOWER("sup"."name")', 'supplierKey')
      .where(`"p"."customFieldsStatus" != 'archived'`)
      .andWhere(DUE);
    if (query.locationId !== undefined) qb.andWhere('"loc"."customFieldsCode" = :code', { code: query.locationId });
    if (query.categoryId !== undefined) qb.andWhere('"p"."customFieldsCategoryid" = :categoryId', { categoryId: query.categoryId });
    if (query.supplierId === 'none') qb.andWhere('"sup"."id" IS NULL');
    else if (query.supplierId !== undefined) qb.andWhere('"sup"."id" = :supplierId', { supplierId: query.supplierId });
    if (query.q !== undefined) {
      const like = `%${likeEscape(query.q.toLowerCase())}%`;
      qb.andWhere(
        `(LOWER("v"."sku") LIKE :like ESCAPE '\\' OR "p"."customFieldsTitlekey" LIKE :like ESCAPE '\\' OR LOWER(COALESCE("vs"."supplierSku", '')) LIKE :like ESCAPE '\\')`,
        { like },
      );
    }
    if (query.by !== undefined) qb.andWhere(`${BY_DAYS} <= :byDays`, { byDays: dayNumber(query.by) - dayNumber(today) });

    // The mock's order (mocks/replenishment.ts reorderCompare): ties by SKU then location; descending is ascending backwards.
    const desc = query.sort.startsWith('-');
    const key = desc ? query.sort.slice(1) : query.sort;
    const terms: string[] = [];
    switch (key) {
      case 'reorderBy':
        terms.push('"byDays"');
        break;
      case 'supplier':
        terms.push('(CASE WHEN "supplierKey" IS NULL THEN 1 ELSE 0 END)', text('"supplierKey"'));
        break;
      case 'suggestedQuantity':
        terms.push('"toOrder"');
        break;
      case 'daysOfCover':
        terms.push('(CASE WHEN "coverTenths" IS NULL THEN 1 ELSE 0 END)', '"coverTenths"');
        break;
    }
    terms.push(text('"skuKey"'), '"locationId"');
    const dir = desc ? 'DESC' : 'ASC';
    // The due rows first, then counted, sorted and paged: sorted inside, PostgreSQL's planner sorted every level with
    // something to order before the point was compared (250 ms at 150,000 levels). `OFFSET 0` keeps the inner query whole there.
    const [inner, params] = qb.getQueryAndParameters();
    const due = `(${inner}${pg ? ' OFFSET 0' : ''}) "r"`;
    const rows = (await this.db.query(
      `SELECT "r".*, COUNT(*) OVER () AS "total" FROM ${due} ORDER BY ${terms.map((t) => `${t} ${dir}`).join(', ')} LIMIT ${query.limit} OFFSET ${query.offset}`,
      params,
    )) as Row[];
    const total = rows.length
      ? Number(rows[0]!.total)
      : query.offset === 0
        ? 0
        : Number(((await this.db.query(`SELECT COUNT(*) AS "n" FROM ${due}`, params)) as { n: number | string }[])[0]?.n ?? 0);
    return { items: rows.map((r) => rowOf(r, today)), total };
  }
}

function rowOf(r: Row, today: string): ReorderRow {
  const level = toLevel(r);
  const position = level.available + level.onOrder + level.inTransit;
  return {
    variantId: level.variantId,
    productId: level.productId,
    locationId: level.locationId,
    sku: level.sku,
    title: level.title,
    variantTitle: level.variantTitle,
    categoryId: level.categoryId,
    onHand: level.onHand,
    available: level.available,
    onOrder: level.onOrder,
    inTransit: level.inTransit,
    position,
    sold28: level.sold28,
    daysOfCover: level.daysOfCover,
    supplierId: r.supplierId ?? null,
    supplierName: r.supplierName ?? null,
    supplierSku: r.supplierSku ?? '',
    leadTimeDays: Number(r.leadTimeDays),
    unitCost: r.unitCost === null || r.unitCost === undefined ? null : Number(r.unitCost),
    reorderPoint: Number(r.point),
    reorderQuantity: Number(r.quantity),
    reorderPointSet: level.reorderPoint,
    reorderQuantitySet: level.reorderQuantity,
    safetyDays: level.safetyDays,
    suggestedQuantity: Number(r.toOrder),
    reorderBy: addStoreDays(today, Number(r.byDays)),
    version: level.version,
  };
}
