/**
 * Pricing's own tables (Vendure has no price batches or price history): a
 * batch, its items (fixed when it is made) and every variant's price history.
 * Times are ISO strings (UTC, milliseconds), so they compare as text and read
 * back exactly as the contract wrote them, on SQLite and PostgreSQL alike.
 */
import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

@Entity('stockroom_price_batch')
@Index(['status', 'startsAt'])
@Index(['status', 'endsAt'])
@Index(['createdAt', 'id'])
export class PriceBatchRecord {
  /** `pb_…`, the contract's id shape. */
  @PrimaryColumn({ type: 'varchar', length: 40 })
  id!: string;

  @Column({ type: 'varchar', length: 200 })
  label!: string;

  @Column({ type: 'varchar', length: 20 })
  status!: string;

  /** The PriceChange, JSON. */
  @Column({ type: 'text' })
  change!: string;

  @Column({ type: 'varchar', length: 30 })
  createdAt!: string;

  @Column({ type: 'varchar', length: 40 })
  createdById!: string;

  @Column({ type: 'varchar', length: 200 })
  createdByName!: string;

  @Column({ type: 'varchar', length: 30 })
  startsAt!: string;

  @Column({ type: 'varchar', length: 30, nullable: true })
  endsAt!: string | null;

  @Column({ type: 'varchar', length: 30, nullable: true })
  revertedAt!: string | null;

  @Column({ type: 'int' })
  variantCount!: number;

  @Column({ type: 'int' })
  skipped!: number;

  /** The step reports (start, end, revert), JSON. */
  @Column({ type: 'text' })
  reports!: string;

  /** Compare-and-set on every step, so two instances cannot both take it. */
  @Column({ type: 'int' })
  version!: number;
}

/** One variant a batch moves, from → to; `position` keeps the batch's order. */
@Entity('stockroom_price_batch_item')
export class PriceBatchItemRecord {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  batchId!: string;

  @PrimaryColumn({ type: 'int' })
  position!: number;

  @Column({ type: 'int' })
  productId!: number;

  @Index()
  @Column({ type: 'int' })
  variantId!: number;

  @Column({ type: 'varchar', length: 100 })
  sku!: string;

  @Column({ type: 'varchar', length: 400 })
  title!: string;

  @Column({ type: 'int' })
  fromPrice!: number;

  @Column({ type: 'int', nullable: true })
  fromCompareAt!: number | null;

  @Column({ type: 'int' })
  toPrice!: number;

  @Column({ type: 'int', nullable: true })
  toCompareAt!: number | null;
}

/** A variant's price or compare-at changed (or was created): by whom, how, and in which batch. Append-only. */
@Entity('stockroom_price_history')
@Index(['variantId', 'id'])
export class PriceHistoryRecord {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'varchar', length: 30 })
  at!: string;

  @Column({ type: 'int' })
  productId!: number;

  @Column({ type: 'int' })
  variantId!: number;

  @Column({ type: 'varchar', length: 100 })
  sku!: string;

  @Column({ type: 'varchar', length: 400 })
  title!: string;

  @Column({ type: 'varchar', length: 40, nullable: true })
  batchId!: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  batchLabel!: string | null;

  @Column({ type: 'varchar', length: 40 })
  actorId!: string;

  @Column({ type: 'varchar', length: 200 })
  actorName!: string;

  @Column({ type: 'varchar', length: 60 })
  action!: string;

  @Column({ type: 'int', nullable: true })
  fromPrice!: number | null;

  @Column({ type: 'int', nullable: true })
  fromCompareAt!: number | null;

  @Column({ type: 'int' })
  toPrice!: number;

  @Column({ type: 'int', nullable: true })
  toCompareAt!: number | null;
}

export const PRICING_ENTITIES = [PriceBatchRecord, PriceBatchItemRecord, PriceHistoryRecord];
