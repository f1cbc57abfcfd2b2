import { Stack, Table, Text } from '@mantine/core';
import type { VendorCapabilities } from '@/api/api-types';
import { policyFieldLabels, type PolicyField } from '@/features/vendors/capability-lookup';
import { EnforcementBadge } from '@/shared/enforcement-badge';
import { vendorName } from '@/shared/vendor-names';

const fields = Object.keys(policyFieldLabels) as PolicyField[];

const keyDelivery: Record<string, string> = {
  immediate: 'KeyGate creates the key and shows it once',
  developer_creates_in_console: 'The developer creates it in the vendor console; KeyGate binds it',
};

/** Who enforces each policy field at each vendor: stated honestly, with the API's sentence for each. */
export function CapabilitiesTable({ capabilities }: { capabilities: VendorCapabilities }) {
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table verticalSpacing="sm" withColumnBorders aria-label="Vendor capabilities">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Vendor</Table.Th>
            <Table.Th>The key</Table.Th>
            {fields.map((field) => (
              <Table.Th key={field}>{policyFieldLabels[field]}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {capabilities.map((capability) => (
            <Table.Tr key={capability.vendor}>
              <Table.Td fw={500}>{vendorName(capability.vendor)}</Table.Td>
              <Table.Td>
                <Text size="xs">{keyDelivery[capability.key_delivery] ?? capability.key_delivery}</Text>
                <Text size="xs" c="dimmed">
                  Rotation: {capability.rotation === 'native' ? 'at the vendor' : 'by issuing a new key'}
                </Text>
              </Table.Td>
              {fields.map((field) => {
                const enforcement = capability.fields[field];
                return (
                  <Table.Td key={field} maw={220}>
                    <Stack gap={4}>
                      <EnforcementBadge level={enforcement?.enforced_by} note={enforcement?.note} />
                      {enforcement?.note ? (
                        <Text size="xs" c="dimmed">
                          {enforcement.note}
                        </Text>
                      ) : null}
                    </Stack>
                  </Table.Td>
                );
              })}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
