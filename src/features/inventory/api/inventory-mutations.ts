import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { request } from '@/api/client';
import {
  inventoryLevelSchema,
  receiptResultSchema,
  stockChangeResultSchema,
  type AdjustmentInput,
  type InventoryLevel,
  type ReceiptInput,
  type TransferInput,
} from '@/contract/stock-schemas';
import { inventoryQueries } from './inventory-queries';

/**
 * A stock change moves the inventory lists, the ledger and every product's
 * stock column. The products feature's key is named here rather than imported:
 * a feature never imports another.
 */
function invalidateStock(queryClient: QueryClient) {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: inventoryQueries.all() }),
    queryClient.invalidateQueries({ queryKey: ['products', 'list'] }),
    queryClient.invalidateQueries({ queryKey: ['products', 'detail'] }),
  ]);
}

/**
 * Each attempt carries its own Idempotency-Key, made by the dialog when the
 * attempt starts and sent again unchanged if the same attempt is retried.
 */
export type Keyed<T> = { input: T; idempotencyKey: string };

export function useAdjustStock() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ input, idempotencyKey }: Keyed<AdjustmentInput>) =>
      request('POST', '/inventory/adjustments', { schema: stockChangeResultSchema, body: input, idempotencyKey }),
    onSuccess: () => invalidateStock(queryClient),
  });
}

export function useTransferStock() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ input, idempotencyKey }: Keyed<TransferInput>) =>
      request('POST', '/inventory/transfers', { schema: stockChangeResultSchema, body: input, idempotencyKey }),
    onSuccess: () => invalidateStock(queryClient),
  });
}

export function useSetThreshold() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ level, threshold }: { level: Pick<InventoryLevel, 'variantId' | 'locationId' | 'version'>; threshold: number }) =>
      request('PUT', `/inventory/levels/${encodeURIComponent(level.variantId)}/${encodeURIComponent(level.locationId)}/threshold`, {
        schema: inventoryLevelSchema,
        body: { threshold },
        ifMatch: level.version,
      }),
    // A threshold moves no units, but it changes the level's state and the low-stock view.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: inventoryQueries.all() }),
  });
}

/** A dry run (no key, nothing applied) or the real thing (with the key of this file's attempt). */
export function useReceiveDelivery() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ input, idempotencyKey }: { input: ReceiptInput; idempotencyKey?: string }) =>
      request('POST', '/inventory/receipts', { schema: receiptResultSchema, body: input, idempotencyKey }),
    onSuccess: (result) => (result.applied ? invalidateStock(queryClient) : undefined),
  });
}

/**
 * A 409's fresh numbers, put where the dialogs read them, so the person sees
 * what the stock is now before deciding again.
 */
export function applyFreshLevels(queryClient: QueryClient, levels: InventoryLevel[]) {
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
  return queryClient.invalidateQueries({ queryKey: inventoryQueries.lists(), refetchType: 'active' });
}
