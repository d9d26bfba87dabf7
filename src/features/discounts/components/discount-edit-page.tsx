import { useSuspenseQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { AnchorLink } from '@/components/anchor-link';
import { useCan } from '@/components/current-user';
import { systemClock } from '@/domain/clock';
import { addDays } from '@/domain/report-rules';
import { storeDate } from '@/domain/store-time';
import { useUpdateDiscount } from '../api/discount-mutations';
import { discountQueries } from '../api/discount-queries';
import { discountToInput } from '../discount-labels';
import { DiscountForm } from './discount-form';
import { PerformancePanel } from './performance-panel';

const route = getRouteApi('/discounts/$discountId');

export function DiscountEditPage() {
  const { discountId } = route.useParams();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const { data: discount } = useSuspenseQuery(discountQueries.detail(discountId));
  const update = useUpdateDiscount(discountId);
  const canEdit = useCan('discounts.edit');
  const today = storeDate(systemClock());
  const range =
    search.from && search.to && search.from <= search.to ? { from: search.from, to: search.to } : { from: addDays(today, -89), to: today };
  return (
    <>
      <AnchorLink to="/discounts" size="sm">
        ← Discounts
      </AnchorLink>
      {/* Keyed by id: opening another discount starts a fresh form. A newer save by someone else surfaces as a conflict, never silently. */}
      <DiscountForm
        key={discount.id}
        discount={discount}
        initial={discountToInput(discount)}
        save={(input, version) => update.mutateAsync({ input, version: version ?? discount.version })}
        onSaved={() => undefined}
        readOnly={!canEdit}
      >
        <PerformancePanel
          discount={discount}
          range={range}
          today={today}
          onRangeChange={(next) => void navigate({ search: (prev) => ({ ...prev, from: next?.from, to: next?.to }), replace: true })}
        />
      </DiscountForm>
    </>
  );
}
