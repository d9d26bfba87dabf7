import { useMutation, type QueryClient } from '@tanstack/react-query';
import { request } from '@/api/client';
import { queryKeys, STOCK_MOVED } from '@/api/query-keys';
import {
  variantSupplySchema,
  type ReorderPolicyInput,
  type VariantSupply,
  type VariantSupplyInput,
} from '@/contract/replenishment-schemas';
import {
  inventoryLevelSchema,
  receiptResultSchema,
  stockChangeResultSchema,
  type AdjustmentInput,
  type InventoryLevel,
  type ReceiptInput,
  type TransferInput,
  type TransitTransfer,
} from '@/contract/stock-schemas';
import { inventoryQueries } from './inventory-queries';

/**
 * Each attempt carries its own Idempotency-Key, made by the dialog when the
 * attempt starts and sent again unchanged if the same attempt is retried.
 */
export type Keyed<T> = { input: T; idempotencyKey: string };

/**
 * A stock change moves the inventory lists, the ledger, every product's stock column
 * and the items running out. A refused one (409: the level changed since) leaves the
 * lists stale; the dialog puts the fresh numbers in front of the person (applyFreshLevels).
 */
const STOCK_CHANGE = { invalidates: STOCK_MOVED, invalidatesOnConflict: [queryKeys.inventory.lists] } as const;

export function useAdjustStock() {
  return useMutation({
    mutationFn: ({ input, idempotencyKey }: Keyed<AdjustmentInput>) =>
      request('POST', '/inventory/adjustments', { schema: stockChangeResultSchema, body: input, idempotencyKey }),
    meta: STOCK_CHANGE,
  });
}

export function useTransferStock() {
  return useMutation({
    mutationFn: ({ input, idempotencyKey }: Keyed<TransferInput>) =>
      request('POST', '/inventory/transfers', { schema: stockChangeResultSchema, body: input, idempotencyKey }),
    meta: STOCK_CHANGE,
  });
}

export function useSetThreshold() {
  return useMutation({
    mutationFn: ({ level, threshold }: { level: Pick<InventoryLevel, 'variantId' | 'locationId' | 'version'>; threshold: number }) =>
      request('PUT', `/inventory/levels/${encodeURIComponent(level.variantId)}/${encodeURIComponent(level.locationId)}/threshold`, {
        schema: inventoryLevelSchema,
        body: { threshold },
        ifMatch: level.version,
      }),
    // A threshold moves no units, but it changes the level's state, the low-stock view and the items running out.
    meta: {
      invalidates: [queryKeys.inventory.all, queryKeys.reports.all, queryKeys.alerts.all],
      invalidatesOnConflict: [queryKeys.inventory.lists],
    },
  });
}

/** A level's reorder settings; what is a level's own type, so the reorder view's rows can be passed as they are. */
export type ReorderLevelRef = Pick<InventoryLevel, 'variantId' | 'locationId' | 'version'>;

export function useSetReorderPolicy() {
  return useMutation({
    mutationFn: ({ level, input }: { level: ReorderLevelRef; input: ReorderPolicyInput }) =>
      request('PUT', `/inventory/levels/${encodeURIComponent(level.variantId)}/${encodeURIComponent(level.locationId)}/reorder`, {
        schema: inventoryLevelSchema,
        body: input,
        ifMatch: level.version,
      }),
    // A new point moves no units, but it can put a level under its point (an alert) or take it off the reorder view.
    meta: {
      invalidates: [queryKeys.inventory.all, queryKeys.alerts.all],
      invalidatesOnConflict: [queryKeys.inventory.lists],
    },
  });
}

/**
 * Who supplies a variant: its supplier's lead time moves the suggested reorder point of every level of it. Sent with
 * the version read (If-Match), so a colleague's change in between is refused (409, with what is set now) rather than
 * overwritten; the supply and the suppliers are then read again.
 */
export function useSetVariantSupply() {
  return useMutation({
    mutationFn: ({ supply, input }: { supply: Pick<VariantSupply, 'variantId' | 'version'>; input: VariantSupplyInput }) =>
      request('PUT', `/variants/${encodeURIComponent(supply.variantId)}/supply`, {
        schema: variantSupplySchema,
        body: input,
        ifMatch: supply.version,
      }),
    meta: {
      invalidates: [queryKeys.suppliers.all, queryKeys.inventory.all, queryKeys.alerts.all],
      invalidatesOnConflict: [queryKeys.suppliers.all],
    },
  });
}

/**
 * A transfer in transit arrives: its units join the destination's on hand. The
 * transfer's version rides in If-Match, so a transfer received already (by a
 * colleague, or in another tab) is refused (409) instead of counted twice.
 */
export function useReceiveTransfer() {
  return useMutation({
    mutationFn: ({ transfer, idempotencyKey }: { transfer: Pick<TransitTransfer, 'id' | 'version'>; idempotencyKey: string }) =>
      request('POST', `/inventory/transfers/${encodeURIComponent(transfer.id)}/receive`, {
        schema: stockChangeResultSchema,
        ifMatch: transfer.version,
        idempotencyKey,
      }),
    meta: { invalidates: STOCK_MOVED, invalidatesOnConflict: [queryKeys.inventory.all] },
  });
}

/** A dry run (no key, nothing applied: nothing refreshed) or the real thing (with the key of this file's attempt). */
export function useReceiveDelivery() {
  return useMutation({
    mutationFn: ({ input, idempotencyKey }: { input: ReceiptInput; idempotencyKey?: string }) =>
      request('POST', '/inventory/receipts', { schema: receiptResultSchema, body: input, idempotencyKey }),
    meta: { invalidates: STOCK_MOVED, onlyWhenApplied: true },
  });
}

/**
 * A 409's fresh numbers, put where the dialogs read them, so the person sees
 * what the stock is now before deciding again. (The lists were refreshed by the
 * mutation's meta, invalidatesOnConflict.)
 */
export function applyFreshLevels(queryClient: QueryClient, levels: InventoryLevel[]): void {
  for (const variantId of new Set(levels.map((l) => l.variantId))) {
    const fresh = levels.filter((l) => l.variantId === variantId);
    queryClient.setQueryData(inventoryQueries.variant(variantId).queryKey, (old) =>
      old
        ? {
            ...old,
            items: old.items.map((item) => fresh.find((f) => f.locationId === item.locationId) ?? item),
          }
        : old,
    );
  }
}
