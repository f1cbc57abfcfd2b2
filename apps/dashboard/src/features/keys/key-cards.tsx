import { Anchor, Group, Paper, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { KeyListItem } from '@/api/api-types';
import { useDeveloperName } from '@/features/developers/use-developer-names';
import { formatDate, formatUsd } from '@/shared/format';
import { KeyStatusBadge } from '@/shared/key-status-badge';
import { vendorName } from '@/shared/vendor-names';

/** The key list on a phone: one card per key instead of a table that scrolls sideways. */
export function KeyCards({ keys }: { keys: KeyListItem[] }) {
  const developerName = useDeveloperName();
  return (
    <Stack gap="xs" aria-label="Keys">
      {keys.map((key) => (
        <Paper key={key.key_id} withBorder p="sm" radius="md">
          <Group justify="space-between" wrap="nowrap" gap="xs">
            <Anchor component={Link} to={`/keys/${key.key_id}`} ff="monospace" size="sm" truncate>
              {key.key_hint ?? key.key_id}
            </Anchor>
            <Group gap={4} wrap="nowrap">
              <KeyStatusBadge status={key.status} />
              {key.drift ? <KeyStatusBadge status="drift" /> : null}
            </Group>
          </Group>
          <Text size="sm">
            {developerName(key.developer_id)} · {vendorName(key.vendor)}
          </Text>
          <Text size="xs" c="dimmed">
            {formatUsd(key.budget_limit_usd)} a month · expires {formatDate(key.expires_at)}
          </Text>
        </Paper>
      ))}
    </Stack>
  );
}
