import { Button, Group, PasswordInput, Stack, Text } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { User } from '@/api/api-types';
import { useUpdateUser } from '@/features/users/use-users';
import { ErrorAlert } from '@/shared/error-alert';

export function ResetPasswordForm({ user, onClose }: { user: User; onClose: () => void }) {
  const update = useUpdateUser();
  const [password, setPassword] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    update.mutate(
      { id: user.id, body: { password } },
      { onSuccess: onClose, onSettled: () => setPassword('') },
    );
  };
  return (
    <form onSubmit={submit}>
      <Stack gap="md">
        <Text size="sm">
          Sets a new password for {user.email}, ends their sessions and clears a lockout. Share it over a
          separate channel.
        </Text>
        <PasswordInput
          label="New password"
          description="At least 12 characters."
          required
          autoComplete="new-password"
          value={password}
          onChange={(event) => setPassword(event.currentTarget.value)}
        />
        {update.isError ? <ErrorAlert error={update.error} /> : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={update.isPending} disabled={password.length < 12}>
            Set password
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
