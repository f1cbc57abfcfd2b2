import { Button, Group, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { Developer } from '@/api/api-types';
import { useRegisterDeveloper, useUpdateDeveloper } from '@/features/developers/use-developers';
import { ErrorAlert } from '@/shared/error-alert';

export function DeveloperForm({ developer, onClose }: { developer: Developer | null; onClose: () => void }) {
  const [name, setName] = useState(developer?.name ?? '');
  const [email, setEmail] = useState(developer?.email ?? '');
  const [team, setTeam] = useState(developer?.team ?? '');
  const register = useRegisterDeveloper();
  const update = useUpdateDeveloper();
  const mutation = developer ? update : register;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = { name: name.trim(), email: email.trim(), team: team.trim() };
    if (developer) update.mutate({ id: developer.id, body }, { onSuccess: onClose });
    else register.mutate(body, { onSuccess: onClose });
  };

  return (
    <form onSubmit={submit}>
      <Stack gap="md">
        <TextInput
          label="Name"
          required
          value={name}
          onChange={(event) => setName(event.currentTarget.value)}
          data-autofocus
        />
        <TextInput
          label="Email"
          type="email"
          required
          value={email}
          onChange={(event) => setEmail(event.currentTarget.value)}
        />
        <TextInput
          label="Team"
          description="Part of the vendor scope name, so keys can be traced to a team."
          required
          value={team}
          onChange={(event) => setTeam(event.currentTarget.value)}
        />
        {mutation.isError ? <ErrorAlert error={mutation.error} /> : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button
            type="submit"
            loading={mutation.isPending}
            disabled={!name.trim() || !email.trim() || !team.trim()}
          >
            {developer ? 'Save changes' : 'Register developer'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
