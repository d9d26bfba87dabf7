/**
 * Discounts in their own tables, not Vendure's Promotion (see server/README.md): a discount's row holds the
 * contract's fields as columns, and each use claimed at checkout is a row of its own. What a discount did
 * (orders, revenue, discount given) is read from the orders (`stockroom_order.discountKey`), never stored here,
 * so it cannot drift from them.
 */
import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

@Entity('stockroom_discount')
export class DiscountRecord {
  /** The contract's id: `disc_0001` for the seeded ones, `disc_` and ten hex digits for new ones (as the mock makes them). */
  @PrimaryColumn({ type: 'varchar', length: 40 })
  id!: string;

  @Column({ type: 'varchar', length: 20 })
  kind!: string;

  /** As typed (trimmed); null for an automatic offer. */
  @Column({ type: 'varchar', length: 40, nullable: true })
  code!: string | null;

  /**
   * The code upper-cased (`codeKey`), null for an automatic offer. Unique: two instances saving one code in two
   * cases at once cannot both succeed (NULLs are distinct on SQLite and PostgreSQL, so any number of automatic offers).
   */
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 40, nullable: true })
  codeKey!: string | null;

  @Column({ type: 'varchar', length: 120 })
  title!: string;

  @Column({ type: 'varchar', length: 20 })
  type!: string;

  /** Basis points (percent), cents (amount) or 0 (free shipping). */
  @Column({ type: 'int' })
  value!: number;

  @Column({ type: 'varchar', length: 20 })
  scope!: string;

  /** JSON array of category, product or variant ids, in the order sent (at most 500). */
  @Column({ type: 'text' })
  targetIds!: string;

  @Column({ type: 'int', nullable: true })
  minimumSubtotal!: number | null;

  @Column({ type: 'int', nullable: true })
  minimumQuantity!: number | null;

  @Column({ type: 'int', nullable: true })
  usageLimit!: number | null;

  @Column({ type: 'boolean' })
  oncePerCustomer!: boolean;

  /** ISO 8601 UTC, as the contract writes it; the status is worked out from these and the store's clock when read. */
  @Column({ type: 'varchar', length: 30 })
  startsAt!: string;

  @Column({ type: 'varchar', length: 30, nullable: true })
  endsAt!: string | null;

  @Column({ type: 'boolean' })
  combines!: boolean;

  @Column({ type: 'boolean' })
  enabled!: boolean;

  @Column({ type: 'varchar', length: 30 })
  createdAt!: string;

  @Column({ type: 'varchar', length: 30 })
  updatedAt!: string;

  /** Compare-and-set on every edit (UPDATE … WHERE version = ?). */
  @Column({ type: 'int' })
  version!: number;
}

/** One use claimed at checkout (POST /discounts/:id/uses): counted with the orders placed with the code. */
@Entity('stockroom_discount_use')
@Index(['discountId', 'customerKey'])
export class DiscountUseRecord {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'varchar', length: 40 })
  discountId!: string;

  /** The customer's email, lower-cased: "once per customer" compares these. */
  @Column({ type: 'varchar', length: 200 })
  customerKey!: string;

  @Column({ type: 'varchar', length: 30 })
  at!: string;
}

export const DISCOUNT_ENTITIES = [DiscountRecord, DiscountUseRecord];
