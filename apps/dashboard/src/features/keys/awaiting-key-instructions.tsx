import { Alert, Code, List, Stack, Text } from '@mantine/core';
import type { IssuedKey } from '@/api/api-types';
import { useDeveloperName } from '@/features/developers/use-developer-names';

/** Anthropic keys: the developer creates the key in the Console, KeyGate discovers and binds it. */
export function AwaitingKeyInstructions({ issuedKey }: { issuedKey: IssuedKey }) {
  const developerName = useDeveloperName();
  const instructions = (issuedKey.instructions ?? {}) as Record<string, unknown>;
  const steps = Array.isArray(instructions.steps)
    ? instructions.steps.filter((step) => typeof step === 'string')
    : [];
  const consoleUrl = typeof instructions.console_url === 'string' ? instructions.console_url : null;
  return (
    <Alert color="cyan" variant="light" title="Waiting for the developer to create the key">
      <Stack gap="xs">
        <Text size="sm">
          {developerName(issuedKey.developer_id)} has been added to the workspace{' '}
          <Code>{issuedKey.project_name ?? '—'}</Code>. Send them these steps; KeyGate binds the key as soon
          as it appears and then governs it like any other.
        </Text>
        <List size="sm" type="ordered">
          {steps.length > 0 ? (
            steps.map((step) => <List.Item key={step}>{step}</List.Item>)
          ) : (
            <>
              <List.Item>Sign in to the Anthropic Console{consoleUrl ? ` (${consoleUrl})` : ''}.</List.Item>
              <List.Item>
                Open the workspace <Code>{issuedKey.project_name ?? '—'}</Code> and create an API key there.
              </List.Item>
              <List.Item>Keep the key; KeyGate never sees it in plain text.</List.Item>
            </>
          )}
        </List>
      </Stack>
    </Alert>
  );
}
