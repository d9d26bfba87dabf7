/**
 * The stock ledger: one append-only row per change of a level, with the
 * reason, note, actor, order and transfer the contract shows. Vendure's own
 * StockMovement is not used for it (see server/README.md): its rows carry one
 * quantity whose meaning depends on the subtype (an Allocation's is reserved
 * units, a Sale's is on hand and allocated at once), while the contract's row
 * carries two signed changes (on hand, reserved) and nine reasons.
 */
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

@Entity('stockroom_stock_movement')
@Index(['variantId', 'at', 'id'])
@Index(['variantId', 'locationId', 'at', 'id'])
// Covers sell-through (orders/report-profit.ts): every on-hand change up to a day, per level, read from the index alone.
@Index(['variantId', 'locationId', 'at', 'reason', 'quantity'])
export class StockMovementRecord {
  /** Also the order rows were written in: rows of the same instant keep it. */
  @PrimaryGeneratedColumn()
  id!: number;

  /** ISO 8601 UTC text: compares as the times it names on every database, as the contract sorts them. */
  @Column({ type: 'varchar', length: 24 })
  at!: string;

  /** Vendure's ProductVariant id. */
  @Column({ type: 'int' })
  variantId!: number;

  /** Vendure's StockLocation id. */
  @Column({ type: 'int' })
  locationId!: number;

  @Column({ type: 'varchar', length: 255 })
  sku!: string;

  @Column({ type: 'varchar', length: 20 })
  reason!: string;

  /** Signed change of on hand. */
  @Column({ type: 'int' })
  quantity!: number;

  /** Signed change of reserved (StockLevel.stockAllocated). */
  @Column({ type: 'int' })
  reservedChange!: number;

  /** On hand at this level right after this row. */
  @Column({ type: 'int' })
  onHandAfter!: number;

  @Column({ type: 'varchar', length: 500, default: '' })
  note!: string;

  @Column({ type: 'varchar', length: 40 })
  actorId!: string;

  @Column({ type: 'varchar', length: 200 })
  actorName!: string;

  @Column({ type: 'varchar', length: 40, nullable: true })
  orderId!: string | null;

  @Column({ type: 'int', nullable: true })
  orderNumber!: number | null;

  @Column({ type: 'varchar', length: 40, nullable: true })
  transferId!: string | null;

  /** A delivery against a purchase order names it (issue 22). */
  @Column({ type: 'varchar', length: 40, nullable: true })
  purchaseOrderId!: string | null;

  @Column({ type: 'int', nullable: true })
  purchaseOrderNumber!: number | null;
}
