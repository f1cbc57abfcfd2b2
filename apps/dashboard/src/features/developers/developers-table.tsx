import { Anchor, Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { Developer } from '@/api/api-types';
import { useUpdateDeveloper } from '@/features/developers/use-developers';
import { formatDate } from '@/shared/format';

interface DevelopersTableProps {
  developers: Developer[];
  canWrite: boolean;
  onEdit: (developer: Developer) => void;
  onDeactivate: (developer: Developer) => void;
}

export function DevelopersTable({ developers, canWrite, onEdit, onDeactivate }: DevelopersTableProps) {
  const reactivate = useUpdateDeveloper();
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table highlightOnHover verticalSpacing="sm" aria-label="Developers">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Developer</Table.Th>
            <Table.Th>Team</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Registered</Table.Th>
            {canWrite ? <Table.Th aria-label="Actions" /> : null}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {developers.map((developer) => (
            <Table.Tr key={developer.id}>
              <Table.Td>
                <Stack gap={0}>
                  <Anchor component={Link} to={`/keys?developer_id=${developer.id}`} size="sm" fw={500}>
                    {developer.name}
                  </Anchor>
                  <Text size="xs" c="dimmed">
                    {developer.email}
                  </Text>
                </Stack>
              </Table.Td>
              <Table.Td>{developer.team}</Table.Td>
              <Table.Td>
                <Badge variant="light" radius="sm" color={developer.active ? 'green' : 'gray'}>
                  {developer.active ? 'active' : 'deactivated'}
                </Badge>
              </Table.Td>
              <Table.Td>{formatDate(developer.created_at)}</Table.Td>
              {canWrite ? (
                <Table.Td>
                  <Group gap="xs" justify="flex-end" wrap="nowrap">
                    <Button size="compact-sm" variant="default" onClick={() => onEdit(developer)}>
                      Edit
                    </Button>
                    {developer.active ? (
                      <Button
                        size="compact-sm"
                        variant="light"
                        color="red"
                        onClick={() => onDeactivate(developer)}
                      >
                        Deactivate
                      </Button>
                    ) : (
                      <Button
                        size="compact-sm"
                        variant="light"
                        color="green"
                        loading={reactivate.isPending && reactivate.variables.id === developer.id}
                        onClick={() => reactivate.mutate({ id: developer.id, body: { active: true } })}
                      >
                        Reactivate
                      </Button>
                    )}
                  </Group>
                </Table.Td>
              ) : null}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
