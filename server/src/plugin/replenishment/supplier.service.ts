/**
 * Suppliers and who supplies each variant (issue 22), in stockroom_supplier and stockroom_variant_supply. A name is
 * unique without case: checked first (422 beside `name`), and held by the unique index on `nameKey` when two
 * instances save one name at once (the loser runs again and answers the same 422). Updates compare-and-set the
 * supplier's version (If-Match), and a variant's supply row its own.
 */
import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Product as VendureProduct, ProductVariant, TransactionalConnection } from '@vendure/core';
import type { EntityManager } from 'typeorm';
import type { Idempotency } from '#shared/contract/protocol';
import { changedMeanwhile, ProblemError } from '#shared/contract/problems';
import type {
  Supplier,
  SupplierInput,
  VariantSupply,
  supplierInputSchema,
  variantSupplyInputSchema,
} from '#shared/contract/replenishment-schemas';
import { compareText } from '#shared/domain/compare';
import { decideSupplier, decideSupply, supplierNotFound } from '#shared/domain/purchase-decisions';
import { variantNotFound } from '#shared/domain/product-rules';
import type { z } from 'zod';
import { recordAudit, type Actor } from '../audit/audit.service';
import { nowDate } from '../clock';
import { ids } from '../http';
import { idempotentWrite, RetryWrite, type Answer } from '../idempotency';
import { isPostgres } from '../serial-writes';
import { ROUTES } from '#shared/contract/routes';
import { SupplierRecord, VariantSupplyRecord } from './replenishment.entities';

type SupplierFields = z.output<typeof supplierInputSchema>;
type SupplyCommand = z.output<typeof variantSupplyInputSchema>;

function view(r: SupplierRecord, variantCount: number): Supplier {
  return {
    id: r.id,
    name: r.name,
    contactName: r.contactName,
    email: r.email,
    phone: r.phone,
    leadTimeDays: r.leadTimeDays,
    minimumOrder: r.minimumOrder,
    currency: 'USD',
    variantCount,
    version: r.version,
  };
}

/** How many live variants name each supplier. */
async function variantCounts(em: EntityManager): Promise<Map<string, number>> {
  const rows = await em
    .getRepository(VariantSupplyRecord)
    .createQueryBuilder('vs')
    .innerJoin(ProductVariant, 'v', '"v"."id" = "vs"."variantId" AND "v"."deletedAt" IS NULL')
    .innerJoin(VendureProduct, 'p', '"p"."id" = "v"."productId" AND "p"."deletedAt" IS NULL')
    .select('"vs"."supplierId"', 'supplierId')
    .addSelect('COUNT(*)', 'n')
    .groupBy('"vs"."supplierId"')
    .getRawMany<{ supplierId: string; n: number | string }>();
  return new Map(rows.map((r) => [r.supplierId, Number(r.n)]));
}

/** Every supplier as the API shows them, by name (without case, then id). */
export async function allSuppliers(em: EntityManager): Promise<Supplier[]> {
  const [rows, counts] = [await em.getRepository(SupplierRecord).find(), await variantCounts(em)];
  return rows
    .map((r) => view(r, counts.get(r.id) ?? 0))
    .sort((a, b) => compareText(a.name.toLowerCase(), b.name.toLowerCase()) || compareText(a.id, b.id));
}

@Injectable()
export class SupplierService {
  constructor(private connection: TransactionalConnection) {}

  private get db() {
    return this.connection.rawConnection;
  }

  list(): Promise<{ items: Supplier[] }> {
    return allSuppliers(this.db.manager).then((items) => ({ items }));
  }

  private async one(em: EntityManager, id: string): Promise<Supplier> {
    const row = await em.getRepository(SupplierRecord).findOneBy({ id });
    if (!row) throw supplierNotFound(id);
    return view(row, (await variantCounts(em)).get(id) ?? 0);
  }

  /** Every supplier's row, as the decisions compare names. */
  private async stored(em: EntityManager): Promise<Omit<Supplier, 'variantCount'>[]> {
    return (await em.getRepository(SupplierRecord).find()).map((r) => {
      const { variantCount: _count, ...rest } = view(r, 0);
      return rest;
    });
  }

  /** A name taken meanwhile by another instance is refused by the unique index on `nameKey`: the write runs again and answers the rule's 422. */
  create(actor: Actor, input: SupplierInput, idempotency: Idempotency | null): Promise<Answer<Supplier>> {
    return idempotentWrite(this.db, actor, idempotency, async (em) => {
      const id = `sup_${randomUUID().replaceAll('-', '').slice(0, 10)}`;
      const { supplier, audit } = decideSupplier(input as SupplierFields, await this.stored(em), { id });
      await em.getRepository(SupplierRecord).insert(recordOf(supplier));
      await recordAudit(em, actor, ROUTES['suppliers.create'].audit.action, nowDate(), audit);
      return { status: 201, body: { ...supplier, variantCount: 0 } };
    });
  }

  async update(actor: Actor, id: string, version: number, input: SupplierInput): Promise<Supplier> {
    const { body } = await idempotentWrite(this.db, actor, null, async (em) => {
      const qb = em.getRepository(SupplierRecord).createQueryBuilder('s').where('s.id = :id', { id });
      if (isPostgres(em.connection)) qb.setLock('pessimistic_write');
      const row = await qb.getOne();
      if (!row) throw supplierNotFound(id);
      let decided: ReturnType<typeof decideSupplier>;
      try {
        decided = decideSupplier(input as SupplierFields, await this.stored(em), { current: view(row, 0), version });
      } catch (e) {
        // The 409's `current` is the supplier as the API shows it, with its variant count.
        if (e instanceof ProblemError && e.status === 409) throw changedMeanwhile('supplier', version, await this.one(em, id));
        throw e;
      }
      const { id: _id, ...columns } = recordOf(decided.supplier);
      const cas = await em
        .createQueryBuilder()
        .update(SupplierRecord)
        .set(columns)
        .where('id = :id AND version = :version', { id, version: row.version })
        .execute();
      if (cas.affected !== 1) throw new RetryWrite();
      await recordAudit(em, actor, ROUTES['suppliers.update'].audit.action, nowDate(), decided.audit);
      return { status: 200, body: await this.one(em, id) };
    });
    return body;
  }

  // ------------------------------------------------------------ who supplies a variant

  /** A live variant's Vendure id, product and SKU; 404 otherwise. */
  private async variant(em: EntityManager, variantId: string): Promise<{ dbId: number; productId: string; sku: string }> {
    const dbId = ids.parse('var', variantId);
    const row =
      dbId === null
        ? null
        : await em
            .getRepository(ProductVariant)
            .createQueryBuilder('v')
            .innerJoin(VendureProduct, 'p', '"p"."id" = "v"."productId" AND "p"."deletedAt" IS NULL')
            .select('"v"."id"', 'id')
            .addSelect('"v"."productId"', 'productId')
            .addSelect('"v"."sku"', 'sku')
            .where('"v"."id" = :dbId AND "v"."deletedAt" IS NULL', { dbId })
            .getRawOne<{ id: number; productId: number; sku: string }>();
    if (!row) throw variantNotFound(variantId);
    return { dbId: Number(row.id), productId: ids.product(row.productId), sku: row.sku };
  }

  async supply(variantId: string, em: EntityManager = this.db.manager): Promise<VariantSupply> {
    const { dbId } = await this.variant(em, variantId);
    return supplyOf(variantId, await em.getRepository(VariantSupplyRecord).findOneBy({ variantId: dbId }));
  }

  /**
   * From the version the caller read (If-Match), as the shared decision says (409 with what is set now otherwise). The
   * row is locked on PostgreSQL and saved by compare-and-set on its version; with no row yet (version 1), the insert's
   * primary key keeps two first writes from both winning (the loser runs again and answers the 409).
   */
  async setSupply(actor: Actor, variantId: string, version: number, input: SupplyCommand): Promise<VariantSupply> {
    const { body } = await idempotentWrite(this.db, actor, null, async (em) => {
      const variant = await this.variant(em, variantId);
      const qb = em.getRepository(VariantSupplyRecord).createQueryBuilder('vs').where('vs.variantId = :id', { id: variant.dbId });
      if (isPostgres(em.connection)) qb.setLock('pessimistic_write');
      const row = await qb.getOne();
      const before = supplyOf(variantId, row);
      const { supply, audit } = decideSupply({ id: variantId, ...variant }, before, version, input, await this.stored(em));
      // A row for nobody too: it keeps the supplier SKU given, as the mock does.
      const columns = { supplierId: supply.supplierId, supplierSku: supply.supplierSku, version: supply.version };
      if (row) {
        const cas = await em
          .createQueryBuilder()
          .update(VariantSupplyRecord)
          .set(columns)
          .where('"variantId" = :id AND version = :version', { id: variant.dbId, version: row.version })
          .execute();
        if (cas.affected !== 1) throw new RetryWrite();
      } else {
        await em.getRepository(VariantSupplyRecord).insert({ variantId: variant.dbId, ...columns });
      }
      await recordAudit(em, actor, ROUTES['variants.setSupply'].audit.action, nowDate(), audit);
      return { status: 200, body: supply };
    });
    return body;
  }
}

/** A variant's supply as the API shows it: nobody, version 1, until a row says otherwise. */
function supplyOf(variantId: string, row: VariantSupplyRecord | null): VariantSupply {
  return { variantId, supplierId: row?.supplierId ?? null, supplierSku: row?.supplierSku ?? '', version: row?.version ?? 1 };
}

function recordOf(s: Omit<Supplier, 'variantCount'>): SupplierRecord {
  return {
    id: s.id,
    name: s.name,
    nameKey: s.name.toLowerCase(),
    contactName: s.contactName,
    email: s.email,
    phone: s.phone,
    leadTimeDays: s.leadTimeDays,
    minimumOrder: s.minimumOrder,
    version: s.version,
  };
}
