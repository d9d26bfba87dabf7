/**
 * Where a figure opens the records behind it. Every figure counts orders placed in its
 * days or refunds made in them; the list it opens is filtered by URL to exactly those,
 * and its totals row, from the same query family, equals the figure.
 *
 * - Unfiltered Revenue, Orders, Units and Average order value: the order list, whose
 *   `totals` are over every order it matches.
 * - The same with a category, product or variant: the sold lines (reports.lines).
 * - Refunds: the refunds made in the range (reports.refunds), with the same filters.
 * - Net = Revenue − Refunds: the sales summary, whose Total sales is the same figure and
 *   whose rows open both lists. With a category, which the summary does not take, no one
 *   list adds up to it: the sold lines are its revenue side (the KPI card links both).
 */
import type { SalesMeasures } from '@/contract/report-schemas';
import type { BreakdownKind } from './search';

export type DrillFilters = {
  from: string;
  to: string;
  categoryId?: string;
  state?: string;
  productId?: string;
  variantId?: string;
};

export type DrillTarget =
  | { to: '/orders'; search: { from: string; to: string; state?: string } }
  | { to: '/reports/refunds'; search: DrillFilters }
  | { to: '/reports/lines'; search: DrillFilters }
  | { to: '/reports/summary'; search: { from: string; to: string; state?: string } };

/** Drops the filters left out, so a link names only what it filters by. */
function defined<T extends object>(search: T): T {
  return Object.fromEntries(Object.entries(search).filter(([, v]) => v !== undefined)) as T;
}

const narrowed = (f: DrillFilters) => f.categoryId !== undefined || f.productId !== undefined || f.variantId !== undefined;

/** The list behind one of the sales measures, for a range and the report's filters. */
export function figureTarget(measure: keyof SalesMeasures, filters: DrillFilters): DrillTarget {
  if (measure === 'refunds') return { to: '/reports/refunds', search: defined(filters) };
  if (measure === 'net' && !narrowed(filters)) {
    return { to: '/reports/summary', search: defined({ from: filters.from, to: filters.to, state: filters.state }) };
  }
  if (narrowed(filters)) return { to: '/reports/lines', search: defined(filters) };
  return { to: '/orders', search: defined({ from: filters.from, to: filters.to, state: filters.state }) };
}

/** What a breakdown row narrows the report's filters to: a product, a variant, a category or a state. */
export function rowFilters(by: BreakdownKind, key: string, filters: DrillFilters): DrillFilters {
  switch (by) {
    case 'product':
      return { ...filters, productId: key };
    case 'variant':
      return { ...filters, variantId: key };
    case 'category':
      return { ...filters, categoryId: key };
    case 'state':
      return { ...filters, state: key };
  }
}

/** Where a figure's name says it goes, for a link's accessible name. */
export function targetName(target: DrillTarget): string {
  switch (target.to) {
    case '/orders':
      return 'the orders placed in these days';
    case '/reports/refunds':
      return 'the refunds made in these days';
    case '/reports/lines':
      return 'the order lines sold in these days';
    case '/reports/summary':
      return 'the sales summary for these days';
  }
}
