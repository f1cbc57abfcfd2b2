import { Button, Code, Group, Stack, Table, Text } from '@mantine/core';
import type { VendorConnection } from '@/api/api-types';
import { CheckConnectionButton } from '@/features/vendors/check-connection-button';
import { ConnectionStatus } from '@/features/vendors/connection-status';
import { vendorName } from '@/shared/vendor-names';

interface ConnectionsTableProps {
  connections: VendorConnection[];
  canWrite: boolean;
  onEdit: (connection: VendorConnection) => void;
  onDelete: (connection: VendorConnection) => void;
}

function settingsSummary(settings: unknown): string {
  const entries = Object.entries((settings ?? {}) as Record<string, unknown>).filter(
    ([, value]) => value !== '',
  );
  return entries.length > 0 ? entries.map(([name, value]) => `${name}: ${String(value)}`).join(' · ') : '—';
}

export function ConnectionsTable({ connections, canWrite, onEdit, onDelete }: ConnectionsTableProps) {
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table verticalSpacing="sm" aria-label="Vendor connections">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Connection</Table.Th>
            <Table.Th>Admin credential</Table.Th>
            <Table.Th>Last check</Table.Th>
            <Table.Th aria-label="Actions" />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {connections.map((connection) => (
            <Table.Tr key={connection.id}>
              <Table.Td>
                <Stack gap={0}>
                  <Text size="sm" fw={500}>
                    {connection.label}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {vendorName(connection.vendor)} · {settingsSummary(connection.settings)}
                  </Text>
                </Stack>
              </Table.Td>
              <Table.Td>
                <Code>{connection.credential_hint}</Code>
              </Table.Td>
              <Table.Td>
                <ConnectionStatus connection={connection} />
              </Table.Td>
              <Table.Td>
                <Group gap="xs" justify="flex-end" wrap="nowrap">
                  {canWrite ? <CheckConnectionButton connectionId={connection.id} /> : null}
                  {canWrite ? (
                    <Button size="compact-sm" variant="default" onClick={() => onEdit(connection)}>
                      Edit
                    </Button>
                  ) : null}
                  {canWrite ? (
                    <Button
                      size="compact-sm"
                      variant="subtle"
                      color="red"
                      onClick={() => onDelete(connection)}
                    >
                      Remove
                    </Button>
                  ) : null}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
