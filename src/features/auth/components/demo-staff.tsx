import { Button, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { request } from '@/api/client';
import { ROLE_LABELS } from '@/contract/permissions';
import { demoStaffSchema, type DemoStaff as DemoStaffMember } from '../schemas';

/**
 * Here rather than with the session queries: this file is imported only in demo
 * mode, so a build for a real API does not even contain the mock route's name.
 */
const demoStaffQuery = () =>
  queryOptions({
    queryKey: ['session', 'demo-staff'] as const,
    queryFn: ({ signal }) => request('GET', '/_mock/staff-credentials', { schema: demoStaffSchema, signal }),
    staleTime: Infinity,
  });

/** Demo mode only: the mock's accounts, one per role, so anyone can try each role. */
export function DemoStaff({ onUse }: { onUse: (person: DemoStaffMember) => void }) {
  const { data, isError } = useQuery(demoStaffQuery());
  if (isError) return null;
  return (
    <section aria-labelledby="demo-staff-title">
      <Title order={2} size="h4" id="demo-staff-title" mb={4}>
        Demo accounts
      </Title>
      <Text size="sm" c="dimmed" mb="xs">
        The mock API comes with one person per role. A build for a real API has none of this.
      </Text>
      <Table aria-labelledby="demo-staff-title" verticalSpacing={4}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Role</Table.Th>
            <Table.Th>Email</Table.Th>
            <Table.Th>Password</Table.Th>
            <Table.Th>
              <VisuallyHidden>Action</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(data?.items ?? []).map((person) => (
            <Table.Tr key={person.email}>
              <Table.Td>{ROLE_LABELS[person.role]}</Table.Td>
              <Table.Td>{person.email}</Table.Td>
              <Table.Td>
                <code>{person.password}</code>
              </Table.Td>
              <Table.Td>
                <Button
                  size="compact-xs"
                  variant="light"
                  onClick={() => onUse(person)}
                  aria-label={`Use ${ROLE_LABELS[person.role]} account`}
                >
                  Use
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </section>
  );
}
