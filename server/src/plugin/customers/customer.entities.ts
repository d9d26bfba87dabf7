/**
 * Customers (issue 20) in Stockroom's own tables, beside the orders they come from (server/README.md says why not
 * Vendure's Customer). One row per customer with what the list shows, filters and sorts on: contact and state from
 * their latest order, and their orders' count, money and dates, recomputed from those orders in the transaction of
 * every order write that changes them (customer-rows.ts). Notes in their own table. Ids are the contract's
 * (`cus_000001` …, the seed's generator gives them by first order).
 */
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

@Entity('stockroom_customer')
// Each sort is one walk of an index (ties by id, as the mock breaks them); filters narrow on the way.
@Index(['nameKey', 'id'])
@Index(['orders', 'id'])
@Index(['spent', 'id'])
@Index(['lastOrderAt', 'id'])
export class CustomerRecord {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  id!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ type: 'varchar', length: 320 })
  email!: string;

  @Column({ type: 'varchar', length: 40 })
  phone!: string;

  /** The state of the address they last ordered to. */
  @Index()
  @Column({ type: 'varchar', length: 2 })
  state!: string;

  /** Lowercase name: the `name` sort. */
  @Column({ type: 'varchar', length: 200 })
  nameKey!: string;

  /** Lowercase name and email joined by U+0001: a text search matches within one of them. */
  @Column({ type: 'text' })
  searchText!: string;

  /** The phone number's digits: a phone search matches within them. */
  @Column({ type: 'varchar', length: 40 })
  phoneDigits!: string;

  @Column({ type: 'int' })
  orders!: number;

  /** Σ total − Σ refunded over their orders, in cents. */
  @Column({ type: 'int' })
  spent!: number;

  @Column({ type: 'int' })
  refunded!: number;

  @Column({ type: 'varchar', length: 30, nullable: true })
  firstOrderAt!: string | null;

  @Column({ type: 'varchar', length: 30, nullable: true })
  lastOrderAt!: string | null;

  /** Goes up with every note (the orders keep their own versions). */
  @Column({ type: 'int', default: 1 })
  version!: number;
}

/** An internal note on a customer; append-only, `position` from 0 in the order written. */
@Entity('stockroom_customer_note')
@Index(['customerId', 'position'])
export class CustomerNoteRecord {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  id!: string;

  @Column({ type: 'varchar', length: 40 })
  customerId!: string;

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

export const CUSTOMER_ENTITIES = [CustomerRecord, CustomerNoteRecord];
