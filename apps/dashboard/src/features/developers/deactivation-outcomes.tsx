import { Alert, Badge, Table, Text } from '@mantine/core';
import type { DeveloperDeactivation } from '@/api/api-types';
import { vendorName } from '@/shared/vendor-names';

/** The per-key result of a deactivation: revoked, already gone, or failed and kept for retry. */
export function DeactivationOutcomes({ result }: { result: DeveloperDeactivation }) {
  const failed = result.keys.filter((key) => key.outcome !== 'revoked' && key.outcome !== 'already_revoked');
  return (
    <>
      <Alert
        variant="light"
        color={failed.length > 0 ? 'orange' : 'green'}
        title={
          failed.length > 0 ? 'Deactivated, but some keys could not be revoked yet' : 'Developer deactivated'
        }
      >
        {failed.length > 0
          ? 'KeyGate keeps retrying the failed revocations; they are listed on the overview as revoke failed.'
          : `${result.keys.length} key(s) revoked at their vendors.`}
      </Alert>
      {result.keys.length > 0 ? (
        <Table aria-label="Revocation outcomes">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Key</Table.Th>
              <Table.Th>Vendor</Table.Th>
              <Table.Th>Outcome</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {result.keys.map((key) => (
              <Table.Tr key={key.key_id}>
                <Table.Td ff="monospace">{key.key_id}</Table.Td>
                <Table.Td>{vendorName(key.vendor)}</Table.Td>
                <Table.Td>
                  <Badge variant="light" radius="sm" color={key.error ? 'red' : 'green'}>
                    {key.outcome}
                  </Badge>
                  {key.error ? (
                    <Text size="xs" c="red">
                      {key.error}
                    </Text>
                  ) : null}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
    </>
  );
}
