/**
 * What each figure counts and which date it goes by, as the API defines it
 * (src/contract/openapi.ts, the reports' operations, and report-schemas.ts), in
 * the words a person reads beside the figure.
 */
import type { SalesMeasures, SalesSummaryMeasures } from '@/contract/report-schemas';

export type Definition = { what: string; date: string };

const PLACED = 'By the day each order was placed (store days, New York time).';
const REFUNDED = 'By the day each refund was made, whichever day its order was placed (store days, New York time).';

export const SALES_DEFINITIONS: Record<keyof SalesMeasures, Definition> = {
  revenue: {
    what: 'What customers were charged for the orders placed in these days: order totals (merchandise after discounts, shipping and sales tax), cancelled orders included (their refunds offset them). It equals the order list’s Total for the same days.',
    date: PLACED,
  },
  orders: { what: 'Orders placed in these days, cancelled ones included.', date: PLACED },
  units: { what: 'Units on the orders placed in these days, as ordered.', date: PLACED },
  averageOrderValue: { what: 'Revenue ÷ orders, for the orders placed in these days.', date: PLACED },
  refunds: {
    what: 'Money returned to customers in these days, by refunds of any order. The order list’s Refunded column is different: it shows what has been refunded of the orders placed in these days, whenever.',
    date: REFUNDED,
  },
  net: {
    what: 'Revenue − Refunds: orders placed in these days less refunds made in them. The order list’s Net instead subtracts the refunds of its own orders, so the two can differ. The sales summary’s Total sales is the same figure.',
    date: 'Orders by the day placed, refunds by the day made (store days, New York time).',
  },
};

/** With a category filter, revenue and refunds count only that category's lines. */
export const CATEGORY_NOTE =
  'With a category chosen, only that category’s order lines count (merchandise after discounts, with its tax); shipping belongs to no category and is left out.';

export const SUMMARY_DEFINITIONS: Record<keyof SalesSummaryMeasures, Definition> = {
  grossSales: { what: 'Units × price of the orders placed in these days, before discounts.', date: PLACED },
  discounts: { what: 'The discounts on those orders.', date: PLACED },
  returns: {
    what: 'What refunds made in these days returned for merchandise (after its discount, before tax), with any extra amount refunded.',
    date: REFUNDED,
  },
  netSales: { what: 'Gross sales − discounts − returns.', date: 'Orders by the day placed, refunds by the day made.' },
  shipping: {
    what: 'Shipping charged on the orders placed, less shipping refunded in these days.',
    date: 'Orders by the day placed, refunds by the day made.',
  },
  taxes: {
    what: 'Sales tax charged on the orders placed, less tax refunded in these days.',
    date: 'Orders by the day placed, refunds by the day made.',
  },
  totalSales: {
    what: 'Net sales + shipping + taxes: the same figure as Net revenue on the dashboard for these days.',
    date: 'Orders by the day placed, refunds by the day made.',
  },
};

export const PROFIT_DEFINITIONS: Record<'sales' | 'cost' | 'grossProfit' | 'margin' | 'uncostedUnits' | 'abc', Definition> = {
  sales: {
    what: 'Units × price less discounts, of the lines of orders placed in these days (no tax, no shipping). Refunds are not deducted: see Returns in the sales summary.',
    date: PLACED,
  },
  cost: {
    what: 'Cost of goods sold: units × the variant’s cost when the order was placed (a later cost change does not rewrite it), over the lines that had a cost.',
    date: PLACED,
  },
  grossProfit: { what: 'Sales of the costed lines − their cost.', date: PLACED },
  margin: { what: 'Gross profit ÷ sales of the costed lines.', date: PLACED },
  uncostedUnits: { what: 'Units of variants that had no cost when sold: left out of cost, profit and margin.', date: PLACED },
  abc: {
    what: 'Products ranked by sales, largest first: A make the first 80 % of sales, B the next 15 %, C the rest.',
    date: PLACED,
  },
};

export const SELL_THROUGH_DEFINITION: Definition = {
  what: 'Units sold (shipped) from the warehouse in these days ÷ units it had to sell: on hand at the start of the range + received in it. From the stock ledger.',
  date: 'By the day each unit was shipped or received (store days, New York time).',
};

export const ORDER_LIST_DEFINITION =
  'Totals are over every order that matches, not just this page. Refunded is what has been refunded of these orders, whenever it was refunded.';

export const REFUND_LIST_DEFINITION: Definition = {
  what: 'Every refund made in these days, of any order: the records behind the Refunds figure. With a category, product or variant, each amount is what the refund returned for those lines only (no shipping, no extra amount).',
  date: REFUNDED,
};

export const SALE_LINE_DEFINITION: Definition = {
  what: 'The order lines of orders placed in these days: the records behind a Revenue, Orders or Units figure filtered by category, product or variant. A line’s revenue is units × price − its discount + its tax. Orders counts each order once.',
  date: PLACED,
};
