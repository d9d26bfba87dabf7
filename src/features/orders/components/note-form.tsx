import { Button, Group, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { ApiError } from '@/api/api-error';
import type { NoteInput } from '@/contract/order-schemas';
import { useAttemptKey } from '@/components/use-attempt-key';
import { useAddOrderNote } from '../api/order-mutations';

const MAX_NOTE = 2000;

/** An internal note: the customer never sees it; the timeline records who wrote it. */
export function NoteForm({ orderId, orderNumber }: { orderId: string; orderNumber: number }) {
  const add = useAddOrderNote(orderId);
  const attempt = useAttemptKey();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const trimmed = text.trim();
    if (!trimmed) return setError('Write a note');
    if (trimmed.length > MAX_NOTE) return setError('Keep the note under 2,000 characters');
    setError(null);
    const input: NoteInput = { text: trimmed };
    try {
      await add.mutateAsync({ input, idempotencyKey: attempt.keyFor(input) });
      attempt.reset();
      setText('');
      notifications.show({ color: 'green', title: 'Note added', message: `On order #${orderNumber}` });
    } catch (failure) {
      if (!(failure instanceof ApiError)) throw failure;
      setError(failure.fieldErrors.text ?? failure.message);
    }
  }

  return (
    <form onSubmit={submit} noValidate aria-label="Add a note">
      <Textarea
        label="Add a note"
        description="Internal: only staff see it"
        autosize
        minRows={2}
        maxRows={6}
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
        error={error}
      />
      <Group justify="flex-end" mt="xs">
        <Button type="submit" size="xs" variant="light" loading={add.isPending}>
          Add note
        </Button>
      </Group>
    </form>
  );
}
