import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { IssuedKey, ProvisionedKey } from '@/api/api-types';
import { useRotateKey } from '@/features/keys/use-keys';
import { ErrorAlert } from '@/shared/error-alert';

interface RotateKeyModalProps {
  issuedKey: IssuedKey;
  opened: boolean;
  onClose: () => void;
  /** Receives the new key with its one-time secret; this modal keeps no copy. */
  onRotated: (key: ProvisionedKey) => void;
}

export function RotateKeyModal({ issuedKey, opened, onClose, onRotated }: RotateKeyModalProps) {
  const rotate = useRotateKey();
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const close = () => {
    rotate.reset();
    onClose();
  };
  const confirm = async () => {
    const key = await rotate.mutateAsync({ keyId: issuedKey.key_id, idempotencyKey }).catch(() => null);
    if (!key) return;
    close();
    onRotated(key);
  };
  return (
    <Modal opened={opened} onClose={close} title="Rotate this key?">
      <Stack gap="md">
        <Text size="sm">
          KeyGate issues a new key with the same developer and policy, shows it to you once, then revokes{' '}
          <b>{issuedKey.key_hint ?? issuedKey.key_id}</b>. Update every application that uses the old key.
        </Text>
        {rotate.isError ? <ErrorAlert error={rotate.error} /> : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            Cancel
          </Button>
          <Button loading={rotate.isPending} onClick={() => void confirm()}>
            Rotate key
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
