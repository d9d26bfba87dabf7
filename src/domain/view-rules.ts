/**
 * The rules of saved views, as the mock and the server both answer them: a
 * list's views are read, saved and changed only by those who may view the list;
 * a view is the caller's own or shared with the team; only its owner changes or
 * deletes it, with the version they last read; a name is used once per owner and list.
 */
import type { SavedViewList } from '../contract/constants';
import { assertAllowed, changedMeanwhile, notAllowed, ProblemError, validationProblem } from '../contract/problems';
import type { Action, Role } from '../contract/permissions';
import type { SavedView, SavedViewCreateInput, SavedViewUpdateInput } from '../contract/view-schemas';
import type { AuditDraft, Diff } from './audit-rules';

/** What viewing each list needs: reading, saving or changing its views needs the same. */
export const VIEW_LIST_PERMISSION: Readonly<Record<SavedViewList, Action>> = {
  products: 'products.view',
  inventory: 'stock.view',
  orders: 'orders.view',
  audit: 'audit.view',
};

type Caller = { id: string; role: Role };

/** 403 unless the caller may view the list the views belong to. */
export function assertMayUseList(role: Role, list: SavedViewList): void {
  assertAllowed(role, VIEW_LIST_PERMISSION[list]);
}

export function viewNotFound(id: string): ProblemError {
  return new ProblemError({ status: 404, title: 'Saved view not found', detail: `No saved view has the id ${id}.` });
}

export function viewNameTaken(): ProblemError {
  return validationProblem({ name: 'You already have a view with this name on this list' });
}

/** Names compare trimmed and regardless of case: "Low stock" and "low stock " are one name. */
export const viewNameKey = (name: string): string => name.trim().toLowerCase();

/** What the caller sees of a list's views: their own and the shared ones, by name (then id, so the order is total). */
export function visibleViews<V extends Pick<SavedView, 'id' | 'name' | 'shared' | 'owner'>>(views: readonly V[], callerId: string): V[] {
  return views
    .filter((v) => v.owner.id === callerId || v.shared)
    .sort((a, b) => {
      const byName = a.name.localeCompare(b.name, 'en-US', { sensitivity: 'base' });
      if (byName !== 0) return byName;
      return a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
    });
}

/** A new view's fields, or the refusal: 403 for a list the caller may not view, 422 for a name they already use there. */
export function decideViewCreate(
  caller: Caller,
  input: SavedViewCreateInput,
  callerViewsOnList: readonly Pick<SavedView, 'name'>[],
): Pick<SavedView, 'list' | 'name' | 'search' | 'shared'> {
  assertMayUseList(caller.role, input.list);
  if (callerViewsOnList.some((v) => viewNameKey(v.name) === viewNameKey(input.name))) throw viewNameTaken();
  return { list: input.list, name: input.name.trim(), search: input.search, shared: input.shared };
}

/**
 * Who may change or delete `current`, in the contract's order: 404 when the caller cannot see it (another's,
 * not shared), 403 for a list they may not view or a view that is not theirs, 428 without a version, 409 with the
 * view as it is for a stale one.
 */
function assertOwnerAt(current: SavedView, caller: Caller, version: number, verb: string): void {
  if (current.owner.id !== caller.id && !current.shared) throw viewNotFound(current.id);
  assertMayUseList(caller.role, current.list);
  if (current.owner.id !== caller.id) {
    throw notAllowed(`Only ${current.owner.name}, who saved this view, may ${verb} it. Save it as a view of your own instead.`);
  }
  if (version !== current.version) throw changedMeanwhile('view', version, current);
}

/** What an update makes of `current` (and whether it changes anything), or the refusal (see assertOwnerAt; 422 for a name in use). */
export function decideViewUpdate(
  current: SavedView,
  caller: Caller,
  version: number,
  input: SavedViewUpdateInput,
  ownerViewsOnList: readonly Pick<SavedView, 'id' | 'name'>[],
): { name: string; search: string; shared: boolean; changed: boolean } {
  assertOwnerAt(current, caller, version, 'change');
  const name = input.name?.trim() ?? current.name;
  const search = input.search ?? current.search;
  const shared = input.shared ?? current.shared;
  if (ownerViewsOnList.some((v) => v.id !== current.id && viewNameKey(v.name) === viewNameKey(name))) throw viewNameTaken();
  return { name, search, shared, changed: name !== current.name || search !== current.search || shared !== current.shared };
}

/** Whether the caller may delete `current` at `version` (see assertOwnerAt). */
export function decideViewDelete(current: SavedView, caller: Caller, version: number): void {
  assertOwnerAt(current, caller, version, 'delete');
}

const VIEW_FIELDS = ['list', 'name', 'search', 'shared'] as const;

/** A view saved, changed (only what changed) or deleted (`after` undefined), as the audit log keeps it. */
export function viewAudit(before: SavedView | undefined, after: SavedView | undefined): AuditDraft[] {
  const view = after ?? before;
  if (!view) return [];
  const diff: Diff = { before: {}, after: {} };
  for (const field of VIEW_FIELDS) {
    const was = before?.[field] ?? null;
    const now = after?.[field] ?? null;
    if (was === now) continue;
    diff.before[field] = was;
    diff.after[field] = now;
  }
  if (Object.keys(diff.before).length === 0) return [];
  return [{ entityType: 'view', entityId: view.id, entityLabel: view.name, ...diff }];
}
