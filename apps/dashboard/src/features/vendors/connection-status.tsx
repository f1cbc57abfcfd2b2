import { Badge, Stack, Text } from '@mantine/core';
import type { VendorConnection } from '@/api/api-types';
import { formatRelative } from '@/shared/format';

const colors: Record<string, string> = { ok: 'green', failed: 'red', rejected: 'red', unavailable: 'orange' };

export function ConnectionStatus({ connection }: { connection: VendorConnection }) {
  const status = connection.last_check_status;
  return (
    <Stack gap={2}>
      <Badge variant="light" radius="sm" color={status ? (colors[status] ?? 'gray') : 'gray'}>
        {status ?? 'never checked'}
      </Badge>
      {connection.last_checked_at ? (
        <Text size="xs" c="dimmed">
          {formatRelative(connection.last_checked_at)}
        </Text>
      ) : null}
      {connection.last_check_message && status !== 'ok' ? (
        <Text size="xs" c="red" maw={260}>
          {connection.last_check_message}
        </Text>
      ) : null}
    </Stack>
  );
}
