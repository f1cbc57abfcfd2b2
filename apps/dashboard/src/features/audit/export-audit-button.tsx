import { Button, Tooltip } from '@mantine/core';
import { useExportAudit, type AuditFilters } from '@/features/audit/use-audit';
import { describeError } from '@/shared/describe-error';

export function ExportAuditButton({ filters }: { filters: AuditFilters }) {
  const exporter = useExportAudit();
  return (
    <Tooltip
      label={
        exporter.isError ? describeError(exporter.error).message : 'Download the filtered events as NDJSON'
      }
      color={exporter.isError ? 'red' : undefined}
      opened={exporter.isError ? true : undefined}
    >
      <Button variant="default" loading={exporter.isPending} onClick={() => exporter.mutate(filters)}>
        Export NDJSON
      </Button>
    </Tooltip>
  );
}
