import { Badge } from '@mantine/core';

const colors: Record<string, string> = {
  active: 'green',
  pending: 'blue',
  awaiting_key: 'cyan',
  suspended: 'orange',
  revoking: 'orange',
  revoked: 'gray',
  expired: 'gray',
  failed: 'red',
  revoke_failed: 'red',
  drift: 'yellow',
};

const labels: Record<string, string> = {
  awaiting_key: 'awaiting key',
  suspended: 'suspended',
  revoke_failed: 'revoke failed',
};

export function KeyStatusBadge({ status }: { status: string }) {
  return (
    <Badge color={colors[status] ?? 'gray'} variant="light" radius="sm">
      {labels[status] ?? status}
    </Badge>
  );
}
