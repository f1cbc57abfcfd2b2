import { Avatar, Badge, Group, Menu, Text, UnstyledButton } from '@mantine/core';
import { useNavigate } from 'react-router';
import { useAuth, useCurrentUser } from '@/auth/use-auth';

export function UserMenu() {
  const user = useCurrentUser();
  const { signOut } = useAuth();
  const navigate = useNavigate();
  const initials = (user.name || user.email)
    .split(/[\s@.]+/)
    .slice(0, 2)
    .map((part) => part.charAt(0).toUpperCase())
    .join('');

  return (
    <Menu position="bottom-end" width={240}>
      <Menu.Target>
        <UnstyledButton aria-label="Account menu">
          <Group gap="xs" wrap="nowrap">
            <Avatar radius="xl" size="sm" color="indigo">
              {initials}
            </Avatar>
            <Text size="sm" fw={500} visibleFrom="sm">
              {user.name || user.email}
            </Text>
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          <Text size="sm" c="var(--mantine-color-text)" truncate>
            {user.email}
          </Text>
          <Group gap={6} mt={4}>
            <Badge size="xs" variant="light">
              {user.role}
            </Badge>
            <Text size="xs" truncate>
              {user.organization.name}
            </Text>
          </Group>
        </Menu.Label>
        <Menu.Divider />
        <Menu.Item
          color="red"
          onClick={() => {
            void signOut().then(() => navigate('/sign-in', { replace: true }));
          }}
        >
          Sign out
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
