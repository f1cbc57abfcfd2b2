import { Badge } from '@mantine/core';

const colors: Record<string, string> = { success: 'green', failure: 'red', denied: 'orange' };

export function AuditOutcomeBadge({ outcome }: { outcome: string }) {
  return (
    <Badge size="xs" variant="light" radius="sm" color={colors[outcome] ?? 'gray'}>
      {outcome}
    </Badge>
  );
}
