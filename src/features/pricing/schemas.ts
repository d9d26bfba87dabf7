/**
 * The bulk change form: what a person types (dollars, percents, store-clock
 * dates) and how it becomes the contract's PriceChange and PriceBatchInput.
 */
import { z } from 'zod';
import type { PriceBatchInput, PriceChangeInput, PriceSelection } from '@/contract/pricing-schemas';
import { COMPARE_AT_MODES, PRICE_ENDINGS, PRICE_OPS, PRICE_UNITS } from '@/contract/constants';
import { parsePercent } from '@/domain/price-rules';
import { parseDollars } from '@/contract/values/money';
import { storeTimeToIso } from '@/domain/store-time';
import type { BulkPriceSearch } from './search';
import { systemClock } from '@/domain/clock';

export const priceFormSchema = z
  .object({
    label: z.string().trim().min(1, 'Name the change, e.g. “Black Friday audio sale”').max(100, 'Keep the name under 100 characters'),
    op: z.enum(PRICE_OPS),
    unit: z.enum(PRICE_UNITS),
    amount: z.string(),
    ending: z.enum(PRICE_ENDINGS),
    compareAt: z.enum(COMPARE_AT_MODES),
    floorOn: z.boolean(),
    floor: z.string(),
    schedule: z.boolean(),
    startDate: z.string(),
    startTime: z.string(),
    endOn: z.boolean(),
    endDate: z.string(),
    endTime: z.string(),
    skipFlagged: z.boolean(),
  })
  .superRefine((v, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    if (v.op !== 'keep') {
      const value = v.unit === 'percent' && v.op !== 'set' ? parsePercent(v.amount) : parseDollars(v.amount);
      if (value === null)
        issue('amount', v.unit === 'percent' && v.op !== 'set' ? 'Enter a percent, like 20 or 12.5' : 'Enter an amount, like 5 or 4.99');
      else if (value === 0) issue('amount', 'Enter more than zero');
      else if (v.op === 'lower' && v.unit === 'percent' && value > 10_000) issue('amount', 'Lower by at most 100 %');
    } else if (v.compareAt === 'keep') issue('op', 'Choose a price change or a sale action');
    if (v.floorOn) {
      const floor = parsePercent(v.floor);
      if (floor === null || floor >= 9_900) issue('floor', 'Enter a margin under 99 %, like 15');
    }
    if (v.schedule && !storeTimeToIso(v.startDate, v.startTime)) issue('startDate', 'Choose the start date and time');
    if (v.endOn && !storeTimeToIso(v.endDate, v.endTime)) issue('endDate', 'Choose the end date and time');
    const start = v.schedule ? storeTimeToIso(v.startDate, v.startTime) : null;
    const end = v.endOn ? storeTimeToIso(v.endDate, v.endTime) : null;
    if (end && Date.parse(end) <= (start ? Date.parse(start) : systemClock())) issue('endDate', 'End after the start');
  });
export type PriceFormValues = z.infer<typeof priceFormSchema>;

export const PRICE_FORM_DEFAULTS: PriceFormValues = {
  label: '',
  op: 'lower',
  unit: 'percent',
  amount: '',
  ending: 'none',
  compareAt: 'keep',
  floorOn: false,
  floor: '',
  schedule: false,
  startDate: '',
  startTime: '00:00',
  endOn: false,
  endDate: '',
  endTime: '00:00',
  skipFlagged: false,
};

/** The change the form describes, or null while it is incomplete (the preview waits). */
export function formToChange(v: PriceFormValues): PriceChangeInput | null {
  const unit = v.op === 'set' ? 'amount' : v.unit;
  let value = 0;
  if (v.op !== 'keep') {
    const parsed = unit === 'percent' ? parsePercent(v.amount) : parseDollars(v.amount);
    if (parsed === null || parsed === 0 || (v.op === 'lower' && unit === 'percent' && parsed > 10_000)) return null;
    value = parsed;
  } else if (v.compareAt === 'keep') return null;
  let minMarginBp: number | null = null;
  if (v.floorOn) {
    minMarginBp = parsePercent(v.floor);
    if (minMarginBp === null || minMarginBp >= 9_900) return null;
  }
  return { op: v.op, unit, value, ending: v.ending, compareAt: v.compareAt, minMarginBp };
}

export function formToBatch(v: PriceFormValues, selection: PriceSelection): PriceBatchInput | null {
  const change = formToChange(v);
  if (!change) return null;
  return {
    label: v.label.trim(),
    selection,
    change,
    skipFlagged: v.skipFlagged,
    startsAt: v.schedule ? storeTimeToIso(v.startDate, v.startTime) : null,
    endsAt: v.endOn ? storeTimeToIso(v.endDate, v.endTime) : null,
  };
}

/** The URL's selection as the API's: chosen products, or the filter. */
export function searchToSelection(search: BulkPriceSearch): PriceSelection {
  if (search.ids?.length) return { kind: 'products', ids: search.ids };
  const { q, status, categoryId, tag, priceMin, priceMax } = search;
  return { kind: 'filter', q, status, categoryId, tag, priceMin, priceMax };
}
