import { EmptyState, Paper } from '@mantine/core';
import type { ReactNode } from 'react';

interface EmptyPanelProps {
  title: string;
  description: ReactNode;
  action?: ReactNode;
}

export function EmptyPanel({ title, description, action }: EmptyPanelProps) {
  return (
    <Paper withBorder p="xl" radius="md">
      <EmptyState title={title} description={description}>
        {action}
      </EmptyState>
    </Paper>
  );
}
