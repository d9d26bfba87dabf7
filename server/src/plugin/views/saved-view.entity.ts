/**
 * A saved view (issue 23): a list's query string under a name, its owner's or shared with the team.
 * (owner, list, name regardless of case) is unique, so two instances saving one name at once cannot both succeed.
 */
import { DeepPartial, VendureEntity } from '@vendure/core';
import { Column, Entity, Index } from 'typeorm';

@Entity('stockroom_saved_view')
@Index(['ownerId', 'list', 'nameKey'], { unique: true })
@Index(['list', 'shared'])
export class SavedViewRecord extends VendureEntity {
  constructor(input?: DeepPartial<SavedViewRecord>) {
    super(input);
  }

  /** products, inventory, orders or audit. */
  @Column({ type: 'varchar', length: 20 })
  list!: string;

  @Column({ type: 'varchar', length: 60 })
  name!: string;

  /** The name trimmed and lower-cased (which may lengthen it): what "a name once per owner and list" compares. */
  @Column({ type: 'varchar', length: 120 })
  nameKey!: string;

  /** The list's query string, as sent (up to 2,000 characters). */
  @Column({ type: 'text' })
  search!: string;

  @Column({ type: 'boolean', default: false })
  shared!: boolean;

  /** The owner's staff id (`staff_3`) and their name when they saved it. */
  @Index()
  @Column({ type: 'varchar', length: 40 })
  ownerId!: string;

  @Column({ type: 'varchar', length: 200 })
  ownerName!: string;

  @Column({ type: 'int', default: 1 })
  version!: number;
}
