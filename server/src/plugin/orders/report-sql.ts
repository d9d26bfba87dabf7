/**
 * What the report queries share (report.service.ts, report-drill.ts, report-profit.ts): bound parameters in
 * each driver's style, the category the reports see, the names of a breakdown's keys, and sort clauses.
 */
import type { DataSource } from 'typeorm';
import { CATEGORIES } from '#shared/contract/constants';
import type { Breakdown } from '#shared/contract/report-schemas';
import { US_STATES } from '#shared/contract/values/us-address';

/** Bound parameters in the driver's style (? for SQLite, $n for PostgreSQL), in the order they appear in the text. */
export class Params {
  readonly values: unknown[] = [];
  constructor(readonly pg: boolean) {}
  /** A parameter; `type` casts it on PostgreSQL, where a VALUES list cannot infer one. */
  add(value: unknown, type?: 'int' | 'text'): string {
    this.values.push(value);
    if (!this.pg) return '?';
    return type ? `CAST($${this.values.length} AS ${type})` : `$${this.values.length}`;
  }
}

export function paramsFor(db: DataSource): Params {
  return new Params(db.options.type === 'postgres');
}

/** A SQL number (PostgreSQL answers SUM and COUNT as bigint or numeric strings; NULL over no rows) as a number. */
export const num = (v: unknown) => Number(v ?? 0);

/** The product's category as the reports see it: the product's current one, 'unknown' without a product. */
export const CATEGORY = `COALESCE(pr."customFieldsCategoryid", 'unknown')`;
export const PRODUCT_JOIN = (alias: string) => `LEFT JOIN product pr ON pr.id = ${alias}."productNum" AND pr."deletedAt" IS NULL`;

/** Byte order on PostgreSQL, as SQLite compares text and as the mock's compareText does. */
export const collate = (p: Params) => (p.pg ? ' COLLATE "C"' : '');

/**
 * How a breakdown's rows are named: Vendure's translations for products and variants, the shop's lists for
 * categories and states. `names` is a WITH entry (its bound parameters are added when this is called, so call it
 * where it stands in the query's text); `join` joins the grouped rows `g` (key `g.k`, entity id `g.n`).
 * (A WITH list of names, not VALUES … AS c(id, name): SQLite cannot name a VALUES list's columns in FROM.)
 */
export function breakdownLabels(p: Params, by: Breakdown): { names: string; join: string; label: string; sku: string } {
  const named = (list: readonly { id: string; name: string }[]) =>
    `names(id, name) AS (VALUES ${list.map((x) => `(${p.add(x.id, 'text')}, ${p.add(x.name, 'text')})`).join(', ')}),`;
  switch (by) {
    case 'product':
      return {
        names: '',
        join: `LEFT JOIN product_translation pt ON pt."baseId" = g.n AND pt."languageCode" = 'en'`,
        label: 'COALESCE(pt.name, g.k)',
        sku: `''`,
      };
    case 'variant':
      return {
        names: '',
        join: `LEFT JOIN product_variant pv ON pv.id = g.n AND pv."deletedAt" IS NULL
              LEFT JOIN product_variant_translation pvt ON pvt."baseId" = pv.id AND pvt."languageCode" = 'en'`,
        label: 'COALESCE(pvt.name, g.k)',
        sku: `COALESCE(pv.sku, '')`,
      };
    case 'category':
      return { names: named(CATEGORIES), join: `LEFT JOIN names c ON c.id = g.k`, label: 'COALESCE(c.name, g.k)', sku: `''` };
    case 'state':
      return {
        names: named(US_STATES.map((s) => ({ id: s.code, name: s.name }))),
        join: `LEFT JOIN names c ON c.id = g.k`,
        label: 'COALESCE(c.name, g.k)',
        sku: `''`,
      };
  }
}

/** A sort parameter (`-amount`) as its key and direction. */
export function sortOf<K extends string>(sort: `-${K}` | K): { key: K; descending: boolean; dir: 'ASC' | 'DESC' } {
  const descending = sort.startsWith('-');
  return { key: (descending ? sort.slice(1) : sort) as K, descending, dir: descending ? 'DESC' : 'ASC' };
}
