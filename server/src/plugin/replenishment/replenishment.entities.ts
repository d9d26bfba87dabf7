/**
 * Replenishment (issue 22) in Stockroom's own tables: suppliers, who supplies each variant, purchase orders with
 * their lines, transfers in transit and the alerts raised by writes. A purchase order's row keeps the columns the
 * list filters and sorts on and the contract's document as JSON (lines, receipts, events); its lines are rows of
 * their own as well, carrying the order's status, so what is on order at a level is one SQL sum over the open
 * lines (`max(0, quantity − received)` where status is sent or partially_received: purchase-decisions.ts openUnits).
 */
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

@Entity('stockroom_supplier')
export class SupplierRecord {
  /** `sup_soundwave` for the seeded ones, `sup_` and ten hex digits for new ones. */
  @PrimaryColumn({ type: 'varchar', length: 40 })
  id!: string;

  @Column({ type: 'varchar', length: 120 })
  name!: string;

  /** The name lower-cased: unique, so two suppliers never share a name in two cases, on any instance. */
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 120 })
  nameKey!: string;

  @Column({ type: 'varchar', length: 120, default: '' })
  contactName!: string;

  @Column({ type: 'varchar', length: 320, default: '' })
  email!: string;

  @Column({ type: 'varchar', length: 40, default: '' })
  phone!: string;

  @Column({ type: 'int' })
  leadTimeDays!: number;

  /** Cents. */
  @Column({ type: 'int' })
  minimumOrder!: number;

  @Column({ type: 'int', default: 1 })
  version!: number;
}

/**
 * Who supplies a variant (Vendure's ProductVariant id) and under which of their SKUs. No row: nobody, version 1 (the
 * seed gives each seeded variant its category's supplier); a row with a null supplier: set to nobody by hand, SKU kept.
 */
@Entity('stockroom_variant_supply')
export class VariantSupplyRecord {
  @PrimaryColumn({ type: 'int' })
  variantId!: number;

  @Index()
  @Column({ type: 'varchar', length: 40, nullable: true })
  supplierId!: string | null;

  @Column({ type: 'varchar', length: 100, default: '' })
  supplierSku!: string;

  /** 1 as seeded (and with no row at all); each change names the version it read (If-Match) and sets the next. */
  @Column({ type: 'int', default: 1 })
  version!: number;
}

@Entity('stockroom_purchase_order')
export class PurchaseOrderRecord {
  /** `po_` and twelve hex digits. */
  @PrimaryColumn({ type: 'varchar', length: 40 })
  id!: string;

  /** Shop-wide, from 1001 (PO-1001); taken one at a time (an advisory lock on PostgreSQL), the index refuses a duplicate. */
  @Index({ unique: true })
  @Column({ type: 'int' })
  number!: number;

  @Index()
  @Column({ type: 'varchar', length: 20 })
  status!: string;

  @Index()
  @Column({ type: 'varchar', length: 40 })
  supplierId!: string;

  /** The contract's location id (`edison-nj`). */
  @Column({ type: 'varchar', length: 40 })
  locationId!: string;

  /** ISO 8601 UTC. */
  @Column({ type: 'varchar', length: 30 })
  createdAt!: string;

  /** Store day (YYYY-MM-DD), null until sent: overdue is `expectedOn < today` while open. */
  @Column({ type: 'varchar', length: 10, nullable: true })
  expectedOn!: string | null;

  @Column({ type: 'int' })
  version!: number;

  /** The contract's PurchaseOrder, whole, as JSON. */
  @Column({ type: 'text' })
  document!: string;
}

/** A purchase order's line, with the order's status and location copied on it: on order per level is a sum of these. */
@Entity('stockroom_purchase_order_line')
@Index(['variantId', 'locationId', 'status'])
export class PurchaseOrderLineRecord {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  id!: string;

  @Index()
  @Column({ type: 'varchar', length: 40 })
  purchaseOrderId!: string;

  /** Vendure's ProductVariant id. */
  @Column({ type: 'int' })
  variantId!: number;

  /** Vendure's StockLocation id (the order's). */
  @Column({ type: 'int' })
  locationId!: number;

  @Column({ type: 'int' })
  quantity!: number;

  @Column({ type: 'int' })
  received!: number;

  /** The order's status, kept in step by every write of the order. */
  @Column({ type: 'varchar', length: 20 })
  status!: string;
}

/** A transfer sent in transit: out of one level when sent, into the other when received. */
@Entity('stockroom_transit_transfer')
@Index(['status', 'variantId', 'toLocationId'])
@Index(['sentAt', 'id'])
export class TransitTransferRecord {
  /** `trf_…`, shared with its ledger rows. */
  @PrimaryColumn({ type: 'varchar', length: 40 })
  id!: string;

  /** Vendure's ProductVariant id. */
  @Index()
  @Column({ type: 'int' })
  variantId!: number;

  /** Vendure's StockLocation ids. */
  @Column({ type: 'int' })
  fromLocationId!: number;

  @Column({ type: 'int' })
  toLocationId!: number;

  @Column({ type: 'int' })
  quantity!: number;

  @Column({ type: 'varchar', length: 20 })
  status!: string;

  @Column({ type: 'varchar', length: 255 })
  sku!: string;

  @Column({ type: 'varchar', length: 500 })
  title!: string;

  @Column({ type: 'varchar', length: 500, default: '' })
  note!: string;

  @Column({ type: 'varchar', length: 30 })
  sentAt!: string;

  @Column({ type: 'varchar', length: 30, nullable: true })
  receivedAt!: string | null;

  @Column({ type: 'int' })
  version!: number;
}

/** A level alert as stored (src/domain/alert-rules.ts StoredAlert): raised by a write, shown while its condition lasts. */
@Entity('stockroom_alert')
@Index(['variantId', 'locationId', 'kind', 'dismissedAt'])
@Index(['dismissedAt'])
export class AlertRecord {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  id!: string;

  @Column({ type: 'varchar', length: 20 })
  kind!: string;

  /** The contract's ids (`var_0000012`, `edison-nj`). */
  @Column({ type: 'varchar', length: 40 })
  variantId!: string;

  @Column({ type: 'varchar', length: 40 })
  locationId!: string;

  @Column({ type: 'varchar', length: 255 })
  sku!: string;

  @Column({ type: 'varchar', length: 30 })
  raisedAt!: string;

  @Column({ type: 'varchar', length: 30, nullable: true })
  dismissedAt!: string | null;
}

/** A purchase order's overdue alert that was dismissed, by its id (which names the expected day: overdueAlertId). */
@Entity('stockroom_dismissed_alert')
export class DismissedAlertRecord {
  @PrimaryColumn({ type: 'varchar', length: 80 })
  id!: string;

  @Column({ type: 'varchar', length: 30 })
  dismissedAt!: string;
}

export const REPLENISHMENT_ENTITIES = [
  SupplierRecord,
  VariantSupplyRecord,
  PurchaseOrderRecord,
  PurchaseOrderLineRecord,
  TransitTransferRecord,
  AlertRecord,
  DismissedAlertRecord,
];
