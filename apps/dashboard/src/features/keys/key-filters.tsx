import { Group, Select } from '@mantine/core';
import { allItems } from '@/api/paged';
import { useDevelopers } from '@/features/developers/use-developers';
import type { KeyFilters as Filters } from '@/features/keys/use-keys';
import { useCan } from '@/auth/use-auth';
import { asKeyStatus, keyStatusOptions } from '@/shared/key-statuses';
import { vendorOptions } from '@/shared/vendor-names';

interface KeyFiltersProps {
  filters: Filters;
  onChange: (filters: Filters) => void;
}

export function KeyFilters({ filters, onChange }: KeyFiltersProps) {
  const canListDevelopers = useCan('developers:read');
  const developers = useDevelopers({}, canListDevelopers);
  const developerOptions = canListDevelopers
    ? allItems(developers.data?.pages).map((developer) => ({ value: developer.id, label: developer.name }))
    : [];
  return (
    <Group gap="sm" mb="md" align="flex-end" grow preventGrowOverflow={false} wrap="wrap">
      <Select
        label="Vendor"
        placeholder="All vendors"
        data={vendorOptions}
        value={filters.vendor ?? null}
        onChange={(vendor) => onChange({ ...filters, vendor: vendor ?? undefined })}
        clearable
        miw={160}
      />
      {canListDevelopers ? (
        <Select
          label="Developer"
          placeholder="All developers"
          data={developerOptions}
          searchable
          value={filters.developer_id ?? null}
          onChange={(developerId) => onChange({ ...filters, developer_id: developerId ?? undefined })}
          clearable
          miw={180}
        />
      ) : null}
      <Select
        label="Status"
        placeholder="All statuses"
        data={keyStatusOptions}
        value={filters.status ?? null}
        onChange={(status) => onChange({ ...filters, status: asKeyStatus(status) })}
        clearable
        miw={160}
      />
    </Group>
  );
}
