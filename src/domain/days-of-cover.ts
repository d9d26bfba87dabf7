/**
 * Days of cover in words, the same on every screen that shows them. The API's
 * number (src/domain/stock-rules.ts daysOfCover) is 0 when nothing is available
 * and null when nothing sold in the last 28 days; a level with neither stock nor
 * sales used to read "0 d" in one row and a level with stock but no sales "No
 * sales" in the next, although neither has a rate of sale to count days with.
 *
 * The wording, one per situation:
 * - nothing available (on hand minus reserved is 0 or less): "Out", whatever
 *   the sales; there is nothing to cover with, and the status column says why;
 * - units available, none sold in 28 days: "No sales";
 * - otherwise the days, to one decimal ("12.5 d"); under a tenth of a day
 *   (a few units of a fast seller) "Under 0.1 d", never "0 d" beside stock.
 */
export function formatDaysOfCover(level: { daysOfCover: number | null; available: number }): string {
  if (level.available <= 0) return 'Out';
  if (level.daysOfCover === null) return 'No sales';
  if (level.daysOfCover < 0.1) return 'Under 0.1 d';
  return `${level.daysOfCover.toLocaleString('en-US', { maximumFractionDigits: 1 })} d`;
}
