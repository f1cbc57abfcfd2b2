import { Button, Paper, Stack, Title } from '@mantine/core';
import { useState } from 'react';
import type { VendorConnection } from '@/api/api-types';
import { useCan } from '@/auth/use-auth';
import { CapabilitiesTable } from '@/features/vendors/capabilities-table';
import { ConnectionFormModal } from '@/features/vendors/connection-form-modal';
import { ConnectionsTable } from '@/features/vendors/connections-table';
import { DeleteConnectionModal } from '@/features/vendors/delete-connection-modal';
import { useCapabilities, useConnections } from '@/features/vendors/use-vendors';
import { EmptyPanel } from '@/shared/empty-panel';
import { PageHeader } from '@/shared/page-header';
import { QuerySection } from '@/shared/query-section';

export default function VendorsPage() {
  const canWrite = useCan('vendors:write');
  const connections = useConnections();
  const capabilities = useCapabilities();
  const [editing, setEditing] = useState<VendorConnection | null>(null);
  const [formOpen, setFormOpen] = useState(false);
  const [deleting, setDeleting] = useState<VendorConnection | null>(null);

  return (
    <>
      <PageHeader
        title="Vendors"
        description="Admin connections KeyGate uses to create scopes and keys. Credentials are encrypted and never shown again."
        actions={
          canWrite ? (
            <Button
              onClick={() => {
                setEditing(null);
                setFormOpen(true);
              }}
            >
              Add connection
            </Button>
          ) : null
        }
      />
      <Stack gap="xl">
        <QuerySection query={connections} label="vendor connections">
          {(data) =>
            data.length === 0 ? (
              <EmptyPanel
                title="No vendor connections"
                description={
                  canWrite
                    ? 'Add an admin credential for OpenAI, Anthropic, Azure OpenAI or Google Vertex AI to start issuing keys.'
                    : 'An owner must add a vendor connection before keys can be issued.'
                }
              />
            ) : (
              <Paper withBorder radius="md">
                <ConnectionsTable
                  connections={data}
                  canWrite={canWrite}
                  onEdit={(connection) => {
                    setEditing(connection);
                    setFormOpen(true);
                  }}
                  onDelete={setDeleting}
                />
              </Paper>
            )
          }
        </QuerySection>
        <div>
          <Title order={4} mb="sm">
            What each vendor can enforce
          </Title>
          <QuerySection query={capabilities} label="capabilities">
            {(data) => (
              <Paper withBorder radius="md">
                <CapabilitiesTable capabilities={data} />
              </Paper>
            )}
          </QuerySection>
        </div>
      </Stack>
      <ConnectionFormModal connection={editing} opened={formOpen} onClose={() => setFormOpen(false)} />
      {deleting ? <DeleteConnectionModal connection={deleting} onClose={() => setDeleting(null)} /> : null}
    </>
  );
}
