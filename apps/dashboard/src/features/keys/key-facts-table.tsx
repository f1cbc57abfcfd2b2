import { Anchor, Code, Table } from '@mantine/core';
import { Link } from 'react-router';
import type { ReactNode } from 'react';
import type { IssuedKey } from '@/api/api-types';
import { formatDateTime } from '@/shared/format';
import { vendorName } from '@/shared/vendor-names';
import { useDeveloperName } from '@/features/developers/use-developer-names';

type Row = [string, ReactNode];

function keyLink(keyId: string): ReactNode {
  return (
    <Anchor component={Link} to={`/keys/${keyId}`} ff="monospace" size="sm">
      {keyId}
    </Anchor>
  );
}

/** A row only when the key has the value. */
function rowIf<T>(value: T | null | undefined, row: (value: T) => Row): Row[] {
  return value === null || value === undefined ? [] : [row(value)];
}

export function KeyFactsTable({ issuedKey }: { issuedKey: IssuedKey }) {
  const developerName = useDeveloperName();
  const rows: Row[] = [
    ['Key id', <Code key="id">{issuedKey.key_id}</Code>],
    ['Developer', developerName(issuedKey.developer_id)],
    ['Description', issuedKey.description ?? '—'],
    ['Vendor', vendorName(issuedKey.vendor)],
    ['Vendor scope', issuedKey.project_name ?? '—'],
    ['Hint', issuedKey.key_hint ?? '—'],
    ['Created', formatDateTime(issuedKey.created_at)],
    ...rowIf(issuedKey.revoked_at, (at): Row => ['Revoked', formatDateTime(at)]),
    ...rowIf(issuedKey.rotated_from, (id): Row => ['Rotated from', keyLink(id)]),
    ...rowIf(issuedKey.superseded_by, (id): Row => ['Replaced by', keyLink(id)]),
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
