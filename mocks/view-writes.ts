/**
 * Saved views: read from and written through the store's one write path, so
 * the audit entry cannot be skipped and the views persist and reach other tabs
 * with staff (the people document). Every decision is src/domain/view-rules.ts.
 */
import type { SavedViewList } from '../src/contract/constants';
import type { SavedView, SavedViewCreateInput, SavedViewUpdateInput } from '../src/contract/view-schemas';
import {
  assertMayUseList,
  decideViewCreate,
  decideViewDelete,
  decideViewUpdate,
  viewAudit,
  viewNotFound,
  visibleViews,
} from '../src/domain/view-rules';
import { writeOf } from './routes/write-of';
import type { Actor, MockDb } from './store';

const ofOwnerOnList = (views: readonly SavedView[], ownerId: string, list: SavedViewList) =>
  views.filter((v) => v.owner.id === ownerId && v.list === list);

export function listViews(db: MockDb, actor: Actor, list: SavedViewList): { items: SavedView[]; total: number } {
  assertMayUseList(actor.role, list);
  const items = visibleViews(
    db.allViews().filter((v) => v.list === list),
    actor.id,
  );
  return { items, total: items.length };
}

export async function createView(db: MockDb, actor: Actor, input: SavedViewCreateInput): Promise<SavedView> {
  const { result } = await db.write({ actor, ...writeOf('views.create') }, (tx) => {
    const fields = decideViewCreate(actor, input, ofOwnerOnList(tx.allViews(), actor.id, input.list));
    const view: SavedView = {
      id: `view_${crypto.randomUUID().replaceAll('-', '').slice(0, 10)}`,
      ...fields,
      owner: { id: actor.id, name: actor.name },
      createdAt: tx.now,
      updatedAt: tx.now,
      version: 1,
    };
    tx.putView(view);
    for (const draft of viewAudit(undefined, view)) tx.audit(draft);
    return view;
  });
  return result;
}

export async function updateView(db: MockDb, actor: Actor, id: string, version: number, input: SavedViewUpdateInput): Promise<SavedView> {
  const { result } = await db.write({ actor, ...writeOf('views.update') }, (tx) => {
    const views = tx.allViews();
    const current = views.find((v) => v.id === id);
    if (!current) throw viewNotFound(id);
    const next = decideViewUpdate(current, actor, version, input, ofOwnerOnList(views, current.owner.id, current.list));
    if (!next.changed) return current;
    const saved: SavedView = {
      ...current,
      name: next.name,
      search: next.search,
      shared: next.shared,
      updatedAt: tx.now,
      version: current.version + 1,
    };
    tx.putView(saved);
    for (const draft of viewAudit(current, saved)) tx.audit(draft);
    return saved;
  });
  return result;
}

export async function deleteView(db: MockDb, actor: Actor, id: string, version: number): Promise<void> {
  await db.write({ actor, ...writeOf('views.delete') }, (tx) => {
    const current = tx.allViews().find((v) => v.id === id);
    if (!current) throw viewNotFound(id);
    decideViewDelete(current, actor, version);
    tx.deleteView(id);
    for (const draft of viewAudit(current, undefined)) tx.audit(draft);
  });
}
