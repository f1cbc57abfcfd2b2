import { SimpleGrid, Stack } from '@mantine/core';
import { useCan } from '@/auth/use-auth';
import { GettingStartedCard } from '@/features/overview/getting-started-card';
import { KeyListCard } from '@/features/overview/key-list-card';
import { RecentActivityCard } from '@/features/overview/recent-activity-card';
import { StatCard } from '@/features/overview/stat-card';
import {
  countByVendor,
  keysExpiringWithinAWeek,
  keysWithDrift,
  useActiveDevelopers,
  useActiveKeys,
  useRevokeFailedKeys,
  type Counted,
} from '@/features/overview/use-overview';
import { VendorBreakdownCard } from '@/features/overview/vendor-breakdown-card';
import { useConnections } from '@/features/vendors/use-vendors';
import { ErrorAlert } from '@/shared/error-alert';
import { PageHeader } from '@/shared/page-header';

function countLabel<T>(list: Counted<T> | undefined): string | undefined {
  return list ? `${list.items.length}${list.more ? '+' : ''}` : undefined;
}

export default function OverviewPage() {
  const canSeeDevelopers = useCan('developers:read');
  const canSeeAudit = useCan('audit:read');
  const developers = useActiveDevelopers(canSeeDevelopers);
  const activeKeys = useActiveKeys();
  const revokeFailed = useRevokeFailedKeys();
  const active = activeKeys.data?.items;
  const expiring = active ? keysExpiringWithinAWeek(active) : undefined;
  const attention =
    active && revokeFailed.data ? [...revokeFailed.data.items, ...keysWithDrift(active)] : undefined;
  const error = developers.error ?? activeKeys.error ?? revokeFailed.error;
  const canSetUp = useCan('developers:write');
  const connections = useConnections();
  const setupDone =
    (connections.data?.length ?? 0) > 0 &&
    (developers.data?.items.length ?? 0) > 0 &&
    (active?.length ?? 0) > 0;
  const setupKnown = connections.isSuccess && developers.isSuccess && activeKeys.isSuccess;

  return (
    <>
      <PageHeader title="Overview" description="Keys in use, what needs attention and what changed lately." />
      <Stack gap="lg">
        {error ? <ErrorAlert error={error} /> : null}
        {canSetUp && setupKnown && !setupDone ? (
          <GettingStartedCard
            hasConnection={(connections.data?.length ?? 0) > 0}
            hasDeveloper={(developers.data?.items.length ?? 0) > 0}
            hasKey={(active?.length ?? 0) > 0}
          />
        ) : null}
        <SimpleGrid cols={{ base: 2, md: 4 }}>
          {canSeeDevelopers ? (
            <StatCard label="Active developers" value={countLabel(developers.data)} />
          ) : null}
          <StatCard label="Active keys" value={countLabel(activeKeys.data)} />
          <StatCard
            label="Expiring in 7 days"
            value={expiring?.length}
            tone={expiring && expiring.length > 0 ? 'warning' : 'default'}
          />
          <StatCard
            label="Need attention"
            value={attention?.length}
            hint="revoke failed or drifted"
            tone={attention && attention.length > 0 ? 'danger' : 'default'}
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, md: 3 }}>
          <VendorBreakdownCard counts={active ? countByVendor(active) : undefined} />
          <KeyListCard
            title="Expiring in 7 days"
            keys={expiring}
            emptyText="No key expires this week."
            show="expires"
          />
          <KeyListCard
            title="Revoke failed or drift"
            keys={attention}
            emptyText="Every key is where it should be."
            show="status"
          />
        </SimpleGrid>
        {canSeeAudit ? <RecentActivityCard /> : null}
      </Stack>
    </>
  );
}
