import { Modal, Text } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { setUnauthorizedHandler } from '@/api/client';
import { SignInForm } from './sign-in-form';

/**
 * When the session runs out mid-work, this opens over the current screen. The
 * screen stays mounted (a half-filled form keeps what was typed) and every
 * request that met the 401 waits here; once the person has signed in again
 * they are all sent again. Closing the dialog lets them fail instead.
 */
export function ReauthDialog({ email, onGiveUp }: { email: string | undefined; onGiveUp: () => void }) {
  const [open, setOpen] = useState(false);
  const waiting = useRef<((signedIn: boolean) => void)[]>([]);

  useEffect(
    () =>
      setUnauthorizedHandler(
        () =>
          new Promise<boolean>((resolve) => {
            waiting.current.push(resolve);
            setOpen(true);
          }),
      ),
    [],
  );

  const finish = (signedIn: boolean) => {
    setOpen(false);
    for (const resolve of waiting.current.splice(0)) resolve(signedIn);
    if (!signedIn) onGiveUp();
  };

  return (
    <Modal
      opened={open}
      onClose={() => finish(false)}
      title="Your session has expired"
      centered
      closeButtonProps={{ 'aria-label': 'Close and sign out' }}
    >
      <Text size="sm" mb="md">
        Sign in again to carry on. Nothing you were doing is lost: it continues as soon as you are back.
      </Text>
      {open && <SignInForm defaultEmail={email} onSignedIn={() => finish(true)} submitLabel="Sign in and continue" />}
    </Modal>
  );
}
