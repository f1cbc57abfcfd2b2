import { Alert, Button, Checkbox, Group, Modal, Stack, Tabs, Text } from '@mantine/core';
import { useState } from 'react';
import type { RevealedKey } from '@/api/api-types';
import { CopyBlock } from '@/shared/copy-block';
import { envSnippet, sdkSnippet } from '@/features/keys/key-secret-snippets';
import { formatDate, formatUsd } from '@/shared/format';
import { vendorName } from '@/shared/vendor-names';

interface KeyRevealModalProps {
  /** Held only in the parent's component state; set to null on close and the secret is gone. */
  revealed: RevealedKey | null;
  onClose: () => void;
}

export function KeyRevealModal({ revealed, onClose }: KeyRevealModalProps) {
  const [stored, setStored] = useState(false);
  const close = () => {
    setStored(false);
    onClose();
  };
  return (
    <Modal
      opened={revealed !== null}
      onClose={close}
      title={revealed ? `New ${vendorName(revealed.vendor)} key for ${revealed.project_name}` : ''}
      size="lg"
      closeOnClickOutside={false}
      closeOnEscape={false}
      withCloseButton={false}
    >
      {revealed ? (
        <Stack gap="md">
          <Alert color="orange" variant="light" title="You will not see this key again">
            KeyGate keeps only a fingerprint of it. Copy it into your secret store now; if it is lost, rotate
            the key.
          </Alert>
          <CopyBlock label="API key" value={revealed.api_key} />
          <Tabs defaultValue="env" keepMounted={false}>
            <Tabs.List>
              <Tabs.Tab value="env">.env</Tabs.Tab>
              <Tabs.Tab value="sdk">SDK</Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="env" pt="sm">
              <CopyBlock label=".env snippet" value={envSnippet(revealed)} />
            </Tabs.Panel>
            <Tabs.Panel value="sdk" pt="sm">
              <CopyBlock label="SDK snippet" value={sdkSnippet(revealed)} />
            </Tabs.Panel>
          </Tabs>
          <Text size="sm" c="dimmed">
            Budget {formatUsd(revealed.budget_limit_usd)} a month, {revealed.rate_limit_rpm} requests a
            minute, expires {formatDate(revealed.expires_at)}. Key id {revealed.key_id}.
          </Text>
          <Checkbox
            label="I have stored this key somewhere safe"
            checked={stored}
            onChange={(event) => setStored(event.currentTarget.checked)}
          />
          <Group justify="flex-end">
            <Button onClick={close} disabled={!stored}>
              Done, hide the key
            </Button>
          </Group>
        </Stack>
      ) : null}
    </Modal>
  );
}
