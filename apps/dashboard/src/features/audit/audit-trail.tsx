import { Group, Text, Timeline } from '@mantine/core';
import { AuditOutcomeBadge } from '@/features/audit/audit-outcome-badge';
import { useAuditTrail } from '@/features/audit/use-audit';
import { EmptyPanel } from '@/shared/empty-panel';
import { formatDateTime } from '@/shared/format';
import { QuerySection } from '@/shared/query-section';

/** Everything that happened to one object, from the audit log. */
export function AuditTrail({ targetId }: { targetId: string }) {
  const trail = useAuditTrail(targetId);
  return (
    <QuerySection query={trail} label="audit trail">
      {(data) =>
        data.items.length === 0 ? (
          <EmptyPanel title="No events yet" description="Changes to this object will be listed here." />
        ) : (
          <Timeline bulletSize={12} lineWidth={2} aria-label="Audit trail">
            {data.items.map((event) => (
              <Timeline.Item
                key={event.id}
                color={event.outcome === 'success' ? 'indigo' : 'red'}
                title={
                  <Group gap="xs">
                    <Text size="sm" fw={600} ff="monospace">
                      {event.action}
                    </Text>
                    <AuditOutcomeBadge outcome={event.outcome} />
                  </Group>
                }
              >
                <Text size="xs" c="dimmed">
                  {formatDateTime(event.occurred_at)} by{' '}
                  {event.actor.label ?? event.actor.id ?? event.actor.type}
                </Text>
              </Timeline.Item>
            ))}
          </Timeline>
        )
      }
    </QuerySection>
  );
}
