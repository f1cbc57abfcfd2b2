import { Alert, Radio, SegmentedControl, Stack } from '@mantine/core';
import { useEffect } from 'react';
import type { ProvisionForm, ProvisionFormUpdate } from '@/features/keys/provision-form';
import { capabilityOf } from '@/features/vendors/capability-lookup';
import { useCapabilities, useConnections } from '@/features/vendors/use-vendors';
import { ErrorAlert } from '@/shared/error-alert';
import { LoadingRows } from '@/shared/loading-rows';
import { vendorOptions } from '@/shared/vendor-names';

interface StepProps {
  form: ProvisionForm;
  update: ProvisionFormUpdate;
}

export function ChooseVendorStep({ form, update }: StepProps) {
  const connections = useConnections();
  const capabilities = useCapabilities();
  const forVendor = (connections.data ?? []).filter((connection) => connection.vendor === form.vendor);
  const onlyConnection = forVendor.length === 1 ? forVendor[0]?.id : undefined;

  useEffect(() => {
    if (onlyConnection && form.connectionId !== onlyConnection) update({ connectionId: onlyConnection });
  }, [onlyConnection, form.connectionId, update]);

  const capability = capabilityOf(capabilities.data, form.vendor);
  return (
    <Stack gap="md">
      <SegmentedControl
        fullWidth
        data={vendorOptions}
        value={form.vendor ?? ''}
        onChange={(vendor) => update({ vendor, connectionId: null })}
        aria-label="Vendor"
        styles={{ root: { flexWrap: 'wrap' } }}
      />
      {capability?.key_delivery === 'developer_creates_in_console' ? (
        <Alert color="blue" variant="light" title="The developer creates this key">
          This vendor's admin API cannot create keys. KeyGate creates the developer's scope and adds them to
          it; the developer then creates the key in the vendor's console and KeyGate binds it. Until then the
          key waits in the state "awaiting key".
        </Alert>
      ) : null}
      {connections.isPending ? <LoadingRows rows={2} label="Loading connections" /> : null}
      {connections.isError ? (
        <ErrorAlert error={connections.error} onRetry={() => void connections.refetch()} />
      ) : null}
      {form.vendor && connections.isSuccess && forVendor.length === 0 ? (
        <Alert color="yellow" variant="light" title="No connection for this vendor">
          An owner must add an admin connection for this vendor on the Vendors page first.
        </Alert>
      ) : null}
      {forVendor.length > 0 ? (
        <Radio.Group
          label="Connection"
          value={form.connectionId}
          onChange={(connectionId) => update({ connectionId })}
          required
        >
          <Stack gap="xs" mt="xs">
            {forVendor.map((connection) => (
              <Radio
                key={connection.id}
                value={connection.id}
                label={connection.label}
                description={`Admin credential ${connection.credential_hint}`}
              />
            ))}
          </Stack>
        </Radio.Group>
      ) : null}
    </Stack>
  );
}
