/**
 * The money of a received return, worked out with the shared rules before anything is sent (the API works it
 * out again and has the last word): what its units were paid, line by line, and what an exchange for other
 * variants would leave to refund or to pay.
 */
import type { Order, OrderLine, Return } from '@/contract/order-schemas';
import { ProblemError } from '@/contract/problems';
import { lineRefundParts, refundableUnits } from '@/domain/order-rules';
import { exchangeSettlement, replacementMoney, replacementPrice, returnCredit } from '@/domain/return-decisions';
import type { ReceiptLine } from './refund-receipt';

export type ReturnQuote =
  /** Each line's parts, and the credit: their amounts, at most what is left to refund on the order. */
  | { lines: ReceiptLine[]; credit: number; refused: null }
  /** Part of the return is refunded already (by a refund of the units): it can only be closed. */
  | { lines: ReceiptLine[]; credit: 0; refused: string };

export function lineOf(order: Order, lineId: string): OrderLine | undefined {
  return order.lines.find((l) => l.id === lineId);
}

export function quoteReturn(order: Order, ret: Return): ReturnQuote {
  // Units refunded already have no parts left to show: returnCredit refuses the return below.
  const lines = ret.lines.flatMap((r) => {
    const line = lineOf(order, r.lineId);
    return line && r.quantity <= refundableUnits(line)
      ? [{ line, quantity: r.quantity, parts: lineRefundParts(line, line.refundedQuantity, r.quantity) }]
      : [];
  });
  try {
    return { lines, credit: returnCredit(order, ret), refused: null };
  } catch (error) {
    if (!(error instanceof ProblemError)) throw error;
    return { lines, credit: 0, refused: error.problem.detail ?? error.message };
  }
}

/** A variant the replacement may be, as the product has it now. */
export type ExchangeVariant = { id: string; price: number };

export type ExchangeQuote = {
  /** The replacement's value per return line: its units at the new price, less the same discount, plus the state's tax. */
  lines: { lineId: string; value: number; discount: number; tax: number }[];
  value: number;
  credit: number;
  /** Back to the customer: the replacement is cheaper. */
  refund: number;
  /** Owed by the customer: the replacement is dearer. */
  balanceDue: number;
};

/**
 * What an exchange does with the money, line for line by decideExchange's own rules (replacementMoney and
 * exchangeSettlement in src/domain/return-decisions.ts). Null until every line has a variant.
 */
export function quoteExchange(order: Order, quote: ReturnQuote, chosen: ReadonlyMap<string, ExchangeVariant>): ExchangeQuote | null {
  const lines: ExchangeQuote['lines'] = [];
  for (const { line, quantity, parts } of quote.lines) {
    const variant = chosen.get(line.id);
    if (!variant) return null;
    const returned = { unitPrice: line.unitPrice, quantity, parts };
    const { value, discount, tax } = replacementMoney(returned, replacementPrice(line, variant), order.shippingAddress.state);
    lines.push({ lineId: line.id, value, discount, tax });
  }
  const value = lines.reduce((n, l) => n + l.value, 0);
  const { refund, balanceDue } = exchangeSettlement(quote.credit, value);
  return { lines, value, credit: quote.credit, refund, balanceDue };
}
