import { Alert, Button, Card, Group, Select, SimpleGrid, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { Controller, useWatch } from 'react-hook-form';
import { referenceQueries } from '@/api/reference-queries';
import { purchaseOrderInputSchema, type PurchaseOrderInput } from '@/contract/replenishment-schemas';
import { formatCents } from '@/contract/values/money';
import { poLabel } from '@/domain/purchase-decisions';
import { AnchorLink } from '@/components/anchor-link';
import { useCan } from '@/components/current-user';
import { NotAllowed } from '@/components/not-allowed';
import { PageHeader } from '@/components/page-header';
import { UnsavedChangesGuard } from '@/components/unsaved-changes-guard';
import { useAttemptKey } from '@/components/use-attempt-key';
import { useCreatePurchaseOrder } from '../api/replenishment-mutations';
import { supplierQueries } from '../api/replenishment-queries';
import { readPoFailure } from './po-failure';
import { placeErrors, PoLinesFields, toLineInputs, usePoForm, type PoForm } from './po-lines-form';

const toInput = (values: PoForm): PurchaseOrderInput => ({
  supplierId: values.supplierId,
  locationId: values.locationId,
  lines: toLineInputs(values.lines),
  note: values.note,
});

/** A purchase order by hand: a supplier, where it is delivered, and its lines. It starts as a draft. */
export function PurchaseOrderCreatePage() {
  const mayEdit = useCan('stock.edit');
  return mayEdit ? <CreateForm /> : <NotAllowed action="stock.edit" screen="A new purchase order" />;
}

function CreateForm() {
  const navigate = useNavigate();
  const suppliers = useQuery(supplierQueries.list());
  const locations = useQuery(referenceQueries.locations());
  const create = useCreatePurchaseOrder();
  const attempt = useAttemptKey();
  const { form, server } = usePoForm(purchaseOrderInputSchema, toInput, { supplierId: '', locationId: '', lines: [], note: '' });
  const { control, handleSubmit, formState } = form;
  const [formError, setFormError] = useState<string | null>(null);
  const locationId = useWatch({ control, name: 'locationId' });

  async function submit(values: PoForm) {
    setFormError(null);
    const input = toInput(values);
    try {
      const po = await create.mutateAsync({ input, idempotencyKey: attempt.keyFor(input) });
      attempt.reset();
      notifications.show({
        color: 'green',
        title: `${poLabel(po.number)} drafted`,
        message: `${po.supplierName}, ${formatCents(po.total)}`,
      });
      // Saved: nothing is left to lose on the way to its page.
      void navigate({ to: '/purchase-orders/$purchaseOrderId', params: { purchaseOrderId: po.id }, ignoreBlocker: true });
    } catch (error) {
      const failure = readPoFailure(error);
      const unplaced = placeErrors(form, server, failure.fieldErrors);
      setFormError(
        Object.keys(failure.fieldErrors).length === 0
          ? failure.message
          : unplaced.join(' ') || 'Some fields need attention: see the messages beside them.',
      );
    }
  }

  return (
    <form onSubmit={handleSubmit(submit)} noValidate aria-label="New purchase order">
      <UnsavedChangesGuard when={formState.isDirty && !formState.isSubmitting} />
      <AnchorLink to="/purchase-orders" size="sm">
        ← Purchase orders
      </AnchorLink>
      <PageHeader title="New purchase order" description="Saved as a draft: check it, then send it to the supplier from its page." />
      <Stack gap="md">
        {formError && (
          <Alert color="red" title="The purchase order was not saved" role="alert">
            {formError}
          </Alert>
        )}
        <Card withBorder>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Controller
              control={control}
              name="supplierId"
              render={({ field, fieldState }) => (
                <Select
                  label="Supplier"
                  required
                  searchable
                  data={(suppliers.data?.items ?? []).map((s) => ({ value: s.id, label: s.name }))}
                  value={field.value || null}
                  onChange={(v) => field.onChange(v ?? '')}
                  onBlur={field.onBlur}
                  error={fieldState.error?.message}
                />
              )}
            />
            <Controller
              control={control}
              name="locationId"
              render={({ field, fieldState }) => (
                <Select
                  label="Deliver to"
                  required
                  data={(locations.data?.items ?? []).map((l) => ({ value: l.id, label: l.name }))}
                  value={field.value || null}
                  onChange={(v) => field.onChange(v ?? '')}
                  onBlur={field.onBlur}
                  error={fieldState.error?.message}
                />
              )}
            />
          </SimpleGrid>
        </Card>
        <PoLinesFields form={form} locationId={locationId} />
        <Group justify="flex-end">
          <Button type="submit" loading={create.isPending || formState.isSubmitting}>
            Save draft
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
