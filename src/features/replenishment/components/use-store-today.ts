import { useQuery } from '@tanstack/react-query';
import { useCan } from '@/components/current-user';
import { systemClock } from '@/domain/clock';
import { storeDate } from '@/domain/store-time';
import { storeClockQuery } from '../api/replenishment-queries';

/**
 * The store's today (YYYY-MM-DD, America/New_York): the API's clock, as the reports read it, so
 * "late" and "due now" agree with the reorder-by dates the API worked out (a demo or a test shop
 * may run at another instant than the browser). The clock is a reports route; for someone who may
 * not see reports, and until it answers, the browser's clock on the store's calendar.
 */
export function useStoreToday(): string {
  const allowed = useCan('reports.view');
  const clock = useQuery({ ...storeClockQuery(), enabled: allowed });
  return clock.data?.today ?? storeDate(systemClock());
}
