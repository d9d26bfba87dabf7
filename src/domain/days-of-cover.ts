/**
 * Days of cover in words, the same on every screen that shows them. The API's
 * number counts what is available plus what is coming (on purchase orders sent,
 * and in transfers in transit), so a level with an empty shelf and a delivery on
 * its way still has days; it is null when nothing sold in the last 28 days. A
 * level with neither stock nor sales used to read "0 d" in one row and a level
 * with stock but no sales "No sales" in the next, although neither has a rate of
 * sale to count days with.
 *
 * The wording, one per situation:
 * - nothing available (on hand minus reserved is 0 or less) and nothing coming:
 *   "Out", whatever the sales; there is nothing to cover with, and the status
 *   column says why;
 * - units available or coming, none sold in 28 days: "No sales";
 * - otherwise the days, to one decimal ("12.5 d"); under a tenth of a day
 *   (a few units of a fast seller) "Under 0.1 d", never "0 d" beside stock;
 * - "0 d" only when units are coming but fewer than are owed already (an
 *   oversold level whose delivery will not cover its orders): something is on
 *   its way, so not "Out", yet it covers no day of sales.
 *
 * `onOrder` and `inTransit` are optional so that a row without them (an older
 * answer, a report's row) reads as before: nothing coming.
 */
export function formatDaysOfCover(level: { daysOfCover: number | null; available: number; onOrder?: number; inTransit?: number }): string {
  const coming = (level.onOrder ?? 0) + (level.inTransit ?? 0);
  if (level.available <= 0 && coming <= 0) return 'Out';
  if (level.daysOfCover === null) return 'No sales';
  // The API rounds to a tenth: 0 beside a few units of a fast seller is "Under 0.1 d"; 0 with nothing to count is 0.
  if (level.available + coming <= 0) return '0 d';
  if (level.daysOfCover < 0.1) return 'Under 0.1 d';
  return `${level.daysOfCover.toLocaleString('en-US', { maximumFractionDigits: 1 })} d`;
}
