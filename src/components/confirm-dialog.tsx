import { Button, Group, Modal, Text } from '@mantine/core';
import type { ReactNode } from 'react';

type ConfirmDialogProps = {
  opened: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  color?: string;
  onConfirm: () => void;
  onCancel: () => void;
};

/** Asks before something that is hard to undo. Cancel has the focus, so Enter never confirms by accident. */
export function ConfirmDialog({ opened, title, children, confirmLabel, color = 'red', onConfirm, onCancel }: ConfirmDialogProps) {
  return (
    <Modal opened={opened} onClose={onCancel} title={title} centered closeButtonProps={{ 'aria-label': 'Cancel' }}>
      <Text size="sm" component="div">
        {children}
      </Text>
      <Group justify="flex-end" mt="md">
        <Button variant="default" onClick={onCancel} data-autofocus>
          Cancel
        </Button>
        <Button
          color={color}
          onClick={() => {
            onCancel();
            onConfirm();
          }}
        >
          {confirmLabel}
        </Button>
      </Group>
    </Modal>
  );
}
