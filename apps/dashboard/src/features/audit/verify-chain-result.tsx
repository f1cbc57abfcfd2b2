import { Alert } from '@mantine/core';
import type { AuditVerification } from '@/api/api-types';
import { ErrorAlert } from '@/shared/error-alert';

interface VerifyChainResultProps {
  result: AuditVerification | undefined;
  error: unknown;
}

/** What the server found when it recomputed the organization's hash chain. */
export function VerifyChainResult({ result, error }: VerifyChainResultProps) {
  if (error) return <ErrorAlert error={error} />;
  if (!result) return null;
  if (result.ok) {
    return (
      <Alert color="green" variant="light" title="Audit chain intact" role="status">
        {result.checked} events checked up to #{result.head_seq}; every hash links to the one before it.
      </Alert>
    );
  }
  return (
    <Alert color="red" variant="light" title="Audit chain broken" role="alert">
      {result.checked} events checked. First broken link: event #{result.first_broken?.seq ?? '?'} (
      {result.first_broken?.reason ?? 'unknown reason'}). The log was altered outside KeyGate: keep an export
      and investigate.
    </Alert>
  );
}
