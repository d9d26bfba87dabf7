import { zodResolver } from '@hookform/resolvers/zod';
import { Badge, Button, Card, Group, PasswordInput, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery } from '@tanstack/react-query';
import { referenceQueries } from '@/api/reference-queries';
import { Controller, useForm } from 'react-hook-form';
import { ApiError } from '@/api/api-error';
import { ROLE_LABELS, ROLES, type Role } from '@/contract/permissions';
import { staffCreateInputSchema, type Staff, type StaffCreateInput } from '@/contract/schemas';
import { useCurrentUser } from '@/components/current-user';
import { useCreateStaff, useUpdateStaff } from '../api/staff-mutations';
import { HorizontalScroller } from '@/components/scroller/horizontal-scroller';

const ROLE_OPTIONS = ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] }));

function refused(error: Error) {
  notifications.show({ color: 'red', title: 'Nothing was changed', message: error.message });
}

function StaffRow({ person, isSelf }: { person: Staff; isSelf: boolean }) {
  const update = useUpdateStaff();
  const change = (input: { role?: Role; active?: boolean }, what: string) =>
    update.mutate(
      { id: person.id, version: person.version, input },
      {
        onSuccess: () => notifications.show({ color: 'green', title: 'Staff updated', message: `${person.name}: ${what}` }),
        onError: refused,
      },
    );
  return (
    <Table.Tr>
      <Table.Td>
        {person.name}
        {isSelf && (
          <Text span size="xs" c="dimmed">
            {' '}
            (you)
          </Text>
        )}
      </Table.Td>
      <Table.Td>{person.email}</Table.Td>
      <Table.Td>
        <Select
          aria-label={`Role of ${person.name}`}
          data={ROLE_OPTIONS}
          value={person.role}
          allowDeselect={false}
          disabled={update.isPending || !person.active}
          onChange={(role) => role && role !== person.role && change({ role: role as Role }, `now ${ROLE_LABELS[role as Role]}`)}
          w={160}
        />
      </Table.Td>
      <Table.Td>
        <Badge color={person.active ? 'green' : 'gray'} variant="dot">
          {person.active ? 'Active' : 'Deactivated'}
        </Badge>
      </Table.Td>
      <Table.Td>
        {/* Yourself: the API refuses it too, but a button that can only fail is better not shown. */}
        {!isSelf && (
          <Button
            size="compact-sm"
            variant="default"
            loading={update.isPending}
            onClick={() => change({ active: !person.active }, person.active ? 'deactivated' : 'reactivated')}
            aria-label={`${person.active ? 'Deactivate' : 'Reactivate'} ${person.name}`}
          >
            {person.active ? 'Deactivate' : 'Reactivate'}
          </Button>
        )}
      </Table.Td>
    </Table.Tr>
  );
}

function NewStaffForm() {
  const create = useCreateStaff();
  const { register, control, handleSubmit, reset, setError, formState } = useForm<StaffCreateInput>({
    resolver: zodResolver(staffCreateInputSchema),
    defaultValues: { email: '', name: '', role: 'support', password: '' },
  });
  const submit = (input: StaffCreateInput) =>
    create.mutate(input, {
      onSuccess: (person) => {
        notifications.show({ color: 'green', title: 'Staff member added', message: `${person.name} can sign in now` });
        reset();
      },
      onError: (error) => {
        const fields = error instanceof ApiError ? Object.entries(error.fieldErrors) : [];
        for (const [path, message] of fields) setError(path as keyof StaffCreateInput, { type: 'server', message });
        if (!fields.length) refused(error);
      },
    });
  return (
    <form noValidate aria-label="Add a staff member" onSubmit={handleSubmit(submit)}>
      <Group align="flex-start" gap="sm">
        <TextInput label="Name" error={formState.errors.name?.message} {...register('name')} />
        <TextInput label="Email" type="email" error={formState.errors.email?.message} {...register('email')} />
        <Controller
          control={control}
          name="role"
          render={({ field }) => (
            <Select
              label="Role"
              data={ROLE_OPTIONS}
              allowDeselect={false}
              value={field.value}
              onChange={(v) => field.onChange(v)}
              w={160}
            />
          )}
        />
        <PasswordInput
          label="First password"
          autoComplete="new-password"
          error={formState.errors.password?.message}
          {...register('password')}
        />
        <Button type="submit" mt={25} loading={create.isPending}>
          Add
        </Button>
      </Group>
    </form>
  );
}

/** Settings → Staff, for admins: everyone who can sign in, their role, and whether they still may. */
export function StaffPanel() {
  const me = useCurrentUser();
  const staff = useQuery(referenceQueries.staff());
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="staff-title">
      <Stack gap="md">
        <Title order={2} size="h3" id="staff-title">
          Staff
        </Title>
        {staff.error && <Text c="red">{staff.error.message}</Text>}
        <HorizontalScroller label="Staff">
          <Table aria-labelledby="staff-title">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>Email</Table.Th>
                <Table.Th>Role</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>Actions</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(staff.data?.items ?? []).map((person) => (
                <StaffRow key={person.id} person={person} isSelf={person.id === me?.id} />
              ))}
            </Table.Tbody>
          </Table>
        </HorizontalScroller>
        <NewStaffForm />
      </Stack>
    </Card>
  );
}
