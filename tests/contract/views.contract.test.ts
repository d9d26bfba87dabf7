/**
 * Saved views (issue 23), over HTTP only: a list's query string under a name,
 * the caller's own or shared with the team; only the owner changes or deletes
 * one; a list's views need that list's view permission.
 */
import { auditListSchema } from '../../src/contract/schemas';
import { savedViewListSchema, savedViewSchema, type SavedView } from '../../src/contract/view-schemas';
import { idOf, signIn, uniqueId, type ApiClient } from './driver';
import { expectOk, expectProblem } from './fixtures';

let admin: ApiClient;
let manager: ApiClient;
let merchandiser: ApiClient;
let support: ApiClient;

beforeAll(async () => {
  [admin, manager, merchandiser, support] = await Promise.all([
    signIn('admin'),
    signIn('manager'),
    signIn('merchandiser'),
    signIn('support'),
  ]);
});

type List = SavedView['list'];

async function create(api: ApiClient, over: Partial<{ list: List; name: string; search: string; shared: boolean }> = {}) {
  const body = { list: 'products', name: `View ${uniqueId()}`, search: '?status=active&sort=-price', shared: false, ...over };
  return savedViewSchema.parse(expectOk(await api.post('/views', { body }), 201));
}

async function list(api: ApiClient, which: List): Promise<SavedView[]> {
  return savedViewListSchema.parse(expectOk(await api.get('/views', { query: { list: which } }))).items;
}

describe('saved views', () => {
  it('saves a view for its owner, stores the query string as given, and lists it by name with the shared ones', async () => {
    const search = '?q=usb%20c&status=active,draft&sort=-price&priceMin=1000';
    const tag = uniqueId();
    const b = await create(merchandiser, { name: `  ${tag} b  `, search });
    const a = await create(merchandiser, { name: `${tag} a`, search: 'status=archived' });
    expect(b).toMatchObject({ list: 'products', name: `${tag} b`, search, shared: false, version: 1, owner: { id: idOf('merchandiser') } });
    const mine = (await list(merchandiser, 'products')).filter((v) => v.name.startsWith(tag));
    expect(mine.map((v) => v.id)).toEqual([a.id, b.id]);
    // The list is sorted by name for everyone.
    const names = (await list(merchandiser, 'products')).map((v) => v.name.toLowerCase());
    expect(names).toEqual([...names].sort((x, y) => x.localeCompare(y, 'en-US', { sensitivity: 'base' })));
    // Not shared: nobody else sees it.
    expect((await list(manager, 'products')).some((v) => v.id === a.id)).toBe(false);
    // Another list does not hold it.
    expect((await list(merchandiser, 'inventory')).some((v) => v.id === a.id)).toBe(false);
  });

  it('refuses a name that is empty or too long, a search that is no query string or too long, and an unknown list (422 by the field)', async () => {
    const body = { list: 'products', name: 'Fine', search: 'status=active', shared: false };
    const cases: [Record<string, unknown>, string][] = [
      [{ ...body, name: '   ' }, 'name'],
      [{ ...body, name: 'x'.repeat(61) }, 'name'],
      [{ ...body, search: 'a=b#frag' }, 'search'],
      [{ ...body, search: 'q=%E0%A4%A' }, 'search'],
      [{ ...body, search: `q=${'x'.repeat(2000)}` }, 'search'],
      [{ ...body, list: 'customers' }, 'list'],
    ];
    for (const [sent, field] of cases) {
      const problem = expectProblem(await merchandiser.post('/views', { body: sent }), 422);
      expect(Object.keys(problem.errors ?? {})).toContain(field);
    }
    // 60 characters is fine.
    expect((await create(merchandiser, { name: `${uniqueId()}${'n'.repeat(50)}` })).name).toHaveLength(60);
  });

  it('refuses a name its owner already uses on the list (422 beside name), not one on another list or of another person', async () => {
    const name = `Dup ${uniqueId()}`;
    await create(merchandiser, { name });
    const problem = expectProblem(
      await merchandiser.post('/views', { body: { list: 'products', name: ` ${name.toUpperCase()} `, search: '', shared: false } }),
      422,
    );
    expect(problem.errors?.name).toMatch(/already/);
    await create(merchandiser, { name, list: 'inventory' });
    await create(manager, { name });
    // Renaming onto a used name is refused alike.
    const other = await create(merchandiser);
    const rename = await merchandiser.patch(`/views/${other.id}`, { body: { name }, ifMatch: other.version });
    expect(expectProblem(rename, 422).errors?.name).toMatch(/already/);
  });

  it('shares a view: others see it and may neither change nor delete it (403); unsharing hides it again', async () => {
    const view = await create(merchandiser, { list: 'orders', search: '?status=open' });
    const shared = savedViewSchema.parse(
      expectOk(await merchandiser.patch(`/views/${view.id}`, { body: { shared: true }, ifMatch: view.version })),
    );
    expect(shared).toMatchObject({ shared: true, version: 2 });
    const seen = (await list(support, 'orders')).find((v) => v.id === view.id);
    expect(seen).toMatchObject({ name: view.name, search: '?status=open', owner: { id: idOf('merchandiser') } });
    expectProblem(await support.patch(`/views/${view.id}`, { body: { name: 'Mine now' }, ifMatch: shared.version }), 403);
    expectProblem(await admin.delete(`/views/${view.id}`, { ifMatch: shared.version }), 403);
    const unshared = savedViewSchema.parse(
      expectOk(await merchandiser.patch(`/views/${view.id}`, { body: { shared: false }, ifMatch: shared.version })),
    );
    expect((await list(support, 'orders')).some((v) => v.id === view.id)).toBe(false);
    // Another's private view is not there for them at all.
    expectProblem(await support.patch(`/views/${view.id}`, { body: { name: 'x' }, ifMatch: unshared.version }), 404);
  });

  it('renames and changes the search with If-Match; a stale version is 409 with the view as it is; a missing one 428', async () => {
    const view = await create(manager);
    const res = await manager.patch(`/views/${view.id}`, {
      body: { name: `Renamed ${uniqueId()}`, search: 'sort=title' },
      ifMatch: view.version,
    });
    const renamed = savedViewSchema.parse(expectOk(res));
    expect(renamed).toMatchObject({ search: 'sort=title', version: 2 });
    expect(res.headers.get('ETag')).toBe('"2"');
    const stale = expectProblem(await manager.patch(`/views/${view.id}`, { body: { name: 'Again' }, ifMatch: view.version }), 409);
    expect(stale.current).toMatchObject({ id: view.id, name: renamed.name, version: 2 });
    expectProblem(await manager.patch(`/views/${view.id}`, { body: { name: 'Again' } }), 428);
    expectProblem(await manager.patch('/views/view_nosuchview', { body: { name: 'Again' }, ifMatch: 1 }), 404);
    expectProblem(await manager.patch('/views/view_9999999999', { body: { name: 'Again' }, ifMatch: 1 }), 404);
  });

  it('deletes with If-Match (204): gone from the list; a stale version is 409, a second delete 404', async () => {
    const view = await create(manager, { shared: true });
    const renamed = savedViewSchema.parse(expectOk(await manager.patch(`/views/${view.id}`, { body: { shared: false }, ifMatch: 1 })));
    expectProblem(await manager.delete(`/views/${view.id}`, { ifMatch: view.version }), 409);
    expectProblem(await manager.delete(`/views/${view.id}`), 428);
    const res = await manager.delete(`/views/${view.id}`, { ifMatch: renamed.version });
    expect(res.status).toBe(204);
    expect((await list(manager, 'products')).some((v) => v.id === view.id)).toBe(false);
    expectProblem(await manager.delete(`/views/${view.id}`, { ifMatch: renamed.version }), 404);
  });

  it('needs the list’s view permission: support may not read, save or see the audit log’s views (403)', async () => {
    const view = await create(manager, { list: 'audit', search: '?entityType=view', shared: true });
    expectProblem(await support.get('/views', { query: { list: 'audit' } }), 403);
    expectProblem(await merchandiser.get('/views', { query: { list: 'audit' } }), 403);
    expectProblem(await support.post('/views', { body: { list: 'audit', name: 'Mine', search: '', shared: false } }), 403);
    expect((await list(admin, 'audit')).some((v) => v.id === view.id)).toBe(true);
    // Every role may view products, stock and orders.
    for (const api of [support, merchandiser]) for (const which of ['products', 'inventory', 'orders'] as const) await list(api, which);
    // A list is required.
    expectProblem(await support.get('/views'), 400);
  });

  it('records saving, changing and deleting in the audit log', async () => {
    const view = await create(manager, { list: 'inventory', search: 'low=true' });
    const changed = savedViewSchema.parse(expectOk(await manager.patch(`/views/${view.id}`, { body: { shared: true }, ifMatch: 1 })));
    expect((await manager.delete(`/views/${view.id}`, { ifMatch: changed.version })).status).toBe(204);
    const log = auditListSchema.parse(
      expectOk(await admin.get('/audit', { query: { entityType: 'view', entityId: view.id, sort: 'at', limit: 10 } })),
    );
    expect(log.items.map((e) => [e.action, e.before, e.after])).toEqual([
      [
        'created',
        { list: null, name: null, search: null, shared: null },
        { list: 'inventory', name: view.name, search: 'low=true', shared: false },
      ],
      ['updated', { shared: false }, { shared: true }],
      [
        'deleted',
        { list: 'inventory', name: view.name, search: 'low=true', shared: true },
        { list: null, name: null, search: null, shared: null },
      ],
    ]);
    expect(log.items.every((e) => e.entityType === 'view' && e.entityLabel === view.name && e.actor.id === idOf('manager'))).toBe(true);
  });
});
