import { Stack, Text } from '@mantine/core';
import type { z } from 'zod';
import type { orderNoteSchema } from '@/contract/order-schemas';
import { formatMoment } from '@/lib/date-format';

type Note = z.infer<typeof orderNoteSchema>;

/** Staff's internal notes (on an order, on a customer), newest first, each with who wrote it and when. */
export function NotesList({ notes }: { notes: readonly Note[] }) {
  if (notes.length === 0)
    return (
      <Text size="sm" c="dimmed" mb="xs">
        No notes yet.
      </Text>
    );
  return (
    <Stack gap="xs" mb="sm">
      {[...notes].reverse().map((n) => (
        <div key={n.id}>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {n.text}
          </Text>
          <Text size="xs" c="dimmed">
            {n.author.name} · <time dateTime={n.at}>{formatMoment(n.at)}</time>
          </Text>
        </div>
      ))}
    </Stack>
  );
}
