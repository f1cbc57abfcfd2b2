import { Button, Paper, Stack } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useSearchParams } from 'react-router';
import { allItems } from '@/api/paged';
import { AuditFilters } from '@/features/audit/audit-filters';
import { AuditTable } from '@/features/audit/audit-table';
import { ExportAuditButton } from '@/features/audit/export-audit-button';
import { useAuditEvents, useVerifyChain, type AuditFilters as Filters } from '@/features/audit/use-audit';
import { VerifyChainResult } from '@/features/audit/verify-chain-result';
import { EmptyPanel } from '@/shared/empty-panel';
import { LoadMoreButton } from '@/shared/load-more-button';
import { PageHeader } from '@/shared/page-header';
import { QuerySection } from '@/shared/query-section';

const filterNames = ['action', 'actor', 'target', 'since', 'until'] as const;

export default function AuditPage() {
  const [params, setParams] = useSearchParams();
  const filters: Filters = Object.fromEntries(
    filterNames.flatMap((name) => (params.get(name) ? [[name, params.get(name)]] : [])),
  );
  const [debounced] = useDebouncedValue(filters, 300);
  const events = useAuditEvents(debounced);
  const verify = useVerifyChain();

  return (
    <>
      <PageHeader
        title="Audit log"
        description="Every change, append-only and hash-chained: no event can be altered or removed unnoticed."
        actions={
          <>
            <Button variant="default" loading={verify.isPending} onClick={() => verify.mutate()}>
              Verify chain
            </Button>
            <ExportAuditButton filters={debounced} />
          </>
        }
      />
      {verify.data || verify.isError ? (
        <Stack mb="md">
          <VerifyChainResult result={verify.data} error={verify.error} />
        </Stack>
      ) : null}
      <AuditFilters
        filters={filters}
        onChange={(next) =>
          setParams(Object.fromEntries(Object.entries(next).filter(([, value]) => Boolean(value))), {
            replace: true,
          })
        }
      />
      <QuerySection query={events} label="audit events">
        {(data) => {
          const items = allItems(data.pages);
          return items.length === 0 ? (
            <EmptyPanel title="No events" description="No audit event matches these filters." />
          ) : (
            <Paper withBorder radius="md">
              <AuditTable events={items} />
            </Paper>
          );
        }}
      </QuerySection>
      <LoadMoreButton
        hasMore={events.hasNextPage}
        loading={events.isFetchingNextPage}
        onLoadMore={() => void events.fetchNextPage()}
      />
    </>
  );
}
