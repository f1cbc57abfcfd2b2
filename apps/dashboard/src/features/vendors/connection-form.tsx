import { Button, Group, Select, Stack, TextInput } from '@mantine/core';
import { useState, type ChangeEvent, type FormEvent } from 'react';
import type { VendorConnection } from '@/api/api-types';
import { connectionFields } from '@/features/vendors/connection-fields';
import { useCreateConnection, useUpdateConnection } from '@/features/vendors/use-vendors';
import { ErrorAlert } from '@/shared/error-alert';
import { SecretTextarea } from '@/shared/secret-textarea';
import { vendorOptions } from '@/shared/vendor-names';

interface ConnectionFormProps {
  connection: VendorConnection | null;
  onClose: () => void;
}

function initialSettings(connection: VendorConnection | null): Record<string, string> {
  const settings = (connection?.settings ?? {}) as Record<string, unknown>;
  return Object.fromEntries(
    Object.entries(settings).map(([name, value]) => [
      name,
      typeof value === 'string' || typeof value === 'number' ? String(value) : '',
    ]),
  );
}

/** The admin credential is write-only: editing shows its hint and replaces it only when a new one is typed. */
export function ConnectionForm({ connection, onClose }: ConnectionFormProps) {
  const [vendor, setVendor] = useState<string | null>(connection?.vendor ?? null);
  const [label, setLabel] = useState(connection?.label ?? '');
  const [credential, setCredential] = useState('');
  const [settings, setSettings] = useState<Record<string, string>>(initialSettings(connection));
  const create = useCreateConnection();
  const update = useUpdateConnection();
  const mutation = connection ? update : create;
  const fields = vendor ? connectionFields[vendor] : undefined;

  const missingSetting =
    fields?.settings.some((field) => field.required && !settings[field.name]?.trim()) ?? true;
  const ready = Boolean(vendor && label.trim() && (connection || credential.trim())) && !missingSetting;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!vendor) return;
    const cleanSettings = Object.fromEntries(
      Object.entries(settings).filter(
        ([name, value]) => value.trim() && fields?.settings.some((f) => f.name === name),
      ),
    );
    const done = { onSuccess: onClose, onSettled: () => setCredential('') };
    if (connection) {
      update.mutate(
        {
          id: connection.id,
          body: {
            label: label.trim(),
            settings: cleanSettings,
            ...(credential.trim() ? { admin_api_key: credential.trim() } : {}),
          },
        },
        done,
      );
    } else {
      create.mutate(
        { vendor, label: label.trim(), admin_api_key: credential.trim(), settings: cleanSettings },
        done,
      );
    }
  };

  const credentialProps = {
    label: fields?.credentialLabel ?? 'Admin credential',
    description: connection
      ? `Stored encrypted (${connection.credential_hint}). Leave empty to keep it.`
      : fields?.credentialDescription,
    required: !connection,
    value: credential,
    onChange: (event: ChangeEvent<HTMLTextAreaElement>) => setCredential(event.currentTarget.value),
  };

  return (
    <form onSubmit={submit}>
      <Stack gap="md">
        <Select
          label="Vendor"
          data={vendorOptions}
          value={vendor}
          onChange={setVendor}
          disabled={Boolean(connection)}
          required
        />
        <TextInput
          label="Label"
          description="How this connection appears when provisioning, e.g. “OpenAI production org”."
          required
          value={label}
          onChange={(event) => setLabel(event.currentTarget.value)}
        />
        <SecretTextarea {...credentialProps} minRows={fields?.multilineCredential ? 3 : 1} />
        {fields?.settings.map((field) =>
          field.options ? (
            <Select
              key={field.name}
              label={field.label}
              description={field.description}
              data={field.options}
              value={settings[field.name] ?? field.options[0]?.value ?? null}
              allowDeselect={false}
              onChange={(value) => {
                if (value !== null) setSettings((current) => ({ ...current, [field.name]: value }));
              }}
            />
          ) : (
            <TextInput
              key={field.name}
              label={field.label}
              description={field.description}
              required={field.required}
              value={settings[field.name] ?? ''}
              onChange={(event) => {
                const value = event.currentTarget.value;
                setSettings((current) => ({ ...current, [field.name]: value }));
              }}
            />
          ),
        )}
        {mutation.isError ? <ErrorAlert error={mutation.error} /> : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={mutation.isPending} disabled={!ready}>
            {connection ? 'Save connection' : 'Add connection'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
