import { Alert, Button, Group, Text } from '@mantine/core';
import { Link, useRouter, type ErrorComponentProps } from '@tanstack/react-router';
import { ApiError } from '@/api/api-error';

/** A section's error: what happened, in plain words, and what to do. Never a stack trace. */
export function RouteError({ error, reset }: ErrorComponentProps) {
  const router = useRouter();
  const notFound = error instanceof ApiError && error.status === 404;
  return (
    <Alert color={notFound ? 'yellow' : 'red'} title={notFound ? 'Not found' : 'This screen could not be shown'} role="alert">
      <Text size="sm">
        {notFound
          ? 'It may have been deleted, or the link is wrong.'
          : error instanceof ApiError
            ? error.message
            : 'Something went wrong while showing this screen. Try again; if it keeps happening, reload the page.'}
      </Text>
      <Group mt="md" gap="xs">
        {!notFound && (
          <Button
            size="xs"
            onClick={() => {
              reset();
              void router.invalidate();
            }}
          >
            Try again
          </Button>
        )}
        <Button size="xs" variant="default" component={Link} to="/products">
          Go to products
        </Button>
      </Group>
    </Alert>
  );
}

export function NotFound() {
  return (
    <Alert color="yellow" title="There is no such page">
      <Text size="sm">The address may be mistyped, or the page has moved.</Text>
      <Button mt="md" size="xs" variant="default" component={Link} to="/products">
        Go to products
      </Button>
    </Alert>
  );
}
