import { Alert, Anchor, Center, Paper, Stack, Text, Title } from '@mantine/core';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { useAuth } from '@/auth/use-auth';
import { SignInForm } from '@/features/auth/sign-in-form';
import { BrandMark } from '@/layout/brand-mark';

/** Only same-app paths: `next` must never send a person to another site. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export function SignInPage() {
  const { state, signIn } = useAuth();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const next = safeNext(params.get('next'));

  if (state.status === 'signed-in') return <Navigate to={next} replace />;

  return (
    <Center mih="100vh" p="md" bg="var(--mantine-color-gray-0)">
      <Stack w="100%" maw={400} gap="lg">
        <Center>
          <BrandMark />
        </Center>
        <Paper withBorder shadow="sm" p="xl" radius="md">
          <Stack gap="lg">
            <div>
              <Title order={3}>Sign in</Title>
              <Text size="sm" c="dimmed">
                Manage your organization's LLM vendor keys.
              </Text>
            </div>
            {params.get('reason') === 'expired' ? (
              <Alert color="yellow" variant="light" title="Your session ended">
                Sign in again to continue.
              </Alert>
            ) : null}
            <SignInForm
              onSignIn={async (email, password) => {
                await signIn(email, password);
                await navigate(next, { replace: true });
              }}
            />
          </Stack>
        </Paper>
        <Text size="sm" ta="center">
          New to KeyGate?{' '}
          <Anchor component={Link} to="/sign-up">
            Create an organization
          </Anchor>
        </Text>
        <Text size="xs" c="dimmed" ta="center">
          KeyGate keeps your session token in memory only, never in browser storage.
        </Text>
      </Stack>
    </Center>
  );
}
