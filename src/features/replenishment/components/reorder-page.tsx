import { Alert, Anchor, Button, Group, List, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ColumnVisibilityState, RowSelectionState } from '@tanstack/react-table';
import { getRouteApi, useRouter } from '@tanstack/react-router';
import { useCallback, useMemo, useState, type ReactNode } from 'react';
import { ApiError } from '@/api/api-error';
import { referenceQueries } from '@/api/reference-queries';
import type { PurchaseOrder, ReorderDraftInput, ReorderRow } from '@/contract/replenishment-schemas';
import { formatCents } from '@/contract/values/money';
import { poLabel } from '@/domain/purchase-decisions';
import { useCan } from '@/components/current-user';
import { DataTable } from '@/components/data-table/data-table';
import { ExportCsvButton } from '@/components/export-csv-button';
import { PageHeader } from '@/components/page-header';
import { useAttemptKey } from '@/components/use-attempt-key';
import { useDraftFromReorder } from '../api/replenishment-mutations';
import { fetchReorderPage, reorderQueries } from '../api/replenishment-queries';
import { reorderSearchToQuery, type ReorderFilters as Filters } from '../search';
import { reorderColumns, reorderCsvColumns } from './reorder-columns';
import { ReorderDraftContext, reorderRowId, type Picked, type ReorderDraft } from './reorder-draft';
import { ReorderFilters } from './reorder-filters';
import { useStoreToday } from './use-store-today';

const route = getRouteApi('/reorder');

type ReorderPageProps = {
  /** A per-row action the app composes from another area (the level's reorder settings). */
  rowAction?: (row: ReorderRow, locationName: string) => ReactNode;
};

/**
 * The levels at or under their reorder point, what to order and by when. Rows chosen (on any page) become
 * draft purchase orders, one per supplier and location; each chosen row's quantity starts at the suggestion.
 */
export function ReorderPage({ rowAction }: ReorderPageProps) {
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const router = useRouter();
  const today = useStoreToday();
  const mayEdit = useCan('stock.edit');
  const query = reorderSearchToQuery(search);
  const list = useQuery({ ...reorderQueries.list(query), placeholderData: keepPreviousData });
  const locations = useQuery(referenceQueries.locations());
  const [columnVisibility, setColumnVisibility] = useState<ColumnVisibilityState>({ inTransit: false });
  const [picked, setPicked] = useState<Record<string, Picked>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [drafted, setDrafted] = useState<PurchaseOrder[]>([]);
  const draft = useDraftFromReorder();
  const attempt = useAttemptKey();

  const locationName = useMemo(() => {
    const names = new Map((locations.data?.items ?? []).map((l) => [l.id, l.name]));
    return (id: string) => names.get(id) ?? id;
  }, [locations.data]);
  const columns = useMemo(() => reorderColumns({ locationName, today, rowAction }), [locationName, today, rowAction]);

  const { page, pageSize, sort, ...filters } = search;
  const setFilters = useCallback(
    (changes: Partial<Filters>, options?: { replace?: boolean }) =>
      void navigate({ search: (prev) => ({ ...prev, ...changes, page: 1 }), replace: options?.replace }),
    [navigate],
  );

  const rowSelection: RowSelectionState = useMemo(() => Object.fromEntries(Object.keys(picked).map((id) => [id, true])), [picked]);
  const onRowSelectionChange = (next: RowSelectionState) => {
    const rows = new Map((list.data?.items ?? []).map((r) => [reorderRowId(r), r]));
    setPicked((prev) => {
      const out: Record<string, Picked> = {};
      for (const id of Object.keys(next)) {
        if (!next[id]) continue;
        const kept = prev[id];
        const row = kept?.row ?? rows.get(id);
        if (row) out[id] = kept ?? { row, quantity: row.suggestedQuantity };
      }
      return out;
    });
  };
  const context: ReorderDraft = useMemo(
    () => ({
      picked,
      errors,
      editable: mayEdit,
      setQuantity: (id, quantity) => setPicked((prev) => (prev[id] ? { ...prev, [id]: { ...prev[id], quantity } } : prev)),
    }),
    [picked, errors, mayEdit],
  );

  const chosen = Object.entries(picked);
  const invalid = chosen.some(([, p]) => !Number.isInteger(p.quantity) || p.quantity < 1);
  const total = chosen.reduce(
    (n, [, p]) => n + (p.row.unitCost !== null && Number.isInteger(p.quantity) ? p.quantity * p.row.unitCost : 0),
    0,
  );

  const openPo = (po: PurchaseOrder) =>
    void router.navigate({ to: '/purchase-orders/$purchaseOrderId', params: { purchaseOrderId: po.id } });
  const poLink = (po: PurchaseOrder) => (
    <Anchor
      href={router.buildLocation({ to: '/purchase-orders/$purchaseOrderId', params: { purchaseOrderId: po.id } }).href}
      onClick={(event) => {
        event.preventDefault();
        openPo(po);
      }}
    >
      {poLabel(po.number)}
    </Anchor>
  );
  const describe = (po: PurchaseOrder) => (
    <>
      {poLink(po)}: {po.supplierName}, {locationName(po.locationId)}, {po.lines.length} {po.lines.length === 1 ? 'line' : 'lines'},{' '}
      {formatCents(po.total)}
      {po.belowMinimum && ' (under the supplier’s minimum order)'}
    </>
  );

  async function draftOrders() {
    const ids = chosen.map(([id]) => id);
    const input: ReorderDraftInput = {
      items: chosen.map(([, p]) => ({ variantId: p.row.variantId, locationId: p.row.locationId, quantity: p.quantity })),
    };
    setErrors({});
    setFormError(null);
    try {
      const { purchaseOrders } = await draft.mutateAsync({ input, idempotencyKey: attempt.keyFor(input) });
      attempt.reset();
      setPicked({});
      setDrafted(purchaseOrders);
      notifications.show({
        color: 'green',
        title: `${purchaseOrders.length} draft purchase ${purchaseOrders.length === 1 ? 'order' : 'orders'} made`,
        autoClose: 10_000,
        message: (
          <List size="sm">
            {purchaseOrders.map((po) => (
              <List.Item key={po.id}>{describe(po)}</List.Item>
            ))}
          </List>
        ),
      });
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      const byRow: Record<string, string> = {};
      const unplaced: string[] = [];
      for (const [path, message] of Object.entries(error.fieldErrors)) {
        const match = /^items\.(\d+)\./.exec(path);
        const id = match ? ids[Number(match[1])] : undefined;
        if (id) byRow[id] = byRow[id] ? `${byRow[id]} ${message}` : message;
        else unplaced.push(message);
      }
      setErrors(byRow);
      const named = Object.keys(byRow).map((id) => `${picked[id]?.row.sku ?? id} at ${locationName(picked[id]?.row.locationId ?? '')}`);
      setFormError(
        [named.length ? `Some chosen rows need attention (see the message beside each): ${named.join('; ')}.` : '', ...unplaced]
          .filter(Boolean)
          .join(' ') || error.message,
      );
    }
  }

  return (
    <>
      <PageHeader
        title="Reorder"
        description="Levels at or under their reorder point: what to order and by when. Reorder-by dates are store days (New York, ET); a late one is before today."
      />
      <ReorderFilters filters={filters} today={today} onChange={setFilters} />
      {drafted.length > 0 && (
        <Alert color="green" title="Drafts made" mb="sm" withCloseButton closeButtonLabel="Dismiss" onClose={() => setDrafted([])}>
          <List size="sm">
            {drafted.map((po) => (
              <List.Item key={po.id}>{describe(po)}</List.Item>
            ))}
          </List>
        </Alert>
      )}
      {formError && (
        <Alert color="red" title="No purchase order was drafted" mb="sm" role="alert">
          {formError}
        </Alert>
      )}
      <ReorderDraftContext.Provider value={context}>
        <DataTable
          label="Reorder"
          columns={columns}
          query={list}
          getRowId={reorderRowId}
          getRowLabel={(r) => `${r.sku} at ${locationName(r.locationId)}`}
          view={{ page, pageSize, sort }}
          onViewChange={(view) => void navigate({ search: (prev) => ({ ...prev, ...view }) })}
          columnVisibility={columnVisibility}
          onColumnVisibilityChange={setColumnVisibility}
          rowSelection={mayEdit ? rowSelection : undefined}
          onRowSelectionChange={onRowSelectionChange}
          empty={
            <Text c="dimmed" ta="center" py="xl">
              Nothing to reorder with these filters.
            </Text>
          }
          actions={
            <Group gap="xs">
              {mayEdit && chosen.length > 0 && (
                <>
                  <Text size="sm" aria-live="polite">
                    {chosen.length} chosen, {formatCents(total)} at cost
                  </Text>
                  <Button size="xs" variant="subtle" onClick={() => setPicked({})}>
                    Clear choice
                  </Button>
                  <Button size="xs" onClick={() => void draftOrders()} loading={draft.isPending} disabled={invalid}>
                    Draft purchase orders
                  </Button>
                </>
              )}
              <ExportCsvButton
                filename="reorder.csv"
                columns={reorderCsvColumns(locationName)}
                fetchPage={(offset, limit) => fetchReorderPage({ ...query, offset, limit })}
              />
            </Group>
          }
        />
      </ReorderDraftContext.Provider>
    </>
  );
}
