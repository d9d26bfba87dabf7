/**
 * A list's filters: in a row above the list on a wide screen; on a phone,
 * behind one "Filters" button that counts the active ones, in a drawer, so
 * the first screen shows the list rather than a column of empty fields.
 */
import { Badge, Button, Drawer, Group, Stack } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import type { ReactNode } from 'react';

export function FilterBar({ active, children }: { active: number; children: ReactNode }) {
  // Mantine's `sm` breakpoint, as the app shell's: below it the navigation is a burger menu too.
  const phone = useMediaQuery('(max-width: 48em)') ?? false;
  const [opened, { open, close }] = useDisclosure(false);

  if (!phone) {
    return (
      <Group align="flex-end" gap="sm" mb="md" wrap="wrap">
        {children}
      </Group>
    );
  }
  return (
    <>
      <Group mb="md">
        <Button
          variant="default"
          onClick={open}
          aria-label={active ? `Filters, ${active} active` : 'Filters'}
          rightSection={
            active ? (
              <Badge size="sm" circle aria-hidden>
                {active}
              </Badge>
            ) : null
          }
        >
          Filters
        </Button>
      </Group>
      <Drawer opened={opened} onClose={close} title="Filters" position="bottom" size="auto">
        <Stack gap="sm">
          {children}
          <Button onClick={close} mt="xs">
            Show results
          </Button>
        </Stack>
      </Drawer>
    </>
  );
}
