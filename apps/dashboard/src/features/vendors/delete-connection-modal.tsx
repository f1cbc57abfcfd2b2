import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import type { VendorConnection } from '@/api/api-types';
import { useDeleteConnection } from '@/features/vendors/use-vendors';
import { ErrorAlert } from '@/shared/error-alert';

interface DeleteConnectionModalProps {
  connection: VendorConnection;
  onClose: () => void;
}

export function DeleteConnectionModal({ connection, onClose }: DeleteConnectionModalProps) {
  const remove = useDeleteConnection();
  return (
    <Modal opened onClose={onClose} title={`Remove ${connection.label}?`}>
      <Stack gap="md">
        <Text size="sm">
          KeyGate forgets this admin credential. Keys already issued through it stay at the vendor; the API
          refuses the removal while live keys depend on it.
        </Text>
        {remove.isError ? <ErrorAlert error={remove.error} /> : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button
            color="red"
            loading={remove.isPending}
            onClick={() => remove.mutate(connection.id, { onSuccess: onClose })}
          >
            Remove connection
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
