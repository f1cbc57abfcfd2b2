import { NavLink as MantineNavLink, Stack } from '@mantine/core';
import { NavLink, useLocation } from 'react-router';
import { can } from '@/auth/permissions';
import { useCurrentUser } from '@/auth/use-auth';
import { navItems } from '@/layout/nav-items';

export function MainNav({ onNavigate }: { onNavigate: () => void }) {
  const user = useCurrentUser();
  const { pathname } = useLocation();
  const visible = navItems.filter(
    (item) => !item.anyOf || item.anyOf.some((permission) => can(user, permission)),
  );
  return (
    <Stack gap={2} component="nav" aria-label="Main">
      {visible.map((item) => {
        const active = item.to === '/' ? pathname === '/' : pathname.startsWith(item.to);
        return (
          <MantineNavLink
            key={item.to}
            component={NavLink}
            to={item.to}
            label={item.label}
            active={active}
            onClick={onNavigate}
            variant="light"
            styles={{ root: { borderRadius: 'var(--mantine-radius-md)' }, label: { fontWeight: 500 } }}
          />
        );
      })}
    </Stack>
  );
}
