import { useQuery } from '@tanstack/react-query';
import { systemClock } from '@/domain/clock';
import { storeDate } from '@/domain/store-time';
import { storeClockQuery } from '@/api/store-clock';

/**
 * The store's today (YYYY-MM-DD, America/New_York): the API's clock, as the reports read it, so
 * "late" and "due now" agree with the reorder-by dates the API worked out (a demo or a test shop
 * may run at another instant than the browser); until it answers, the browser's clock on the store's calendar.
 */
export function useStoreToday(): string {
  const clock = useQuery(storeClockQuery());
  return clock.data?.today ?? storeDate(systemClock());
}
