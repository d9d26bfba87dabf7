import { Alert, Button, Text } from '@mantine/core';
import { ApiError } from '@/api/api-error';

/**
 * The store's calendar could not be read, so no range can be worked out. A
 * refusal (the role changed since sign-in) says so first, in the API's words.
 */
export function ClockError({ error, onRetry }: { error: Error; onRetry: () => void }) {
  const refused = error instanceof ApiError && error.status === 403;
  return (
    <Alert color="red" title={refused ? 'Your role may not see reports' : "The store's calendar could not be loaded"} role="alert">
      <Text size="sm">{error.message}</Text>
      {!refused && (
        <Button mt="sm" size="xs" variant="light" color="red" onClick={onRetry}>
          Try again
        </Button>
      )}
    </Alert>
  );
}
