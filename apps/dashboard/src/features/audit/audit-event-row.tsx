import { Code, Collapse, Stack, Table, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { AuditEvent } from '@/api/api-types';
import { AuditOutcomeBadge } from '@/features/audit/audit-outcome-badge';
import { formatDateTime } from '@/shared/format';

export function AuditEventRow({ event }: { event: AuditEvent }) {
  const [open, { toggle }] = useDisclosure(false);
  const actor = event.actor.label ?? event.actor.id ?? event.actor.type;
  const target = event.target.id ? `${event.target.type ?? ''} ${event.target.id}`.trim() : '—';
  return (
    <>
      <Table.Tr>
        <Table.Td>
          <Text size="xs" c="dimmed">
            #{event.seq}
          </Text>
        </Table.Td>
        <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(event.occurred_at)}</Table.Td>
        <Table.Td>
          <UnstyledButton onClick={toggle} aria-expanded={open} aria-label={`Details of ${event.action}`}>
            <Text size="sm" ff="monospace" c="indigo">
              {event.action}
            </Text>
          </UnstyledButton>
        </Table.Td>
        <Table.Td>
          <AuditOutcomeBadge outcome={event.outcome} />
        </Table.Td>
        <Table.Td>{actor}</Table.Td>
        <Table.Td maw={240}>
          <Text size="sm" truncate title={target}>
            {target}
          </Text>
        </Table.Td>
      </Table.Tr>
      <Table.Tr style={{ display: open ? undefined : 'none' }}>
        <Table.Td colSpan={6} bg="var(--mantine-color-gray-0)">
          <Collapse expanded={open}>
            <Stack gap={4}>
              <Text size="xs">
                Request {event.request_id ?? '—'} · IP {event.ip ?? '—'} ·{' '}
                {event.user_agent ?? 'no user agent'}
              </Text>
              <Text size="xs" ff="monospace" style={{ wordBreak: 'break-all' }}>
                hash {event.hash} ← prev {event.prev_hash}
              </Text>
              <Code block>{JSON.stringify(event.details, null, 2)}</Code>
            </Stack>
          </Collapse>
        </Table.Td>
      </Table.Tr>
    </>
  );
}
