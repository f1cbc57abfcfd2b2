import { Table } from '@mantine/core';
import type { IssuedKey } from '@/api/api-types';
import { PolicyFieldLabel } from '@/features/keys/policy-field-label';
import type { FieldEnforcement, PolicyField } from '@/features/vendors/capability-lookup';
import { formatDateTime, formatUsd } from '@/shared/format';

export function KeyPolicyTable({ issuedKey }: { issuedKey: IssuedKey }) {
  // Each key carries who enforces its policy at its vendor, as the API decided when it was issued.
  const level = (field: PolicyField): FieldEnforcement | undefined => issuedKey.enforcement[field];
  const rows: [string, FieldEnforcement | undefined, string][] = [
    [
      'Monthly budget',
      level('budget_limit_usd'),
      issuedKey.month_spend_usd === null
        ? formatUsd(issuedKey.budget_limit_usd)
        : `${formatUsd(issuedKey.budget_limit_usd)} (${formatUsd(issuedKey.month_spend_usd)} spent this month, read ${formatDateTime(issuedKey.spend_checked_at)})`,
    ],
    ['Rate limit', level('rate_limit_rpm'), `${issuedKey.rate_limit_rpm} requests a minute`],
    [
      'Allowed models',
      level('models_allowed'),
      issuedKey.models_allowed?.length ? issuedKey.models_allowed.join(', ') : 'all',
    ],
    ['Expires', level('expires_in_days'), formatDateTime(issuedKey.expires_at)],
  ];
  return (
    <Table variant="vertical" withTableBorder layout="fixed" aria-label="Policy">
      <Table.Tbody>
        {rows.map(([label, enforcement, value]) => (
          <Table.Tr key={label}>
            <Table.Th w="45%">
              <PolicyFieldLabel label={label} enforcement={enforcement} />
            </Table.Th>
            <Table.Td>{value}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
