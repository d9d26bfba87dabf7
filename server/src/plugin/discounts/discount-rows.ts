/** A discount as stored (src/domain/discount-rules.ts `StoredDiscount`) ↔ its `stockroom_discount` row. */
import type { DiscountKind, DiscountScope, DiscountType } from '#shared/contract/constants';
import { codeKey, type StoredDiscount } from '#shared/domain/discount-rules';
import { DiscountRecord } from './discount.entities';

export function rowOf(d: StoredDiscount): DiscountRecord {
  return Object.assign(new DiscountRecord(), {
    id: d.id,
    kind: d.kind,
    code: d.code,
    codeKey: d.code === null ? null : codeKey(d.code),
    title: d.title,
    type: d.type,
    value: d.value,
    scope: d.scope,
    targetIds: JSON.stringify(d.targetIds),
    minimumSubtotal: d.minimumSubtotal,
    minimumQuantity: d.minimumQuantity,
    usageLimit: d.usageLimit,
    oncePerCustomer: d.oncePerCustomer,
    startsAt: d.startsAt,
    endsAt: d.endsAt,
    combines: d.combines,
    enabled: d.enabled,
    createdAt: d.createdAt,
    updatedAt: d.updatedAt,
    version: d.version,
  });
}

/** Booleans come back as 1/0 from SQLite's raw rows; Boolean() reads both drivers alike. */
export function storedOf(r: DiscountRecord): StoredDiscount {
  return {
    id: r.id,
    kind: r.kind as DiscountKind,
    code: r.code,
    title: r.title,
    type: r.type as DiscountType,
    value: r.value,
    scope: r.scope as DiscountScope,
    targetIds: JSON.parse(r.targetIds) as string[],
    minimumSubtotal: r.minimumSubtotal,
    minimumQuantity: r.minimumQuantity,
    usageLimit: r.usageLimit,
    oncePerCustomer: Boolean(r.oncePerCustomer),
    startsAt: r.startsAt,
    endsAt: r.endsAt,
    combines: Boolean(r.combines),
    enabled: Boolean(r.enabled),
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    version: r.version,
  };
}
