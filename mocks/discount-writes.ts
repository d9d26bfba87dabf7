/**
 * Discounts in the mock: read with their status (the store's clock) and usage
 * (mocks/discount-usage.ts and the uses claimed), written through the store's
 * one write path so the audit entry cannot be skipped and they persist and
 * reach other tabs with the people document. Every decision is
 * src/domain/discount-rules.ts.
 */
import type {
  Discount,
  DiscountInput,
  DiscountList,
  DiscountListQuery,
  DiscountPerformance,
  DiscountPerformanceQuery,
  DiscountPreview,
  DiscountPreviewInput,
  DiscountUseInput,
} from '../src/contract/discount-schemas';
import type { Idempotency } from '../src/contract/protocol';
import { validationProblem } from '../src/contract/problems';
import {
  checkUse,
  decideDiscountInput,
  decideDiscountUpdate,
  discountAudit,
  discountNotFound,
  discountPerformance as performanceOf,
  discountPage,
  discountStatus,
  priceBasket,
  type BasketItem,
  type DiscountUse,
  type StoredDiscount,
} from '../src/domain/discount-rules';
import { writeOf } from './routes/write-of';
import { variantLabel, type Actor, type MockDb } from './store';

/** A stored discount as the API shows it: with its status now and its usage (orders with its code, and uses claimed). */
export function presentDiscount(db: MockDb, d: StoredDiscount, uses: readonly DiscountUse[] = db.discountUses()): Discount {
  const fromOrders = db.discountUsage().total(d.code);
  const claimed = uses.filter((u) => u.discountId === d.id).length;
  return { ...d, status: discountStatus(d, db.now()), ...fromOrders, uses: fromOrders.uses + claimed };
}

function find(db: MockDb, id: string): StoredDiscount {
  const found = db.allDiscounts().find((d) => d.id === id);
  if (!found) throw discountNotFound(id);
  return found;
}

export function listDiscounts(db: MockDb, query: DiscountListQuery): DiscountList {
  const uses = db.discountUses();
  return discountPage(
    db.allDiscounts().map((d) => presentDiscount(db, d, uses)),
    query,
  );
}

export function getDiscount(db: MockDb, id: string): Discount {
  return presentDiscount(db, find(db, id));
}

export async function createDiscount(db: MockDb, actor: Actor, input: DiscountInput, idempotency: Idempotency): Promise<Discount> {
  const { result } = await db.write({ actor, ...writeOf('discounts.create'), idempotency }, (tx) => {
    const fields = decideDiscountInput(input, tx.allDiscounts());
    const saved: StoredDiscount = {
      id: `disc_${crypto.randomUUID().replaceAll('-', '').slice(0, 10)}`,
      ...fields,
      createdAt: tx.now,
      updatedAt: tx.now,
      version: 1,
    };
    tx.putDiscount(saved);
    for (const draft of discountAudit(undefined, saved)) tx.audit(draft);
    return saved;
  });
  return presentDiscount(db, result);
}

export async function updateDiscount(db: MockDb, actor: Actor, id: string, version: number, input: DiscountInput): Promise<Discount> {
  const { result } = await db.write({ actor, ...writeOf('discounts.update') }, (tx) => {
    const all = tx.allDiscounts();
    const current = all.find((d) => d.id === id);
    if (!current) throw discountNotFound(id);
    const fields = decideDiscountUpdate(current, version, input, all, (d) => presentDiscount(db, d));
    const next: StoredDiscount = { ...current, ...fields, updatedAt: tx.now, version: current.version + 1 };
    const drafts = discountAudit(current, next);
    if (drafts.length === 0) return current;
    tx.putDiscount(next);
    for (const draft of drafts) tx.audit(draft);
    return next;
  });
  return presentDiscount(db, result);
}

/** A checkout claims one use: checked and counted in one write, so concurrent claims never pass the limit. */
export async function useDiscount(
  db: MockDb,
  actor: Actor,
  id: string,
  input: DiscountUseInput,
  idempotency: Idempotency,
): Promise<Discount> {
  const { result } = await db.write({ actor, permission: 'orders.fulfil', action: 'discount used', idempotency }, (tx) => {
    const current = tx.allDiscounts().find((d) => d.id === id);
    if (!current) throw discountNotFound(id);
    const uses = tx.discountUses();
    const customerKey = input.customerEmail.toLowerCase();
    const claimed = uses.filter((u) => u.discountId === id);
    checkUse(current, {
      nowMs: db.now(),
      uses: db.discountUsage().total(current.code).uses + claimed.length,
      usedByCustomer: claimed.some((u) => u.customerKey === customerKey) || db.discountUsage().usedBy(current.code, customerKey),
    });
    tx.addDiscountUse({ discountId: id, customerKey, at: tx.now });
    return presentDiscount(db, current, [...uses, { discountId: id, customerKey, at: tx.now }]);
  });
  return result;
}

export function previewDiscount(db: MockDb, input: DiscountPreviewInput): DiscountPreview {
  const errors: Record<string, string> = {};
  const items: BasketItem[] = [];
  input.basket.forEach((line, i) => {
    const owner = db.variantOwner(line.variantId);
    const variant = owner?.record.product.variants[owner.index];
    if (!owner || !variant) {
      errors[`basket.${i}.variantId`] = 'No variant has this id';
      return;
    }
    const product = owner.record.product;
    items.push({
      variantId: variant.id,
      productId: product.id,
      categoryId: product.categoryId,
      sku: variant.sku,
      title: variantLabel(product, variant),
      unitPrice: variant.price,
      quantity: line.quantity,
    });
  });
  if (Object.keys(errors).length) throw validationProblem(errors, 'Some of the basket’s variants do not exist.');
  return priceBasket(input.discount, items, input.state);
}

export function discountPerformance(db: MockDb, id: string, query: DiscountPerformanceQuery): DiscountPerformance {
  const { days, all } = db.discountUsage().days(find(db, id).code, query.from, query.to);
  return performanceOf({ from: query.from, to: query.to }, days, all);
}
