import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useAttemptKey } from '@/components/use-attempt-key';
import { useCan } from '@/components/current-user';
import { systemClock } from '@/domain/clock';
import { useCreateDiscount } from '../api/discount-mutations';
import { emptyDiscountInput } from '../discount-labels';
import { DiscountForm } from './discount-form';

export function DiscountCreatePage() {
  const navigate = useNavigate();
  const create = useCreateDiscount();
  const attempt = useAttemptKey();
  const [initial] = useState(() => emptyDiscountInput(systemClock()));
  // Reached by a typed or old link: the form shows, but nothing can be created that the API would refuse.
  const canEdit = useCan('discounts.edit');
  return (
    <DiscountForm
      initial={initial}
      save={async (input) => {
        const saved = await create.mutateAsync({ input, idempotencyKey: attempt.keyFor(input) });
        attempt.reset();
        return saved;
      }}
      onSaved={(discount) => void navigate({ to: '/discounts/$discountId', params: { discountId: discount.id }, ignoreBlocker: true })}
      readOnly={!canEdit}
    />
  );
}
