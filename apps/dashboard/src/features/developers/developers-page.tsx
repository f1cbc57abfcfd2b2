import { Button, Paper } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import type { Developer } from '@/api/api-types';
import { allItems } from '@/api/paged';
import { useCan } from '@/auth/use-auth';
import { DeactivateDeveloperModal } from '@/features/developers/deactivate-developer-modal';
import { DeveloperFilters } from '@/features/developers/developer-filters';
import { DeveloperFormModal } from '@/features/developers/developer-form-modal';
import { DevelopersTable } from '@/features/developers/developers-table';
import { useDevelopers, type DeveloperFilters as Filters } from '@/features/developers/use-developers';
import { EmptyPanel } from '@/shared/empty-panel';
import { LoadMoreButton } from '@/shared/load-more-button';
import { PageHeader } from '@/shared/page-header';
import { QuerySection } from '@/shared/query-section';

export default function DevelopersPage() {
  const canWrite = useCan('developers:write');
  const [filters, setFilters] = useState<Filters>({ active_only: true });
  const [debounced] = useDebouncedValue(filters, 250);
  const developers = useDevelopers(debounced);
  const [editing, setEditing] = useState<Developer | null>(null);
  const [formOpen, setFormOpen] = useState(false);
  const [deactivating, setDeactivating] = useState<Developer | null>(null);

  return (
    <>
      <PageHeader
        title="Developers"
        description="People who receive keys. Deactivating one revokes all of their keys."
        actions={
          canWrite ? (
            <Button
              onClick={() => {
                setEditing(null);
                setFormOpen(true);
              }}
            >
              Register developer
            </Button>
          ) : null
        }
      />
      <DeveloperFilters filters={filters} onChange={setFilters} />
      <QuerySection query={developers} label="developers">
        {(data) => {
          const items = allItems(data.pages);
          if (items.length === 0) {
            const filtered = Boolean(filters.search || filters.team);
            return (
              <EmptyPanel
                title={filtered ? 'No developer matches' : 'No developers yet'}
                description={
                  filtered
                    ? 'Try another name, email or team.'
                    : 'Register the people who need vendor keys; each gets a scope of their own at every vendor.'
                }
              />
            );
          }
          return (
            <Paper withBorder radius="md">
              <DevelopersTable
                developers={items}
                canWrite={canWrite}
                onEdit={(developer) => {
                  setEditing(developer);
                  setFormOpen(true);
                }}
                onDeactivate={setDeactivating}
              />
            </Paper>
          );
        }}
      </QuerySection>
      <LoadMoreButton
        hasMore={developers.hasNextPage}
        loading={developers.isFetchingNextPage}
        onLoadMore={() => void developers.fetchNextPage()}
      />
      <DeveloperFormModal developer={editing} opened={formOpen} onClose={() => setFormOpen(false)} />
      {deactivating ? (
        <DeactivateDeveloperModal developer={deactivating} onClose={() => setDeactivating(null)} />
      ) : null}
    </>
  );
}
