/**
 * Saved views on the server: rows of `stockroom_saved_view`, every decision made by
 * src/domain/view-rules.ts (as the mock makes it), each write and its audit entry in one transaction.
 */
import { Injectable } from '@nestjs/common';
import { TransactionalConnection } from '@vendure/core';
import type { EntityManager } from 'typeorm';
import type { SavedViewList } from '#shared/contract/constants';
import type { SavedView, SavedViewCreateInput, SavedViewUpdateInput } from '#shared/contract/view-schemas';
import {
  assertMayUseList,
  decideViewCreate,
  decideViewDelete,
  decideViewUpdate,
  viewAudit,
  viewNameKey,
  viewNameTaken,
  viewNotFound,
  visibleViews,
} from '#shared/domain/view-rules';
import { recordAudit, type Actor } from '../audit/audit.service';
import { isUniqueViolation } from '../database-errors';
import { serialTransaction } from '../serial-writes';
import { nowDate } from '../clock';
import { ids } from '../http';
import { SavedViewRecord } from './saved-view.entity';

const PREFIX = 'view_';

function viewOf(r: SavedViewRecord): SavedView {
  return {
    id: `${PREFIX}${r.id}`,
    list: r.list as SavedViewList,
    name: r.name,
    search: r.search,
    shared: Boolean(r.shared),
    owner: { id: r.ownerId, name: r.ownerName },
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    version: r.version,
  };
}

/** The owner's name taken by a concurrent save (the unique index) is the rule's 422, as if it had been seen first. */
async function nameChecked<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isUniqueViolation(error)) throw viewNameTaken();
    throw error;
  }
}

@Injectable()
export class ViewsService {
  constructor(private connection: TransactionalConnection) {}

  private get db() {
    return this.connection.rawConnection;
  }

  private ownerViews(em: EntityManager, ownerId: string, list: string): Promise<SavedViewRecord[]> {
    return em.getRepository(SavedViewRecord).find({ where: { ownerId, list } });
  }

  private async load(em: EntityManager, id: string): Promise<SavedViewRecord> {
    const n = ids.parse('view', id);
    const row = n === null ? null : await em.getRepository(SavedViewRecord).findOne({ where: { id: n } });
    if (!row) throw viewNotFound(id);
    return row;
  }

  async list(actor: Actor, list: SavedViewList): Promise<{ items: SavedView[]; total: number }> {
    assertMayUseList(actor.role, list);
    // As entity conditions, so the boolean is stored alike on SQLite (1) and PostgreSQL (true).
    const rows = await this.db.getRepository(SavedViewRecord).find({
      where: [
        { list, ownerId: actor.id },
        { list, shared: true },
      ],
    });
    const items = visibleViews(rows.map(viewOf), actor.id);
    return { items, total: items.length };
  }

  create(actor: Actor, input: SavedViewCreateInput): Promise<SavedView> {
    const now = nowDate();
    return nameChecked(() =>
      serialTransaction(this.db, async (em) => {
        const mine = (await this.ownerViews(em, actor.id, input.list)).map(viewOf);
        const fields = decideViewCreate(actor, input, mine);
        const saved = await em.getRepository(SavedViewRecord).save(
          new SavedViewRecord({
            ...fields,
            nameKey: viewNameKey(fields.name),
            ownerId: actor.id,
            ownerName: actor.name,
            version: 1,
            createdAt: now,
            updatedAt: now,
          }),
        );
        const view = viewOf(saved);
        await recordAudit(em, actor, 'created', now, viewAudit(undefined, view));
        return view;
      }),
    );
  }

  update(actor: Actor, id: string, version: number, input: SavedViewUpdateInput): Promise<SavedView> {
    const now = nowDate();
    return nameChecked(() =>
      serialTransaction(this.db, async (em) => {
        const row = await this.load(em, id);
        const current = viewOf(row);
        const siblings = (await this.ownerViews(em, row.ownerId, row.list)).map(viewOf);
        const next = decideViewUpdate(current, actor, version, input, siblings);
        if (!next.changed) return current;
        // Compare-and-set: a concurrent save on another instance makes this match no row, never a silent overwrite.
        const result = await em
          .createQueryBuilder()
          .update(SavedViewRecord)
          .set({
            name: next.name,
            nameKey: viewNameKey(next.name),
            search: next.search,
            shared: next.shared,
            version: current.version + 1,
            updatedAt: now,
          })
          .where('id = :id AND version = :version', { id: row.id, version: current.version })
          .execute();
        if (result.affected !== 1) {
          // Its version moved on, so the same decision now refuses with the view as it is (409), or 404 when gone.
          decideViewUpdate(viewOf(await this.load(em, id)), actor, version, input, siblings);
          throw new Error('The saved view did not match its own version');
        }
        const saved = viewOf(await this.load(em, id));
        await recordAudit(em, actor, 'updated', now, viewAudit(current, saved));
        return saved;
      }),
    );
  }

  async delete(actor: Actor, id: string, version: number): Promise<void> {
    const now = nowDate();
    await serialTransaction(this.db, async (em) => {
      const row = await this.load(em, id);
      const current = viewOf(row);
      decideViewDelete(current, actor, version);
      const result = await em
        .createQueryBuilder()
        .delete()
        .from(SavedViewRecord)
        .where('id = :id AND version = :version', { id: row.id, version: current.version })
        .execute();
      if (result.affected !== 1) {
        decideViewDelete(viewOf(await this.load(em, id)), actor, version);
        throw new Error('The saved view did not match its own version');
      }
      await recordAudit(em, actor, 'deleted', now, viewAudit(current, undefined));
    });
  }
}
