import type { ReactNode } from 'react';
import type { Permission } from '@/auth/permissions';
import { useCan } from '@/auth/use-auth';
import { EmptyPanel } from '@/shared/empty-panel';

/** For whole pages a role may not open (a typed URL still gets a clear answer, not a broken page). */
export function RequirePermission({ permission, children }: { permission: Permission; children: ReactNode }) {
  const allowed = useCan(permission);
  if (!allowed) {
    return (
      <EmptyPanel
        title="You do not have access to this page"
        description="Your role does not include it. An owner or admin can change your role."
      />
    );
  }
  return <>{children}</>;
}
