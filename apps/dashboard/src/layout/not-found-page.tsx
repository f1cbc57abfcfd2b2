import { Button } from '@mantine/core';
import { Link } from 'react-router';
import { EmptyPanel } from '@/shared/empty-panel';

export function NotFoundPage() {
  return (
    <EmptyPanel
      title="Page not found"
      description="This address does not match any page of the dashboard."
      action={
        <Button component={Link} to="/" variant="light">
          Go to the overview
        </Button>
      }
    />
  );
}
