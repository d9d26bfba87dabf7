import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Group, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useForm } from 'react-hook-form';
import { ApiError } from '@/api/api-error';
import { noteInputSchema, type NoteInput } from '@/contract/order-schemas';
import { UnsavedChangesGuard } from '@/components/unsaved-changes-guard';
import { useAttemptKey } from '@/components/use-attempt-key';
import { useAddCustomerNote } from '../api/customer-mutations';

/** An internal note on a customer: only staff see it; the customer's timeline records who wrote it. */
export function CustomerNoteForm({ customerId, customerName }: { customerId: string; customerName: string }) {
  const add = useAddCustomerNote(customerId);
  const attempt = useAttemptKey();
  const form = useForm<NoteInput>({ resolver: zodResolver(noteInputSchema), defaultValues: { text: '' } });
  const { register, handleSubmit, setError, reset, formState } = form;

  const submit = handleSubmit(async (input) => {
    try {
      await add.mutateAsync({ input, idempotencyKey: attempt.keyFor(input) });
      attempt.reset();
      reset({ text: '' });
      notifications.show({ color: 'green', title: 'Note added', message: `On ${customerName}` });
    } catch (failure) {
      if (!(failure instanceof ApiError)) throw failure;
      setError('text', { type: 'server', message: failure.fieldErrors.text ?? failure.message }, { shouldFocus: true });
    }
  });

  return (
    <form onSubmit={(event) => void submit(event)} noValidate aria-label="Add a note">
      <UnsavedChangesGuard when={formState.isDirty && !formState.isSubmitting} />
      <Textarea
        label="Add a note"
        description="Internal: only staff see it"
        autosize
        minRows={2}
        maxRows={6}
        {...register('text')}
        error={formState.errors.text?.message}
      />
      <Group justify="flex-end" mt="xs">
        <Button type="submit" size="xs" variant="light" loading={add.isPending} disabled={add.isPending}>
          Add note
        </Button>
      </Group>
    </form>
  );
}
