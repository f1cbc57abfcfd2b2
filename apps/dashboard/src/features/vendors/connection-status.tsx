import { Badge, Stack, Text } from '@mantine/core';
import type { VendorConnection } from '@/api/api-types';
import { lastCheckMessage } from '@/features/vendors/check-message';
import { formatRelative } from '@/shared/format';

const colors: Record<string, string> = { ok: 'green', failed: 'red', unchecked: 'gray' };

export function ConnectionStatus({ connection }: { connection: VendorConnection }) {
  const { status, checked_at: checkedAt } = connection.last_check;
  const message = lastCheckMessage(connection.last_check);
  return (
    <Stack gap={2}>
      <Badge variant="light" radius="sm" color={colors[status] ?? 'gray'}>
        {status === 'unchecked' ? 'never checked' : status}
      </Badge>
      {checkedAt ? (
        <Text size="xs" c="dimmed">
          {formatRelative(checkedAt)}
        </Text>
      ) : null}
      {message && status === 'failed' ? (
        <Text size="xs" c="red" maw={260}>
          {message}
        </Text>
      ) : null}
    </Stack>
  );
}
