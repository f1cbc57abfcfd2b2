import { Box, Button, Paper } from '@mantine/core';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import type { ProvisionedKey, RevealedKey } from '@/api/api-types';
import { allItems } from '@/api/paged';
import { useCan, useCurrentUser } from '@/auth/use-auth';
import { IdentifyKeyModal } from '@/features/keys/identify-key-modal';
import { KeyCards } from '@/features/keys/key-cards';
import { KeyFilters } from '@/features/keys/key-filters';
import { KeyRevealModal } from '@/features/keys/key-reveal-modal';
import { KeysTable } from '@/features/keys/keys-table';
import { ProvisionKeyWizard } from '@/features/keys/provision-key-wizard';
import { useKeys, type KeyFilters as Filters } from '@/features/keys/use-keys';
import { EmptyPanel } from '@/shared/empty-panel';
import { asKeyStatus } from '@/shared/key-statuses';
import { LoadMoreButton } from '@/shared/load-more-button';
import { PageHeader } from '@/shared/page-header';
import { QuerySection } from '@/shared/query-section';

export default function KeysPage() {
  const user = useCurrentUser();
  const canProvisionAny = useCan('keys:write');
  const canProvisionOwn = useCan('keys:write_own') && user.developer_id !== null;
  const canProvision = canProvisionAny || canProvisionOwn;
  const canIdentify = useCan('keys:read');
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const filters: Filters = {
    vendor: params.get('vendor') ?? undefined,
    developer_id: params.get('developer_id') ?? undefined,
    status: asKeyStatus(params.get('status')),
  };
  const keys = useKeys(filters);
  const [wizardOpen, setWizardOpen] = useState(false);
  const [identifyOpen, setIdentifyOpen] = useState(false);
  // The one-time secret lives here, in component state only, until the reveal is closed.
  const [revealed, setRevealed] = useState<RevealedKey | null>(null);

  const onProvisioned = (key: ProvisionedKey) => {
    if (key.api_key) setRevealed({ ...key, api_key: key.api_key });
    else void navigate(`/keys/${key.key_id}`);
  };

  return (
    <>
      <PageHeader
        title="Keys"
        description="Every vendor key KeyGate issued, its policy and where it stands."
        actions={
          <>
            {canIdentify ? (
              <Button variant="default" onClick={() => setIdentifyOpen(true)}>
                Identify a leaked key
              </Button>
            ) : null}
            {canProvision ? <Button onClick={() => setWizardOpen(true)}>Provision key</Button> : null}
          </>
        }
      />
      <KeyFilters
        filters={filters}
        onChange={(next) =>
          setParams(Object.fromEntries(Object.entries(next).filter(([, value]) => Boolean(value))))
        }
      />
      <QuerySection query={keys} label="keys">
        {(data) => {
          const items = allItems(data.pages);
          if (items.length === 0) {
            return (
              <EmptyPanel
                title={Object.values(filters).some(Boolean) ? 'No key matches these filters' : 'No keys yet'}
                description={
                  canProvision
                    ? 'Provision a key for a developer: KeyGate creates their scope at the vendor and shows the key once.'
                    : 'Keys appear here once an admin provisions them.'
                }
              />
            );
          }
          return (
            <>
              <Paper withBorder radius="md" visibleFrom="sm">
                <KeysTable keys={items} />
              </Paper>
              <Box hiddenFrom="sm">
                <KeyCards keys={items} />
              </Box>
            </>
          );
        }}
      </QuerySection>
      <LoadMoreButton
        hasMore={keys.hasNextPage}
        loading={keys.isFetchingNextPage}
        onLoadMore={() => void keys.fetchNextPage()}
      />
      {canProvision ? (
        <ProvisionKeyWizard
          opened={wizardOpen}
          onClose={() => setWizardOpen(false)}
          onProvisioned={onProvisioned}
          initialDeveloperId={canProvisionAny ? undefined : (user.developer_id ?? undefined)}
        />
      ) : null}
      <KeyRevealModal revealed={revealed} onClose={() => setRevealed(null)} />
      <IdentifyKeyModal opened={identifyOpen} onClose={() => setIdentifyOpen(false)} />
    </>
  );
}
