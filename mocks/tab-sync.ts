/**
 * Makes the tabs of one browser behave like one server: writes are
 * serialised with navigator.locks, every write is saved to the IndexedDB
 * overlay and broadcast to the other tabs, and before writing a tab catches
 * up from IndexedDB, because a broadcast may still be in flight when the
 * lock is granted. Without that catch-up, a stale tab could pass a version
 * check that the other tab's save already made stale.
 */
import { storeDate } from '../src/domain/store-time';
import { Overlay } from './overlay';
import type { ChangeSet } from './records';
import { SETTINGS_STORAGE_KEY, type MockSettings } from './settings';
import { anchorAt } from '../src/demo-shop/seed';
import { localSync, type MockDb, type MockSync } from './store';

type Message =
  | { type: 'changes'; shop: string; changes: ChangeSet }
  /** A large change (a bulk price batch): other tabs read it from IndexedDB rather than from a copy of megabytes. */
  | { type: 'changed'; shop: string; seq: number }
  | { type: 'reset'; shop: string; anchorMs: number }
  | { type: 'settings'; settings: MockSettings; anchorMs: number };

/** Beyond this many products or repriced variants, a change is announced rather than sent: cloning it for the channel costs more than the other tab reading it. */
const BROADCAST_LIMIT = 64;

export type TabSyncOptions = {
  /** For tests: fake-indexeddb's factory, another channel name, no locks. */
  indexedDB?: IDBFactory;
  channelName?: string;
  locks?: LockManager | null;
  storage?: Storage | null;
  /**
   * When `storage` is a copy of the tabs' shared one (the worker's, of its page's localStorage): brought up to date
   * inside the write lock before the write reads anything, and written back before the lock is let go.
   */
  shared?: { pull(): Promise<void>; push(): Promise<void> };
};

export type TabSync = MockSync & {
  /** Stops listening to other tabs and closes the database (tests; a page just goes away). */
  close(): void;
};

export const CHANNEL_NAME = 'stockroom-mock';

/** The Web Lock that lets one tab write a shop at a time. */
export function writeLockName(shopKey: string): string {
  return `stockroom-mock:${shopKey}`;
}

/**
 * When each shop was made, in localStorage: the shop and its saved changes stay
 * together across reloads. A shop made on an earlier store day that holds no
 * saved changes is made again at now, so the demo is always current; one with
 * changes keeps its day until "Reset demo data" makes it again (nothing is lost).
 */
const anchorKey = (shopKey: string) => `stockroom.mock.anchor.${shopKey}`;

function savedAnchor(storage: Storage | null, shopKey: string): number | undefined {
  try {
    const ms = Number(storage?.getItem(anchorKey(shopKey)) ?? NaN);
    return Number.isFinite(ms) && ms > 0 ? ms : undefined;
  } catch {
    return undefined;
  }
}

function chooseAnchor(saved: number | undefined, changed: boolean, now: number): number {
  return saved !== undefined && (changed || storeDate(saved) === storeDate(now)) ? saved : anchorAt(now);
}

/** Whether the shop's overlay holds changes, and the anchor kept beside them (the truth when localStorage lost it). */
async function overlayState(overlay: Overlay): Promise<{ changed: boolean; anchor: number | undefined }> {
  const [empty, anchor] = await Promise.all([overlay.isEmpty(), overlay.anchor()]);
  return { changed: !empty, anchor };
}

/** The instant the shop of these settings is (or is to be) made at; read before seeding, so a load seeds once. */
export async function shopAnchor(
  shopKey: string,
  now: number,
  options: Pick<TabSyncOptions, 'indexedDB' | 'storage'> = {},
): Promise<number> {
  const saved = savedAnchor(options.storage === undefined ? (globalThis.localStorage ?? null) : options.storage, shopKey);
  if (saved !== undefined && storeDate(saved) === storeDate(now)) return saved;
  let state = { changed: false, anchor: saved };
  try {
    const overlay = await Overlay.open(shopKey, options.indexedDB ?? globalThis.indexedDB);
    try {
      state = await overlayState(overlay);
    } finally {
      overlay.close();
    }
  } catch {
    // No IndexedDB: nothing can have been saved.
  }
  return chooseAnchor(state.anchor ?? saved, state.changed, now);
}

/** Loads the overlay of the db's current shop into it and keeps it in step with other tabs from then on. */
export async function connectTabs(db: MockDb, options: TabSyncOptions = {}): Promise<TabSync> {
  const factory = options.indexedDB ?? globalThis.indexedDB;
  const locks = options.locks === undefined ? (globalThis.navigator?.locks ?? null) : options.locks;
  const storage = options.storage === undefined ? (globalThis.localStorage ?? null) : options.storage;
  const channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(options.channelName ?? CHANNEL_NAME);
  const inTab = localSync();
  let overlay: Overlay | null = null;
  /** The overlay's count of resets that this tab's shop reflects (Overlay.resets). */
  let knownResets = 0;

  const post = (message: Message) => channel?.postMessage(message);

  async function catchUp(): Promise<void> {
    if (!overlay || (await overlay.latestSeq()) <= db.seq) return;
    const news = await overlay.readSince(db.seq);
    db.applyRecords(news.seq, news.products, news.orders, news.movements, news.idempotency);
    // Price patches after whole records: a patch older than its product's saved record is already in it.
    for (const { seq, changes } of news.pricing) db.applyPricing(seq, changes);
  }

  /**
   * Another tab made this shop again (a reset, or a new store day) since this tab last looked, and its message may still
   * be on its way: the shop is made again here, at that tab's instant, before anything else, so no write lands on the
   * shop as it was before. A reset within the same minute keeps the instant, so resets are counted too.
   */
  async function followReset(): Promise<void> {
    if (!overlay) return;
    const resets = await overlay.resets();
    const anchor = await overlay.anchor();
    if (resets === knownResets && (anchor === undefined || anchor === db.anchorMs)) return;
    knownResets = resets;
    db.reanchor(anchor ?? db.anchorMs);
    await catchUp();
  }

  /** (Re)attaches the overlay of the db's current shop and applies it over the fresh seed. */
  async function attach(): Promise<void> {
    overlay?.close();
    overlay = null;
    try {
      overlay = await Overlay.open(db.shopKey, factory);
      knownResets = await overlay.resets();
      await reanchorIfNeeded();
      await catchUp();
    } catch (error) {
      // Private windows may refuse IndexedDB: the mock still works, changes just do not survive a reload.
      console.warn('[mock] IndexedDB unavailable; changes will not persist', error);
    }
  }

  /** The shop these changes belong to (settings may have switched to a shop made on another day). */
  async function reanchorIfNeeded(): Promise<void> {
    const local = savedAnchor(storage, db.shopKey);
    const { changed, anchor } = overlay ? await overlayState(overlay) : { changed: false, anchor: undefined };
    const saved = anchor ?? local;
    const anchorMs = chooseAnchor(saved, changed, db.now());
    if (anchorMs !== db.anchorMs) db.reanchor(anchorMs);
    if (anchorMs !== local || anchorMs !== anchor) await saveAnchor();
    if (anchorMs !== saved) {
      // Tabs still showing the shop of an earlier day make the same one.
      post({ type: 'reset', shop: db.shopKey, anchorMs });
    }
  }

  /** Beside the changes (the truth) and in localStorage (read before seeding, so a load seeds once). */
  async function saveAnchor(): Promise<void> {
    try {
      storage?.setItem(anchorKey(db.shopKey), String(db.anchorMs));
    } catch {
      // Storage can be full or disabled: the overlay still has it.
    }
    await overlay?.setAnchor(db.anchorMs);
  }

  function saveSettings(settings: MockSettings): void {
    storage?.setItem(SETTINGS_STORAGE_KEY, JSON.stringify(settings));
  }

  if (channel) {
    channel.onmessage = (event: MessageEvent<Message>) => {
      const message = event.data;
      if (message.type === 'changes' && message.shop === db.shopKey) {
        // Tabs' messages may cross: a change applies directly only right after the last one seen, or a price
        // patch could land on a record missing an earlier change. A gap is filled from IndexedDB, in order.
        if (message.changes.seq === db.seq + 1) db.applyChanges(message.changes);
        else if (message.changes.seq > db.seq) void inTab.exclusive(catchUp);
      } else if (message.type === 'changed' && message.shop === db.shopKey) void inTab.exclusive(catchUp);
      // Once, whether this message or a write (followReset) notices the reset first.
      else if (message.type === 'reset' && message.shop === db.shopKey) void inTab.exclusive(followReset);
      else if (message.type === 'settings') {
        const shopChanged =
          message.settings.seed !== db.settings.seed ||
          message.settings.products !== db.settings.products ||
          message.settings.orders !== db.settings.orders;
        db.settings = message.settings;
        if (shopChanged) {
          db.reseed({ anchorMs: message.anchorMs });
          void inTab.exclusive(attach);
        }
      }
    };
  }

  // In the queue, so a settings message that arrives meanwhile attaches after this, not beside it.
  await inTab.exclusive(attach);

  return {
    exclusive<T>(work: () => Promise<T>): Promise<T> {
      const run = async () => {
        await options.shared?.pull();
        try {
          await followReset();
          await catchUp();
          return await work();
        } finally {
          await options.shared?.push();
        }
      };
      // The in-tab queue also covers browsers without navigator.locks.
      return inTab.exclusive(() => (locks ? locks.request(writeLockName(db.shopKey), run) : run()));
    },
    async committed(changes) {
      try {
        await overlay?.save(changes);
      } catch (error) {
        // The change is already applied in memory and answered; failing the request now would make the client retry into a 409.
        console.warn('[mock] could not persist a change; it will be lost on reload', error);
      }
      post(
        changes.products.length + (changes.pricing?.history.length ?? 0) > BROADCAST_LIMIT
          ? { type: 'changed', shop: db.shopKey, seq: changes.seq }
          : { type: 'changes', shop: db.shopKey, changes },
      );
    },
    async reset() {
      await overlay?.clear();
      knownResets = (await overlay?.resets()) ?? knownResets;
      await saveAnchor();
      post({ type: 'reset', shop: db.shopKey, anchorMs: db.anchorMs });
    },
    async settingsChanged(settings, reseeded) {
      saveSettings(settings);
      if (reseeded) await inTab.exclusive(attach);
      post({ type: 'settings', settings, anchorMs: db.anchorMs });
    },
    close() {
      channel?.close();
      overlay?.close();
    },
  };
}
