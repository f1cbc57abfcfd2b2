import { Button, Group, TextInput } from '@mantine/core';
import type { AuditFilters as Filters } from '@/features/audit/use-audit';

interface AuditFiltersProps {
  filters: Filters;
  onChange: (filters: Filters) => void;
}

/** datetime-local speaks local time without a zone; the API wants ISO 8601 in UTC. */
function toIso(local: string): string | undefined {
  return local ? new Date(local).toISOString() : undefined;
}

function toLocal(iso: string | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  const offset = date.getTimezoneOffset() * 60_000;
  return new Date(date.getTime() - offset).toISOString().slice(0, 16);
}

export function AuditFilters({ filters, onChange }: AuditFiltersProps) {
  const set = (name: keyof Filters, value: string | undefined) =>
    onChange({ ...filters, [name]: value || undefined });
  const active = Object.values(filters).some(Boolean);
  return (
    <Group gap="sm" mb="md" align="flex-end" wrap="wrap">
      <TextInput
        label="Action"
        placeholder="key.* or key.revoked"
        value={filters.action ?? ''}
        onChange={(event) => set('action', event.currentTarget.value)}
        style={{ flex: '1 1 160px' }}
      />
      <TextInput
        label="Actor"
        placeholder="Email or id"
        value={filters.actor ?? ''}
        onChange={(event) => set('actor', event.currentTarget.value)}
        style={{ flex: '1 1 160px' }}
      />
      <TextInput
        label="Target"
        placeholder="key_… or an id"
        value={filters.target ?? ''}
        onChange={(event) => set('target', event.currentTarget.value)}
        style={{ flex: '1 1 160px' }}
      />
      <TextInput
        label="From"
        type="datetime-local"
        value={toLocal(filters.since)}
        onChange={(event) => set('since', toIso(event.currentTarget.value))}
        style={{ flex: '1 1 190px' }}
      />
      <TextInput
        label="Until"
        type="datetime-local"
        value={toLocal(filters.until)}
        onChange={(event) => set('until', toIso(event.currentTarget.value))}
        style={{ flex: '1 1 190px' }}
      />
      {active ? (
        <Button variant="subtle" onClick={() => onChange({})}>
          Clear filters
        </Button>
      ) : null}
    </Group>
  );
}
