import { Alert, Anchor, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useIdentifyKey } from '@/features/keys/use-keys';
import { ErrorAlert } from '@/shared/error-alert';
import { SecretTextarea } from '@/shared/secret-textarea';
import { KeyStatusBadge } from '@/shared/key-status-badge';
import { vendorName } from '@/shared/vendor-names';
import { useDeveloperName } from '@/features/developers/use-developer-names';

interface IdentifyKeyModalProps {
  opened: boolean;
  onClose: () => void;
}

/** Traces a leaked key to its row by fingerprint; the pasted secret is cleared when the modal closes. */
export function IdentifyKeyModal({ opened, onClose }: IdentifyKeyModalProps) {
  const [apiKey, setApiKey] = useState('');
  const identify = useIdentifyKey();
  const developerName = useDeveloperName();
  const close = () => {
    setApiKey('');
    identify.reset();
    onClose();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    identify.mutate(apiKey.trim(), { onSettled: () => setApiKey('') });
  };
  const found = identify.data?.key ?? null;
  const notFound = identify.data !== undefined && !identify.data.found;
  return (
    <Modal opened={opened} onClose={close} title="Identify a leaked key" size="md">
      <form onSubmit={submit}>
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            Paste a key found in a log, a repository or a ticket. KeyGate compares its fingerprint and tells
            you whose key it is. The key is not stored.
          </Text>
          <SecretTextarea
            label="API key"
            value={apiKey}
            onChange={(event) => setApiKey(event.currentTarget.value)}
            required
          />
          {identify.isError ? <ErrorAlert error={identify.error} /> : null}
          {found ? (
            <Alert color="orange" variant="light" title="This key was issued by KeyGate">
              <Group gap="xs">
                <Text size="sm">
                  {vendorName(found.vendor)} key {found.key_hint} of {developerName(found.developer_id)}
                </Text>
                <KeyStatusBadge status={found.status} />
              </Group>
              <Anchor component={Link} to={`/keys/${found.key_id}`} onClick={close} size="sm">
                Open the key to revoke or rotate it
              </Anchor>
            </Alert>
          ) : null}
          {notFound ? (
            <Alert color="green" variant="light" title="Not a KeyGate key">
              No key issued by KeyGate has this fingerprint. It may come from elsewhere, or be mistyped.
            </Alert>
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Close
            </Button>
            <Button type="submit" loading={identify.isPending} disabled={!apiKey.trim()}>
              Identify
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
