import { Code, Table } from '@mantine/core';
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
