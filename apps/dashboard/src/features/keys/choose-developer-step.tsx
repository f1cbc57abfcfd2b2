import { Alert, Select, Stack, Text } from '@mantine/core';
import { allItems } from '@/api/paged';
import { useCan } from '@/auth/use-auth';
import { useDevelopers } from '@/features/developers/use-developers';
import type { ProvisionForm, ProvisionFormUpdate } from '@/features/keys/provision-form';
import { ErrorAlert } from '@/shared/error-alert';

interface StepProps {
  form: ProvisionForm;
  update: ProvisionFormUpdate;
}

export function ChooseDeveloperStep({ form, update }: StepProps) {
  const canChooseAnyone = useCan('developers:read');
  const developers = useDevelopers({ active_only: true }, canChooseAnyone);
  if (!canChooseAnyone) {
    return (
      <Text size="sm">
        The key will be issued to you. KeyGate creates a scope of your own at the vendor and shows the key
        once.
      </Text>
    );
  }
  const options = allItems(developers.data?.pages).map((developer) => ({
    value: developer.id,
    label: `${developer.name} · ${developer.email} (${developer.team})`,
  }));
  if (developers.isError)
    return <ErrorAlert error={developers.error} onRetry={() => void developers.refetch()} />;
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        The key is issued in a scope of its own at the vendor, named after this developer and their team.
      </Text>
      <Select
        label="Developer"
        placeholder={developers.isPending ? 'Loading developers…' : 'Search by name, email or team'}
        data={options}
        searchable
        nothingFoundMessage="No active developer matches"
        value={form.developerId}
        onChange={(developerId) => update({ developerId })}
        disabled={developers.isPending}
        required
      />
      {developers.isSuccess && options.length === 0 ? (
        <Alert color="blue" variant="light" title="No developers yet">
          Register a developer on the Developers page first.
        </Alert>
      ) : null}
    </Stack>
  );
}
