import { Anchor, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { AuditOutcomeBadge } from '@/features/audit/audit-outcome-badge';
import { useRecentActivity } from '@/features/overview/use-overview';
import { formatRelative } from '@/shared/format';
import { QuerySection } from '@/shared/query-section';

export function RecentActivityCard() {
  const activity = useRecentActivity();
  return (
    <Paper withBorder p="md" radius="md">
      <Group justify="space-between" mb="sm">
        <Title order={5}>Recent activity</Title>
        <Anchor component={Link} to="/audit" size="sm">
          Audit log
        </Anchor>
      </Group>
      <QuerySection query={activity} label="recent activity">
        {(data) =>
          data.items.length === 0 ? (
            <Text size="sm" c="dimmed">
              Nothing has happened yet.
            </Text>
          ) : (
            <Stack gap="xs">
              {data.items.map((event) => (
                <Group key={event.id} justify="space-between" wrap="nowrap" gap="xs">
                  <Stack gap={0} style={{ minWidth: 0 }}>
                    <Text size="sm" ff="monospace" truncate>
                      {event.action}
                    </Text>
                    <Text size="xs" c="dimmed" truncate>
                      {event.actor.label ?? event.actor.type} · {formatRelative(event.occurred_at)}
                    </Text>
                  </Stack>
                  <AuditOutcomeBadge outcome={event.outcome} />
                </Group>
              ))}
            </Stack>
          )
        }
      </QuerySection>
    </Paper>
  );
}
