import { Modal, Text } from '@mantine/core';
import { useSyncExternalStore } from 'react';
import { SignInForm } from './sign-in-form';

/**
 * Requests that met a 401 wait here until the person has signed in again (true)
 * or closed the dialog (false). Module state, because the shell asks before
 * this dialog's code has even loaded.
 */
let waiting: ((signedIn: boolean) => void)[] = [];
const listeners = new Set<() => void>();
const notify = () => listeners.forEach((l) => l());

export function requestSignIn(): Promise<boolean> {
  return new Promise((resolve) => {
    waiting.push(resolve);
    notify();
  });
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}

/**
 * When the session runs out mid-work, this opens over the current screen. The
 * screen stays mounted (a half-filled form keeps what was typed) and every
 * request that met the 401 is sent again once the person is back.
 */
export function ReauthDialog({ email, onGiveUp }: { email: string | undefined; onGiveUp: () => void }) {
  const open = useSyncExternalStore(subscribe, () => waiting.length > 0);

  const finish = (signedIn: boolean) => {
    const resolvers = waiting;
    waiting = [];
    notify();
    for (const resolve of resolvers) resolve(signedIn);
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
        Sign in again to carry on. Nothing you were doing is lost: it continues as soon as you are back. Someone else? Close this and sign
        in on the sign-in page; the interrupted work is then not sent.
      </Text>
      {open && (
        <SignInForm defaultEmail={email} emailLocked={Boolean(email)} onSignedIn={() => finish(true)} submitLabel="Sign in and continue" />
      )}
    </Modal>
  );
}
