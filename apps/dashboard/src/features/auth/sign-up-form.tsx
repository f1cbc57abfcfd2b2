import { Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { SignUpInput } from '@/auth/auth-context';
import { ErrorAlert } from '@/shared/error-alert';

const MIN_PASSWORD = 12;

export function SignUpForm({ onSignUp }: { onSignUp: (input: SignUpInput) => Promise<void> }) {
  const [input, setInput] = useState<SignUpInput>({
    organization_name: '',
    name: '',
    email: '',
    password: '',
  });
  const [submitting, setSubmitting] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const set = (field: keyof SignUpInput) => (event: { currentTarget: { value: string } }) => {
    const value = event.currentTarget.value;
    setInput((current) => ({ ...current, [field]: value }));
  };
  const ready =
    input.organization_name.trim() &&
    input.name.trim() &&
    input.email.trim() &&
    input.password.length >= MIN_PASSWORD;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSubmitting(true);
    setFailure(null);
    try {
      await onSignUp({
        ...input,
        organization_name: input.organization_name.trim(),
        name: input.name.trim(),
      });
    } catch (error) {
      setFailure(error);
      setInput((current) => ({ ...current, password: '' }));
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {failure ? <ErrorAlert error={failure} /> : null}
        <TextInput
          label="Organization"
          required
          value={input.organization_name}
          onChange={set('organization_name')}
        />
        <TextInput label="Your name" required autoComplete="name" value={input.name} onChange={set('name')} />
        <TextInput
          label="Email"
          type="email"
          required
          autoComplete="username"
          value={input.email}
          onChange={set('email')}
        />
        <PasswordInput
          label="Password"
          description={`At least ${MIN_PASSWORD} characters.`}
          required
          autoComplete="new-password"
          value={input.password}
          onChange={set('password')}
        />
        <Button type="submit" loading={submitting} disabled={!ready} fullWidth>
          Create organization
        </Button>
      </Stack>
    </form>
  );
}
