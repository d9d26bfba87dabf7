/**
 * Profit and sell-through. Profit sums the lines of orders placed in the range per product, variant, category or
 * state in one GROUP BY (sales = units × price − the line's discount; cost = units × the cost the line kept from
 * the sale, over the lines that had one: report-rules' lineProfit, summed); the rows come back with their names,
 * and report-rules works out profit, margin and, by product, the ABC classes over every row before the page is cut.
 *
 * Sell-through reads the stock ledger (stockroom_stock_movement) per product and warehouse: on hand at the
 * range's first instant (the sum of every row before it), received and sold (shipped) in the range.
 */
import type { DataSource } from 'typeorm';
import type {
  ProfitQuery,
  ProfitReport,
  ProfitRow,
  SellThroughQuery,
  SellThroughReport,
  SellThroughRow,
} from '#shared/contract/report-schemas';
import { profitMeasures, profitPage, sellThroughRate } from '#shared/domain/report-rules';
import { nextStoreDay, storeDayStartMs } from '#shared/domain/store-time';
import { ids } from '../http';
import { breakdownLabels, CATEGORY, collate, num, paramsFor, PRODUCT_JOIN, sortOf } from './report-sql';

export async function profitReport(db: DataSource, q: ProfitQuery): Promise<ProfitReport> {
  const p = paramsFor(db);
  const [key, n] = {
    product: ['l."productId"', 'l."productNum"'],
    variant: ['l."variantId"', 'l."variantNum"'],
    category: [CATEGORY, '0'],
    state: ['l.state', '0'],
  }[q.by];
  // bigint: a price of up to $1,000,000 in cents times a quantity passes PostgreSQL's int.
  const sales = `(CAST(l."unitPrice" AS bigint) * l.quantity - l.discount)`;
  // The names first: they stand first in the text, and SQLite's ? parameters bind in the order they appear.
  const labels = breakdownLabels(p, q.by);
  const where =
    `l."storeDay" BETWEEN ${p.add(q.from)} AND ${p.add(q.to)}` +
    (q.state === undefined ? '' : ` AND l.state = ${p.add(q.state)}`) +
    (q.categoryId === undefined ? '' : ` AND ${CATEGORY} = ${p.add(q.categoryId)}`);
  const grouped = `SELECT ${key} AS k, MAX(${n}) AS n, SUM(l.quantity) AS units, SUM(${sales}) AS sales,
      SUM(CASE WHEN l."unitCost" IS NULL THEN 0 ELSE ${sales} END) AS costed,
      SUM(CASE WHEN l."unitCost" IS NULL THEN 0 ELSE CAST(l."unitCost" AS bigint) * l.quantity END) AS cost,
      SUM(CASE WHEN l."unitCost" IS NULL THEN l.quantity ELSE 0 END) AS uncosted
    FROM stockroom_order_line l ${PRODUCT_JOIN('l')} WHERE ${where} GROUP BY ${key}`;
  const rows: Record<string, unknown>[] = await db.query(
    `WITH ${labels.names} g AS (${grouped})
    SELECT g.*, ${labels.label} AS label, ${labels.sku} AS sku FROM g ${labels.join}`,
    p.values,
  );
  const all: ProfitRow[] = rows.map((r) => ({
    key: String(r.k),
    label: String(r.label),
    sku: String(r.sku),
    abc: null,
    ...profitMeasures({
      units: num(r.units),
      sales: num(r.sales),
      costedSales: num(r.costed),
      cost: num(r.cost),
      uncostedUnits: num(r.uncosted),
    }),
  }));
  // ABC classes over every product, the sort, the totals and the page: report-rules, as the mock does.
  return profitPage(all, q);
}

const SELL_THROUGH_SORTS = { rate: 'x.rate', sold: 'x.sold', received: 'x.received', title: 'LOWER(x.title)' } as const;
const TITLE = (pid: string) => `LEFT JOIN product_translation pt ON pt."baseId" = ${pid} AND pt."languageCode" = 'en'`;

export async function sellThrough(db: DataSource, q: SellThroughQuery): Promise<SellThroughReport> {
  const p = paramsFor(db);
  const start = new Date(storeDayStartMs(q.from)).toISOString();
  const end = new Date(storeDayStartMs(nextStoreDay(q.to))).toISOString();
  // Only this warehouse's rows; a code that names none matches nothing.
  // Functions, called where they stand in the text: SQLite's ? parameters bind in the order they appear.
  const location = () =>
    q.locationId === undefined
      ? ''
      : ` AND m."locationId" IN (SELECT id FROM stock_location WHERE "customFieldsCode" = ${p.add(q.locationId)})`;
  const category = () => (q.categoryId === undefined ? '' : ` AND pr."customFieldsCategoryid" = ${p.add(q.categoryId)}`);
  const { key, dir } = sortOf(q.sort);
  const c = collate(p);
  const sortExpr = `${SELL_THROUGH_SORTS[key]}${key === 'title' ? c : ''}`;
  // Titles for the page only, unless they are the sort: a translation lookup per row is a third of the query.
  const byTitle = key === 'title';
  // The sums cast to bigint (PostgreSQL sums bigints as numeric), so the rate SQL sorts by is integer division, as on SQLite.
  const rows: Record<string, unknown>[] = await db.query(
    `WITH mv AS (
        SELECT m."variantId" AS v, m."locationId" AS loc,
          SUM(CASE WHEN m.at < ${p.add(start)} THEN m.quantity ELSE 0 END) AS onhand,
          SUM(CASE WHEN m.at >= ${p.add(start)} AND m.reason = 'received' THEN m.quantity ELSE 0 END) AS received,
          SUM(CASE WHEN m.at >= ${p.add(start)} AND m.reason = 'sale' THEN -m.quantity ELSE 0 END) AS sold
        FROM stockroom_stock_movement m WHERE m.at < ${p.add(end)} AND m.quantity <> 0${location()}
        GROUP BY m."variantId", m."locationId"),
      g AS (SELECT pv."productId" AS pid, mv.loc, CAST(SUM(mv.onhand) AS bigint) AS onhand,
          CAST(SUM(mv.received) AS bigint) AS received, CAST(SUM(mv.sold) AS bigint) AS sold
        FROM mv JOIN product_variant pv ON pv.id = mv.v GROUP BY pv."productId", mv.loc),
      x AS (SELECT g.*, ${byTitle ? `COALESCE(pt.name, '')` : `''`} AS title, sl."customFieldsCode" AS code,
          CASE WHEN g.onhand + g.received > 0 THEN (2000 * g.sold + g.onhand + g.received) / (2 * (g.onhand + g.received)) END AS rate
        FROM g JOIN product pr ON pr.id = g.pid AND pr."deletedAt" IS NULL${category()}
          JOIN stock_location sl ON sl.id = g.loc AND sl."customFieldsCode" IS NOT NULL
          ${byTitle ? TITLE('g.pid') : ''}
        WHERE g.onhand <> 0 OR g.received <> 0 OR g.sold <> 0),
      totals AS (SELECT COUNT(*) AS total, SUM(onhand) AS tonhand, SUM(received) AS treceived, SUM(sold) AS tsold FROM x),
      page AS (SELECT x.*, ROW_NUMBER() OVER (
          ORDER BY ${key === 'rate' ? 'CASE WHEN x.rate IS NULL THEN 1 ELSE 0 END, ' : ''}${sortExpr} ${dir}, x.pid ASC, x.code${c} ASC) AS rn
        FROM x)
    SELECT totals.*, page.*, COALESCE(pt.name, '') AS ptitle FROM totals
      LEFT JOIN page ON page.rn > ${p.add(q.offset, 'int')} AND page.rn <= ${p.add(q.offset + q.limit, 'int')}
      ${TITLE('page.pid')}
    ORDER BY page.rn`,
    p.values,
  );
  const head = rows[0] ?? {};

  const items: SellThroughRow[] = rows
    .filter((r) => r.pid !== null && r.pid !== undefined)
    .map((r) => {
      const row = { startOnHand: num(r.onhand), received: num(r.received), sold: num(r.sold) };
      // The rate SQL sorted by is the same rounding (sold ≥ 0, whole > 0): report-rules says it for the answer.
      return {
        productId: ids.product(num(r.pid)),
        title: String(r.ptitle),
        locationId: String(r.code),
        ...row,
        rate: sellThroughRate(row),
      };
    });
  const totals = { startOnHand: num(head.tonhand), received: num(head.treceived), sold: num(head.tsold) };
  return { items, total: num(head.total), totals: { ...totals, rate: sellThroughRate(totals) } };
}
