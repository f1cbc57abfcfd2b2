import { Anchor, Code, Table } from '@mantine/core';
import { Link } from 'react-router';
import type { ReactNode } from 'react';
import type { IssuedKey } from '@/api/api-types';
import { formatDateTime } from '@/shared/format';
import { vendorName } from '@/shared/vendor-names';
import { useDeveloperName } from '@/features/developers/use-developer-names';

export function KeyFactsTable({ issuedKey }: { issuedKey: IssuedKey }) {
  const developerName = useDeveloperName();
  const rows: [string, ReactNode][] = [
    ['Key id', <Code key="id">{issuedKey.key_id}</Code>],
    ['Developer', developerName(issuedKey.developer_id)],
    ['Description', issuedKey.description ?? '—'],
    ['Vendor', vendorName(issuedKey.vendor)],
    ['Vendor scope', issuedKey.project_name ?? '—'],
    ['Hint', issuedKey.key_hint ?? '—'],
    ['Created', formatDateTime(issuedKey.created_at)],
    ...(issuedKey.revoked_at
      ? ([['Revoked', formatDateTime(issuedKey.revoked_at)]] as [string, ReactNode][])
      : []),
    ...(issuedKey.rotated_from
      ? ([
          [
            'Rotated from',
            <Anchor
              key="from"
              component={Link}
              to={`/keys/${issuedKey.rotated_from}`}
              ff="monospace"
              size="sm"
            >
              {issuedKey.rotated_from}
            </Anchor>,
          ],
        ] as [string, ReactNode][])
      : []),
    ...(issuedKey.superseded_by
      ? ([
          [
            'Replaced by',
            <Anchor
              key="by"
              component={Link}
              to={`/keys/${issuedKey.superseded_by}`}
              ff="monospace"
              size="sm"
            >
              {issuedKey.superseded_by}
            </Anchor>,
          ],
        ] as [string, ReactNode][])
      : []),
  ];
  return (
    <Table variant="vertical" withTableBorder layout="fixed" aria-label="Key details">
      <Table.Tbody>
        {rows.map(([label, value]) => (
          <Table.Tr key={label}>
            <Table.Th w="40%">{label}</Table.Th>
            <Table.Td style={{ wordBreak: 'break-all' }}>{value}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
