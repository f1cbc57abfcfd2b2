import { Anchor, List, Paper, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useCan } from '@/auth/use-auth';
import { GettingStartedStep as Step } from '@/features/overview/getting-started-step';

interface GettingStartedCardProps {
  hasConnection: boolean;
  hasDeveloper: boolean;
  hasKey: boolean;
}

/** The three steps to a first working key, shown until they are done. */
export function GettingStartedCard({ hasConnection, hasDeveloper, hasKey }: GettingStartedCardProps) {
  const canConnect = useCan('vendors:write');
  return (
    <Paper withBorder p="md" radius="md" bg="var(--mantine-color-indigo-0)">
      <Title order={5} mb="sm">
        Get your first key in three steps
      </Title>
      <List spacing="xs" center>
        <Step done={hasConnection} number={1}>
          {canConnect ? (
            <Anchor component={Link} to="/vendors">
              Connect a vendor
            </Anchor>
          ) : (
            'Ask an owner to connect a vendor'
          )}{' '}
          with its admin credential.
        </Step>
        <Step done={hasDeveloper} number={2}>
          <Anchor component={Link} to="/developers">
            Register a developer
          </Anchor>{' '}
          who needs a key.
        </Step>
        <Step done={hasKey} number={3}>
          <Anchor component={Link} to="/keys">
            Provision their key
          </Anchor>
          : KeyGate creates their own scope at the vendor and shows the key once.
        </Step>
      </List>
    </Paper>
  );
}
