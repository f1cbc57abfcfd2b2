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
    help: 'KeyGate watches usage and disables the key when it is exceeded, with a lag of minutes.',
  },
  none: {
    label: 'not enforced',
    color: 'gray',
    help: 'This vendor offers no way to enforce it per developer.',
  },
};

interface EnforcementBadgeProps {
  level: string | undefined;
  /** The API's one sentence about this field at this vendor; replaces the generic help. */
  note?: string;
}

export function EnforcementBadge({ level, note }: EnforcementBadgeProps) {
  const entry = meaning[level ?? 'none'] ?? meaning.none;
  if (!entry) return null;
  return (
    <Tooltip label={note || entry.help} multiline w={280} withArrow>
      <Badge size="xs" variant="light" color={entry.color} radius="sm" tabIndex={0}>
        {entry.label}
      </Badge>
    </Tooltip>
  );
}
