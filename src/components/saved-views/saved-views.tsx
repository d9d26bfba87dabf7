/**
 * Saved views above a list (issue 23): "All" and the person's own and the team's shared views as tabs; a tab
 * opens the list with the view's query string. "Save view" keeps the current one (without the mock's `mock.*`
 * settings) under a name, for the person or shared with the team; the person's own views have a menu to rename,
 * update to the current filters, share or unshare, and delete. Every list (products, inventory, orders, audit)
 * renders one; it knows no feature, only the list's name and path.
 */
import { Button, Checkbox, Group, Menu, Modal, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery } from '@tanstack/react-query';
import { useLocation, useRouter } from '@tanstack/react-router';
import { useState, type FormEvent, type MouseEvent } from 'react';
import { ApiError } from '@/api/api-error';
import { SAVED_VIEW_NAME_MAX, type SavedView, type SavedViewList } from '@/contract/view-schemas';
import { ConfirmDialog } from '../confirm-dialog';
import { useCurrentUser } from '../current-user';
import { savedViewQueries, useCreateSavedView, useDeleteSavedView, useUpdateSavedView } from './saved-view-queries';
import { sameSearch, viewSearch } from './view-search';
import classes from './saved-views.module.css';

type SavedViewsProps = {
  list: SavedViewList;
  /** The list's path, e.g. `/products`: where a tab goes, with the view's query string. */
  path: string;
  /** What the list is called in sentences: "products", "the audit log". */
  label: string;
};

const failed = (title: string) => (error: Error) => notifications.show({ color: 'red', title, message: error.message });

/** A plain click follows the tab in the app; a modified one (new tab, new window) is the browser's. */
function plainClick(event: MouseEvent): boolean {
  return event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey;
}

export function SavedViews({ list, path, label }: SavedViewsProps) {
  const router = useRouter();
  const current = useLocation({ select: (l) => l.searchStr });
  const me = useCurrentUser();
  const views = useQuery(savedViewQueries.list(list));
  const [saving, setSaving] = useState(false);
  const [renaming, setRenaming] = useState<SavedView | null>(null);
  const [deleting, setDeleting] = useState<SavedView | null>(null);
  const update = useUpdateSavedView();
  const remove = useDeleteSavedView();

  const items = views.data?.items ?? [];
  const selected = items.find((v) => sameSearch(v.search, current));
  const open = (search: string) => (event: MouseEvent) => {
    if (!plainClick(event)) return;
    event.preventDefault();
    router.history.push(`${path}${viewSearch(search)}`);
  };
  const change = (view: SavedView, input: Parameters<typeof update.mutate>[0]['input'], done: string) =>
    update.mutate(
      { id: view.id, version: view.version, input },
      {
        onSuccess: () => notifications.show({ color: 'green', title: 'View saved', message: done }),
        onError: failed('The view was not changed'),
      },
    );

  return (
    <div className={classes.bar}>
      <nav aria-label={`Saved views of ${label}`} className={classes.nav}>
        <ul className={classes.tabs}>
          <li className={classes.tab}>
            <a href={path} className={classes.link} aria-current={viewSearch(current) === '' ? 'page' : undefined} onClick={open('')}>
              All
            </a>
          </li>
          {items.map((view) => {
            const mine = view.owner.id === me?.id;
            return (
              <li key={view.id} className={classes.tab}>
                <a
                  href={`${path}${viewSearch(view.search)}`}
                  className={classes.link}
                  aria-current={view === selected ? 'page' : undefined}
                  onClick={open(view.search)}
                >
                  {view.name}
                  {(view.shared || !mine) && (
                    <Text span size="xs" c="dimmed" className={classes.note}>
                      {mine ? 'shared' : `by ${view.owner.name}`}
                    </Text>
                  )}
                </a>
                {mine && (
                  <Menu position="bottom-end" withinPortal>
                    <Menu.Target>
                      <Button size="compact-xs" variant="subtle" color="gray" aria-label={`Actions for the view ${view.name}`}>
                        <span aria-hidden>⋯</span>
                      </Button>
                    </Menu.Target>
                    <Menu.Dropdown>
                      <Menu.Item onClick={() => setRenaming(view)}>Rename…</Menu.Item>
                      {!sameSearch(view.search, current) && (
                        <Menu.Item
                          onClick={() => change(view, { search: viewSearch(current) }, `“${view.name}” now shows the current filters.`)}
                        >
                          Update to the current filters
                        </Menu.Item>
                      )}
                      <Menu.Item
                        onClick={() =>
                          change(
                            view,
                            { shared: !view.shared },
                            view.shared ? `Only you see “${view.name}” now.` : `Your team sees “${view.name}” now.`,
                          )
                        }
                      >
                        {view.shared ? 'Stop sharing' : 'Share with the team'}
                      </Menu.Item>
                      <Menu.Item color="red" onClick={() => setDeleting(view)}>
                        Delete…
                      </Menu.Item>
                    </Menu.Dropdown>
                  </Menu>
                )}
              </li>
            );
          })}
        </ul>
      </nav>
      <Button size="xs" variant="default" onClick={() => setSaving(true)}>
        Save view
      </Button>
      <NameDialog
        key={saving ? 'saving' : 'closed'}
        opened={saving}
        title={`Save this view of ${label}`}
        submitLabel="Save view"
        withSharing
        onClose={() => setSaving(false)}
        list={list}
        search={viewSearch(current)}
      />
      <NameDialog
        key={renaming?.id ?? 'none'}
        opened={renaming !== null}
        title="Rename the view"
        submitLabel="Rename"
        view={renaming ?? undefined}
        onClose={() => setRenaming(null)}
        list={list}
        search={renaming?.search ?? ''}
      />
      <ConfirmDialog
        opened={deleting !== null}
        title="Delete the view?"
        confirmLabel="Delete view"
        onCancel={() => setDeleting(null)}
        onConfirm={() => {
          if (!deleting) return;
          const { id, version, name } = deleting;
          remove.mutate(
            { id, version },
            {
              onSuccess: () => notifications.show({ color: 'green', title: 'View deleted', message: `“${name}” is gone.` }),
              onError: failed('The view was not deleted'),
            },
          );
        }}
      >
        “{deleting?.name}” goes for you{deleting?.shared ? ' and for your team' : ''}. The list itself does not change.
      </ConfirmDialog>
    </div>
  );
}

type NameDialogProps = {
  opened: boolean;
  title: string;
  submitLabel: string;
  list: SavedViewList;
  search: string;
  /** Renaming this view; absent when saving a new one. */
  view?: SavedView;
  withSharing?: boolean;
  onClose: () => void;
};

/** The name (and, for a new view, whether the team sees it); the API's refusals shown beside the field. */
function NameDialog({ opened, title, submitLabel, list, search, view, withSharing, onClose }: NameDialogProps) {
  const [name, setName] = useState(view?.name ?? '');
  const [shared, setShared] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const create = useCreateSavedView();
  const update = useUpdateSavedView();
  const pending = create.isPending || update.isPending;

  const refused = (error: Error) => {
    if (error instanceof ApiError && Object.keys(error.fieldErrors).length) setErrors(error.fieldErrors);
    else setErrors({ form: error.message });
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) {
      setErrors({ name: 'Enter a name' });
      return;
    }
    setErrors({});
    if (view) {
      update.mutate(
        { id: view.id, version: view.version, input: { name } },
        {
          onSuccess: (saved) => {
            notifications.show({ color: 'green', title: 'View renamed', message: `“${view.name}” is now “${saved.name}”.` });
            onClose();
          },
          onError: refused,
        },
      );
    } else {
      create.mutate(
        { list, name, search, shared },
        {
          onSuccess: (saved) => {
            notifications.show({ color: 'green', title: 'View saved', message: `“${saved.name}” is a tab above the list now.` });
            onClose();
          },
          onError: refused,
        },
      );
    }
  };

  return (
    <Modal opened={opened} onClose={onClose} title={title} centered closeButtonProps={{ 'aria-label': 'Close without saving' }}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <TextInput
            label="Name"
            required
            data-autofocus
            maxLength={SAVED_VIEW_NAME_MAX}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={errors.name}
          />
          {withSharing && (
            <Checkbox
              label="Share with the team"
              description="Everyone who may see this list sees the view; only you can change or delete it."
              checked={shared}
              onChange={(e) => setShared(e.currentTarget.checked)}
            />
          )}
          {(errors.form ?? errors.search) && (
            <Text c="red" size="sm" role="alert">
              {errors.form ?? errors.search}
            </Text>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={pending}>
              {submitLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
