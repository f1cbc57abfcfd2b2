import { Table, Text } from '@mantine/core';
import type { VendorCapabilities } from '@/api/api-types';
import { policyFieldLabels, type PolicyField } from '@/features/vendors/capability-lookup';
import { EnforcementBadge } from '@/shared/enforcement-badge';
import { vendorName } from '@/shared/vendor-names';

const fields = Object.keys(policyFieldLabels) as PolicyField[];

/** Who enforces each policy field at each vendor: stated honestly, never implied. */
export function CapabilitiesTable({ capabilities }: { capabilities: VendorCapabilities }) {
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table verticalSpacing="sm" withColumnBorders aria-label="Vendor capabilities">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Vendor</Table.Th>
            <Table.Th>Scope per developer</Table.Th>
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
                <Text size="sm">{capability.scope}</Text>
                {capability.notes.map((note) => (
                  <Text key={note} size="xs" c="dimmed">
                    {note}
                  </Text>
                ))}
              </Table.Td>
              {fields.map((field) => (
                <Table.Td key={field}>
                  <EnforcementBadge level={capability[field]} />
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
