/**
 * Products in Vendure's tables: Product (+ translation, custom fields),
 * ProductVariant (+ translation, price, custom fields), StockLevel per
 * StockLocation, and our tag table. Validation is the contract's zod schema
 * (in the controller); here are the rules only a database can check
 * (uniqueness across the shop, versions), with the contract's messages (src/domain/product-rules.ts).
 */
import { Injectable } from '@nestjs/common';
import {
  Channel,
  CurrencyCode,
  LanguageCode,
  Product as VendureProduct,
  ProductTranslation,
  ProductVariant,
  ProductVariantPrice,
  ProductVariantTranslation,
  StockLevel,
  StockLocation,
  TransactionalConnection,
} from '@vendure/core';
import { In, IsNull, Not, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import { productAudit } from '#shared/domain/audit-rules';
import { CATEGORIES } from '#shared/contract/constants';
import { validationProblem } from '#shared/contract/problems';
import { idempotentWrite, RetryWrite, type Answer } from '../idempotency';
import type {
  BulkStatusInput,
  Category,
  Product,
  ProductInput,
  ProductListQuery,
  ProductSummary,
  Variant,
  VariantInput,
} from '#shared/contract/schemas';
import {
  missingProductsRefusal,
  productChanged,
  productNotFound,
  productSummary,
  shopRuleErrors,
  variantIdErrors,
  variantTitle,
  variantVersionAfter,
} from '#shared/domain/product-rules';
import { recordAudit, type Actor } from '../audit/audit.service';
import { ProductTagRecord } from '../entities';
import type { Idempotency } from '#shared/contract/protocol';
import { ids } from '../http';
import { lockProducts, recordPriceHistory } from '../pricing/price-store';
import { nowDate } from '../clock';

const SEP = '\u0001';

/** The list's sort and filter columns, derived from a product so they cannot drift from it. */
function derived(p: { title: string; variants: readonly { sku: string; barcode: string | null; price: number }[] }) {
  const prices = p.variants.map((v) => v.price);
  return {
    priceMin: prices.length ? Math.min(...prices) : 0,
    priceMax: prices.length ? Math.max(...prices) : 0,
    variantCount: p.variants.length,
    titleKey: p.title.toLowerCase().slice(0, 200),
    searchText: [p.title.toLowerCase(), ...p.variants.map((v) => v.sku.toLowerCase())].join(SEP),
    barcodeText: p.variants.map((v) => (v.barcode ? SEP + v.barcode : '')).join(''),
  };
}

function likeEscape(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

type ProductFields = Omit<Product, 'id' | 'variants' | 'createdAt' | 'updatedAt' | 'version'>;
type VariantFields = Omit<Variant, 'id' | 'productId' | 'stock' | 'version'>;

/** What inserting one product needs; the seed passes its generated ids and timestamps. */
export type NewProduct = ProductFields & {
  id?: number;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  variants: (VariantFields & { id?: number; version: number; onHand: readonly number[] })[];
};

@Injectable()
export class CatalogueService {
  constructor(private connection: TransactionalConnection) {}

  private get db() {
    return this.connection.rawConnection;
  }

  // ------------------------------------------------------------ reads

  async list(query: ProductListQuery): Promise<{ items: ProductSummary[]; total: number }> {
    const qb = this.db.getRepository(VendureProduct).createQueryBuilder('p').where('p.deletedAt IS NULL');
    this.filter(qb, query);
    const total = await qb.getCount();
    const desc = query.sort.startsWith('-');
    const dir = desc ? 'DESC' : 'ASC';
    const key = (desc ? query.sort.slice(1) : query.sort) as 'title' | 'variantCount' | 'price' | 'stock' | 'updatedAt';
    qb.select('p.id', 'id');
    if (key === 'stock') {
      qb.addSelect(
        `(SELECT COALESCE(SUM("sl"."stockOnHand"), 0) FROM "stock_level" "sl" INNER JOIN "product_variant" "v" ON "v"."id" = "sl"."productVariantId" WHERE "v"."productId" = "p"."id" AND "v"."deletedAt" IS NULL)`,
        'stock_sum',
      );
      qb.orderBy('stock_sum', dir);
    } else {
      const column = {
        title: 'p.customFields.titleKey',
        variantCount: 'p.customFields.variantCount',
        price: 'p.customFields.priceMin',
        updatedAt: 'p.updatedAt',
      }[key];
      qb.orderBy(column, dir);
    }
    // Ties broken by id in the sort's direction (the contract's list rule).
    qb.addOrderBy('p.id', dir).offset(query.offset).limit(query.limit);
    const rows = await qb.getRawMany<{ id: number }>();
    const products = await this.load(
      this.db.manager,
      rows.map((r) => Number(r.id)),
    );
    return { items: products.map(productSummary), total };
  }

  /** The product list's filters; pricing selects by the same ones. */
  filter(
    qb: SelectQueryBuilder<VendureProduct>,
    query: Pick<ProductListQuery, 'q' | 'status' | 'categoryId' | 'tag' | 'priceMin' | 'priceMax'>,
  ): void {
    if (query.status) qb.andWhere('p.customFields.status IN (:...statuses)', { statuses: query.status });
    if (query.categoryId !== undefined) qb.andWhere('p.customFields.categoryId = :categoryId', { categoryId: query.categoryId });
    if (query.tag !== undefined) {
      qb.andWhere('EXISTS (SELECT 1 FROM "stockroom_product_tag" "pt" WHERE "pt"."productId" = "p"."id" AND "pt"."tag" = :tag)', {
        tag: query.tag,
      });
    }
    if (query.priceMin !== undefined || query.priceMax !== undefined) {
      // Some variant's price in the range: the contract's price filter.
      // Only the bounds given: an open end compared against a huge number overflows PostgreSQL's integer column.
      const bounds = [
        query.priceMin !== undefined ? '"vp"."price" >= :pmin' : null,
        query.priceMax !== undefined ? '"vp"."price" <= :pmax' : null,
      ];
      qb.andWhere(
        `EXISTS (SELECT 1 FROM "product_variant" "v" INNER JOIN "product_variant_price" "vp" ON "vp"."variantId" = "v"."id" WHERE "v"."productId" = "p"."id" AND "v"."deletedAt" IS NULL AND ${bounds.filter(Boolean).join(' AND ')})`,
        { pmin: query.priceMin, pmax: query.priceMax },
      );
    }
    if (query.q !== undefined) {
      const text = `%${likeEscape(query.q.toLowerCase())}%`;
      if (/^\d+$/.test(query.q)) {
        qb.andWhere("(p.customFields.searchText LIKE :text ESCAPE '\\' OR p.customFields.barcodeText LIKE :digits ESCAPE '\\')", {
          text,
          digits: `%${SEP}${query.q}%`,
        });
      } else {
        qb.andWhere("p.customFields.searchText LIKE :text ESCAPE '\\'", { text });
      }
    }
  }

  /** Whole products in the order of `productIds`; missing ones are left out. */
  async load(em: EntityManager, productIds: readonly number[]): Promise<Product[]> {
    if (productIds.length === 0) return [];
    const rows = await em.getRepository(VendureProduct).find({
      where: { id: In([...productIds]), deletedAt: IsNull() },
      relations: { variants: true },
    });
    const variantIds = rows.flatMap((p) => p.variants.filter((v) => !v.deletedAt).map((v) => v.id));
    const stock = new Map<number, number>();
    if (variantIds.length) {
      const sums = await em
        .getRepository(StockLevel)
        .createQueryBuilder('sl')
        .select('sl.productVariantId', 'variantId')
        .addSelect('SUM(sl.stockOnHand)', 'onHand')
        .where('sl.productVariantId IN (:...variantIds)', { variantIds })
        .groupBy('sl.productVariantId')
        .getRawMany<{ variantId: number; onHand: number | string }>();
      for (const s of sums) stock.set(Number(s.variantId), Number(s.onHand));
    }
    const byId = new Map(rows.map((p) => [Number(p.id), toProduct(p, stock)]));
    return productIds.map((id) => byId.get(id)).filter((p): p is Product => p !== undefined);
  }

  async get(id: string, em: EntityManager = this.db.manager): Promise<Product | null> {
    const n = ids.parse('prod', id);
    return n === null ? null : ((await this.load(em, [n]))[0] ?? null);
  }

  /** The live variant using a SKU (compared case-insensitively), or null. */
  async variantIdOfSku(sku: string): Promise<number | null> {
    const row = await this.db
      .getRepository(ProductVariant)
      .createQueryBuilder('v')
      .innerJoin('v.product', 'p')
      .select('v.id', 'id')
      .where('UPPER(v.sku) = :sku AND v.deletedAt IS NULL AND p.deletedAt IS NULL', { sku: sku.trim().toUpperCase() })
      .getRawOne<{ id: number | string }>();
    return row ? Number(row.id) : null;
  }

  async categories(): Promise<Category[]> {
    const counts = await this.db
      .getRepository(VendureProduct)
      .createQueryBuilder('p')
      .select('p.customFields.categoryId', 'categoryId')
      .addSelect('COUNT(*)', 'count')
      .where('p.deletedAt IS NULL')
      .groupBy('p.customFields.categoryId')
      .getRawMany<{ categoryId: string; count: number | string }>();
    const byId = new Map(counts.map((c) => [c.categoryId, Number(c.count)]));
    return CATEGORIES.map((c) => ({ id: c.id, name: c.name, productCount: byId.get(c.id) ?? 0 }));
  }

  async tags(): Promise<{ tag: string; productCount: number }[]> {
    const rows = await this.db
      .getRepository(ProductTagRecord)
      .createQueryBuilder('pt')
      .innerJoin(VendureProduct, 'p', 'p.id = pt.productId AND p.deletedAt IS NULL')
      .select('pt.tag', 'tag')
      .addSelect('COUNT(*)', 'count')
      .groupBy('pt.tag')
      .getRawMany<{ tag: string; count: number | string }>();
    return rows
      .map((r) => ({ tag: r.tag, productCount: Number(r.count) }))
      .sort((a, b) => b.productCount - a.productCount || (a.tag < b.tag ? -1 : a.tag > b.tag ? 1 : 0));
  }

  async locations(): Promise<{ id: string; name: string }[]> {
    const rows = await this.db
      .getRepository(StockLocation)
      .find({ where: { customFields: { code: Not(IsNull()) } }, order: { id: 'ASC' } });
    return rows.map((l) => ({ id: l.customFields.code ?? '', name: l.name }));
  }

  // ------------------------------------------------------------ writes

  /** Shop-wide rules; `selfId` is the product being saved, whose own handle and codes are of course allowed. */
  private async checkShopRules(em: EntityManager, input: ProductInput, selfId: number | null): Promise<void> {
    const handleOwner = await em
      .getRepository(ProductTranslation)
      .createQueryBuilder('t')
      .innerJoinAndSelect('t.base', 'p')
      .where('LOWER(t.slug) = :slug AND p.deletedAt IS NULL', { slug: input.handle.toLowerCase() })
      .getOne();
    const others = (column: 'sku' | 'barcode', values: string[]) =>
      values.length === 0
        ? Promise.resolve([])
        : em
            .getRepository(ProductVariant)
            .createQueryBuilder('v')
            .innerJoinAndSelect('v.product', 'p')
            .leftJoinAndSelect('p.translations', 'ptr')
            .where('v.deletedAt IS NULL AND p.deletedAt IS NULL')
            .andWhere(selfId === null ? '1 = 1' : 'p.id != :selfId', { selfId })
            .andWhere(column === 'sku' ? 'UPPER(v.sku) IN (:...values)' : 'v.customFields.barcode IN (:...values)', { values })
            .getMany();
    const skuOwners = await others(
      'sku',
      input.variants.map((v) => v.sku.toUpperCase()),
    );
    const barcodeOwners = await others(
      'barcode',
      input.variants.flatMap((v) => (v.barcode ? [v.barcode] : [])),
    );
    const label = (v: ProductVariant) =>
      variantTitle(v.product.translations[0]?.name ?? '', JSON.parse(v.customFields.optionValues) as string[]);
    const errors = shopRuleErrors(input, {
      categoryExists: CATEGORIES.some((c) => c.id === input.categoryId),
      handleOwner: handleOwner && Number(handleOwner.base.id) !== selfId ? handleOwner.name : null,
      skuOwners: new Map(skuOwners.map((o) => [o.sku.toUpperCase(), label(o)])),
      barcodeOwners: new Map(barcodeOwners.flatMap((o) => (o.customFields.barcode ? [[o.customFields.barcode, label(o)] as const] : []))),
    });
    if (Object.keys(errors).length) throw validationProblem(errors);
  }

  async defaultChannel(em: EntityManager): Promise<Channel> {
    return em.getRepository(Channel).findOneOrFail({ where: {}, order: { id: 'ASC' } });
  }

  async locationIds(em: EntityManager): Promise<number[]> {
    const rows = await em.getRepository(StockLocation).find({ where: { customFields: { code: Not(IsNull()) } }, order: { id: 'ASC' } });
    return rows.map((l) => Number(l.id));
  }

  /** Inserts a product with its variants, prices, stock levels and tags. Used by POST /products and by the seed. */
  async insertProduct(em: EntityManager, p: NewProduct, channel: Channel, locationIds: readonly number[]): Promise<number> {
    const product = await em.getRepository(VendureProduct).save(
      new VendureProduct({
        ...(p.id !== undefined ? { id: p.id } : {}),
        createdAt: p.createdAt,
        updatedAt: p.updatedAt,
        enabled: p.status === 'active',
        channels: [channel],
        customFields: {
          version: p.version,
          status: p.status,
          categoryId: p.categoryId,
          tags: JSON.stringify(p.tags),
          images: JSON.stringify(p.images),
          options: JSON.stringify(p.options),
          ...derived(p),
        },
      }),
    );
    await em.getRepository(ProductTranslation).insert({
      languageCode: LanguageCode.en,
      name: p.title,
      slug: p.handle,
      description: p.description,
      base: product,
    });
    if (p.tags.length)
      await em.getRepository(ProductTagRecord).insert([...new Set(p.tags)].map((tag) => ({ productId: Number(product.id), tag })));
    for (const [position, v] of p.variants.entries()) {
      await this.insertVariant(em, Number(product.id), p.title, v, position, channel, locationIds, p.createdAt, p.updatedAt);
    }
    return Number(product.id);
  }

  private async insertVariant(
    em: EntityManager,
    productId: number,
    title: string,
    v: NewProduct['variants'][number],
    position: number,
    channel: Channel,
    locationIds: readonly number[],
    createdAt: Date,
    updatedAt: Date,
  ): Promise<number> {
    const variant = await em.getRepository(ProductVariant).save(
      new ProductVariant({
        ...(v.id !== undefined ? { id: v.id } : {}),
        createdAt,
        updatedAt,
        sku: v.sku,
        enabled: true,
        product: { id: productId } as VendureProduct,
        channels: [channel],
        customFields: {
          version: v.version,
          optionValues: JSON.stringify(v.optionValues),
          barcode: v.barcode,
          compareAtPrice: v.compareAtPrice,
          cost: v.cost,
          weightGrams: v.weightGrams,
          position,
        },
      }),
    );
    await em.getRepository(ProductVariantTranslation).insert({
      languageCode: LanguageCode.en,
      name: variantTitle(title, v.optionValues),
      base: variant,
    });
    await em.getRepository(ProductVariantPrice).insert({
      price: v.price,
      channelId: channel.id,
      currencyCode: CurrencyCode.USD,
      variant,
    });
    await em.getRepository(StockLevel).insert(
      locationIds.map((locationId, i) => ({
        productVariant: variant,
        stockLocation: { id: locationId } as StockLocation,
        stockOnHand: v.onHand[i] ?? 0,
        stockAllocated: 0,
      })),
    );
    return Number(variant.id);
  }

  /** A write of products (create, save, bulk status, pricing, import): the server's one write path. */
  idempotent<T>(actor: Actor, idempotency: Idempotency | null, write: (em: EntityManager) => Promise<Answer<T>>): Promise<Answer<T>> {
    return idempotentWrite(this.db, actor, idempotency, write);
  }

  async create(actor: Actor, input: ProductInput, idempotency: Idempotency | null): Promise<{ status: number; body: unknown }> {
    return this.idempotent(actor, idempotency, async (em) => {
      await this.checkShopRules(em, input, null);
      const now = nowDate();
      const id = await this.insertProduct(
        em,
        {
          ...input,
          version: 1,
          createdAt: now,
          updatedAt: now,
          variants: input.variants.map((v) => ({ ...v, id: undefined, version: 1, onHand: [] })),
        },
        await this.defaultChannel(em),
        await this.locationIds(em),
      );
      const product = (await this.load(em, [id]))[0];
      if (!product) throw new Error('The new product cannot be read back');
      await recordAudit(em, actor, 'created', now, productAudit(undefined, product));
      await recordPriceHistory(em, undefined, product, actor, 'created', now);
      return { status: 201, body: product };
    });
  }

  /**
   * Writes a product's editable fields over `before` (which the caller read in `em`): compare-and-set on
   * `before.version` (false: someone saved in between, nothing written), new variants inserted, left-out
   * ones soft-deleted. `variantVersion` says each kept variant's next version (by default: one more when a field
   * of its own changed). Used by PUT and by the import.
   */
  async saveProduct(
    em: EntityManager,
    productId: number,
    before: Product,
    input: ProductInput,
    now: Date,
    variantVersion: (known: Variant, next: VariantInput) => number = variantVersionAfter,
  ): Promise<boolean> {
    const existing = new Map(before.variants.map((v) => [v.id, v]));
    const seen = new Set(input.variants.flatMap((v) => (v.id === undefined ? [] : [v.id])));
    // Compare-and-set on the version: of two saves racing from the same version, exactly one matches a row.
    const cas = await em
      .createQueryBuilder()
      .update(VendureProduct)
      .set({
        updatedAt: now,
        enabled: input.status === 'active',
        customFields: {
          version: before.version + 1,
          status: input.status,
          categoryId: input.categoryId,
          tags: JSON.stringify(input.tags),
          images: JSON.stringify(input.images),
          options: JSON.stringify(input.options),
          ...derived(input),
        },
      })
      .where('id = :id AND customFieldsVersion = :version', { id: productId, version: before.version })
      .execute();
    if (cas.affected !== 1) return false;
    await em
      .getRepository(ProductTranslation)
      .update(
        { base: { id: productId }, languageCode: LanguageCode.en },
        { name: input.title, slug: input.handle, description: input.description },
      );
    await em.getRepository(ProductTagRecord).delete({ productId });
    if (input.tags.length) await em.getRepository(ProductTagRecord).insert([...new Set(input.tags)].map((tag) => ({ productId, tag })));

    const channel = await this.defaultChannel(em);
    const locationIds = await this.locationIds(em);
    for (const [position, v] of input.variants.entries()) {
      const known = v.id === undefined ? undefined : existing.get(v.id);
      if (!known) {
        await this.insertVariant(
          em,
          productId,
          input.title,
          { ...v, id: undefined, version: 1, onHand: [] },
          position,
          channel,
          locationIds,
          now,
          now,
        );
        continue;
      }
      const variantId = ids.parse('var', known.id) ?? -1;
      // Stock is not edited here: it only moves through the ledger, so the levels stay as they are.
      const same = variantVersionAfter(known, v) === known.version;
      await em.getRepository(ProductVariant).update(variantId, {
        sku: v.sku,
        ...(same ? {} : { updatedAt: now }),
        customFields: {
          version: variantVersion(known, v),
          optionValues: JSON.stringify(v.optionValues),
          barcode: v.barcode,
          compareAtPrice: v.compareAtPrice,
          cost: v.cost,
          weightGrams: v.weightGrams,
          position,
        },
      });
      await em.getRepository(ProductVariantPrice).update({ variant: { id: variantId }, channelId: channel.id }, { price: v.price });
      await em
        .getRepository(ProductVariantTranslation)
        .update({ base: { id: variantId }, languageCode: LanguageCode.en }, { name: variantTitle(input.title, v.optionValues) });
    }
    // Variants left out are soft-deleted, as Vendure does: orders and the ledger still point at them.
    const removed = before.variants.filter((v) => !seen.has(v.id)).map((v) => ids.parse('var', v.id) ?? -1);
    if (removed.length) await em.getRepository(ProductVariant).update({ id: In(removed) }, { deletedAt: now });
    return true;
  }

  /** `version` is what If-Match said (null when it was missing). */
  async update(actor: Actor, id: string, version: number, input: ProductInput): Promise<Product> {
    const productId = ids.parse('prod', id);
    if (productId === null) throw productNotFound(id);
    const { body } = await this.idempotent(actor, null, async (em) => {
      // Locked before it is read (PostgreSQL): a concurrent save waits here and then reads the winner's version,
      // so the version check below decides and the compare-and-set cannot miss.
      await lockProducts(em, [productId]);
      const before = (await this.load(em, [productId]))[0];
      if (!before) throw productNotFound(id);
      const conflict = (current: Product) => productChanged(version, current);
      if (version !== before.version) throw conflict(before);
      await this.checkShopRules(em, input, productId);

      const errors = variantIdErrors(input, new Set(before.variants.map((v) => v.id)));
      if (Object.keys(errors).length) throw validationProblem(errors);

      const now = nowDate();
      if (!(await this.saveProduct(em, productId, before, input, now))) {
        // Read in this transaction: asking the pool for a second connection while holding this one can wait forever.
        const current = (await this.load(em, [productId]))[0];
        throw current ? conflict(current) : productNotFound(id);
      }

      const after = (await this.load(em, [productId]))[0];
      if (!after) throw productNotFound(id);
      await recordAudit(em, actor, 'updated', now, productAudit(before, after));
      await recordPriceHistory(em, before, after, actor, 'updated', now);
      return { status: 200, body: after };
    });
    return body;
  }

  async bulkStatus(actor: Actor, input: BulkStatusInput, idempotency: Idempotency): Promise<{ status: number; body: { updated: number } }> {
    return this.idempotent(actor, idempotency, async (em) => {
      const wanted = [...new Set(input.ids.map((id) => ids.parse('prod', id)).filter((n): n is number => n !== null))];
      // Locked before they are read (PostgreSQL): a save or a price batch committing meanwhile would otherwise be overwritten.
      await lockProducts(em, wanted);
      const found = await this.load(em, wanted);
      const byId = new Map(found.map((p) => [p.id, p]));
      const refused = missingProductsRefusal(input.ids, (id) => byId.has(id));
      if (refused) throw refused;
      const now = nowDate();
      let updated = 0;
      for (const before of byId.values()) {
        // Products already in the target status keep their version: nothing about them changed.
        if (before.status === input.status) continue;
        const result = await em
          .createQueryBuilder()
          .update(VendureProduct)
          .set({ updatedAt: now, enabled: input.status === 'active', customFields: { status: input.status, version: before.version + 1 } })
          .where('id = :id AND "customFieldsVersion" = :version', { id: ids.parse('prod', before.id), version: before.version })
          .execute();
        // Locked on PostgreSQL and queued on SQLite, so this only misses if something bypassed the write path.
        if (result.affected !== 1) throw new RetryWrite();
        const after: Product = { ...before, status: input.status, version: before.version + 1, updatedAt: now.toISOString() };
        await recordAudit(em, actor, 'status changed', now, productAudit(before, after));
        updated++;
      }
      const body = { updated };
      return { status: 200, body };
    });
  }
}

function toProduct(p: VendureProduct, stock: ReadonlyMap<number, number>): Product {
  const t = p.translations.find((tr) => tr.languageCode === LanguageCode.en) ?? p.translations[0];
  const id = ids.product(p.id);
  const variants = p.variants
    .filter((v) => !v.deletedAt)
    .sort((a, b) => a.customFields.position - b.customFields.position || Number(a.id) - Number(b.id))
    .map((v): Variant => ({
      id: ids.variant(v.id),
      productId: id,
      optionValues: JSON.parse(v.customFields.optionValues) as string[],
      sku: v.sku,
      barcode: v.customFields.barcode,
      price: v.productVariantPrices[0]?.price ?? 0,
      compareAtPrice: v.customFields.compareAtPrice,
      cost: v.customFields.cost,
      weightGrams: v.customFields.weightGrams,
      stock: stock.get(Number(v.id)) ?? 0,
      version: v.customFields.version,
    }));
  return {
    id,
    title: t?.name ?? '',
    handle: t?.slug ?? '',
    description: t?.description ?? '',
    categoryId: p.customFields.categoryId,
    tags: JSON.parse(p.customFields.tags) as string[],
    status: p.customFields.status as Product['status'],
    images: JSON.parse(p.customFields.images) as Product['images'],
    options: JSON.parse(p.customFields.options) as Product['options'],
    variants,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
    version: p.customFields.version,
  };
}
