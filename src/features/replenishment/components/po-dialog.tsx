import { Alert, Button, Group, Modal, Stack } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import type { FormEventHandler, ReactNode } from 'react';

type Props = {
  title: string;
  /** What did not happen when the API refuses ("Nothing was received"). */
  refusedTitle: string;
  /** A 409's words: who changed what meanwhile; the dialog now shows the order as it is. */
  conflict: string | null;
  formError: string | null;
  onClose: () => void;
  onSubmit: FormEventHandler<HTMLFormElement>;
  submitLabel: string;
  submitColor?: string;
  pending: boolean;
  size?: string;
  children: ReactNode;
};

/** A purchase order's action as a form in a modal (full screen on a phone, so a line's fields have the width they need). */
export function PoDialog({
  title,
  refusedTitle,
  conflict,
  formError,
  onClose,
  onSubmit,
  submitLabel,
  submitColor,
  pending,
  size,
  children,
}: Props) {
  const phone = useMediaQuery('(max-width: 48em)') ?? false;
  return (
    <Modal opened onClose={onClose} closeButtonProps={{ 'aria-label': 'Close' }} title={title} size={size ?? 'lg'} fullScreen={phone}>
      <form onSubmit={onSubmit} noValidate aria-label={title}>
        <Stack gap="sm">
          {conflict && (
            <Alert color="yellow" title="This purchase order changed since you opened it" role="alert">
              {conflict} Nothing was done; the numbers below are the current ones. Check them and submit again.
            </Alert>
          )}
          {formError && (
            <Alert color="red" title={refusedTitle} role="alert">
              {formError}
            </Alert>
          )}
          {children}
          <Group justify="flex-end" mt="xs">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" color={submitColor} loading={pending}>
              {submitLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
