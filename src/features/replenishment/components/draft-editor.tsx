import { Alert, Button, Group, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { purchaseOrderUpdateSchema, type PurchaseOrder, type PurchaseOrderUpdate } from '@/contract/replenishment-schemas';
import { formatCents } from '@/contract/values/money';
import { poLabel } from '@/domain/purchase-decisions';
import { UnsavedChangesGuard } from '@/components/unsaved-changes-guard';
import { useAttemptKey } from '@/components/use-attempt-key';
import { applyFreshPurchaseOrder, useUpdatePurchaseOrder } from '../api/replenishment-mutations';
import { readPoFailure } from './po-failure';
import { linesFromOrder, placeErrors, PoLinesFields, toLineInputs, usePoForm, type PoForm } from './po-lines-form';

const toUpdate = (values: PoForm): PurchaseOrderUpdate => ({ lines: toLineInputs(values.lines), note: values.note });
const valuesOf = (po: PurchaseOrder): PoForm => ({
  supplierId: po.supplierId,
  locationId: po.locationId,
  lines: linesFromOrder(po.lines),
  note: po.note,
});

/**
 * A draft's lines and note, replaced whole at the version they were read (If-Match). Someone else's save
 * meanwhile is shown, with the choice to load theirs or to save these over it; nothing is overwritten unseen.
 */
export function DraftEditor({ po, onDone }: { po: PurchaseOrder; onDone: () => void }) {
  const queryClient = useQueryClient();
  const update = useUpdatePurchaseOrder();
  const attempt = useAttemptKey();
  const { form, server } = usePoForm(purchaseOrderUpdateSchema, toUpdate, valuesOf(po));
  const [base, setBase] = useState(po);
  const [conflict, setConflict] = useState<{ po: PurchaseOrder; message: string } | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const { handleSubmit, formState, reset } = form;

  async function save(values: PoForm, version = base.version) {
    setFormError(null);
    const input = toUpdate(values);
    try {
      const saved = await update.mutateAsync({ id: po.id, input, version, idempotencyKey: attempt.keyFor({ input, version }) });
      attempt.reset();
      server.clear();
      reset(valuesOf(saved));
      notifications.show({
        color: 'green',
        title: 'Draft saved',
        message: `${poLabel(saved.number)}: ${saved.lines.length} ${saved.lines.length === 1 ? 'line' : 'lines'}, ${formatCents(saved.total)}`,
      });
      onDone();
    } catch (error) {
      const failure = readPoFailure(error);
      if (failure.fresh) {
        applyFreshPurchaseOrder(queryClient, failure.fresh);
        setConflict({ po: failure.fresh, message: failure.message });
        return;
      }
      const unplaced = placeErrors(form, server, failure.fieldErrors);
      setFormError(
        Object.keys(failure.fieldErrors).length === 0
          ? failure.message
          : unplaced.join(' ') || 'Some lines need attention: see the messages beside them.',
      );
    }
  }

  return (
    <form onSubmit={handleSubmit((values) => save(values))} noValidate aria-label={`Edit ${poLabel(po.number)}`}>
      <UnsavedChangesGuard when={formState.isDirty && !formState.isSubmitting} />
      <Stack gap="sm">
        {conflict && (
          <Alert color="yellow" title="Someone else changed this purchase order" role="alert">
            {conflict.message} Nothing of yours was saved.
            <Group mt="sm" gap="xs">
              <Button
                size="xs"
                variant="light"
                onClick={() => {
                  setBase(conflict.po);
                  reset(valuesOf(conflict.po));
                  server.clear();
                  setConflict(null);
                  if (conflict.po.status !== 'draft') onDone();
                }}
              >
                Load theirs (discard mine)
              </Button>
              {conflict.po.status === 'draft' && (
                <Button
                  size="xs"
                  color="orange"
                  onClick={() => {
                    const fresh = conflict.po;
                    setConflict(null);
                    setBase(fresh);
                    void handleSubmit((values) => save(values, fresh.version))();
                  }}
                >
                  Save mine over theirs
                </Button>
              )}
            </Group>
          </Alert>
        )}
        {formError && (
          <Alert color="red" title="The draft was not saved" role="alert">
            {formError}
          </Alert>
        )}
        <PoLinesFields form={form} locationId={po.locationId} />
        <Group justify="flex-end">
          <Button
            variant="default"
            onClick={() => {
              reset(valuesOf(base));
              onDone();
            }}
          >
            Discard changes
          </Button>
          <Button type="submit" loading={update.isPending || formState.isSubmitting} disabled={!formState.isDirty}>
            Save draft
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
