import { Anchor, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import type { KeyListItem } from '@/api/api-types';
import { formatRelative } from '@/shared/format';
import { KeyStatusBadge } from '@/shared/key-status-badge';
import { vendorName } from '@/shared/vendor-names';
import { useDeveloperName } from '@/features/developers/use-developer-names';

interface KeyListCardProps {
  title: string;
  keys: KeyListItem[] | undefined;
  emptyText: string;
  /** Which date to show beside each key. */
  show: 'expires' | 'status';
}

export function KeyListCard({ title, keys, emptyText, show }: KeyListCardProps) {
  const developerName = useDeveloperName();
  return (
    <Paper withBorder p="md" radius="md">
      <Title order={5} mb="sm">
        {title}
      </Title>
      {keys === undefined ? (
        <Text size="sm" c="dimmed" aria-busy="true">
          Loading…
        </Text>
      ) : keys.length === 0 ? (
        <Text size="sm" c="dimmed">
          {emptyText}
        </Text>
      ) : (
        <Stack gap="xs">
          {keys.slice(0, 6).map((key) => (
            <Group key={key.key_id} justify="space-between" wrap="nowrap" gap="xs">
              <Stack gap={0} style={{ minWidth: 0 }}>
                <Anchor component={Link} to={`/keys/${key.key_id}`} size="sm" ff="monospace" truncate>
                  {key.key_hint ?? key.key_id}
                </Anchor>
                <Text size="xs" c="dimmed" truncate>
                  {developerName(key.developer_id)} · {vendorName(key.vendor)}
                </Text>
              </Stack>
              {show === 'expires' ? (
                <Text size="xs" c="orange.7" style={{ whiteSpace: 'nowrap' }}>
                  {formatRelative(key.expires_at)}
                </Text>
              ) : (
                <KeyStatusBadge status={key.drift ? 'drift' : key.status} />
              )}
            </Group>
          ))}
        </Stack>
      )}
    </Paper>
  );
}
