import { Alert, Button, Group, Text } from '@mantine/core';
import { describeError } from '@/shared/describe-error';

interface ErrorAlertProps {
  error: unknown;
  onRetry?: () => void;
}

export function ErrorAlert({ error, onRetry }: ErrorAlertProps) {
  const { title, message, requestId } = describeError(error);
  return (
    <Alert color="red" variant="light" title={title} role="alert">
      <Text size="sm">{message}</Text>
      <Group justify="space-between" mt={requestId || onRetry ? 'xs' : 0}>
        {requestId ? (
          <Text size="xs" c="dimmed">
            Request id: {requestId}
          </Text>
        ) : (
          <span />
        )}
        {onRetry ? (
          <Button size="xs" variant="light" color="red" onClick={onRetry}>
            Try again
          </Button>
        ) : null}
      </Group>
    </Alert>
  );
}
