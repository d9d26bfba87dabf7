/**
 * The shop's discounts, made with the shop at its anchor: the three codes the
 * seeded orders carry (WELCOME10 on first orders, HOLIDAY20 in November and
 * December, FRIENDS15 now and then), running since before the first order; a
 * spring sale on audio scheduled ahead; and a free-shipping offer that ran last
 * summer and was switched off. The mock and the server's seed both use it, so
 * their usage figures come from the same orders.
 */
import type { StoredDiscount } from '../domain/discount-rules';
import { addDays } from '../domain/report-rules';
import { storeDate, storeDayStartMs } from '../domain/store-time';

export function seededDiscounts(anchorMs: number): StoredDiscount[] {
  const today = storeDate(anchorMs);
  const at = (date: string) => new Date(storeDayStartMs(date)).toISOString();
  const since = at(addDays(today, -800));
  type Given = 'id' | 'code' | 'title' | 'type' | 'value' | 'startsAt';
  const base: Omit<StoredDiscount, Given | 'createdAt' | 'updatedAt'> = {
    kind: 'code',
    scope: 'order',
    targetIds: [],
    minimumSubtotal: null,
    minimumQuantity: null,
    usageLimit: null,
    oncePerCustomer: false,
    endsAt: null,
    combines: false,
    enabled: true,
    version: 1,
  };
  const made = (d: Pick<StoredDiscount, Given> & Partial<typeof base>): StoredDiscount => ({
    ...base,
    ...d,
    createdAt: d.startsAt < at(today) ? d.startsAt : at(addDays(today, -3)),
    updatedAt: d.startsAt < at(today) ? d.startsAt : at(addDays(today, -3)),
  });
  return [
    made({
      id: 'disc_0001',
      code: 'WELCOME10',
      title: 'Welcome: 10 % off a first order',
      type: 'percent',
      value: 1000,
      startsAt: since,
      oncePerCustomer: true,
    }),
    made({ id: 'disc_0002', code: 'HOLIDAY20', title: 'Holidays: 20 % off', type: 'percent', value: 2000, startsAt: since }),
    made({ id: 'disc_0003', code: 'FRIENDS15', title: 'Friends and family: 15 % off', type: 'percent', value: 1500, startsAt: since }),
    made({
      id: 'disc_0004',
      code: 'SPRING25',
      title: 'Spring sale: 25 % off audio',
      type: 'percent',
      value: 2500,
      scope: 'categories',
      targetIds: ['audio'],
      startsAt: at(addDays(today, 100)),
      endsAt: at(addDays(today, 114)),
      usageLimit: 500,
    }),
    made({
      id: 'disc_0005',
      kind: 'automatic',
      code: null,
      title: 'Free shipping over $75',
      type: 'free_shipping',
      value: 0,
      minimumSubtotal: 7_500,
      startsAt: at(addDays(today, -160)),
      endsAt: at(addDays(today, -130)),
      enabled: false,
      combines: true,
    }),
  ];
}
