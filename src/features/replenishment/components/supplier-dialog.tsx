import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Group, Modal, NumberInput, SimpleGrid, Stack, Table, TextInput } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { Controller, get, useForm, type Path, type Resolver } from 'react-hook-form';
import { ApiError } from '@/api/api-error';
import { MAX_LEAD_TIME_DAYS } from '@/contract/constants';
import { supplierInputSchema, supplierSchema, type Supplier, type SupplierInput } from '@/contract/replenishment-schemas';
import { formatCents } from '@/contract/values/money';
import { withServerErrors } from '@/components/forms/server-errors';
import { MoneyInput } from '@/components/money-input';
import { UnsavedChangesGuard } from '@/components/unsaved-changes-guard';
import { useAttemptKey } from '@/components/use-attempt-key';
import stacked from '@/components/stacked-table/stacked-table.module.css';
import { useCreateSupplier, useUpdateSupplier } from '../api/replenishment-mutations';

type SupplierForm = Required<SupplierInput>;

const EMPTY: SupplierForm = { name: '', contactName: '', email: '', phone: '', leadTimeDays: 14, minimumOrder: 0 };
const FIELDS = ['name', 'contactName', 'email', 'phone', 'leadTimeDays', 'minimumOrder'] as const;
const LABELS: Record<(typeof FIELDS)[number], string> = {
  name: 'Name',
  contactName: 'Contact',
  email: 'Email',
  phone: 'Phone',
  leadTimeDays: 'Lead time (days)',
  minimumOrder: 'Minimum order',
};
/** The answer a 409 brings: the supplier as it is now (its count of variants is not part of it). */
const currentSchema = supplierSchema.omit({ variantCount: true });
type Current = Omit<Supplier, 'variantCount'>;

const valuesOf = (s: Current): SupplierForm => ({
  name: s.name,
  contactName: s.contactName,
  email: s.email,
  phone: s.phone,
  leadTimeDays: s.leadTimeDays,
  minimumOrder: s.minimumOrder,
});
const show = (field: (typeof FIELDS)[number], v: SupplierForm) => {
  const value = v[field];
  if (field === 'minimumOrder') return Number.isInteger(value) ? formatCents(value as number) : '—';
  return String(value ?? '') || '—';
};

/**
 * Adds a supplier or changes one (If-Match: the version it was opened at). Someone else's save meanwhile
 * is shown field by field beside the person's own, and nothing is saved until they choose.
 */
export function SupplierDialog({ supplier, onClose }: { supplier: Supplier | null; onClose: () => void }) {
  const phone = useMediaQuery('(max-width: 48em)') ?? false;
  const create = useCreateSupplier();
  const update = useUpdateSupplier();
  const attempt = useAttemptKey();
  const [server] = useState(() => withServerErrors<SupplierForm>(zodResolver(supplierInputSchema) as unknown as Resolver<SupplierForm>));
  const form = useForm<SupplierForm>({
    resolver: server.resolver,
    defaultValues: supplier ? valuesOf(supplier) : EMPTY,
    mode: 'onTouched',
  });
  const { control, register, handleSubmit, formState, setError, reset, getValues } = form;
  const [base, setBase] = useState<Current | null>(supplier);
  const [conflict, setConflict] = useState<Current | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const title = supplier ? `Edit ${supplier.name}` : 'New supplier';

  async function save(values: SupplierForm, version = base?.version) {
    setFormError(null);
    try {
      const saved =
        base && version !== undefined
          ? await update.mutateAsync({ id: base.id, input: values, version })
          : await create.mutateAsync({ input: values, idempotencyKey: attempt.keyFor(values) });
      attempt.reset();
      server.clear();
      reset(valuesOf(saved));
      notifications.show({ color: 'green', title: base ? 'Supplier saved' : 'Supplier added', message: saved.name });
      onClose();
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      const current = currentSchema.safeParse(error.problem.current);
      if (error.isConflict && current.success) return void setConflict(current.data);
      const unplaced: string[] = [];
      Object.entries(error.fieldErrors).forEach(([path, message], i) => {
        if (!(FIELDS as readonly string[]).includes(path)) return void unplaced.push(message);
        server.refuse(path, get(values, path), message);
        setError(path as Path<SupplierForm>, { type: 'server', message }, { shouldFocus: i === 0 });
      });
      setFormError(Object.keys(error.fieldErrors).length === 0 ? error.message : unplaced.join(' ') || null);
    }
  }

  const rows =
    conflict && base
      ? FIELDS.filter((f) => show(f, valuesOf(base)) !== show(f, valuesOf(conflict))).map((f) => ({
          field: f,
          base: show(f, valuesOf(base)),
          theirs: show(f, valuesOf(conflict)),
          mine: show(f, getValues()),
        }))
      : [];

  return (
    <Modal opened onClose={onClose} title={title} size="lg" fullScreen={phone} closeButtonProps={{ 'aria-label': 'Close' }}>
      <UnsavedChangesGuard when={formState.isDirty && !formState.isSubmitting} />
      <form onSubmit={handleSubmit((values) => save(values))} noValidate aria-label={title}>
        <Stack gap="sm">
          {conflict && (
            <Alert color="yellow" title="Someone else changed this supplier" role="alert">
              It is now at version {conflict.version}; you opened version {base?.version}. Nothing of yours was saved.
              {rows.length > 0 ? (
                <Table aria-label="What changed" className={stacked.table} mt="xs" verticalSpacing={2}>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>Field</Table.Th>
                      <Table.Th>When you opened it</Table.Th>
                      <Table.Th>Saved by them</Table.Th>
                      <Table.Th>Yours (not saved)</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {rows.map((r) => (
                      <Table.Tr key={r.field}>
                        <Table.Td className={stacked.lead}>{LABELS[r.field]}</Table.Td>
                        <Table.Td data-label="When you opened it">{r.base}</Table.Td>
                        <Table.Td data-label="Saved by them" fw={600}>
                          {r.theirs}
                        </Table.Td>
                        <Table.Td data-label="Yours (not saved)">{r.mine}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              ) : (
                ' Their save changed nothing you can edit here.'
              )}
              <Group mt="sm" gap="xs">
                <Button
                  size="xs"
                  variant="light"
                  onClick={() => {
                    setBase(conflict);
                    reset(valuesOf(conflict));
                    server.clear();
                    setConflict(null);
                  }}
                >
                  Load theirs (discard mine)
                </Button>
                <Button
                  size="xs"
                  color="orange"
                  onClick={() => {
                    const fresh = conflict;
                    setBase(fresh);
                    setConflict(null);
                    void handleSubmit((values) => save(values, fresh.version))();
                  }}
                >
                  Save mine over theirs
                </Button>
              </Group>
            </Alert>
          )}
          {formError && (
            <Alert color="red" title="The supplier was not saved" role="alert">
              {formError}
            </Alert>
          )}
          <TextInput label="Name" required {...register('name')} error={formState.errors.name?.message} data-autofocus />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label="Contact" {...register('contactName')} error={formState.errors.contactName?.message} />
            <TextInput label="Email" type="email" {...register('email')} error={formState.errors.email?.message} />
            <TextInput label="Phone" type="tel" {...register('phone')} error={formState.errors.phone?.message} />
            <Controller
              control={control}
              name="leadTimeDays"
              render={({ field, fieldState }) => (
                <NumberInput
                  label="Lead time (days)"
                  description="From sending an order to its delivery"
                  required
                  min={1}
                  max={MAX_LEAD_TIME_DAYS}
                  allowDecimal={false}
                  allowNegative={false}
                  value={Number.isNaN(field.value) ? '' : field.value}
                  onChange={(v) => field.onChange(typeof v === 'number' ? v : v === '' ? Number.NaN : Number(v))}
                  onBlur={field.onBlur}
                  error={fieldState.error?.message}
                />
              )}
            />
            <Controller
              control={control}
              name="minimumOrder"
              render={({ field, fieldState }) => (
                <MoneyInput
                  label="Minimum order"
                  description="The smallest order they take; 0 for none"
                  value={field.value}
                  onChange={(v) => field.onChange(v ?? Number.NaN)}
                  onBlur={field.onBlur}
                  error={fieldState.error?.message}
                />
              )}
            />
          </SimpleGrid>
          <Group justify="flex-end" mt="xs">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending || update.isPending || formState.isSubmitting}>
              {supplier ? 'Save supplier' : 'Add supplier'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
