/**
 * The records behind a figure, one SQL query each: the refunds made in a range (by the refund's store day)
 * and the order lines placed in it (by the order's), under the reports' filters, with their totals over every
 * match from the same WITH as the page, so the totals row cannot differ from the rows.
 *
 * With a category, product or variant filter a refund counts only its parts for those lines
 * (stockroom_order_refund_line, what refundedLineAmounts says each refund returned per line): no shipping,
 * no extra amount; a refund with no such part is not listed. That is the filtered Refunds figure's rule.
 */
import type { DataSource } from 'typeorm';
import type {
  RefundRecord,
  RefundRecordList,
  RefundRecordQuery,
  SaleLine,
  SaleLineList,
  SaleLineQuery,
} from '#shared/contract/report-schemas';
import { CATEGORY, collate, num, paramsFor, PRODUCT_JOIN, sortOf, type Params } from './report-sql';

type DrillFilter = { from: string; to: string; categoryId?: string; state?: string; productId?: string; variantId?: string };

/** The filters on a table with `storeDay`, `state`, `productId`, `variantId` (and `productNum` for the category join). */
function drillWhere(p: Params, alias: string, q: DrillFilter): string {
  return (
    `${alias}."storeDay" BETWEEN ${p.add(q.from)} AND ${p.add(q.to)}` +
    (q.state === undefined ? '' : ` AND ${alias}.state = ${p.add(q.state)}`) +
    (q.categoryId === undefined ? '' : ` AND ${CATEGORY} = ${p.add(q.categoryId)}`) +
    (q.productId === undefined ? '' : ` AND ${alias}."productId" = ${p.add(q.productId)}`) +
    (q.variantId === undefined ? '' : ` AND ${alias}."variantId" = ${p.add(q.variantId)}`)
  );
}

const byLine = (q: DrillFilter) => q.categoryId !== undefined || q.productId !== undefined || q.variantId !== undefined;

const REFUND_SORTS = { at: 'm.at', amount: 'm.amount' } as const;

export async function refundRecords(db: DataSource, q: RefundRecordQuery): Promise<RefundRecordList> {
  const p = paramsFor(db);
  const fields = `r.id, r."orderId", r.at, r.state, r.restock, r.reason, r."byId", r."byName"`;
  const matches = byLine(q)
    ? // The matching parts per refund, then the refund they belong to.
      `SELECT ${fields}, x.amount, x.units, 0 AS shipping
        FROM (SELECT rl."refundId" AS id, SUM(rl.amount) AS amount, SUM(rl.quantity) AS units
          FROM stockroom_order_refund_line rl ${q.categoryId === undefined ? '' : PRODUCT_JOIN('rl')}
          WHERE ${drillWhere(p, 'rl', q)} GROUP BY rl."refundId") x
        JOIN stockroom_order_refund r ON r.id = x.id`
    : `SELECT ${fields}, r.amount, r.shipping,
          COALESCE((SELECT SUM(rl.quantity) FROM stockroom_order_refund_line rl WHERE rl."refundId" = r.id), 0) AS units
        FROM stockroom_order_refund r WHERE ${drillWhere(p, 'r', q)}`;
  const { key, dir } = sortOf(q.sort);
  const c = collate(p);
  // Ties by order number, then refund id, in the sort's direction (as the mock breaks them).
  const rows: Record<string, unknown>[] = await db.query(
    `WITH m AS (${matches}),
      totals AS (SELECT COUNT(*) AS total, SUM(amount) AS tamount, SUM(units) AS tunits FROM m),
      page AS (SELECT m.*, o.number,
          ROW_NUMBER() OVER (ORDER BY ${REFUND_SORTS[key]}${key === 'at' ? c : ''} ${dir}, o.number ${dir}, m.id${c} ${dir}) AS rn
        FROM m JOIN stockroom_order o ON o.id = m."orderId")
    SELECT totals.*, page.* FROM totals
      LEFT JOIN page ON page.rn > ${p.add(q.offset, 'int')} AND page.rn <= ${p.add(q.offset + q.limit, 'int')}
    ORDER BY page.rn`,
    p.values,
  );
  const head = rows[0] ?? {};
  const items: RefundRecord[] = rows
    .filter((r) => r.id !== null && r.id !== undefined)
    .map((r) => ({
      orderId: String(r.orderId),
      orderNumber: num(r.number),
      refundId: String(r.id),
      at: String(r.at),
      state: String(r.state),
      amount: num(r.amount),
      units: num(r.units),
      shipping: num(r.shipping),
      restock: Boolean(r.restock),
      reason: String(r.reason),
      by: { id: String(r.byId), name: String(r.byName) },
    }));
  return { items, total: num(head.total), totals: { refunds: num(head.total), amount: num(head.tamount), units: num(head.tunits) } };
}

const LINE_SORTS = { placedAt: 'o."placedAt"', revenue: 'm.revenue', quantity: 'm.quantity' } as const;

export async function saleLines(db: DataSource, q: SaleLineQuery): Promise<SaleLineList> {
  const p = paramsFor(db);
  const { key, dir } = sortOf(q.sort);
  const c = collate(p);
  // Ties by order number, then line id, in the sort's direction (as the mock breaks them).
  const rows: Record<string, unknown>[] = await db.query(
    `WITH m AS (SELECT l.id, l."orderId", l.position, l.state, l."productId", l."variantId", l.sku, l.title, l."variantTitle",
          l.quantity, l.revenue
        FROM stockroom_order_line l ${q.categoryId === undefined ? '' : PRODUCT_JOIN('l')} WHERE ${drillWhere(p, 'l', q)}),
      totals AS (SELECT COUNT(*) AS total, COUNT(DISTINCT "orderId") AS torders, SUM(quantity) AS tunits, SUM(revenue) AS trevenue FROM m),
      page AS (SELECT m.*, o."placedAt", o.number,
          ROW_NUMBER() OVER (ORDER BY ${LINE_SORTS[key]}${key === 'placedAt' ? c : ''} ${dir}, o.number ${dir}, m.id${c} ${dir}) AS rn
        FROM m JOIN stockroom_order o ON o.id = m."orderId")
    SELECT totals.*, page.* FROM totals
      LEFT JOIN page ON page.rn > ${p.add(q.offset, 'int')} AND page.rn <= ${p.add(q.offset + q.limit, 'int')}
    ORDER BY page.rn`,
    p.values,
  );
  const head = rows[0] ?? {};
  const items: SaleLine[] = rows
    .filter((r) => r.id !== null && r.id !== undefined)
    .map((r) => ({
      orderId: String(r.orderId),
      orderNumber: num(r.number),
      placedAt: String(r.placedAt),
      state: String(r.state),
      lineId: String(r.id),
      productId: String(r.productId),
      variantId: String(r.variantId),
      sku: String(r.sku),
      title: String(r.title),
      variantTitle: String(r.variantTitle),
      quantity: num(r.quantity),
      revenue: num(r.revenue),
    }));
  return {
    items,
    total: num(head.total),
    totals: { lines: num(head.total), orders: num(head.torders), units: num(head.tunits), revenue: num(head.trevenue) },
  };
}
