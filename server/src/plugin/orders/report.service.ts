/**
 * Sales reports as single SQL queries over the order tables, grouped by the
 * `storeDay` columns (the store's calendar day, fixed at write time by
 * src/domain/store-time.ts, so daylight saving is already accounted for).
 * The buckets (src/domain/report-rules.ts `buckets`) go into the query as a
 * VALUES list; the rows come back summed, and JavaScript only names and
 * shapes them (average order value is report-rules' rounding).
 *
 * What is counted (the contract's rule, which mocks/report-index.ts follows too):
 * revenue = order totals placed in the period (cancelled orders included), refunds
 * = money returned in the period, on its own day; with a category filter, or in a
 * breakdown by product, variant or category, only the lines (no shipping): line
 * totals and what each refund returned for those lines (refundedLineAmounts).
 */
import { Injectable } from '@nestjs/common';
import { TransactionalConnection } from '@vendure/core';
import type { Granularity } from '#shared/contract/constants';
import { buckets, comparisonRange, defaultGranularity, salesMeasures, summaryMeasures, type SalesSums } from '#shared/domain/report-rules';
import type {
  BreakdownQuery,
  BreakdownRow,
  ProfitQuery,
  ProfitReport,
  RefundRecordList,
  RefundRecordQuery,
  SaleLineList,
  SaleLineQuery,
  SalesBreakdown,
  SalesPoint,
  SalesReport,
  SalesReportQuery,
  SalesSummary,
  SalesSummaryQuery,
  SellThroughQuery,
  SellThroughReport,
} from '#shared/contract/report-schemas';
import { breakdownLabels, CATEGORY, collate as collation, num, paramsFor, PRODUCT_JOIN, type Params } from './report-sql';
import { saleLines, refundRecords } from './report-drill';
import { profitReport, sellThrough } from './report-profit';

type Sums = SalesSums;

type Filter = { categoryId?: string | undefined; state?: string | undefined };

@Injectable()
export class ReportService {
  constructor(private connection: TransactionalConnection) {}

  private get db() {
    return this.connection.rawConnection;
  }

  private params(): Params {
    return paramsFor(this.db);
  }

  /** Placements and refunds per store day in [from, to] under the filters: two SELECTs for a WITH. */
  private daily(p: Params, from: string, to: string, { categoryId, state }: Filter): { placed: string; refunded: string } {
    const range = (alias: string) => `${alias}."storeDay" BETWEEN ${p.add(from)} AND ${p.add(to)}`;
    const inState = (alias: string) => (state === undefined ? '' : ` AND ${alias}.state = ${p.add(state)}`);
    if (categoryId === undefined) {
      return {
        placed: `SELECT o."storeDay" AS d, SUM(o.total) AS revenue, COUNT(*) AS orders, SUM(o.units) AS units
          FROM stockroom_order o WHERE ${range('o')}${inState('o')} GROUP BY o."storeDay"`,
        refunded: `SELECT r."storeDay" AS d, SUM(r.amount) AS refunds
          FROM stockroom_order_refund r WHERE ${range('r')}${inState('r')} GROUP BY r."storeDay"`,
      };
    }
    return {
      placed: `SELECT l."storeDay" AS d, SUM(l.revenue) AS revenue, COUNT(DISTINCT l."orderId") AS orders, SUM(l.quantity) AS units
        FROM stockroom_order_line l ${PRODUCT_JOIN('l')}
        WHERE ${range('l')}${inState('l')} AND ${CATEGORY} = ${p.add(categoryId)} GROUP BY l."storeDay"`,
      refunded: `SELECT rl."storeDay" AS d, SUM(rl.amount) AS refunds
        FROM stockroom_order_refund_line rl ${PRODUCT_JOIN('rl')}
        WHERE ${range('rl')}${inState('rl')} AND ${CATEGORY} = ${p.add(categoryId)} GROUP BY rl."storeDay"`,
    };
  }

  async sales(query: SalesReportQuery): Promise<SalesReport> {
    const granularity: Granularity = query.granularity ?? defaultGranularity(query.from, query.to);
    const comparison = comparisonRange(query.from, query.to, query.compare);
    const series = [buckets(query.from, query.to, granularity), comparison ? buckets(comparison.from, comparison.to, granularity) : []];
    const p = this.params();
    const values = series
      .flatMap((list, s) =>
        list.map((b) => `(${p.add(s, 'int')}, ${p.add(b.start, 'text')}, ${p.add(b.from, 'text')}, ${p.add(b.to, 'text')})`),
      )
      .join(', ');
    const first = comparison && comparison.from < query.from ? comparison.from : query.from;
    const last = comparison && comparison.to > query.to ? comparison.to : query.to;
    const { placed, refunded } = this.daily(p, first, last, query);
    const rows: Record<string, unknown>[] = await this.db.query(
      `WITH b(bs, bstart, bf, bt) AS (VALUES ${values}),
        placed AS (${placed}),
        refunded AS (${refunded})
      SELECT b.bs, b.bstart, b.bf, b.bt,
        COALESCE(SUM(p.revenue), 0) AS revenue, COALESCE(SUM(p.orders), 0) AS orders, COALESCE(SUM(p.units), 0) AS units,
        COALESCE((SELECT SUM(r.refunds) FROM refunded r WHERE r.d BETWEEN b.bf AND b.bt), 0) AS refunds
      FROM b LEFT JOIN placed p ON p.d BETWEEN b.bf AND b.bt
      GROUP BY b.bs, b.bstart, b.bf, b.bt
      ORDER BY b.bs, b.bf`,
      p.values,
    );
    const points: SalesPoint[][] = [[], []];
    for (const r of rows) {
      const sums = { revenue: num(r.revenue), orders: num(r.orders), units: num(r.units), refunds: num(r.refunds) };
      points[num(r.bs)]!.push({ start: String(r.bstart), from: String(r.bf), to: String(r.bt), ...salesMeasures(sums) });
    }
    const total = (list: readonly SalesPoint[]) =>
      salesMeasures(
        list.reduce<Sums>(
          (s, x) => ({
            revenue: s.revenue + x.revenue,
            orders: s.orders + x.orders,
            units: s.units + x.units,
            refunds: s.refunds + x.refunds,
          }),
          { revenue: 0, orders: 0, units: 0, refunds: 0 },
        ),
      );
    return {
      range: { from: query.from, to: query.to },
      comparison,
      granularity,
      totals: total(points[0]!),
      comparisonTotals: comparison ? total(points[1]!) : null,
      series: points[0]!,
      comparisonSeries: comparison ? points[1]! : null,
    };
  }

  async breakdown(query: BreakdownQuery): Promise<SalesBreakdown> {
    const p = this.params();
    const range = (alias: string) => `${alias}."storeDay" BETWEEN ${p.add(query.from)} AND ${p.add(query.to)}`;
    const filters = (alias: string) =>
      (query.state === undefined ? '' : ` AND ${alias}.state = ${p.add(query.state)}`) +
      (query.categoryId === undefined ? '' : ` AND ${CATEGORY} = ${p.add(query.categoryId)}`);

    let facts: string;
    /** Lines of one order share its id, so they are counted once; whole-order rows are one each. */
    let orderCount = 'COUNT(DISTINCT oid)';
    /** The report's Orders: each order once, though its lines fall in several rows (by state, whole orders are one row each). */
    let orderTotal = '(SELECT COUNT(DISTINCT oid) FROM facts)';
    if (query.by === 'state' && query.categoryId === undefined) {
      orderCount = 'COUNT(oid)';
      orderTotal = 'COALESCE(SUM(orders), 0)';
      // Whole orders, shipping included, and every refund: the sales report's figures per state.
      // One row per order (oid 1, counted; refunds NULL), read from the covering (storeDay, state, total, units) index.
      facts = `SELECT o.state AS k, 0 AS n, o.total AS revenue, o.units AS units, 1 AS oid, 0 AS refunds
          FROM stockroom_order o WHERE ${range('o')}${filters('o')}
        UNION ALL
        SELECT r.state, 0, 0, 0, NULL, r.amount FROM stockroom_order_refund r WHERE ${range('r')}${filters('r')}`;
    } else {
      const key = (alias: string) =>
        ({
          product: [`${alias}."productId"`, `${alias}."productNum"`],
          variant: [`${alias}."variantId"`, `${alias}."variantNum"`],
          category: [CATEGORY, '0'],
          state: [`${alias}.state`, '0'],
        })[query.by];
      const [lk, ln] = key('l');
      const [rk, rn] = key('rl');
      facts = `SELECT ${lk} AS k, ${ln} AS n, l.revenue AS revenue, l.quantity AS units, l."orderId" AS oid, 0 AS refunds
          FROM stockroom_order_line l ${PRODUCT_JOIN('l')} WHERE ${range('l')}${filters('l')}
        UNION ALL
        SELECT ${rk}, ${rn}, 0, 0, NULL, rl.amount
          FROM stockroom_order_refund_line rl ${PRODUCT_JOIN('rl')} WHERE ${range('rl')}${filters('rl')}`;
    }

    // Names for the keys; only the names this breakdown needs: each list adds bound parameters, in the order they appear.
    const labels = breakdownLabels(p, query.by);

    const descending = query.sort.startsWith('-');
    const sortKey = descending ? query.sort.slice(1) : query.sort;
    const dir = descending ? 'DESC' : 'ASC';
    const collate = collation(p);
    const sortExpr = sortKey === 'label' ? `LOWER(x.label)${collate}` : `x.${sortKey}`;
    const rows: Record<string, unknown>[] = await this.db.query(
      `WITH facts AS (${facts}),
        ${labels.names}
        g AS (SELECT k, MAX(n) AS n, SUM(revenue) AS revenue, ${orderCount} AS orders, SUM(units) AS units, SUM(refunds) AS refunds
          FROM facts GROUP BY k),
        x AS (SELECT g.k, g.revenue, g.orders, g.units, g.refunds, g.revenue - g.refunds AS net, ${labels.label} AS label, ${labels.sku} AS sku
          FROM g ${labels.join}),
        totals AS (SELECT COUNT(*) AS total, COALESCE(SUM(revenue), 0) AS trevenue, ${orderTotal} AS torders,
          COALESCE(SUM(units), 0) AS tunits, COALESCE(SUM(refunds), 0) AS trefunds FROM x),
        page AS (SELECT x.*, ROW_NUMBER() OVER (ORDER BY ${sortExpr} ${dir}, x.k${collate} ASC) AS rn FROM x)
      SELECT totals.*, page.* FROM totals LEFT JOIN page ON page.rn > ${p.add(query.offset, 'int')} AND page.rn <= ${p.add(query.offset + query.limit, 'int')}
      ORDER BY page.rn`,
      p.values,
    );
    const head = rows[0] ?? {};
    const items: BreakdownRow[] = rows
      .filter((r) => r.k !== null && r.k !== undefined)
      .map((r) => ({
        key: String(r.k),
        label: String(r.label),
        sku: String(r.sku),
        ...salesMeasures({ revenue: num(r.revenue), orders: num(r.orders), units: num(r.units), refunds: num(r.refunds) }),
      }));
    return {
      items,
      total: num(head.total),
      totals: salesMeasures({
        revenue: num(head.trevenue),
        orders: num(head.torders),
        units: num(head.tunits),
        refunds: num(head.trefunds),
      }),
    };
  }
  /**
   * The accountants' summary per bucket: what orders placed on the bucket's days charged (subtotal = units × price,
   * discount, shipping, tax) and what refunds made on them returned (amount, shipping, the tax parts of their line
   * parts), one row per store day from each table, summed into the buckets. Returns are a refund's amount less its
   * shipping and tax (report-rules' refundSummary, summed: it is linear).
   */
  async summary(query: SalesSummaryQuery): Promise<SalesSummary> {
    const granularity: Granularity = query.granularity ?? defaultGranularity(query.from, query.to);
    const list = buckets(query.from, query.to, granularity);
    const p = this.params();
    const values = list.map((b) => `(${p.add(b.start, 'text')}, ${p.add(b.from, 'text')}, ${p.add(b.to, 'text')})`).join(', ');
    const where = (alias: string) =>
      `${alias}."storeDay" BETWEEN ${p.add(query.from)} AND ${p.add(query.to)}` +
      (query.state === undefined ? '' : ` AND ${alias}.state = ${p.add(query.state)}`);
    const rows: Record<string, unknown>[] = await this.db.query(
      `WITH b(bstart, bf, bt) AS (VALUES ${values}),
        days AS (
          SELECT o."storeDay" AS d, SUM(o.subtotal) AS gross, SUM(o.discount) AS discounts, SUM(o.shipping) AS shipping,
            SUM(o.tax) AS tax, 0 AS ramount, 0 AS rshipping, 0 AS rtax
          FROM stockroom_order o WHERE ${where('o')} GROUP BY o."storeDay"
          UNION ALL
          SELECT r."storeDay", 0, 0, 0, 0, SUM(r.amount), SUM(r.shipping), 0
          FROM stockroom_order_refund r WHERE ${where('r')} GROUP BY r."storeDay"
          UNION ALL
          SELECT rl."storeDay", 0, 0, 0, 0, 0, 0, SUM(rl.tax)
          FROM stockroom_order_refund_line rl WHERE ${where('rl')} GROUP BY rl."storeDay")
      SELECT b.bstart, b.bf, b.bt, SUM(x.gross) AS gross, SUM(x.discounts) AS discounts, SUM(x.shipping) AS shipping,
        SUM(x.tax) AS tax, SUM(x.ramount) AS ramount, SUM(x.rshipping) AS rshipping, SUM(x.rtax) AS rtax
      FROM b LEFT JOIN days x ON x.d BETWEEN b.bf AND b.bt
      GROUP BY b.bstart, b.bf, b.bt
      ORDER BY b.bf`,
      p.values,
    );
    const sums = (r: Record<string, unknown>) => ({
      grossSales: num(r.gross),
      discounts: num(r.discounts),
      returns: num(r.ramount) - num(r.rshipping) - num(r.rtax),
      shipping: num(r.shipping) - num(r.rshipping),
      taxes: num(r.tax) - num(r.rtax),
    });
    const series = rows.map((r) => ({ start: String(r.bstart), from: String(r.bf), to: String(r.bt), ...summaryMeasures(sums(r)) }));
    const totals = { grossSales: 0, discounts: 0, returns: 0, shipping: 0, taxes: 0 };
    for (const point of series) for (const k of Object.keys(totals) as (keyof typeof totals)[]) totals[k] += point[k];
    return { range: { from: query.from, to: query.to }, granularity, totals: summaryMeasures(totals), series };
  }

  refunds(query: RefundRecordQuery): Promise<RefundRecordList> {
    return refundRecords(this.db, query);
  }

  lines(query: SaleLineQuery): Promise<SaleLineList> {
    return saleLines(this.db, query);
  }

  profit(query: ProfitQuery): Promise<ProfitReport> {
    return profitReport(this.db, query);
  }

  sellThrough(query: SellThroughQuery): Promise<SellThroughReport> {
    return sellThrough(this.db, query);
  }
}
