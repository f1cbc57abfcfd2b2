import { Badge, Tooltip } from '@mantine/core';

const meaning: Record<string, { label: string; color: string; help: string }> = {
  vendor: {
    label: 'enforced by vendor',
    color: 'green',
    help: 'Pushed to the vendor, which enforces it on every request.',
  },
  keygate: {
    label: 'enforced by KeyGate',
    color: 'yellow',
    help: 'KeyGate watches usage and disables the key when it is exceeded; there is a lag of minutes.',
  },
  none: {
    label: 'not enforced',
    color: 'gray',
    help: 'This vendor offers no way to enforce it per developer.',
  },
};

export function EnforcementBadge({ level }: { level: string | undefined }) {
  const entry = meaning[level ?? 'none'] ?? meaning.none;
  if (!entry) return null;
  return (
    <Tooltip label={entry.help} multiline w={260} withArrow>
      <Badge size="xs" variant="light" color={entry.color} radius="sm" tabIndex={0}>
        {entry.label}
      </Badge>
    </Tooltip>
  );
}
