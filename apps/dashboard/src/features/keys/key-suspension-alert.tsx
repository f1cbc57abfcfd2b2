import { Alert, Text } from '@mantine/core';
import type { IssuedKey } from '@/api/api-types';
import { formatDateTime, formatUsd } from '@/shared/format';

/** A key paused by KeyGate at its monthly budget: how much was spent, and when it works again. */
export function KeySuspensionAlert({ issuedKey }: { issuedKey: IssuedKey }) {
  const spent = issuedKey.month_spend_usd === null ? null : formatUsd(issuedKey.month_spend_usd);
  return (
    <Alert color="orange" variant="light" title="Suspended: monthly budget spent">
      <Text size="sm">
        {spent ? `${spent} spent of a ${formatUsd(issuedKey.budget_limit_usd)} budget this month` : 'The monthly budget is spent'}
        , so KeyGate disabled the key at the vendor. It is re-enabled on {formatDateTime(issuedKey.suspended_until)},
        when the next month starts. A suspended key cannot be rotated (a new key would share the spent budget); it
        can be revoked.
      </Text>
    </Alert>
  );
}
