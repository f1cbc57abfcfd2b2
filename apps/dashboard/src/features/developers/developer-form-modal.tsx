import { Modal } from '@mantine/core';
import type { Developer } from '@/api/api-types';
import { DeveloperForm } from '@/features/developers/developer-form';

interface DeveloperFormModalProps {
  /** null registers a new developer; a developer edits that one. */
  developer: Developer | null;
  opened: boolean;
  onClose: () => void;
}

export function DeveloperFormModal({ developer, opened, onClose }: DeveloperFormModalProps) {
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={developer ? `Edit ${developer.name}` : 'Register a developer'}
    >
      {opened ? <DeveloperForm key={developer?.id ?? 'new'} developer={developer} onClose={onClose} /> : null}
    </Modal>
  );
}
