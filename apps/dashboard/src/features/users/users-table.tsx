import { Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import type { User } from '@/api/api-types';
import { useCurrentUser } from '@/auth/use-auth';
import { UserRoleSelect } from '@/features/users/user-role-select';
import { useUpdateUser } from '@/features/users/use-users';
import { formatRelative } from '@/shared/format';

interface UsersTableProps {
  users: User[];
  canWrite: boolean;
  onResetPassword: (user: User) => void;
}

export function UsersTable({ users, canWrite, onResetPassword }: UsersTableProps) {
  const me = useCurrentUser();
  const update = useUpdateUser();
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table verticalSpacing="sm" aria-label="Users">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>User</Table.Th>
            <Table.Th>Role</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Last sign-in</Table.Th>
            {canWrite ? <Table.Th aria-label="Actions" /> : null}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {users.map((user) => {
            const self = user.id === me.id;
            return (
              <Table.Tr key={user.id}>
                <Table.Td>
                  <Stack gap={0}>
                    <Text size="sm" fw={500}>
                      {user.name}{' '}
                      {self ? (
                        <Badge size="xs" variant="outline">
                          you
                        </Badge>
                      ) : null}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {user.email}
                    </Text>
                  </Stack>
                </Table.Td>
                <Table.Td>
                  <UserRoleSelect user={user} canWrite={canWrite} />
                </Table.Td>
                <Table.Td>
                  <Badge
                    variant="light"
                    radius="sm"
                    color={!user.active ? 'gray' : user.locked_until ? 'orange' : 'green'}
                  >
                    {!user.active ? 'deactivated' : user.locked_until ? 'locked' : 'active'}
                  </Badge>
                </Table.Td>
                <Table.Td>{user.last_login_at ? formatRelative(user.last_login_at) : 'never'}</Table.Td>
                {canWrite ? (
                  <Table.Td>
                    <Group gap="xs" justify="flex-end" wrap="nowrap">
                      <Button size="compact-sm" variant="default" onClick={() => onResetPassword(user)}>
                        Reset password
                      </Button>
                      {self ? null : (
                        <Button
                          size="compact-sm"
                          variant="light"
                          color={user.active ? 'red' : 'green'}
                          loading={update.isPending && update.variables.id === user.id}
                          onClick={() => update.mutate({ id: user.id, body: { active: !user.active } })}
                        >
                          {user.active ? 'Deactivate' : 'Reactivate'}
                        </Button>
                      )}
                    </Group>
                  </Table.Td>
                ) : null}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
