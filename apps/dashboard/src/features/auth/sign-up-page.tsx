import { Anchor, Center, Paper, Stack, Text, Title } from '@mantine/core';
import { Link, Navigate, useNavigate } from 'react-router';
import { useAuth } from '@/auth/use-auth';
import { SignUpForm } from '@/features/auth/sign-up-form';
import { BrandMark } from '@/layout/brand-mark';

export default function SignUpPage() {
  const { state, signUp } = useAuth();
  const navigate = useNavigate();
  if (state.status === 'signed-in') return <Navigate to="/" replace />;
  return (
    <Center mih="100vh" p="md" bg="var(--mantine-color-gray-0)">
      <Stack w="100%" maw={420} gap="lg">
        <Center>
          <BrandMark />
        </Center>
        <Paper withBorder shadow="sm" p="xl" radius="md">
          <Stack gap="lg">
            <div>
              <Title order={3}>Create an organization</Title>
              <Text size="sm" c="dimmed">
                You become its owner. This server may have sign-up turned off; then ask its administrator.
              </Text>
            </div>
            <SignUpForm
              onSignUp={async (input) => {
                await signUp(input);
                await navigate('/', { replace: true });
              }}
            />
          </Stack>
        </Paper>
        <Text size="sm" ta="center">
          Already have an account?{' '}
          <Anchor component={Link} to="/sign-in">
            Sign in
          </Anchor>
        </Text>
      </Stack>
    </Center>
  );
}
