import { Group } from '@mantine/core';
import type { FieldEnforcement } from '@/features/vendors/capability-lookup';
import { EnforcementBadge } from '@/shared/enforcement-badge';

interface PolicyFieldLabelProps {
  label: string;
  enforcement: FieldEnforcement | undefined;
}

export function PolicyFieldLabel({ label, enforcement }: PolicyFieldLabelProps) {
  return (
    <Group gap={6} component="span" wrap="wrap" style={{ rowGap: 2 }}>
      <span>{label}</span>
      <EnforcementBadge level={enforcement?.enforced_by} note={enforcement?.note} />
    </Group>
  );
}
