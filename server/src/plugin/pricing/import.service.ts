/**
 * CSV import on Vendure's products. The rules are src/domain/import-decisions.ts
 * (and the row rules src/contract/product-import.ts); this service reads what the
 * planner asks of the shop in a few set queries (the owners of the file's SKUs
 * and barcodes, the handles its new titles would take) and writes an apply in
 * one transaction through the products' own write path (CatalogueService).
 */
import { Injectable } from '@nestjs/common';
import { ProductTranslation, ProductVariant, TransactionalConnection } from '@vendure/core';
import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import { productAudit } from '#shared/domain/audit-rules';
import {
  importAuditSummary,
  importedProducts,
  importRefusal,
  planImport,
  readImportCsv,
  summariseImport,
  type ImportOwner,
  type ImportShop,
} from '#shared/domain/import-decisions';
import type { ProductImportResult } from '#shared/contract/pricing-schemas';
import { parseImportRow } from '#shared/contract/product-import';
import { productToInput } from '#shared/contract/product-input';
import { ProblemError } from '#shared/contract/problems';
import type { Product } from '#shared/contract/schemas';
import { toHandle } from '#shared/contract/values/handle';
import { CATEGORIES } from '#shared/contract/constants';
import { recordAudit, type Actor } from '../audit/audit.service';
import { CatalogueService } from '../catalogue/catalogue.service';
import type { Idempotency } from '#shared/contract/protocol';
import { ids } from '../http';
import { chunks, lockProducts, recordPriceHistory } from './price-store';
import { nowDate } from '../clock';

type Shop = ImportShop & { products: Map<string, Product> };

function likeEscape(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

@Injectable()
export class ImportService {
  constructor(
    private connection: TransactionalConnection,
    private catalogue: CatalogueService,
  ) {}

  private get db() {
    return this.connection.rawConnection;
  }

  /** Everything the planner will ask about this file, read up front. */
  private async shopFor(em: EntityManager, csv: string, lock: boolean): Promise<Shop> {
    const skus = new Set<string>();
    const barcodes = new Set<string>();
    const bases = new Set<string>();
    for (const cells of readImportCsv(csv).rows) {
      const { fields } = parseImportRow(cells);
      if (fields.sku) skus.add(fields.sku.toUpperCase());
      if (fields.barcode) barcodes.add(fields.barcode);
      bases.add(toHandle(fields.title ?? fields.sku) || 'product');
      if (fields.handle) bases.add(fields.handle);
    }
    const productIds = new Set<number>();
    const owners = async (where: string, values: readonly string[]) => {
      for (const part of chunks(values)) {
        const rows = await em
          .getRepository(ProductVariant)
          .createQueryBuilder('v')
          .innerJoin('v.product', 'p')
          .select('"v"."productId"', 'productId')
          .where(`v.deletedAt IS NULL AND p.deletedAt IS NULL AND ${where}`, { part })
          .getRawMany<{ productId: number | string }>();
        for (const r of rows) productIds.add(Number(r.productId));
      }
    };
    await owners('UPPER(v.sku) IN (:...part)', [...skus]);
    await owners('v.customFields.barcode IN (:...part)', [...barcodes]);
    if (lock) await lockProducts(em, [...productIds]);
    const products = new Map<string, Product>();
    for (const part of chunks([...productIds])) for (const p of await this.catalogue.load(em, part)) products.set(p.id, p);
    const bySku = new Map<string, ImportOwner>();
    const byBarcode = new Map<string, ImportOwner>();
    for (const product of products.values()) {
      for (const variant of product.variants) {
        bySku.set(variant.sku.toUpperCase(), { product, variant });
        if (variant.barcode) byBarcode.set(variant.barcode, { product, variant });
      }
    }

    const handles = new Set<string>();
    const slugs = (qb: SelectQueryBuilder<ProductTranslation>) => qb.getRawMany<{ slug: string }>();
    for (const part of chunks([...bases])) {
      for (const r of await slugs(this.slugQuery(em).andWhere('LOWER(t.slug) IN (:...part)', { part }))) handles.add(r.slug.toLowerCase());
    }
    // A taken base makes the planner try base-2, base-3, …: read those too.
    for (const base of bases) {
      if (!handles.has(base)) continue;
      const like = `${likeEscape(base.slice(0, 76))}-%`;
      for (const r of await slugs(this.slugQuery(em).andWhere("LOWER(t.slug) LIKE :like ESCAPE '\\'", { like })))
        handles.add(r.slug.toLowerCase());
    }
    return {
      products,
      ownerOfSku: (sku) => bySku.get(sku.trim().toUpperCase()),
      ownerOfBarcode: (barcode) => byBarcode.get(barcode),
      categories: CATEGORIES,
      handleTaken: (handle) => handles.has(handle.toLowerCase()),
    };
  }

  private slugQuery(em: EntityManager) {
    return em
      .getRepository(ProductTranslation)
      .createQueryBuilder('t')
      .innerJoin('t.base', 'p')
      .select('t.slug', 'slug')
      .where('p.deletedAt IS NULL');
  }

  async dryRun(csv: string): Promise<ProductImportResult> {
    const { planned, errors } = planImport(await this.shopFor(this.db.manager, csv, false), csv);
    return summariseImport(planned, errors, true, false);
  }

  async apply(actor: Actor, csv: string, idempotency: Idempotency): Promise<{ status: number; body: ProductImportResult }> {
    return this.catalogue.idempotent<ProductImportResult>(actor, idempotency, async (em) => {
      // Checked again inside the write: the shop may have changed since the dry run.
      const shop = await this.shopFor(em, csv, true);
      const { planned, errors } = planImport(shop, csv);
      const refused = importRefusal(planned, errors);
      if (refused) throw refused;
      const now = nowDate();
      let newIds = 0;
      const { updated, created } = importedProducts(shop, planned, (id) => shop.products.get(id), {
        now: now.toISOString(),
        newProductId: () => `new_${newIds++}`,
        newVariantId: () => `new_${newIds++}`,
      });

      const written: { before: Product | undefined; id: number }[] = [];
      const channel = await this.catalogue.defaultChannel(em);
      const locationIds = await this.catalogue.locationIds(em);
      for (const { id: _placeholder, ...p } of created) {
        const id = await this.catalogue.insertProduct(
          em,
          {
            ...p,
            version: 1,
            createdAt: now,
            updatedAt: now,
            variants: p.variants.map((v) => ({ ...v, id: undefined, version: 1, onHand: [] })),
          },
          channel,
          locationIds,
        );
        written.push({ before: undefined, id });
      }
      for (const after of updated.values()) {
        const before = shop.products.get(after.id);
        const productId = ids.parse('prod', after.id);
        if (!before || productId === null) continue;
        const versions = new Map(after.variants.map((v) => [v.id, v.version]));
        const saved = await this.catalogue.saveProduct(
          em,
          productId,
          before,
          productToInput(after),
          now,
          (known) => versions.get(known.id) ?? known.version,
        );
        if (!saved) {
          throw new ProblemError({
            status: 409,
            title: 'A product changed during the import',
            detail: `${before.title} was saved by someone else while the file was imported. Nothing was imported; try again.`,
          });
        }
        written.push({ before, id: productId });
      }

      const afters = new Map(
        (
          await this.catalogue.load(
            em,
            written.map((w) => w.id),
          )
        ).map((p) => [p.id, p]),
      );
      const summary = summariseImport(planned, [], false, true);
      const single = importAuditSummary(planned, summary);
      if (single) await recordAudit(em, actor, 'imported', now, [single]);
      for (const { before, id } of written) {
        const after = afters.get(ids.product(id));
        if (!after) continue;
        if (!single) await recordAudit(em, actor, 'imported', now, productAudit(before, after));
        await recordPriceHistory(em, before, after, actor, 'imported', now);
      }
      return { status: 200, body: summary };
    });
  }
}
