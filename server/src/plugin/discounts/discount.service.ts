/**
 * Discounts on the server: rows of `stockroom_discount` and `stockroom_discount_use`, their usage read from the
 * orders (discount-usage.ts), every decision made by src/domain/discount-rules.ts as the mock makes it
 * (mocks/discount-writes.ts). Each write goes through `idempotentWrite` (a transaction, queued on SQLite;
 * Idempotency-Key replayed) with its audit entry in the same transaction.
 *
 * Why not Vendure's Promotion: a Promotion is Vendure's own pricing engine (PromotionCondition and
 * PromotionAction classes, applied by its order process as OrderLine adjustments, priced through its tax zones).
 * Stockroom's orders are its own (server/README.md, "order"), and what a discount takes off is the orders' own
 * split (src/domain/order-rules.ts `orderTotals`, called by `priceBasket`), shared with the mock to the cent.
 * Mapping our scope, minimums, limits and status onto Promotion's conditions and actions would make a second rule
 * that must agree with that one, and Promotion's usage counts Vendure's orders, which hold none of ours.
 */
import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { ProductVariant, TransactionalConnection } from '@vendure/core';
import { In, IsNull, type EntityManager } from 'typeorm';
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
} from '#shared/contract/discount-schemas';
import type { Idempotency } from '#shared/contract/protocol';
import { validationProblem } from '#shared/contract/problems';
import { ROUTES } from '#shared/contract/routes';
import {
  checkUse,
  codeKey,
  decideDiscountInput,
  decideDiscountUpdate,
  discountAudit,
  discountNotFound,
  discountPage,
  discountPerformance,
  discountStatus,
  priceBasket,
  type BasketItem,
  type StoredDiscount,
} from '#shared/domain/discount-rules';
import { variantTitle } from '#shared/domain/product-rules';
import { recordAudit, type Actor } from '../audit/audit.service';
import { CatalogueService } from '../catalogue/catalogue.service';
import { clock } from '../clock';
import { ids } from '../http';
import { idempotentWrite, RetryWrite, type Answer } from '../idempotency';
import { isPostgres } from '../serial-writes';
import { DiscountRecord, DiscountUseRecord } from './discount.entities';
import { rowOf, storedOf } from './discount-rows';
import { allOrders, claimedUses, codeDays, codeTotals, usedByCustomer, zeroSums } from './discount-usage';

const keyOf = (d: Pick<StoredDiscount, 'code'>) => (d.code === null ? null : codeKey(d.code));

/** Stored discounts as the API shows them: status on the store's clock, usage from the orders plus uses claimed. */
async function present(em: EntityManager, stored: readonly StoredDiscount[], nowMs = clock()): Promise<Discount[]> {
  const keys = stored.map(keyOf).filter((k): k is string => k !== null);
  // One query after the other: inside a transaction they share one PostgreSQL connection, which takes one query at a time.
  const fromOrders = await codeTotals(em, keys);
  const claimed = await claimedUses(
    em,
    stored.map((d) => d.id),
  );
  return stored.map((d) => {
    const key = keyOf(d);
    const sums = (key !== null && fromOrders.get(key)) || zeroSums();
    return { ...d, status: discountStatus(d, nowMs), ...sums, uses: sums.uses + (claimed.get(d.id) ?? 0) };
  });
}

@Injectable()
export class DiscountService {
  constructor(
    private connection: TransactionalConnection,
    private catalogue: CatalogueService,
  ) {}

  private get db() {
    return this.connection.rawConnection;
  }

  private async all(em: EntityManager): Promise<StoredDiscount[]> {
    return (await em.getRepository(DiscountRecord).find()).map(storedOf);
  }

  /**
   * One discount, or the 404. `lock`: its row locked FOR UPDATE on PostgreSQL until the transaction ends, so
   * writes to one discount (edits, claims) run one after another on every instance (SQLite queues every write).
   */
  private async load(em: EntityManager, id: string, lock = false): Promise<StoredDiscount> {
    const qb = em.getRepository(DiscountRecord).createQueryBuilder('d').where('d.id = :id', { id });
    if (lock && isPostgres(em.connection)) qb.setLock('pessimistic_write');
    const row = await qb.getOne();
    if (!row) throw discountNotFound(id);
    return storedOf(row);
  }

  private async presentOne(em: EntityManager, d: StoredDiscount): Promise<Discount> {
    return (await present(em, [d]))[0]!;
  }

  /** Discounts are few (a shop's tens or hundreds): all of them with their usage, then filtered, sorted and paged as the mock does. */
  async list(query: DiscountListQuery): Promise<DiscountList> {
    const em = this.db.manager;
    return discountPage(await present(em, await this.all(em)), query);
  }

  async get(id: string): Promise<Discount> {
    const em = this.db.manager;
    return this.presentOne(em, await this.load(em, id));
  }

  /** A code taken meanwhile by another instance is refused by the unique index on `codeKey`; the write runs again and answers the rule's 422. */
  create(actor: Actor, input: DiscountInput, idempotency: Idempotency): Promise<Answer<Discount>> {
    return idempotentWrite(this.db, actor, idempotency, async (em) => {
      const fields = decideDiscountInput(input, await this.all(em));
      const now = new Date(clock());
      const saved: StoredDiscount = {
        id: `disc_${randomUUID().replaceAll('-', '').slice(0, 10)}`,
        ...fields,
        createdAt: now.toISOString(),
        updatedAt: now.toISOString(),
        version: 1,
      };
      await em.getRepository(DiscountRecord).insert(rowOf(saved));
      await recordAudit(em, actor, ROUTES['discounts.create'].audit.action, now, discountAudit(undefined, saved));
      return { status: 201, body: await this.presentOne(em, saved) };
    });
  }

  /** Every field again at `version`: 409 with the discount as it is when someone saved since; nothing changed, nothing written. */
  async update(actor: Actor, id: string, version: number, input: DiscountInput): Promise<Discount> {
    const { body } = await idempotentWrite(this.db, actor, null, async (em) => {
      const current = await this.load(em, id, true);
      const shown = await this.presentOne(em, current);
      const fields = decideDiscountUpdate(current, version, input, await this.all(em), () => shown);
      const now = new Date(clock());
      const next: StoredDiscount = { ...current, ...fields, updatedAt: now.toISOString(), version: current.version + 1 };
      const drafts = discountAudit(current, next);
      if (drafts.length === 0) return { status: 200, body: shown };
      const { id: _id, createdAt: _createdAt, ...changes } = rowOf(next);
      // Compare-and-set: locked on PostgreSQL and queued on SQLite, so a miss means something bypassed the write path.
      const result = await em
        .createQueryBuilder()
        .update(DiscountRecord)
        .set(changes)
        .where('id = :id AND version = :version', { id, version: current.version })
        .execute();
      if (result.affected !== 1) throw new RetryWrite();
      await recordAudit(em, actor, ROUTES['discounts.update'].audit.action, now, drafts);
      return { status: 200, body: await this.presentOne(em, next) };
    });
    return body;
  }

  /**
   * A checkout claims one use. Atomic across instances: the discount's row is locked (PostgreSQL) before its uses
   * are counted, so concurrent claims of one discount are counted one after another and never pass its limit;
   * on SQLite every write is queued. A retried claim (same Idempotency-Key) answers what the first one did.
   */
  use(actor: Actor, id: string, input: DiscountUseInput, idempotency: Idempotency): Promise<Answer<Discount>> {
    return idempotentWrite(this.db, actor, idempotency, async (em) => {
      const current = await this.load(em, id, true);
      const now = clock();
      const customerKey = input.customerEmail.toLowerCase();
      const key = keyOf(current);
      const fromOrders = await codeTotals(em, key === null ? [] : [key]);
      const claimed = await claimedUses(em, [id]);
      const used = await usedByCustomer(em, id, key, customerKey);
      checkUse(current, {
        nowMs: now,
        uses: ((key !== null && fromOrders.get(key)?.uses) || 0) + (claimed.get(id) ?? 0),
        usedByCustomer: used,
      });
      await em.getRepository(DiscountUseRecord).insert({ discountId: id, customerKey, at: new Date(now).toISOString() });
      return { status: 201, body: (await present(em, [current], now))[0]! };
    });
  }

  /** The basket's variants as they are now (price, product, category, title), then `priceBasket`. Writes nothing. */
  async preview(input: DiscountPreviewInput): Promise<DiscountPreview> {
    const em = this.db.manager;
    const wanted = input.basket.map((line) => ids.parse('var', line.variantId)).filter((v): v is number => v !== null);
    const variants = wanted.length
      ? await em
          .getRepository(ProductVariant)
          .find({ where: { id: In(wanted), deletedAt: IsNull() }, select: { id: true, productId: true } })
      : [];
    const products = await this.catalogue.load(em, [...new Set(variants.map((v) => Number(v.productId)))]);
    const byVariant = new Map(products.flatMap((p) => p.variants.map((v) => [v.id, { product: p, variant: v }] as const)));
    const errors: Record<string, string> = {};
    const items: BasketItem[] = [];
    input.basket.forEach((line, i) => {
      const found = byVariant.get(line.variantId);
      if (!found) {
        errors[`basket.${i}.variantId`] = 'No variant has this id';
        return;
      }
      const { product, variant } = found;
      items.push({
        variantId: variant.id,
        productId: product.id,
        categoryId: product.categoryId,
        sku: variant.sku,
        title: variantTitle(product.title, variant.optionValues),
        unitPrice: variant.price,
        quantity: line.quantity,
      });
    });
    if (Object.keys(errors).length) throw validationProblem(errors, 'Some of the basket’s variants do not exist.');
    return priceBasket(input.discount, items, input.state);
  }

  /** A code's orders per store day in the range (SQL on the orders' discount index), with the average order with and without it. */
  async performance(id: string, query: DiscountPerformanceQuery): Promise<DiscountPerformance> {
    const em = this.db.manager;
    const d = await this.load(em, id);
    const days = await codeDays(em, keyOf(d), query.from, query.to);
    return discountPerformance({ from: query.from, to: query.to }, days, await allOrders(em, query.from, query.to));
  }
}
