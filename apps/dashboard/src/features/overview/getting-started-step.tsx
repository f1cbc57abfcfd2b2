import { List, Text, ThemeIcon } from '@mantine/core';
import type { ReactNode } from 'react';

export function GettingStartedStep({
  done,
  number,
  children,
}: {
  done: boolean;
  number: number;
  children: ReactNode;
}) {
  return (
    <List.Item
      icon={
        <ThemeIcon size={20} radius="xl" color={done ? 'green' : 'gray'} variant={done ? 'filled' : 'light'}>
          <Text size="xs" fw={700} c={done ? 'white' : 'dimmed'}>
            {done ? '✓' : number}
          </Text>
        </ThemeIcon>
      }
    >
      <Text size="sm" td={done ? 'line-through' : undefined} c={done ? 'dimmed' : undefined}>
        {children}
      </Text>
    </List.Item>
  );
}
