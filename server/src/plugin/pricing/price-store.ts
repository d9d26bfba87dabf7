/**
 * Prices in Vendure's tables, set-based: a variant's price is its
 * ProductVariantPrice (USD cents, default channel), its compare-at the
 * `compareAtPrice` custom field. A repricing bumps the version of every
 * variant it moves and once of every product (the contract's versioning), and
 * keeps the product list's `priceMin`/`priceMax` columns in step. Every
 * statement works on up to CHUNK rows at once, so a batch of 10,000 variants
 * is a few dozen statements in the caller's transaction, not 10,000 saves.
 */
import { Channel, Product as VendureProduct, ProductVariant, ProductVariantPrice } from '@vendure/core';
import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { priceHistoryOf, type HistoryContext } from '#shared/domain/price-decisions';
import { variantTitle } from '#shared/domain/product-rules';
import type { PriceHistoryEntry } from '#shared/contract/pricing-schemas';
import type { Product } from '#shared/contract/schemas';
import type { PricePoint } from '#shared/domain/price-rules';
import { ids } from '../http';
import { PriceHistoryRecord } from './pricing.entities';

const CHUNK = 500;

export function chunks<T>(list: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

/** A variant as pricing reads it, with numeric ids. */
export type VariantState = {
  productId: number;
  variantId: number;
  sku: string;
  title: string;
  price: number;
  compareAtPrice: number | null;
  cost: number | null;
  position: number;
};

let channelId: number | null = null;

/** The default channel's id (the one the prices are in); it never changes while the server runs. */
export async function defaultChannelId(em: EntityManager): Promise<number> {
  if (channelId === null) channelId = Number((await em.getRepository(Channel).findOneOrFail({ where: {}, order: { id: 'ASC' } })).id);
  return channelId;
}

export function isPostgres(em: EntityManager): boolean {
  return em.connection.options.type === 'postgres';
}

/**
 * On PostgreSQL, locks the products about to be repriced (SELECT … FOR UPDATE) before their
 * prices are read, so a product save racing with the batch either commits first (and is read)
 * or waits and then fails its version compare-and-set. SQLite serialises writers.
 */
export async function lockProducts(em: EntityManager, productIds: readonly number[]): Promise<void> {
  if (!isPostgres(em)) return;
  const sorted = [...new Set(productIds)].sort((a, b) => a - b);
  for (const part of chunks(sorted)) {
    await em
      .getRepository(VendureProduct)
      .createQueryBuilder('p')
      .select('p.id')
      .where('p.id IN (:...part)', { part })
      .orderBy('p.id')
      .setLock('pessimistic_write')
      .getRawMany();
  }
}

type VariantRow = {
  productId: number | string;
  variantId: number | string;
  sku: string;
  optionValues: string;
  compareAtPrice: number | string | null;
  cost: number | string | null;
  position: number | string;
  price: number | string;
  productTitle: string | null;
};

const num = (v: number | string | null): number | null => (v === null ? null : Number(v));

/** The live variants (of live products) of `productIds` or with `variantIds`, each product's in position order. */
export async function readVariants(
  em: EntityManager,
  by: { productIds: readonly number[] } | { variantIds: readonly number[] },
): Promise<VariantState[]> {
  const channel = await defaultChannelId(em);
  const keys = 'productIds' in by ? by.productIds : by.variantIds;
  const out: VariantState[] = [];
  for (const part of chunks([...new Set(keys)])) {
    const rows = await em
      .getRepository(ProductVariant)
      .createQueryBuilder('v')
      .innerJoin(VendureProduct, 'p', '"p"."id" = "v"."productId" AND "p"."deletedAt" IS NULL')
      .innerJoin(ProductVariantPrice, 'vp', '"vp"."variantId" = "v"."id" AND "vp"."channelId" = :channel', { channel })
      .leftJoin('product_translation', 'pt', `"pt"."baseId" = "p"."id" AND "pt"."languageCode" = 'en'`)
      .select('"v"."productId"', 'productId')
      .addSelect('"v"."id"', 'variantId')
      .addSelect('"v"."sku"', 'sku')
      .addSelect('"v"."customFieldsOptionvalues"', 'optionValues')
      .addSelect('"v"."customFieldsCompareatprice"', 'compareAtPrice')
      .addSelect('"v"."customFieldsCost"', 'cost')
      .addSelect('"v"."customFieldsPosition"', 'position')
      .addSelect('"vp"."price"', 'price')
      .addSelect('"pt"."name"', 'productTitle')
      .where('"v"."deletedAt" IS NULL')
      .andWhere('productIds' in by ? '"v"."productId" IN (:...part)' : '"v"."id" IN (:...part)', { part })
      .getRawMany<VariantRow>();
    for (const r of rows) {
      out.push({
        productId: Number(r.productId),
        variantId: Number(r.variantId),
        sku: r.sku,
        title: variantTitle(r.productTitle ?? '', JSON.parse(r.optionValues) as string[]),
        price: Number(r.price),
        compareAtPrice: num(r.compareAtPrice),
        cost: num(r.cost),
        position: Number(r.position),
      });
    }
  }
  return out.sort((a, b) => a.productId - b.productId || a.position - b.position || a.variantId - b.variantId);
}

export function pointOf(v: { price: number; compareAtPrice: number | null }): PricePoint {
  return { price: v.price, compareAtPrice: v.compareAtPrice };
}

/** `CASE "col" WHEN id THEN value … END`, from integers only (ids and cents this code made), so nothing is spliced from a request. */
function caseOf(column: string, pairs: readonly [number, number | null][]): string {
  const whens = pairs.map(([id, value]) => {
    if (!Number.isSafeInteger(id) || (value !== null && !Number.isSafeInteger(value))) throw new Error('Prices and ids are integers');
    return `WHEN ${id} THEN ${value === null ? 'NULL' : value}`;
  });
  return `CASE "${column}" ${whens.join(' ')} END`;
}

export type PriceWrite = { productId: number; variantId: number; to: PricePoint };

/** Sets the prices of `writes` (set-based), bumping variant and product versions and the list's price columns. */
export async function writePrices(em: EntityManager, writes: readonly PriceWrite[], now: Date): Promise<void> {
  if (writes.length === 0) return;
  const channel = await defaultChannelId(em);
  for (const part of chunks(writes)) {
    const variantIds = part.map((w) => w.variantId);
    await em
      .createQueryBuilder()
      .update(ProductVariantPrice)
      .set({
        price: () =>
          caseOf(
            'variantId',
            part.map((w) => [w.variantId, w.to.price]),
          ),
        updatedAt: now,
      })
      .where('"variantId" IN (:...variantIds) AND "channelId" = :channel', { variantIds, channel })
      .execute();
    await em
      .createQueryBuilder()
      .update(ProductVariant)
      .set({
        updatedAt: now,
        customFields: {
          compareAtPrice: () =>
            caseOf(
              'id',
              part.map((w) => [w.variantId, w.to.compareAtPrice]),
            ),
          version: () => '"customFieldsVersion" + 1',
        },
      } as never)
      .where('"id" IN (:...variantIds)', { variantIds })
      .execute();
  }
  const productIds = [...new Set(writes.map((w) => w.productId))];
  const live = `FROM "product_variant" "lv" INNER JOIN "product_variant_price" "lp" ON "lp"."variantId" = "lv"."id" AND "lp"."channelId" = ${Number(channel)} WHERE "lv"."productId" = "product"."id" AND "lv"."deletedAt" IS NULL`;
  for (const part of chunks(productIds)) {
    await em
      .createQueryBuilder()
      .update(VendureProduct)
      .set({
        updatedAt: now,
        customFields: {
          version: () => '"customFieldsVersion" + 1',
          priceMin: () => `COALESCE((SELECT MIN("lp"."price") ${live}), 0)`,
          priceMax: () => `COALESCE((SELECT MAX("lp"."price") ${live}), 0)`,
        },
      } as never)
      .where('"id" IN (:...part)', { part })
      .execute();
  }
}

/** A multi-row INSERT without reading generated ids back (TypeORM would, row by row, on SQLite). */
export async function insertRows<T extends ObjectLiteral>(
  em: EntityManager,
  entity: EntityTarget<T>,
  rows: QueryDeepPartialEntity<T>[],
): Promise<void> {
  if (rows.length === 0) return;
  await em.createQueryBuilder().insert().into(entity).values(rows).updateEntity(false).execute();
}

/** Appends history rows, several hundred per statement. */
export async function insertHistory(em: EntityManager, entries: readonly Omit<PriceHistoryEntry, 'id'>[]): Promise<void> {
  for (const part of chunks(entries, 200)) {
    await insertRows(
      em,
      PriceHistoryRecord,
      part.map((e) => ({
        at: e.at,
        productId: ids.parse('prod', e.productId) ?? 0,
        variantId: ids.parse('var', e.variantId) ?? 0,
        sku: e.sku,
        title: e.title,
        batchId: e.batchId,
        batchLabel: e.batchLabel,
        actorId: e.actor.id,
        actorName: e.actor.name,
        action: e.action,
        fromPrice: e.from?.price ?? null,
        fromCompareAt: e.from?.compareAtPrice ?? null,
        toPrice: e.to.price,
        toCompareAt: e.to.compareAtPrice,
      })),
    );
  }
}

/**
 * The history rows of a product write (create, update, import): one per variant whose price
 * or compare-at it changed or created, as the contract records them. Called in the write's transaction.
 */
export async function recordPriceHistory(
  em: EntityManager,
  before: Product | undefined,
  after: Product,
  actor: { id: string; name: string },
  action: string,
  at: Date,
): Promise<void> {
  const ctx: HistoryContext = { at: at.toISOString(), actor: { id: actor.id, name: actor.name }, action, batch: null };
  await insertHistory(
    em,
    priceHistoryOf(before, after, ctx, () => ''),
  );
}

export function historyEntryOf(r: PriceHistoryRecord): PriceHistoryEntry {
  return {
    id: `ph_${String(r.id).padStart(7, '0')}`,
    at: r.at,
    productId: ids.product(r.productId),
    variantId: ids.variant(r.variantId),
    sku: r.sku,
    title: r.title,
    batchId: r.batchId,
    batchLabel: r.batchLabel,
    actor: { id: r.actorId, name: r.actorName },
    action: r.action,
    from: r.fromPrice === null ? null : { price: r.fromPrice, compareAtPrice: r.fromCompareAt },
    to: { price: r.toPrice, compareAtPrice: r.toCompareAt },
  };
}
