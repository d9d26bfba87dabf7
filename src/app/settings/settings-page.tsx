import { Alert, Stack } from '@mantine/core';
import { PageHeader } from '@/components/page-header';
import { DemoDataPanel } from './demo-data-panel';

const usingMock = !import.meta.env.VITE_API_URL;

export function SettingsPage() {
  return (
    <>
      <PageHeader title="Settings" />
      <Stack gap="md">
        {usingMock && <DemoDataPanel />}
        <Alert color="gray" title="Staff and roles" maw={640}>
          Staff accounts and roles will be managed here in a coming release.
        </Alert>
      </Stack>
    </>
  );
}
