import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import type { IssuedKey } from '@/api/api-types';
import { useRevokeKey } from '@/features/keys/use-keys';
import { ErrorAlert } from '@/shared/error-alert';
import { vendorName } from '@/shared/vendor-names';
import { useDeveloperName } from '@/features/developers/use-developer-names';

interface RevokeKeyModalProps {
  issuedKey: IssuedKey;
  opened: boolean;
  onClose: () => void;
}

export function RevokeKeyModal({ issuedKey, opened, onClose }: RevokeKeyModalProps) {
  const revoke = useRevokeKey();
  const developerName = useDeveloperName();
  const close = () => {
    revoke.reset();
    onClose();
  };
  return (
    <Modal opened={opened} onClose={close} title="Revoke this key?">
      <Stack gap="md">
        <Text size="sm">
          KeyGate revokes key <b>{issuedKey.key_hint ?? issuedKey.key_id}</b> of{' '}
          {developerName(issuedKey.developer_id)} at {vendorName(issuedKey.vendor)}. Every application using
          it stops working at once. This cannot be undone.
        </Text>
        {revoke.isSuccess ? (
          <Alert color="green" variant="light" title="Key revoked">
            The vendor now rejects this key.
          </Alert>
        ) : null}
        {revoke.isError ? <ErrorAlert error={revoke.error} /> : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {revoke.isSuccess ? 'Close' : 'Cancel'}
          </Button>
          {revoke.isSuccess ? null : (
            <Button color="red" loading={revoke.isPending} onClick={() => revoke.mutate(issuedKey.key_id)}>
              Revoke key
            </Button>
          )}
        </Group>
      </Stack>
    </Modal>
  );
}
