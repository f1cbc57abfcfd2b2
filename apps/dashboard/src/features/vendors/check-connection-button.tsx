import { Button, Popover, Text } from '@mantine/core';
import { useCheckConnection } from '@/features/vendors/use-vendors';
import { describeError } from '@/shared/describe-error';

/** Runs a live check against the vendor's admin API and shows what it answered. */
export function CheckConnectionButton({ connectionId }: { connectionId: string }) {
  const check = useCheckConnection();
  const result = check.data;
  const failed = check.isError || (result !== undefined && !result.ok);
  const message = check.isError ? describeError(check.error).message : result?.message;
  const missing = result?.missing_permissions ?? [];
  return (
    <Popover
      opened={check.isSuccess || check.isError}
      onChange={() => check.reset()}
      withArrow
      width={280}
      position="bottom-end"
    >
      <Popover.Target>
        <Button
          size="compact-sm"
          variant="light"
          loading={check.isPending}
          onClick={() => check.mutate(connectionId)}
        >
          Check
        </Button>
      </Popover.Target>
      <Popover.Dropdown role="status">
        <Text size="sm" fw={600} c={failed ? 'red' : 'green'}>
          {failed ? 'Check failed' : 'Connection works'}
        </Text>
        {message ? <Text size="sm">{message}</Text> : null}
        {missing.length > 0 ? <Text size="xs">Missing permissions: {missing.join(', ')}</Text> : null}
      </Popover.Dropdown>
    </Popover>
  );
}
