import { Alert, Button, Group, Text } from '@mantine/core';
import { useVerifyChain } from '@/features/audit/use-audit';
import { ErrorAlert } from '@/shared/error-alert';

/** Recomputes the organization's hash chain on the server and names the first broken link. */
export function VerifyChainPanel() {
  const verify = useVerifyChain();
  const result = verify.data;
  return (
    <>
      <Button variant="default" loading={verify.isPending} onClick={() => verify.mutate()}>
        Verify chain
      </Button>
      {result || verify.isError ? (
        <div style={{ flexBasis: '100%' }}>
          {verify.isError ? <ErrorAlert error={verify.error} /> : null}
          {result?.ok ? (
            <Alert color="green" variant="light" title="Audit chain intact" role="status">
              {result.checked} events checked up to #{result.head_seq}; every hash links to the one before it.
            </Alert>
          ) : null}
          {result && !result.ok ? (
            <Alert color="red" variant="light" title="Audit chain broken" role="alert">
              <Group gap="xs">
                <Text size="sm">
                  {result.checked} events checked. First broken link: event #{result.first_broken?.seq ?? '?'}{' '}
                  ({result.first_broken?.reason ?? 'unknown reason'}).
                </Text>
              </Group>
            </Alert>
          ) : null}
        </div>
      ) : null}
    </>
  );
}
