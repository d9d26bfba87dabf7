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
          <InfoIcon />
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

/** An "i" in a circle, drawn: a font may lack the ⓘ character. */
function InfoIcon() {
  return (
    <svg aria-hidden width="16" height="16" viewBox="0 0 16 16" fill="none" stroke="currentColor" strokeWidth="1.5">
      <circle cx="8" cy="8" r="6.5" />
      <path d="M8 7.2v4" strokeLinecap="round" />
      <circle cx="8" cy="4.9" r="0.6" fill="currentColor" stroke="none" />
    </svg>
  );
}
