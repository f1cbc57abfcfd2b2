import { Group } from '@mantine/core';
import { EnforcementBadge } from '@/shared/enforcement-badge';

export function PolicyFieldLabel({ label, enforcement }: { label: string; enforcement: string | undefined }) {
  return (
    <Group gap={8} component="span" wrap="nowrap">
      <span>{label}</span>
      <EnforcementBadge level={enforcement} />
    </Group>
  );
}
