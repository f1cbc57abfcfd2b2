import { Alert, Code, List, Text } from '@mantine/core';
import type { IssuedKey } from '@/api/api-types';
import { formatDateTime } from '@/shared/format';

/** The vendor-side policy no longer matches what KeyGate set: say which field, expected and actual. */
export function KeyDriftAlert({ issuedKey }: { issuedKey: IssuedKey }) {
  const details = Object.entries(issuedKey.drift_details ?? {});
  return (
    <Alert color="yellow" variant="light" title="Policy drift at the vendor">
      <Text size="sm">
        Someone changed this key's settings at the vendor outside KeyGate (checked{' '}
        {formatDateTime(issuedKey.drift_checked_at)}). Rotate the key to restore the policy, or revoke it.
      </Text>
      {details.length > 0 ? (
        <List size="sm" mt="xs">
          {details.map(([field, difference]) => (
            <List.Item key={field}>
              {field}: <Code>{JSON.stringify(difference)}</Code>
            </List.Item>
          ))}
        </List>
      ) : null}
    </Alert>
  );
}
