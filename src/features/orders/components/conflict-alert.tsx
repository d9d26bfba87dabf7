import { Alert } from '@mantine/core';

/** What a dialog says after a 409: nothing was done, and what it shows now is the fresh order. */
export function ConflictAlert() {
  return (
    <Alert color="yellow" title="This order changed since you opened it" role="alert">
      Nothing was done. The order behind this dialog and the numbers below are the current ones; check them and submit again.
    </Alert>
  );
}
