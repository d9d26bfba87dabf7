import { Alert, Text } from '@mantine/core';
import { refusal, type Action } from '@/contract/permissions';
import { useCurrentUser } from './current-user';

/**
 * A screen the signed-in person's role may not use, said before anything is
 * asked of the API: the permission table is the API's, so the answer would be a 403.
 */
export function NotAllowed({ action, screen }: { action: Action; screen: string }) {
  const user = useCurrentUser();
  return (
    <Alert color="gray" title={`${screen} is not part of your role`}>
      <Text size="sm">{user ? refusal(user.role, action) : 'Sign in with an account that may use it.'}</Text>
    </Alert>
  );
}
