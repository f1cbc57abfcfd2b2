import { Alert, Button, Group, List, Modal, Stack, Text } from '@mantine/core';
import type { Developer } from '@/api/api-types';
import { allItems } from '@/api/paged';
import { DeactivationOutcomes } from '@/features/developers/deactivation-outcomes';
import { useDeactivateDeveloper } from '@/features/developers/use-developers';
import { useKeys } from '@/features/keys/use-keys';
import { ErrorAlert } from '@/shared/error-alert';
import { LoadingRows } from '@/shared/loading-rows';
import { liveKeyStatuses } from '@/shared/key-statuses';
import { vendorName } from '@/shared/vendor-names';

interface DeactivateDeveloperModalProps {
  developer: Developer;
  onClose: () => void;
}

/** Lists the keys that will be revoked before anything happens, then each key's outcome. */
export function DeactivateDeveloperModal({ developer, onClose }: DeactivateDeveloperModalProps) {
  const keys = useKeys({ developer_id: developer.id });
  const deactivate = useDeactivateDeveloper();
  const liveKeys = allItems(keys.data?.pages).filter((key) => liveKeyStatuses.has(key.status));
  const close = () => {
    deactivate.reset();
    onClose();
  };

  return (
    <Modal opened onClose={close} title={`Deactivate ${developer.name}?`} size="lg">
      <Stack gap="md">
        {deactivate.isSuccess ? (
          <DeactivationOutcomes result={deactivate.data} />
        ) : (
          <>
            <Text size="sm">
              {developer.name} ({developer.email}) can no longer receive keys. KeyGate revokes every key below
              at its vendor now.
            </Text>
            {keys.isPending ? <LoadingRows rows={2} label="Loading the developer's keys" /> : null}
            {keys.isError ? <ErrorAlert error={keys.error} onRetry={() => void keys.refetch()} /> : null}
            {keys.isSuccess && liveKeys.length === 0 ? (
              <Alert variant="light" color="gray" title="No live keys">
                This developer holds no key that needs revoking.
              </Alert>
            ) : null}
            {liveKeys.length > 0 ? (
              <Alert variant="light" color="red" title={`${liveKeys.length} key(s) will be revoked`}>
                <List size="sm">
                  {liveKeys.map((key) => (
                    <List.Item key={key.key_id}>
                      {vendorName(key.vendor)} · {key.key_hint ?? key.key_id} · {key.project_name ?? ''}
                    </List.Item>
                  ))}
                </List>
              </Alert>
            ) : null}
            {deactivate.isError ? <ErrorAlert error={deactivate.error} /> : null}
          </>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {deactivate.isSuccess ? 'Close' : 'Cancel'}
          </Button>
          {deactivate.isSuccess ? null : (
            <Button
              color="red"
              loading={deactivate.isPending}
              disabled={keys.isPending}
              onClick={() => deactivate.mutate(developer.id)}
            >
              Deactivate and revoke keys
            </Button>
          )}
        </Group>
      </Stack>
    </Modal>
  );
}
