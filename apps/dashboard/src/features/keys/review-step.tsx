import { Table } from '@mantine/core';
import { allItems } from '@/api/paged';
import { useCan } from '@/auth/use-auth';
import { useDevelopers } from '@/features/developers/use-developers';
import type { ProvisionForm } from '@/features/keys/provision-form';
import { useConnections } from '@/features/vendors/use-vendors';
import { formatUsd } from '@/shared/format';
import { vendorName } from '@/shared/vendor-names';

export function ReviewStep({ form }: { form: ProvisionForm }) {
  const developers = useDevelopers({ active_only: true }, useCan('developers:read'));
  const connections = useConnections();
  const developer = allItems(developers.data?.pages).find((entry) => entry.id === form.developerId);
  const connection = connections.data?.find((entry) => entry.id === form.connectionId);
  const rows: [string, string][] = [
    ['Developer', developer ? `${developer.name} (${developer.email})` : 'You'],
    ['Vendor', form.vendor ? vendorName(form.vendor) : '—'],
    ['Connection', connection?.label ?? '—'],
    ['Monthly budget', formatUsd(form.budgetLimitUsd)],
    ['Rate limit', `${form.rateLimitRpm} requests a minute`],
    ['Expires', `in ${form.expiresInDays} days`],
    ['Allowed models', form.modelsAllowed.length > 0 ? form.modelsAllowed.join(', ') : 'all'],
    ['Description', form.description || '—'],
  ];
  return (
    <Table variant="vertical" withTableBorder layout="fixed">
      <Table.Tbody>
        {rows.map(([label, value]) => (
          <Table.Tr key={label}>
            <Table.Th w={160}>{label}</Table.Th>
            <Table.Td>{value}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
