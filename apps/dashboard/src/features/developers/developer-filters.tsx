import { Group, Switch, TextInput } from '@mantine/core';
import type { DeveloperFilters as Filters } from '@/features/developers/use-developers';

interface DeveloperFiltersProps {
  filters: Filters;
  onChange: (filters: Filters) => void;
}

export function DeveloperFilters({ filters, onChange }: DeveloperFiltersProps) {
  return (
    <Group gap="sm" mb="md" align="flex-end" wrap="wrap">
      <TextInput
        label="Search"
        placeholder="Name or email"
        value={filters.search ?? ''}
        onChange={(event) => onChange({ ...filters, search: event.currentTarget.value })}
        style={{ flex: '1 1 220px' }}
      />
      <TextInput
        label="Team"
        placeholder="Any team"
        value={filters.team ?? ''}
        onChange={(event) => onChange({ ...filters, team: event.currentTarget.value })}
        style={{ flex: '1 1 160px' }}
      />
      <Switch
        label="Active only"
        checked={filters.active_only ?? true}
        onChange={(event) => onChange({ ...filters, active_only: event.currentTarget.checked })}
        mb={8}
      />
    </Group>
  );
}
