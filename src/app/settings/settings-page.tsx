import { Stack } from '@mantine/core';
import { useCan } from '@/components/current-user';
import { PageHeader } from '@/components/page-header';
import { StaffPanel } from '@/features/staff/components/staff-panel';
import { DemoDataPanel } from './demo-data-panel';

const usingMock = !import.meta.env.VITE_API_URL;

export function SettingsPage() {
  const canManageStaff = useCan('staff.manage');
  return (
    <>
      <PageHeader title="Settings" />
      <Stack gap="md">
        {canManageStaff && <StaffPanel />}
        {usingMock && <DemoDataPanel />}
      </Stack>
    </>
  );
}
