import { Alert, Anchor, Button, Group, Paper, SimpleGrid, Stack, Title } from '@mantine/core';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { RevealedKey } from '@/api/api-types';
import { useCan, useCurrentUser } from '@/auth/use-auth';
import { AuditTrail } from '@/features/audit/audit-trail';
import { AwaitingKeyInstructions } from '@/features/keys/awaiting-key-instructions';
import { KeyDriftAlert } from '@/features/keys/key-drift-alert';
import { KeySuspensionAlert } from '@/features/keys/key-suspension-alert';
import { KeyFactsTable } from '@/features/keys/key-facts-table';
import { KeyPolicyTable } from '@/features/keys/key-policy-table';
import { KeyRevealModal } from '@/features/keys/key-reveal-modal';
import { RevokeKeyModal } from '@/features/keys/revoke-key-modal';
import { RotateKeyModal } from '@/features/keys/rotate-key-modal';
import { useKey } from '@/features/keys/use-keys';
import { formatDateTime } from '@/shared/format';
import { KeyStatusBadge } from '@/shared/key-status-badge';
import { liveKeyStatuses } from '@/shared/key-statuses';
import { PageHeader } from '@/shared/page-header';
import { QuerySection } from '@/shared/query-section';

export default function KeyDetailPage() {
  const { keyId = '' } = useParams();
  const key = useKey(keyId);
  const navigate = useNavigate();
  const user = useCurrentUser();
  const canWriteAny = useCan('keys:write');
  const canWriteOwn = useCan('keys:write_own');
  const canReadAudit = useCan('audit:read');
  const [dialog, setDialog] = useState<'revoke' | 'rotate' | null>(null);
  const [revealed, setRevealed] = useState<RevealedKey | null>(null);

  return (
    <>
      <Anchor component={Link} to="/keys" size="sm" mb="xs" display="inline-block">
        ← All keys
      </Anchor>
      <QuerySection query={key} label="key">
        {(issuedKey) => {
          const own = user.developer_id !== null && issuedKey.developer_id === user.developer_id;
          const live = liveKeyStatuses.has(issuedKey.status);
          return (
            <>
              <PageHeader
                title={issuedKey.key_hint ?? issuedKey.key_id}
                description={<KeyStatusBadge status={issuedKey.status} />}
                actions={
                  live ? (
                    <>
                      {(canWriteAny || (canWriteOwn && own)) && issuedKey.status === 'active' ? (
                        <Button variant="default" onClick={() => setDialog('rotate')}>
                          Rotate
                        </Button>
                      ) : null}
                      {canWriteAny || (canWriteOwn && own) ? (
                        <Button color="red" variant="light" onClick={() => setDialog('revoke')}>
                          Revoke
                        </Button>
                      ) : null}
                    </>
                  ) : null
                }
              />
              <Stack gap="lg">
                {issuedKey.status === 'awaiting_key' ? (
                  <AwaitingKeyInstructions issuedKey={issuedKey} />
                ) : null}
                {issuedKey.status === 'suspended' ? <KeySuspensionAlert issuedKey={issuedKey} /> : null}
                {issuedKey.drift ? <KeyDriftAlert issuedKey={issuedKey} /> : null}
                {issuedKey.last_error ? (
                  <Alert
                    color="red"
                    variant="light"
                    title={
                      issuedKey.status === 'revoke_failed'
                        ? `Revocation not confirmed by the vendor after ${issuedKey.revoke_attempts} attempt(s); KeyGate keeps retrying`
                        : 'Last error'
                    }
                  >
                    {issuedKey.last_error}
                  </Alert>
                ) : null}
                {issuedKey.revoke_after && issuedKey.status === 'active' ? (
                  <Alert color="blue" variant="light" title="Rotated: this key stops working soon">
                    KeyGate revokes it at {formatDateTime(issuedKey.revoke_after)}, when the rotation grace
                    period ends.
                  </Alert>
                ) : null}
                <SimpleGrid cols={{ base: 1, md: 2 }}>
                  <KeyFactsTable issuedKey={issuedKey} />
                  <KeyPolicyTable issuedKey={issuedKey} />
                </SimpleGrid>
                {canReadAudit ? (
                  <Paper withBorder p="md" radius="md">
                    <Group justify="space-between" mb="sm">
                      <Title order={4}>Audit trail</Title>
                      <Anchor component={Link} to={`/audit?target=${issuedKey.key_id}`} size="sm">
                        Open in the audit log
                      </Anchor>
                    </Group>
                    <AuditTrail targetId={issuedKey.key_id} />
                  </Paper>
                ) : null}
              </Stack>
              <RevokeKeyModal
                issuedKey={issuedKey}
                opened={dialog === 'revoke'}
                onClose={() => setDialog(null)}
              />
              <RotateKeyModal
                issuedKey={issuedKey}
                opened={dialog === 'rotate'}
                onClose={() => setDialog(null)}
                onRotated={(rotated) =>
                  rotated.api_key && setRevealed({ ...rotated, api_key: rotated.api_key })
                }
              />
            </>
          );
        }}
      </QuerySection>
      <KeyRevealModal
        revealed={revealed}
        onClose={() => {
          const next = revealed?.key_id;
          setRevealed(null);
          if (next) void navigate(`/keys/${next}`);
        }}
      />
    </>
  );
}
