import { Button, Stack } from '@mantine/core';
import { useRouteError } from 'react-router';
import { ErrorAlert } from '@/shared/error-alert';

/** A page that failed to render keeps the shell around it and says so, instead of a blank screen. */
export function RouteError() {
  const error = useRouteError();
  return (
    <Stack gap="md" maw={640}>
      <ErrorAlert error={error} />
      <Button variant="default" onClick={() => window.location.reload()} w="fit-content">
        Reload the page
      </Button>
    </Stack>
  );
}
