import { Paper, Skeleton, Text } from '@mantine/core';
import type { ReactNode } from 'react';

interface StatCardProps {
  label: string;
  value: string | number | undefined;
  hint?: ReactNode;
  tone?: 'default' | 'warning' | 'danger';
}

const toneColor = { default: undefined, warning: 'orange.7', danger: 'red.7' } as const;

export function StatCard({ label, value, hint, tone = 'default' }: StatCardProps) {
  return (
    <Paper withBorder p="md" radius="md">
      <Text size="xs" tt="uppercase" fw={600} c="dimmed">
        {label}
      </Text>
      {value === undefined ? (
        <Skeleton height={32} mt={6} width={60} />
      ) : (
        <Text size="xl" fw={700} fz={28} c={toneColor[tone]} aria-label={`${label}: ${value}`}>
          {value}
        </Text>
      )}
      {hint ? (
        <Text size="xs" c="dimmed" mt={2}>
          {hint}
        </Text>
      ) : null}
    </Paper>
  );
}
