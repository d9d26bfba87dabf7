import { describe, expect, it } from 'vitest';
import { isQueryString } from '../contract/view-schemas';
import type { SavedView } from '../contract/view-schemas';
import { decideViewCreate, decideViewDelete, decideViewUpdate, visibleViews } from './view-rules';

const view = (over: Partial<SavedView> = {}): SavedView => ({
  id: 'view_1',
  list: 'products',
  name: 'Active',
  search: '?status=active',
  shared: false,
  owner: { id: 'staff_1', name: 'Ann' },
  createdAt: '2026-12-01T00:00:00.000Z',
  updatedAt: '2026-12-01T00:00:00.000Z',
  version: 1,
  ...over,
});
const ann = { id: 'staff_1', role: 'support' as const };
const bob = { id: 'staff_2', role: 'manager' as const };

describe('saved view rules', () => {
  it('reads a query string with or without its ?, and refuses a fragment, spaces or a broken escape', () => {
    expect(['', '?', 'a=1&b=2', '?q=usb%20c&sort=-price', 'q=a+b'].every(isQueryString)).toBe(true);
    expect(['a=1#x', 'a=1 b', 'q=%E0%A4%A', 'a=\n'].some(isQueryString)).toBe(false);
  });

  it('shows the caller’s own and the shared views, by name regardless of case', () => {
    const views = [
      view({ id: 'v3', name: 'beta' }),
      view({ id: 'v2', name: 'Alpha', owner: { id: 'staff_2', name: 'Bob' } }),
      view({ id: 'v1', name: 'alpha', shared: true, owner: { id: 'staff_2', name: 'Bob' } }),
    ];
    expect(visibleViews(views, 'staff_1').map((v) => v.id)).toEqual(['v1', 'v3']);
    expect(visibleViews(views, 'staff_2').map((v) => v.id)).toEqual(['v2', 'v1']);
  });

  it('refuses a list the role may not view, and a name the owner uses on the list', () => {
    expect(() => decideViewCreate(ann, { list: 'audit', name: 'x', search: '', shared: false }, [])).toThrow(
      expect.objectContaining({ problem: expect.objectContaining({ status: 403 }) }),
    );
    expect(() => decideViewCreate(ann, { list: 'products', name: ' ACTIVE ', search: '', shared: false }, [view()])).toThrow(
      expect.objectContaining({ problem: expect.objectContaining({ status: 422 }) }),
    );
    expect(decideViewCreate(ann, { list: 'products', name: ' Draft ', search: 'status=draft', shared: true }, [view()])).toEqual({
      list: 'products',
      name: 'Draft',
      search: 'status=draft',
      shared: true,
    });
  });

  it('lets only the owner change or delete, at the current version', () => {
    const status = (fn: () => unknown) => {
      try {
        fn();
        return 200;
      } catch (error) {
        return (error as { problem: { status: number } }).problem.status;
      }
    };
    expect(status(() => decideViewUpdate(view(), bob, 1, { name: 'x' }, []))).toBe(404);
    expect(status(() => decideViewUpdate(view({ shared: true }), bob, 1, { name: 'x' }, []))).toBe(403);
    expect(status(() => decideViewDelete(view({ shared: true }), bob, 1))).toBe(403);
    expect(status(() => decideViewUpdate(view(), ann, 2, { name: 'x' }, []))).toBe(409);
    expect(decideViewUpdate(view(), ann, 1, { name: 'Active' }, [view()])).toMatchObject({ changed: false });
    expect(decideViewUpdate(view(), ann, 1, { shared: true }, [view()])).toMatchObject({ shared: true, changed: true });
  });
});
