import { Anchor, Group, Stack, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { KeyListItem } from '@/api/api-types';
import { formatDate, formatUsd } from '@/shared/format';
import { KeyStatusBadge } from '@/shared/key-status-badge';
import { vendorName } from '@/shared/vendor-names';
import { useDeveloperName } from '@/features/developers/use-developer-names';

export function KeysTable({ keys }: { keys: KeyListItem[] }) {
  const developerName = useDeveloperName();
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table highlightOnHover verticalSpacing="sm" aria-label="Keys">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Key</Table.Th>
            <Table.Th>Developer</Table.Th>
            <Table.Th>Vendor</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Budget</Table.Th>
            <Table.Th>Expires</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {keys.map((key) => (
            <Table.Tr key={key.key_id}>
              <Table.Td>
                <Stack gap={0}>
                  <Anchor component={Link} to={`/keys/${key.key_id}`} ff="monospace" size="sm">
                    {key.key_hint ?? key.key_id}
                  </Anchor>
                  <Text size="xs" c="dimmed">
                    {key.project_name ?? key.key_id}
                  </Text>
                </Stack>
              </Table.Td>
              <Table.Td>{developerName(key.developer_id)}</Table.Td>
              <Table.Td>{vendorName(key.vendor)}</Table.Td>
              <Table.Td>
                <Group gap={4} wrap="nowrap">
                  <KeyStatusBadge status={key.status} />
                  {key.drift ? <KeyStatusBadge status="drift" /> : null}
                </Group>
              </Table.Td>
              <Table.Td>{formatUsd(key.budget_limit_usd)}</Table.Td>
              <Table.Td>{formatDate(key.expires_at)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
