import { ActionIcon, Popover, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import type { Definition } from './definitions';
import classes from './analytics.module.css';

type DefinitionButtonProps = {
  /** The figure's name: the button reads "What Refunds counts". */
  name: string;
  definition: Definition;
  /** More words below the definition (a filter's effect). */
  extra?: ReactNode;
};

/**
 * An "i" beside a figure that opens what it counts and which date it goes by. A button
 * and a popover, so a keyboard and a touch screen reach it as a mouse does; focus moves into it, so a screen reader reads it, and Escape closes it.
 */
export function DefinitionButton({ name, definition, extra }: DefinitionButtonProps) {
  return (
    <Popover width={300} position="bottom-start" withArrow shadow="md" trapFocus returnFocus>
      <Popover.Target>
        <ActionIcon variant="subtle" color="gray" size="sm" radius="xl" aria-label={`What ${name} counts`} className={classes.info}>
          <span aria-hidden>ⓘ</span>
        </ActionIcon>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap={6}>
          <Text size="sm" fw={600}>
            {name}
          </Text>
          <Text size="sm">{definition.what}</Text>
          <Text size="sm" c="dimmed">
            {definition.date}
          </Text>
          {extra}
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
