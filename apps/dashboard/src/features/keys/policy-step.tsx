import { NumberInput, SimpleGrid, Stack, TagsInput, Text, Textarea } from '@mantine/core';
import { PolicyFieldLabel } from '@/features/keys/policy-field-label';
import type { ProvisionForm, ProvisionFormUpdate } from '@/features/keys/provision-form';
import { enforcementOf } from '@/features/vendors/capability-lookup';
import { useCapabilities } from '@/features/vendors/use-vendors';

interface StepProps {
  form: ProvisionForm;
  update: ProvisionFormUpdate;
}

const asNumber = (value: string | number): number => (typeof value === 'number' ? value : Number(value) || 0);

export function PolicyStep({ form, update }: StepProps) {
  const capabilities = useCapabilities();
  const enforcement = (field: Parameters<typeof enforcementOf>[2]) =>
    enforcementOf(capabilities.data, form.vendor, field);
  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        Each limit says who enforces it at this vendor: the vendor itself, KeyGate by watching usage, or
        nobody.
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <NumberInput
          label={
            <PolicyFieldLabel label="Monthly budget (USD)" enforcement={enforcement('budget_limit_usd')} />
          }
          min={1}
          max={100000}
          prefix="$"
          value={form.budgetLimitUsd}
          onChange={(value) => update({ budgetLimitUsd: asNumber(value) })}
        />
        <NumberInput
          label={<PolicyFieldLabel label="Requests per minute" enforcement={enforcement('rate_limit_rpm')} />}
          min={1}
          max={100000}
          value={form.rateLimitRpm}
          onChange={(value) => update({ rateLimitRpm: asNumber(value) })}
        />
        <NumberInput
          label={<PolicyFieldLabel label="Expires in (days)" enforcement={enforcement('expires_in_days')} />}
          min={1}
          max={3650}
          value={form.expiresInDays}
          onChange={(value) => update({ expiresInDays: asNumber(value) })}
        />
      </SimpleGrid>
      <TagsInput
        label={<PolicyFieldLabel label="Allowed models" enforcement={enforcement('models_allowed')} />}
        description="Leave empty to allow every model. Press Enter after each model."
        placeholder="gpt-4o-mini"
        value={form.modelsAllowed}
        onChange={(modelsAllowed) => update({ modelsAllowed })}
      />
      <Textarea
        label="Description"
        description="Why this key exists; shown in the key list and the audit trail."
        maxLength={500}
        autosize
        minRows={2}
        value={form.description}
        onChange={(event) => update({ description: event.currentTarget.value })}
      />
    </Stack>
  );
}
