import { Button, Group, PasswordInput, Select, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { assignableRoles, type Role } from '@/auth/permissions';
import { useCurrentUser } from '@/auth/use-auth';
import { useCreateUser } from '@/features/users/use-users';
import { useDevelopers } from '@/features/developers/use-developers';
import { allItems } from '@/api/paged';
import { ErrorAlert } from '@/shared/error-alert';

const roleHelp: Record<string, string> = {
  owner: 'Everything, including vendor connections and the master key',
  admin: 'Developers, keys, users and the audit log',
  developer: 'Their own keys: request, see and rotate',
  viewer: 'Read-only, including the audit log',
};

export function CreateUserForm({ onClose }: { onClose: () => void }) {
  const me = useCurrentUser();
  const create = useCreateUser();
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('viewer');
  const [password, setPassword] = useState('');
  const [developerId, setDeveloperId] = useState<string | null>(null);
  const developers = useDevelopers({ active_only: true }, role === 'developer');
  const developerOptions = allItems(developers.data?.pages).map((developer) => ({
    value: developer.id,
    label: `${developer.name} (${developer.email})`,
  }));
  const roles = assignableRoles[me.role].map((value) => ({
    value,
    label: `${value} — ${roleHelp[value] ?? ''}`,
  }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(
      {
        email: email.trim(),
        name: name.trim(),
        role,
        password,
        ...(role === 'developer' && developerId ? { developer_id: developerId } : {}),
      },
      { onSuccess: onClose, onSettled: () => setPassword('') },
    );
  };

  return (
    <form onSubmit={submit}>
      <Stack gap="md">
        <TextInput
          label="Name"
          required
          value={name}
          onChange={(event) => setName(event.currentTarget.value)}
        />
        <TextInput
          label="Email"
          type="email"
          required
          value={email}
          onChange={(event) => setEmail(event.currentTarget.value)}
        />
        <Select
          label="Role"
          data={roles}
          value={role}
          onChange={(value) => setRole(assignableRoles[me.role].find((entry) => entry === value) ?? 'viewer')}
          allowDeselect={false}
          required
        />
        {role === 'developer' ? (
          <Select
            label="Developer record"
            description="Link the sign-in to a registered developer so they see and rotate their own keys."
            placeholder="Not linked"
            data={developerOptions}
            value={developerId}
            onChange={setDeveloperId}
            searchable
            clearable
          />
        ) : null}
        <PasswordInput
          label="Initial password"
          description="At least 12 characters. Share it with the person over a separate channel."
          required
          minLength={12}
          autoComplete="new-password"
          value={password}
          onChange={(event) => setPassword(event.currentTarget.value)}
        />
        {create.isError ? <ErrorAlert error={create.error} /> : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button
            type="submit"
            loading={create.isPending}
            disabled={!email.trim() || !name.trim() || password.length < 12}
          >
            Create user
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
