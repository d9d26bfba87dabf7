import { Alert, Title } from '@mantine/core';
import { PageHeader } from '@/components/page-header';

/** A screen that is planned but not built: say so plainly instead of showing a blank page. */
export function NotBuiltYet({ title, what }: { title: string; what: string }) {
  return (
    <>
      <PageHeader title={title} />
      <Alert color="gray" title="Not built yet">
        <Title order={2} size="sm" fw={400}>
          {what} will appear here in a coming release.
        </Title>
      </Alert>
    </>
  );
}
