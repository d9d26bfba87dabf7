import { Alert, Button, Card, Group, NativeSelect, NumberInput, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { z } from 'zod';
import { request } from '@/api/client';
import { ConfirmDialog } from '@/components/confirm-dialog';
import { formatMoment } from '@/lib/date-format';

/** The mock API's own knobs. They exist only in demo mode and are not part of the commerce contract. */
const mockSettingsSchema = z.object({
  latencyMs: z.number().int().min(0).max(10_000),
  failureRate: z.number().min(0).max(1),
  products: z.number().int().min(1),
  orders: z.number().int().min(0),
  seed: z.number().int(),
  /** When the shop was made: its orders run up to then. */
  madeAt: z.string(),
});
type MockSettings = z.infer<typeof mockSettingsSchema>;
const okSchema = z.unknown();

const SCALES = [300, 2000, 10_000, 50_000];
const ORDER_SCALES = [6000, 40_000, 200_000];

/** The offered sizes plus the running one (a URL such as ?mock.products=5000 can set any), in order. */
const choices = (offered: number[], running: number) =>
  [...new Set([...offered, running])].sort((a, b) => a - b).map((n) => ({ value: String(n), label: n.toLocaleString('en-US') }));

export function DemoDataPanel() {
  const settings = useQuery({
    queryKey: ['mock', 'settings'],
    queryFn: () => request('GET', '/_mock/settings', { schema: mockSettingsSchema }),
  });
  return (
    <Card withBorder maw={640}>
      <Stack gap="sm">
        <Title order={2} size="h4">
          Demo data
        </Title>
        <Text size="sm" c="dimmed">
          Stockroom is running on its built-in mock API. Your changes are kept in this browser until you reset.
        </Text>
        {settings.error && <Alert color="red">{settings.error.message}</Alert>}
        {settings.data && <DemoSettingsForm current={settings.data} />}
      </Stack>
    </Card>
  );
}

function DemoSettingsForm({ current }: { current: MockSettings }) {
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState(current);
  const [confirmingReset, setConfirmingReset] = useState(false);

  const save = useMutation({
    // What can be set; when the shop was made is the mock's to say.
    mutationFn: (next: MockSettings) =>
      request('PUT', '/_mock/settings', { schema: mockSettingsSchema, body: { ...next, madeAt: undefined } }),
    onSuccess: (saved) => {
      queryClient.setQueryData(['mock', 'settings'], saved);
      // Another catalogue size, order count or seed is another shop: start the app on it.
      if (saved.products !== current.products || saved.orders !== current.orders || saved.seed !== current.seed) window.location.reload();
      else
        notifications.show({
          color: 'green',
          title: 'Demo settings saved',
          message: `Latency ${saved.latencyMs} ms, failures ${Math.round(saved.failureRate * 100)} %`,
        });
    },
    onError: (e) => notifications.show({ color: 'red', title: 'Not saved', message: e.message }),
  });
  const reset = useMutation({
    mutationFn: () => request('POST', '/_mock/reset', { schema: okSchema }),
    // Another shop: everything cached is stale.
    meta: { invalidates: 'everything' },
    onSuccess: () => {
      notifications.show({
        color: 'green',
        title: 'Demo data reset',
        message: 'The seeded shop is made again, with its orders up to now.',
      });
    },
  });

  return (
    <Stack gap="sm">
      <Text size="sm">
        This shop was made {formatMoment(current.madeAt)}: its two years of orders run up to then. A shop with nothing changed in it is made
        again on the next day you open it; one with your changes keeps its day until you reset it.
      </Text>
      <Group grow align="flex-start">
        <NumberInput
          label="Added latency (ms)"
          description="Every request waits this long"
          min={0}
          max={10_000}
          step={100}
          value={draft.latencyMs}
          onChange={(v) => setDraft({ ...draft, latencyMs: typeof v === 'number' ? v : 0 })}
        />
        <NumberInput
          label="Failure rate (%)"
          description="Share of requests that fail with 503"
          min={0}
          max={100}
          value={Math.round(draft.failureRate * 100)}
          onChange={(v) => setDraft({ ...draft, failureRate: (typeof v === 'number' ? v : 0) / 100 })}
        />
      </Group>
      <Group grow align="flex-start">
        <NativeSelect
          label="Catalogue size (products)"
          description="Changing it reloads the app with a new shop"
          data={choices(SCALES, draft.products)}
          value={String(draft.products)}
          onChange={(event) => setDraft({ ...draft, products: Number(event.currentTarget.value) })}
        />
        <NativeSelect
          label="Orders (two years of them)"
          description="Changing it reloads the app with a new shop"
          data={choices(ORDER_SCALES, draft.orders)}
          value={String(draft.orders)}
          onChange={(event) => setDraft({ ...draft, orders: Number(event.currentTarget.value) })}
        />
        <NumberInput
          label="Seed"
          description="Same seed, same shop"
          value={draft.seed}
          allowDecimal={false}
          onChange={(v) => setDraft({ ...draft, seed: typeof v === 'number' ? v : draft.seed })}
        />
      </Group>
      <Group justify="space-between">
        <Button color="red" variant="light" loading={reset.isPending} onClick={() => setConfirmingReset(true)}>
          Reset demo data
        </Button>
        <Button onClick={() => save.mutate(draft)} loading={save.isPending}>
          Save demo settings
        </Button>
      </Group>
      <ConfirmDialog
        opened={confirmingReset}
        title="Reset demo data?"
        confirmLabel="Reset"
        onConfirm={() => reset.mutate()}
        onCancel={() => setConfirmingReset(false)}
      >
        Every change made in this browser is discarded and the seeded shop is made again, with its orders up to now.
      </ConfirmDialog>
    </Stack>
  );
}
