import { Button, Group, Modal, NumberInput, Stack, Text } from '@mantine/core';
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
  const [graceMinutes, setGraceMinutes] = useState(0);
  const close = () => {
    rotate.reset();
    onClose();
  };
  const confirm = async () => {
    const key = await rotate
      .mutateAsync({ keyId: issuedKey.key_id, idempotencyKey, graceSeconds: graceMinutes * 60 })
      .catch(() => null);
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
        <NumberInput
          label="Keep the old key working for (minutes)"
          description="0 revokes it as soon as the new key exists; at most 7 days, to give deployments time to switch."
          min={0}
          max={10080}
          value={graceMinutes}
          onChange={(value) => setGraceMinutes(typeof value === 'number' ? value : Number(value) || 0)}
        />
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
