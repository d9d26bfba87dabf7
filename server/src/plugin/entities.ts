/**
 * Every table the Stockroom plugin owns, in one place: the plugin registers
 * `STOCKROOM_ENTITIES`, so later work (stock ledger, orders, pricing) adds its
 * entities here and nowhere else. Catalogue and staff live in Vendure's own
 * tables (Product, ProductVariant, Administrator, User, Role, StockLocation,
 * StockLevel); see server/README.md for the mapping.
 */
import { DeepPartial, VendureEntity } from '@vendure/core';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { ORDER_ENTITIES } from './orders/order.entities';
import { StockMovementRecord } from './inventory/stock-movement.entity';
import { SavedViewRecord } from './views/saved-view.entity';
import { DISCOUNT_ENTITIES } from './discounts/discount.entities';
import { CUSTOMER_ENTITIES } from './customers/customer.entities';
import { REPLENISHMENT_ENTITIES } from './replenishment/replenishment.entities';

/** One audit log row: who, when, which record and each changed field before and after. Append-only. */
@Entity('stockroom_audit_entry')
export class AuditEntryRecord extends VendureEntity {
  constructor(input?: DeepPartial<AuditEntryRecord>) {
    super(input);
  }

  @Index()
  @Column({ type: 'varchar', length: 40 })
  actorId!: string;

  @Column({ type: 'varchar', length: 200 })
  actorName!: string;

  @Column({ type: 'varchar', length: 20 })
  actorRole!: string;

  @Index()
  @Column({ type: 'varchar', length: 20 })
  entityType!: string;

  @Index()
  @Column({ type: 'varchar', length: 40 })
  entityId!: string;

  @Column({ type: 'varchar', length: 300 })
  entityLabel!: string;

  @Column({ type: 'varchar', length: 60 })
  action!: string;

  /** JSON of only the changed fields; text, not a JSON column, so SQLite and PostgreSQL store it alike. */
  @Column({ type: 'text' })
  before!: string;

  @Column({ type: 'text' })
  after!: string;
}

/**
 * An Idempotency-Key and the answer it got. A key belongs to the person who
 * sent it: (sender, key) is the primary key, so another person's same key is
 * another request, and two instances racing on one person's key cannot both
 * apply the change: the second insert fails inside its transaction and that
 * request replays the first answer.
 */
@Entity('stockroom_idempotency_key')
export class IdempotencyKeyRecord {
  /** The sender's staff id (`staff_2`). Rows stored before keys had senders have '' and match nobody. */
  @PrimaryColumn({ type: 'varchar', length: 40, default: '' })
  actorId!: string;

  @PrimaryColumn({ type: 'varchar', length: 200 })
  key!: string;

  /** Method, path and body of the first request: the same key with another request is refused. */
  @Column({ type: 'text' })
  fingerprint!: string;

  @Column({ type: 'int' })
  status!: number;

  @Column({ type: 'text' })
  response!: string;

  @Index()
  @Column({ type: 'bigint' })
  createdMs!: string;
}

/** A product's tags, one row each: filtering and counting by tag is an indexed query, not a scan of JSON. */
@Entity('stockroom_product_tag')
@Index(['tag', 'productId'])
export class ProductTagRecord {
  @PrimaryColumn({ type: 'int' })
  productId!: number;

  @PrimaryColumn({ type: 'varchar', length: 40 })
  tag!: string;
}

/**
 * The sign-in throttle (src/domain/auth-rules.ts), shared by every instance: one
 * row per email (`email:<email>`) and per client address (`address:<ip>`),
 * counted and locked by single statements (plugin/staff/sign-in-throttle.ts). Its
 * own table, not the old per-email `stockroom_sign_in_failure`, which a
 * database made before it may still hold unused.
 */
@Entity('stockroom_sign_in_throttle')
export class SignInThrottleRecord {
  @PrimaryColumn({ type: 'varchar', length: 400 })
  key!: string;

  @Column({ type: 'int' })
  count!: number;

  @Column({ type: 'bigint' })
  lockedUntilMs!: string;
}

export const STOCKROOM_ENTITIES = [
  AuditEntryRecord,
  IdempotencyKeyRecord,
  ProductTagRecord,
  SignInThrottleRecord,
  StockMovementRecord,
  SavedViewRecord,
  ...ORDER_ENTITIES,
  ...DISCOUNT_ENTITIES,
  ...CUSTOMER_ENTITIES,
  ...REPLENISHMENT_ENTITIES,
];
