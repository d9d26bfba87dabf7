/**
 * The ledger's arithmetic, as plain functions: the mock and a real server
 * both import them, so "available", "days of cover" and what a count
 * correction records mean the same everywhere.
 */
import { MAX_STOCK_UNITS, SALES_WINDOW_DAYS, type AdjustmentReason, type StockState } from '../contract/constants';

export function available(level: { onHand: number; reserved: number }): number {
  return level.onHand - level.reserved;
}

export function stockState(availableUnits: number, threshold: number): StockState {
  if (availableUnits < 0) return 'oversold';
  if (availableUnits === 0) return 'out';
  return availableUnits <= threshold ? 'low' : 'in_stock';
}

/**
 * Available units ÷ average daily units sold over the sales window, to one
 * decimal; null when nothing sold (no rate to divide by), 0 when nothing is available.
 * Units, not money, so a float is fine here.
 */
export function daysOfCover(availableUnits: number, soldInWindow: number): number | null {
  if (availableUnits <= 0) return 0;
  if (soldInWindow <= 0) return null;
  return Math.round((availableUnits * SALES_WINDOW_DAYS * 10) / soldInWindow) / 10;
}

/**
 * The signed on-hand change an adjustment records. `quantity` is what the
 * person typed: units received, damaged or lost (positive), or for a count
 * correction the number counted on the shelf.
 */
export function adjustmentDelta(reason: AdjustmentReason, quantity: number, onHand: number): number {
  switch (reason) {
    case 'received':
      return quantity;
    case 'damaged':
    case 'lost':
      return -quantity;
    case 'count_correction':
      return quantity - onHand;
  }
}

export type LevelUnits = { onHand: number; reserved: number };

const count = (n: number): string => n.toLocaleString('en-US');

/**
 * What is wrong with a write that leaves a level at `after`, in words, or null
 * when it may: on hand and reserved stay within MAX_STOCK_UNITS. Only a change
 * that raises a number past the limit is refused, so a level stored above it
 * before the limit existed can still be brought down. `where` names the level
 * ("MUG-BLK at Edison, NJ").
 */
export function levelLimitProblem(before: LevelUnits, after: LevelUnits, where: string): string | null {
  const most = `a level holds at most ${count(MAX_STOCK_UNITS)} units`;
  if (after.onHand > MAX_STOCK_UNITS && after.onHand > before.onHand) return `${where} would have ${count(after.onHand)} on hand: ${most}.`;
  if (after.reserved > MAX_STOCK_UNITS && after.reserved > before.reserved)
    return `${where} would have ${count(after.reserved)} reserved: ${most}.`;
  return null;
}
