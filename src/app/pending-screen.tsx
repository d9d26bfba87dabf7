import { Center, Loader } from '@mantine/core';

/** Shown when a screen takes more than a moment to load (its code or its data). */
export function PendingScreen() {
  return (
    <Center component="output" py="xl" aria-label="Loading">
      <Loader />
    </Center>
  );
}
