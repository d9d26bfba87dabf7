/**
 * Stockroom's orders in their own tables (see server/README.md for why not
 * Vendure's Order): one row per order with the contract's fields and what the
 * list filters and sorts on; its lines, fulfilments, refunds, notes and
 * timeline events in child tables, each with its position in the order.
 * `storeDay` columns are the store's calendar day (America/New_York) of the
 * moment, fixed at write time by src/domain/store-time.ts, so reports group by a
 * column instead of converting time zones in SQL (SQLite has none).
 * Money is integer cents. Ids are the contract's (`ord_0001001`, `li_0001001_1` …).
 */
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

@Entity('stockroom_order')
// Covers the sales report by state: day and state select, total and units are summed, no table lookup.
@Index(['storeDay', 'state', 'total', 'units'])
@Index(['discountKey', 'storeDay', 'total', 'discount'])
export class OrderRecord {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  id!: string;

  @Index({ unique: true })
  @Column({ type: 'int' })
  number!: number;

  /** ISO 8601 UTC, as the contract writes it: ISO strings of one format sort like the instants. */
  @Index()
  @Column({ type: 'varchar', length: 30 })
  placedAt!: string;

  @Index()
  @Column({ type: 'varchar', length: 10 })
  storeDay!: string;

  /**
   * The customer record (`cus_000001` …, stockroom_customer). Default '' only so that synchronize can add the
   * column to a database made before it (such a database has no customers until it is seeded again).
   */
  @Index()
  @Column({ type: 'varchar', length: 40, default: '' })
  customerId!: string;

  @Column({ type: 'varchar', length: 200 })
  customerName!: string;

  @Column({ type: 'varchar', length: 320 })
  customerEmail!: string;

  @Column({ type: 'varchar', length: 40 })
  customerPhone!: string;

  /** Lowercase name: the `customer` sort. */
  @Index()
  @Column({ type: 'varchar', length: 200 })
  customerKey!: string;

  /** Lowercase name and email joined by U+0001: `q` matches within one of them. */
  @Column({ type: 'text' })
  searchText!: string;

  @Column({ type: 'varchar', length: 200 })
  shipName!: string;

  @Column({ type: 'varchar', length: 200 })
  shipLine1!: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  shipLine2!: string | null;

  @Column({ type: 'varchar', length: 100 })
  shipCity!: string;

  @Index()
  @Column({ type: 'varchar', length: 2 })
  state!: string;

  @Column({ type: 'varchar', length: 10 })
  shipZip!: string;

  @Column({ type: 'varchar', length: 40 })
  locationId!: string;

  @Column({ type: 'varchar', length: 40, nullable: true })
  discountCode!: string | null;

  /**
   * The code as its key (codeKey: trimmed, upper-case; codes are one without regard to case), null without one:
   * the order list's `discountCode` filter and a discount's usage and performance (plugin/discounts/) read it.
   * Indexed with the day and the money they sum, so a code's orders are one range of the index.
   */
  @Column({ type: 'varchar', length: 40, nullable: true })
  discountKey!: string | null;

  @Column({ type: 'int' })
  subtotal!: number;

  @Column({ type: 'int' })
  discount!: number;

  @Column({ type: 'int' })
  shipping!: number;

  @Column({ type: 'int' })
  tax!: number;

  @Index()
  @Column({ type: 'int' })
  total!: number;

  @Column({ type: 'int' })
  refunded!: number;

  @Column({ type: 'int' })
  net!: number;

  /** Units ordered over every line. */
  @Column({ type: 'int' })
  units!: number;

  /** Upper-case SKUs of the lines, each between U+0001: "has a line of this SKU" is one instr(). */
  @Column({ type: 'text' })
  skuKeys!: string;

  @Index()
  @Column({ type: 'varchar', length: 20 })
  status!: string;

  @Column({ type: 'varchar', length: 20 })
  paymentStatus!: string;

  @Column({ type: 'varchar', length: 20 })
  fulfilmentStatus!: string;

  /** An exchange's replacement: the order and return it came from and the credit that paid for it (all null otherwise). */
  @Column({ type: 'varchar', length: 40, nullable: true })
  exchangeForOrderId!: string | null;

  @Column({ type: 'int', nullable: true })
  exchangeForNumber!: number | null;

  @Column({ type: 'varchar', length: 40, nullable: true })
  exchangeForReturnId!: string | null;

  @Column({ type: 'int', nullable: true })
  exchangeForCredit!: number | null;

  /** What the customer still owes (an exchange for a dearer variant). */
  @Column({ type: 'int', default: 0 })
  balanceDue!: number;

  /** Compare-and-set on every write (UPDATE … WHERE version = ?), so no update is lost on PostgreSQL. */
  @Column({ type: 'int' })
  version!: number;
}

@Entity('stockroom_order_line')
@Index(['orderId', 'position'])
@Index(['storeDay', 'state'])
export class OrderLineRecord {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  id!: string;

  @Column({ type: 'varchar', length: 40 })
  orderId!: string;

  @Column({ type: 'int' })
  position!: number;

  @Index()
  @Column({ type: 'varchar', length: 40 })
  variantId!: string;

  @Column({ type: 'varchar', length: 40 })
  productId!: string;

  /** Vendure's Product and ProductVariant ids behind the contract's (0 when not one of ours): reports join on them. */
  @Index()
  @Column({ type: 'int' })
  productNum!: number;

  @Column({ type: 'int' })
  variantNum!: number;

  @Column({ type: 'varchar', length: 60 })
  sku!: string;

  @Column({ type: 'varchar', length: 300 })
  title!: string;

  @Column({ type: 'varchar', length: 300 })
  variantTitle!: string;

  @Column({ type: 'int' })
  quantity!: number;

  @Column({ type: 'int' })
  unitPrice!: number;

  @Column({ type: 'int' })
  discount!: number;

  @Column({ type: 'int' })
  tax!: number;

  /** The variant's cost when the order was placed (null without one): profit reports read it, never today's cost. */
  @Column({ type: 'int', nullable: true })
  unitCost!: number | null;

  @Column({ type: 'int' })
  fulfilledQuantity!: number;

  @Column({ type: 'int' })
  cancelledQuantity!: number;

  @Column({ type: 'int' })
  refundedQuantity!: number;

  /** What the customer paid for the line (lineTotal), for reports. */
  @Column({ type: 'int' })
  revenue!: number;

  /** The order's store day and ship-to state, for reports by line. */
  @Column({ type: 'varchar', length: 10 })
  storeDay!: string;

  @Column({ type: 'varchar', length: 2 })
  state!: string;
}

@Entity('stockroom_order_fulfilment')
@Index(['orderId', 'position'])
export class OrderFulfilmentRecord {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  id!: string;

  @Column({ type: 'varchar', length: 40 })
  orderId!: string;

  @Column({ type: 'int' })
  position!: number;

  @Column({ type: 'varchar', length: 30 })
  at!: string;

  @Column({ type: 'varchar', length: 40 })
  locationId!: string;

  @Column({ type: 'varchar', length: 20 })
  carrier!: string;

  @Column({ type: 'varchar', length: 60 })
  trackingNumber!: string;

  /** JSON [{ lineId, quantity }]: read with the order, never queried. */
  @Column({ type: 'text' })
  lines!: string;

  @Column({ type: 'varchar', length: 40 })
  byId!: string;

  @Column({ type: 'varchar', length: 200 })
  byName!: string;
}

@Entity('stockroom_order_refund')
@Index(['orderId', 'position'])
@Index(['storeDay', 'state'])
export class OrderRefundRecord {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  id!: string;

  @Column({ type: 'varchar', length: 40 })
  orderId!: string;

  @Column({ type: 'int' })
  position!: number;

  @Column({ type: 'varchar', length: 30 })
  at!: string;

  /** The store day the money went back: reports count a refund on that day. */
  @Column({ type: 'varchar', length: 10 })
  storeDay!: string;

  /** The order's ship-to state. */
  @Column({ type: 'varchar', length: 2 })
  state!: string;

  @Column({ type: 'int' })
  amount!: number;

  @Column({ type: 'int' })
  shipping!: number;

  /** JSON [{ lineId, quantity }] as the refund named them; stockroom_order_refund_line has the money per line. */
  @Column({ type: 'text' })
  lines!: string;

  @Column({ type: 'boolean' })
  restock!: boolean;

  @Column({ type: 'varchar', length: 40, nullable: true })
  locationId!: string | null;

  @Column({ type: 'varchar', length: 500 })
  reason!: string;

  @Column({ type: 'varchar', length: 40 })
  byId!: string;

  @Column({ type: 'varchar', length: 200 })
  byName!: string;

  /** The return this refund settles (null for a refund on its own). */
  @Column({ type: 'varchar', length: 40, nullable: true })
  returnId!: string | null;

  /** The part of `amount` that paid for an exchange's replacement; default 0 for a database made before it. */
  @Column({ type: 'int', default: 0 })
  toExchange!: number;
}

/** What a refund returned for one line's units (refundLineAmounts), for reports by product, variant or category. */
@Entity('stockroom_order_refund_line')
@Index(['storeDay', 'state'])
export class OrderRefundLineRecord {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  refundId!: string;

  @PrimaryColumn({ type: 'int' })
  part!: number;

  @Index()
  @Column({ type: 'varchar', length: 40 })
  orderId!: string;

  @Column({ type: 'varchar', length: 40 })
  lineId!: string;

  @Column({ type: 'varchar', length: 40 })
  variantId!: string;

  @Column({ type: 'varchar', length: 40 })
  productId!: string;

  @Column({ type: 'int' })
  productNum!: number;

  @Column({ type: 'int' })
  variantNum!: number;

  @Column({ type: 'int' })
  amount!: number;

  /**
   * The units this part returned and the part of `amount` that was the line's tax (refundLineAmounts): the
   * summary's returns and taxes, and the refunds drill-down's units. Default 0 only so that synchronize can add
   * the columns to a database made before them (its old parts count no tax until it is seeded again).
   */
  @Column({ type: 'int', default: 0 })
  quantity!: number;

  @Column({ type: 'int', default: 0 })
  tax!: number;

  @Column({ type: 'varchar', length: 10 })
  storeDay!: string;

  @Column({ type: 'varchar', length: 2 })
  state!: string;
}

@Entity('stockroom_order_note')
@Index(['orderId', 'position'])
export class OrderNoteRecord {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  id!: string;

  @Column({ type: 'varchar', length: 40 })
  orderId!: string;

  @Column({ type: 'int' })
  position!: number;

  @Column({ type: 'varchar', length: 30 })
  at!: string;

  @Column({ type: 'varchar', length: 40 })
  authorId!: string;

  @Column({ type: 'varchar', length: 200 })
  authorName!: string;

  @Column({ type: 'text' })
  text!: string;
}

@Entity('stockroom_order_event')
@Index(['orderId', 'position'])
export class OrderEventRecord {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  id!: string;

  @Column({ type: 'varchar', length: 40 })
  orderId!: string;

  @Column({ type: 'int' })
  position!: number;

  @Column({ type: 'varchar', length: 30 })
  at!: string;

  @Column({ type: 'varchar', length: 20 })
  type!: string;

  /** null: the storefront (the customer placing the order). */
  @Column({ type: 'varchar', length: 40, nullable: true })
  actorId!: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  actorName!: string | null;

  @Column({ type: 'text' })
  message!: string;
}

/**
 * A return on an order (issue 20), one row each, changed in place as it moves on (received, refunded, exchanged,
 * closed). Besides the contract's fields, what the returns list filters and sorts on: status, `updatedAt` (the last
 * step's time), units and what its refund paid back.
 */
@Entity('stockroom_order_return')
@Index(['orderId', 'position'])
@Index(['status', 'updatedAt'])
export class OrderReturnRecord {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  id!: string;

  @Column({ type: 'varchar', length: 40 })
  orderId!: string;

  @Column({ type: 'int' })
  position!: number;

  @Column({ type: 'varchar', length: 20 })
  status!: string;

  @Column({ type: 'varchar', length: 30 })
  reason!: string;

  @Column({ type: 'text' })
  note!: string;

  /** JSON [{ lineId, quantity, restocked, writtenOff }]: read with the order, never queried. */
  @Column({ type: 'text' })
  lines!: string;

  @Column({ type: 'int' })
  units!: number;

  @Index()
  @Column({ type: 'varchar', length: 30 })
  requestedAt!: string;

  @Column({ type: 'varchar', length: 40 })
  requestedById!: string;

  @Column({ type: 'varchar', length: 200 })
  requestedByName!: string;

  @Column({ type: 'varchar', length: 40, nullable: true })
  locationId!: string | null;

  @Column({ type: 'varchar', length: 30, nullable: true })
  receivedAt!: string | null;

  @Column({ type: 'varchar', length: 40, nullable: true })
  receivedById!: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  receivedByName!: string | null;

  @Column({ type: 'varchar', length: 30, nullable: true })
  settledAt!: string | null;

  @Column({ type: 'varchar', length: 40, nullable: true })
  settledById!: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  settledByName!: string | null;

  @Column({ type: 'varchar', length: 40, nullable: true })
  refundId!: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  closeReason!: string | null;

  @Column({ type: 'varchar', length: 40, nullable: true })
  exchangeOrderId!: string | null;

  @Column({ type: 'int', nullable: true })
  exchangeOrderNumber!: number | null;

  /** The last step's time (settled, received or requested). */
  @Index()
  @Column({ type: 'varchar', length: 30 })
  updatedAt!: string;

  /** What its refund paid back to the customer (amount less what went toward an exchange); 0 without one. */
  @Column({ type: 'int' })
  refunded!: number;
}

export const ORDER_ENTITIES = [
  OrderRecord,
  OrderLineRecord,
  OrderFulfilmentRecord,
  OrderRefundRecord,
  OrderRefundLineRecord,
  OrderNoteRecord,
  OrderEventRecord,
  OrderReturnRecord,
];
