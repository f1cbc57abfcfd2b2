import { Group, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import { vendorNames } from '@/shared/vendor-names';

export function VendorBreakdownCard({ counts }: { counts: Record<string, number> | undefined }) {
  const total = counts ? Object.values(counts).reduce((sum, count) => sum + count, 0) : 0;
  return (
    <Paper withBorder p="md" radius="md">
      <Title order={5} mb="sm">
        Active keys per vendor
      </Title>
      <Stack gap="sm">
        {Object.entries(vendorNames).map(([vendor, name]) => {
          const count = counts?.[vendor] ?? 0;
          return (
            <div key={vendor}>
              <Group justify="space-between" mb={4}>
                <Text size="sm">{name}</Text>
                <Text size="sm" fw={600} aria-label={`${name} active keys`}>
                  {counts ? count : '…'}
                </Text>
              </Group>
              <Progress value={total > 0 ? (count / total) * 100 : 0} size="sm" aria-hidden />
            </div>
          );
        })}
      </Stack>
    </Paper>
  );
}
