import { Text } from '@mantine/core';
import type { Role } from '@/contract/permissions';
import { SUPPORT_REFUND_LIMIT_CENTS } from '@/contract/permissions';
import { formatCents } from '@/contract/values/money';

/**
 * Support's refund limit, said where support refunds. It counts every refund support made on the order in the
 * store's day, which the screen cannot add up (it does not know who is in support): the dialog stops only an
 * amount above the limit on its own, and the API refuses the rest with its own message.
 */
export function SupportLimitHint({ role, over }: { role: Role | null | undefined; over: boolean }) {
  if (role !== 'support') return null;
  return (
    <Text size="sm" c={over ? 'var(--mantine-color-error)' : 'dimmed'}>
      Support can refund up to {formatCents(SUPPORT_REFUND_LIMIT_CENTS)} on an order per store day, counting every refund support made on it
      today; above that a manager or an admin must.
    </Text>
  );
}
