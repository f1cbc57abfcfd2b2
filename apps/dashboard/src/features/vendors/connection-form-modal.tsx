import { Modal } from '@mantine/core';
import type { VendorConnection } from '@/api/api-types';
import { ConnectionForm } from '@/features/vendors/connection-form';

interface ConnectionFormModalProps {
  connection: VendorConnection | null;
  opened: boolean;
  onClose: () => void;
}

export function ConnectionFormModal({ connection, opened, onClose }: ConnectionFormModalProps) {
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={connection ? `Edit ${connection.label}` : 'Add a vendor connection'}
      size="lg"
    >
      {opened ? (
        <ConnectionForm key={connection?.id ?? 'new'} connection={connection} onClose={onClose} />
      ) : null}
    </Modal>
  );
}
